import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  classifyAddress,
  compileAllow,
  IPV4_RANGES,
  IPV6_RANGES,
  judgeAddress,
  parseBaseUrl,
  staticUrlCheck,
} from '../../src/core/url/index.js';

describe('range tables', () => {
  test('every row is a well-formed, aligned CIDR and no two rows share one', () => {
    for (const [rows, max] of [[IPV4_RANGES, 32], [IPV6_RANGES, 128]] as const) {
      const seen = new Set<string>();
      for (const [cidr, name] of rows) {
        const [addr, bits] = cidr.split('/');
        assert.ok(Number(bits) >= 0 && Number(bits) <= max, cidr);
        const cls = classifyAddress(addr!);
        assert.notEqual(cls.range, 'Not an IP address', cidr);
        assert.ok(!seen.has(cidr), `duplicate ${cidr}`);
        seen.add(cidr);
        assert.ok(name.length > 0);
      }
    }
  });

  test('a row decides its own network address unless a narrower row covers it', () => {
    const all = [...IPV4_RANGES, ...IPV6_RANGES];
    for (const [cidr, name, scope] of all) {
      const [addr, bits] = cidr.split('/');
      const narrower = all.some(([other]) => other !== cidr && other.split('/')[0] === addr && Number(other.split('/')[1]) > Number(bits));
      const cls = classifyAddress(addr!);
      if (narrower || scope === 'embedded') continue;
      assert.equal(cls.range, name, cidr);
      assert.equal(cls.globallyReachable, scope === 'global', cidr);
    }
  });
});

describe('classifyAddress', () => {
  const cases: Array<[string, boolean, string, string?]> = [
    ['8.8.8.8', true, 'Public unicast'],
    ['10.0.0.1', false, 'Private-Use'],
    ['100.100.100.200', false, 'Cloud metadata service (Alibaba Cloud)'],
    ['168.63.129.16', false, 'Cloud platform service (Azure WireServer)'],
    ['192.0.0.9', true, 'Port Control Protocol Anycast'],
    ['192.0.0.11', false, 'IETF Protocol Assignments'],
    ['2606:4700::1111', true, 'Global Unicast'],
    ['4000::1', false, 'Outside IPv6 global unicast (2000::/3)'],
    ['::ffff:10.0.0.1', false, 'IPv4-mapped Address → Private-Use', '10.0.0.1'],
    ['::ffff:8.8.8.8', true, 'IPv4-mapped Address → Public unicast', '8.8.8.8'],
    ['::8.8.8.8', false, 'IPv4-compatible Address (deprecated)', '8.8.8.8'],
    ['64:ff9b::808:808', true, 'IPv4-IPv6 Translation (NAT64 well-known prefix) → Public unicast', '8.8.8.8'],
    ['64:ff9b::a9fe:a9fe', false, 'IPv4-IPv6 Translation (NAT64 well-known prefix) → Cloud metadata service (AWS, Azure, Google Cloud, Oracle, DigitalOcean, OpenStack)', '169.254.169.254'],
    ['64:ff9b:1::808:808', false, 'IPv4-IPv6 Translation (NAT64 local-use prefix)', '8.8.8.8'],
    ['2002:c0a8:101::1', false, '6to4 → Private-Use', '192.168.1.1'],
    ['2002:808:808::1', true, '6to4 → Public unicast', '8.8.8.8'],
    // Teredo: server 65.54.227.120, client 192.0.2.45 stored inverted.
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false, 'TEREDO → Documentation (TEST-NET-1)', '192.0.2.45'],
    ['2001:0:a00:1::f7f7:f7f7', false, 'TEREDO → Private-Use', '10.0.0.1'],
    ['2001:0:808:808::f7f7:f7f7', true, 'TEREDO → Public unicast', '8.8.8.8'],
    ['fd00:ec2::254', false, 'Cloud metadata service (AWS, IPv6)'],
    ['fe80::1%eth0', false, 'Link-Local Unicast'],
    ['not an address', false, 'Not an IP address'],
  ];
  for (const [ip, reachable, range, embedded] of cases) {
    test(ip, () => {
      const cls = classifyAddress(ip);
      assert.equal(cls.globallyReachable, reachable);
      assert.equal(cls.range, range);
      assert.equal(cls.embeddedIPv4, embedded);
    });
  }

  test('odd IPv4 spellings read as the URL parser reads them', () => {
    for (const odd of ['0x7f.1', '2130706433', '0177.0.0.1', '127.1', '0x7f000001']) {
      assert.equal(classifyAddress(odd).address, '127.0.0.1', odd);
    }
  });

  test('a dotted tail after :: is IPv4-compatible, not mapped', () => {
    assert.equal(classifyAddress('::127.0.0.1').address, '::7f00:1');
  });

  test('reports scopes for the check that fails', () => {
    assert.equal(classifyAddress('127.0.0.1').scope, 'private');
    assert.equal(classifyAddress('192.0.2.1').scope, 'reserved');
    assert.equal(classifyAddress('169.254.169.254').scope, 'metadata');
  });
});

