import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ipaddr from 'ipaddr.js';
import {
  classifyAddress,
  compileAllow,
  findAmbiguity,
  IPV4_RANGES,
  IPV6_RANGES,
  judgeAddress,
  parseBaseUrl,
  staticUrlCheck,
  type RangeRow,
} from '../../src/core/url/index.js';

/** An address as a BigInt and back, for stepping across block edges. */
function toBig(ip: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return ip.toByteArray().reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}
function fromBig(n: bigint, family: 4 | 6): string {
  const bytes: number[] = [];
  for (let i = 0; i < (family === 4 ? 4 : 16); i++, n >>= 8n) bytes.unshift(Number(n & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/** Independent oracle: the most specific row holding the address, by ipaddr.js matching. */
function oracle(address: string): RangeRow | undefined {
  const ip = ipaddr.parse(address);
  const rows = ip.kind() === 'ipv4' ? IPV4_RANGES : IPV6_RANGES;
  let best: RangeRow | undefined;
  let bestBits = -1;
  for (const row of rows) {
    const [net, bits] = ipaddr.parseCIDR(row[0]);
    if (ip.match(net, bits) && bits > bestBits) [best, bestBits] = [row, bits];
  }
  return best;
}

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

  test('every row names its source: an RFC, or the vendor for cloud platform addresses', () => {
    for (const [cidr, , scope, source] of [...IPV4_RANGES, ...IPV6_RANGES]) {
      if (scope === 'metadata') assert.match(source, /documentation$/, cidr);
      else assert.match(source, /^RFC \d{3,4}$/, cidr);
    }
  });

  test('blocks the registries mark globally reachable are refused all the same', () => {
    const reachableInRegistry = [
      '192.0.0.9/32', '192.0.0.10/32', '192.31.196.0/24', '192.52.193.0/24', '192.175.48.0/24',
      '64:ff9b::/96', '2001::/32', '2001:1::1/128', '2001:1::2/128', '2001:1::3/128', '2001:3::/32',
      '2001:4:112::/48', '2001:20::/28', '2001:30::/28', '2002::/16', '2620:4f:8000::/48',
    ];
    const rows = new Map([...IPV4_RANGES, ...IPV6_RANGES].map((r) => [r[0], r]));
    for (const cidr of reachableInRegistry) {
      assert.ok(rows.has(cidr), `${cidr} has a row`);
      assert.notEqual(rows.get(cidr)![2], 'global', cidr);
      const first = cidr.split('/')[0]!;
      assert.equal(judgeAddress(first, undefined, compileAllow()).ok, false, first);
    }
  });

  test('first and last address of every row, and the addresses just outside, fall where the table says', () => {
    for (const [cidr, , scope] of [...IPV4_RANGES, ...IPV6_RANGES]) {
      const [net, bits] = ipaddr.parseCIDR(cidr);
      const family = net.kind() === 'ipv4' ? 4 : 6;
      const width = family === 4 ? 32 : 128;
      const size = 1n << BigInt(width - bits);
      const first = toBig(net);
      const edges = [first, first + size - 1n, first - 1n, first + size].filter((n) => n >= 0n && n < 1n << BigInt(width));
      for (const n of edges) {
        const address = fromBig(n, family);
        const expected = oracle(address);
        const cls = classifyAddress(address);
        assert.equal(cls.cidr, expected?.[0], `${address} (edge of ${cidr})`);
        if (!expected) assert.equal(cls.globallyReachable, true, address);
        else if (expected[2] !== 'global') assert.equal(cls.globallyReachable, false, `${address} in ${expected[0]}`);
        // Inside the block itself, a non-global row never lets an address through.
        if (n >= first && n < first + size && scope !== 'global') assert.equal(cls.globallyReachable, false, `${address} in ${cidr}`);
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
      assert.equal(cls.source, all.find((r) => r[0] === cidr)![3], cidr);
    }
  });
});

describe('classifyAddress', () => {
  const cases: Array<[string, boolean, string, string?]> = [
    ['8.8.8.8', true, 'Public unicast'],
    ['10.0.0.1', false, 'Private-Use'],
    ['100.100.100.200', false, 'Cloud metadata service (Alibaba Cloud)'],
    ['168.63.129.16', false, 'Cloud platform service (Azure WireServer)'],
    ['192.0.0.9', false, 'Port Control Protocol Anycast'],
    ['192.88.99.2', false, '6a44-relay anycast address'],
    ['2001:30::1', false, 'Drone Remote ID Protocol Entity Tags (DETs) Prefix'],
    ['192.0.0.11', false, 'IETF Protocol Assignments'],
    ['2606:4700::1111', true, 'Global Unicast'],
    ['4000::1', false, 'Outside IPv6 global unicast (2000::/3)'],
    ['::ffff:10.0.0.1', false, 'IPv4-mapped Address → Private-Use', '10.0.0.1'],
    ['::ffff:8.8.8.8', false, 'IPv4-mapped Address → Public unicast', '8.8.8.8'],
    ['::8.8.8.8', false, 'IPv4-compatible Address (deprecated)', '8.8.8.8'],
    ['64:ff9b::808:808', false, 'IPv4-IPv6 Translation (NAT64 well-known prefix) → Public unicast', '8.8.8.8'],
    ['64:ff9b::a9fe:a9fe', false, 'IPv4-IPv6 Translation (NAT64 well-known prefix) → Cloud metadata service (AWS, Azure, Google Cloud, Oracle, DigitalOcean, OpenStack)', '169.254.169.254'],
    ['64:ff9b:1::808:808', false, 'IPv4-IPv6 Translation (NAT64 local-use prefix)', '8.8.8.8'],
    ['2002:c0a8:101::1', false, '6to4 → Private-Use', '192.168.1.1'],
    ['2002:808:808::1', false, '6to4 → Public unicast', '8.8.8.8'],
    // Teredo: server 65.54.227.120, client 192.0.2.45 stored inverted.
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false, 'TEREDO → Documentation (TEST-NET-1)', '192.0.2.45'],
    ['2001:0:a00:1::f7f7:f7f7', false, 'TEREDO → Private-Use', '10.0.0.1'],
    ['2001:0:808:808::f7f7:f7f7', false, 'TEREDO → Public unicast', '8.8.8.8'],
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

  test('reads and writes addresses exactly as ipaddr.js does, in every spelling', () => {
    // A fixed-seed generator, biased to zero groups so every run length of :: appears.
    let seed = 0x2545f491;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const groups = Array.from({ length: 8 }, () => (rand(3) === 0 ? rand(0x10000) : rand(4) === 0 ? 1 : 0));
      const ip = new ipaddr.IPv6(groups);
      const expected = ip.toRFC5952String();
      const fixed = groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
      for (const spelling of [ip.toNormalizedString(), fixed, ip.toString(), expected, fixed.toUpperCase()]) {
        assert.equal(classifyAddress(spelling).address, expected, spelling);
      }
      const v4 = `${rand(256)}.${rand(256)}.${rand(256)}.${rand(256)}`;
      assert.equal(classifyAddress(v4).address, ipaddr.IPv4.parse(v4).toString(), v4);
    }
    for (const text of ['1::2::3', ':1::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '12345::', '1:', ':1', ':::', 'g::1', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4.']) {
      const cls = classifyAddress(text);
      const ours = cls.range === 'Not an IP address' ? undefined : cls.address;
      let theirs: string | undefined;
      try {
        theirs = new URL(`http://${text.includes(':') ? `[${text}]` : text}/`).hostname.replace(/^\[|\]$/g, '');
        if (!text.includes(':') && !/^\d+\.\d+\.\d+\.\d+$/.test(theirs)) theirs = undefined;
      } catch {
        theirs = undefined;
      }
      assert.equal(ours, theirs, text);
    }
  });

  test('odd IPv4 spellings read as the URL parser reads them', () => {
    // A leading zero means octal to a URL parser.
    assert.equal(classifyAddress('010.0.0.1').address, '8.0.0.1');
    assert.equal(classifyAddress('8.8.8.010').address, '8.8.8.8');
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

  test('an embedded public address reports as reserved, a private one as private', () => {
    for (const ip of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:0:808:808::f7f7:f7f7', '::8.8.8.8', '::ffff:0:8.8.8.8']) {
      assert.equal(classifyAddress(ip).scope, 'reserved', ip);
    }
    for (const ip of ['::ffff:10.0.0.1', '64:ff9b::c0a8:101', '2002:a00:1::', '64:ff9b:1::808:808']) {
      assert.equal(classifyAddress(ip).scope, 'private', ip);
    }
    assert.equal(classifyAddress('64:ff9b::a9fe:a9fe').scope, 'metadata');
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
    expectFailure('https://@a.example/', 'userinfo');
    const ambiguous = expectFailure('https://me\\@a.example/', 'ambiguous');
    if (!ambiguous.ok) {
      assert.equal(ambiguous.failure.offender, '\\');
      // The WHATWG reading would put "me" in the host: nothing of it is kept.
      assert.equal(ambiguous.failure.normalized, undefined);
    }
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

  test('an entry naming the IPv6 address or its block admits an embedded public address; the bare IPv4 does not', () => {
    assert.equal(judgeAddress('::ffff:8.8.8.8', undefined, compileAllow(['::ffff:8.8.8.8'])).admittedBy, '::ffff:8.8.8.8');
    assert.equal(judgeAddress('2002:808:808::1', undefined, compileAllow(['2002::/16'])).admittedBy, '2002::/16');
    assert.equal(judgeAddress('64:ff9b::808:808', undefined, compileAllow(['64:ff9b::/96'])).admittedBy, '64:ff9b::/96');
    assert.equal(judgeAddress('192.0.0.9', undefined, compileAllow(['192.0.0.9'])).admittedBy, '192.0.0.9');
    assert.equal(judgeAddress('::ffff:8.8.8.8', undefined, compileAllow(['8.8.8.0/24'])).ok, false);
    assert.equal(judgeAddress('192.0.0.9', undefined, compileAllow(['192.0.0.10'])).ok, false);
  });

  test('a refusal names the address, its block, the block\'s RFC and what it carries', () => {
    const verdict = judgeAddress('::ffff:8.8.8.8', undefined, compileAllow());
    assert.equal(verdict.check, 'reserved_ip');
    assert.match(verdict.reason!, /::ffff:808:808 is in IPv4-mapped Address → Public unicast \(::ffff:0:0\/96, RFC 4291\), carrying 8\.8\.8\.8/);
    assert.match(judgeAddress('192.31.196.1', undefined, compileAllow()).reason!, /AS112-v4 \(192\.31\.196\.0\/24, RFC 7535\)/);
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

describe('findAmbiguity', () => {
  test('names each character WHATWG and RFC 3986 parsers read differently in an authority', () => {
    for (const [text, character] of [
      ['https://a.example\\@b.example/', '\\'],
      ['https:\\\\a.example/', '\\'],
      ['https://%61.example/', '%'],
      ['https://a"b.example/', '"'],
      ['https://a`b.example/', '`'],
      ['https://a{b.example/', '{'],
      ['https://a}b.example/', '}'],
      ['https://a.example\t/', 'U+0009'],
      ['https://a.example/x\ny', 'U+000A'],
      ['https://a.example/\u007f', 'U+007F'],
      ['//a.example\\@b.example/', '\\'],
      ['\\\\a.example/', '\\'],
    ] as const) {
      const found = findAmbiguity(text);
      assert.equal(found?.character, character, JSON.stringify(text));
      assert.ok(found!.detail.length > 20);
    }
  });

  test('leaves those characters alone after the authority, and plain URLs alone', () => {
    for (const text of [
      'https://a.example/path\\with\\backslashes',
      'https://a.example/%40x?q="1"#{frag}',
      'https://a.example?x=\\',
      'https://a.example#\\',
      'https:a.example',
      'https://bücher.example/',
      'https://[2606:4700::1111]:8443/',
      '/relative\\path',
      'relative%path',
    ]) {
      assert.equal(findAmbiguity(text), undefined, text);
    }
  });
});