describe('parseBaseUrl', () => {
  test('normalises host names and keeps or drops the path as asked', () => {
    const typed = 'https://Bücher.DE:443/Jira/Sub/?q=1#frag';
    const whole = parseBaseUrl(typed);
    const context = parseBaseUrl(typed, { keepsContextPath: true });
    const origin = parseBaseUrl(typed, { keepsContextPath: false });
    assert.ok(whole.ok && context.ok && origin.ok);
    assert.equal(whole.url.normalized, 'https://xn--bcher-kva.de/Jira/Sub/?q=1');
    assert.equal(context.url.normalized, 'https://xn--bcher-kva.de/Jira/Sub');
    assert.equal(origin.url.normalized, 'https://xn--bcher-kva.de');
    assert.equal(whole.url.port, 443);
    assert.equal(whole.url.literal, undefined);
  });

  test('marks literal hosts', () => {
    const v4 = parseBaseUrl('https://0x7f.1:8443/');
    const v6 = parseBaseUrl('https://[2606:4700::1111]/');
    assert.ok(v4.ok && v6.ok);
    assert.deepEqual(v4.url.literal, { address: '127.0.0.1', family: 4 });
    assert.deepEqual(v6.url.literal, { address: '2606:4700::1111', family: 6 });
    assert.equal(v4.url.port, 8443);
  });

  test('names the failure and never keeps user info', () => {
    const expectFailure = (input: unknown, reason: string, options = {}) => {
      const r = parseBaseUrl(input, options);
      assert.equal(r.ok, false, String(input));
      if (!r.ok) assert.equal(r.failure.reason, reason, String(input));
      return r;
    };
    expectFailure('http://a.example/', 'scheme');
    expectFailure('ftp://a.example/', 'scheme', { allowHttp: true });
    const userinfo = expectFailure('https://me:pw@a.example/x', 'userinfo');
    if (!userinfo.ok) assert.equal(userinfo.failure.normalized, 'https://a.example/x');
    expectFailure('https://a.example:8080/', 'port', { ports: [443] });
    expectFailure('https://a.example:0/', 'port');
    expectFailure('nope', 'invalid');
    expectFailure(undefined, 'invalid');
    const http = parseBaseUrl('http://a.example/', { allowHttp: true });
    assert.ok(http.ok && http.url.port === 80);
  });
});

describe('allow list and static check', () => {
  test('rejects malformed entries', () => {
    assert.throws(() => compileAllow(['10.0.0.0/33']), TypeError);
    assert.throws(() => compileAllow(['10.0.0.0/x']), TypeError);
    assert.throws(() => compileAllow(['not a host']), TypeError);
    assert.throws(() => compileAllow(['https://a.example/']), TypeError);
  });

  test('admits by CIDR, exact name and wildcard, never the apex by wildcard', () => {
    const allow = compileAllow(['10.0.0.0/8', 'jira.corp.example', '*.dev.example']);
    assert.equal(judgeAddress('10.1.1.1', undefined, allow).admittedBy, '10.0.0.0/8');
    assert.equal(judgeAddress('::ffff:10.1.1.1', undefined, allow).admittedBy, '10.0.0.0/8');
    assert.equal(judgeAddress('192.168.1.1', 'JIRA.corp.example.', allow).admittedBy, 'jira.corp.example');
    assert.equal(judgeAddress('192.168.1.1', 'git.dev.example', allow).admittedBy, '*.dev.example');
    assert.equal(judgeAddress('192.168.1.1', 'dev.example', allow).ok, false);
    assert.equal(judgeAddress('192.168.1.1', 'other.example', allow).check, 'private_network');
    assert.equal(judgeAddress('192.0.2.1', undefined, allow).check, 'reserved_ip');
  });

  test('metadata addresses need an entry naming exactly them', () => {
    assert.equal(judgeAddress('169.254.169.254', 'x.example', compileAllow(['169.254.0.0/16', 'x.example'])).ok, false);
    assert.equal(judgeAddress('169.254.169.254', undefined, compileAllow(['169.254.169.254'])).ok, true);
  });

  test('decides literal hosts and special-use names without the network', () => {
    const literal = staticUrlCheck('https://[::ffff:192.168.0.1]/');
    assert.equal(literal.ok, false);
    if (!literal.ok) {
      assert.equal(literal.check, 'private_network');
      assert.equal(literal.offender, '::ffff:c0a8:1');
    }
    const special = staticUrlCheck('https://build.home.arpa/');
    assert.equal(special.ok, false);
    assert.equal(staticUrlCheck('https://build.home.arpa/', { allow: ['build.home.arpa'] }).ok, true);
    assert.equal(staticUrlCheck('https://public.example/').ok, true);
    const scheme = staticUrlCheck('gopher://x.example/');
    assert.ok(!scheme.ok && scheme.check === 'scheme' && scheme.normalized === 'gopher://x.example/');
  });
});
