/**
 * The URL check against real servers on 127.0.0.0/8, admitted through `allow`,
 * with the default undici transport (real sockets, pinned to the checked address).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkBaseUrl, createPinnedTransport, type ProbeRequest, type Transport } from '../../src/server/index.js';
import { startRedirectPair, startServer, startTlsServer, TEST_CERT, type TestServer } from './fixtures/servers.js';
import { stubLookup } from './fixtures/stubs.js';

/** The default transport, with a record of every request it was asked to make. */
function spied(transport: Transport = createPinnedTransport()): Transport & { calls: ProbeRequest[] } {
  const calls: ProbeRequest[] = [];
  const fn = ((req: ProbeRequest) => {
    calls.push(req);
    return transport(req);
  }) as Transport & { calls: ProbeRequest[] };
  fn.calls = calls;
  return fn;
}

const failed = (outcome: Awaited<ReturnType<typeof checkBaseUrl>>, name: string) => outcome.checks.find((c) => c.name === name);

describe('redirects against local servers', () => {
  let a: TestServer;
  let b: TestServer;
  let next = '/';
  before(async () => {
    ({ a, b } = await startRedirectPair('/', () => next, () => 'landing'));
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  test('a redirect to 127.0.0.2, which allow does not admit, is refused before connecting', async () => {
    next = `${b.origin}/`;
    const transport = spied();
    const before = { a: a.hits.length, b: b.hits.length };
    const outcome = await checkBaseUrl(`${a.origin}/`, { allowHttp: true, allow: ['127.0.0.1/32'], transport, lookup: stubLookup({}) });
    assert.equal(outcome.status, 'blocked');
    assert.equal(failed(outcome, 'redirect')?.status, 'failed');
    assert.equal(failed(outcome, 'redirect')?.offender, '127.0.0.2');
    assert.match(failed(outcome, 'redirect')?.detail ?? '', /hop 1 .*127\.0\.0\.2.*Loopback/);
    assert.equal(a.hits.length - before.a, 1);
    assert.equal(b.hits.length - before.b, 0);
    assert.deepEqual(transport.calls.map((c) => c.address), ['127.0.0.1']);
  });

  test('a redirect to 10.x is refused and never dialled', async () => {
    next = 'http://10.20.30.40/internal';
    const transport = spied();
    const outcome = await checkBaseUrl(`${a.origin}/`, { allowHttp: true, allow: ['127.0.0.1/32'], transport, lookup: stubLookup({}) });
    assert.equal(outcome.status, 'blocked');
    assert.equal(failed(outcome, 'redirect')?.offender, '10.20.30.40');
    assert.ok(transport.calls.every((c) => c.address === '127.0.0.1'));
  });

  test('a redirect to a name that resolves privately is refused', async () => {
    next = 'http://intranet.example.com/';
    const transport = spied();
    const lookup = stubLookup({ 'intranet.example.com': ['10.1.2.3'] });
    const outcome = await checkBaseUrl(`${a.origin}/`, { allowHttp: true, allow: ['127.0.0.1/32'], transport, lookup });
    assert.equal(outcome.status, 'blocked');
    assert.equal(failed(outcome, 'redirect')?.offender, '10.1.2.3');
    assert.deepEqual(lookup.calls, ['intranet.example.com']);
    assert.ok(transport.calls.every((c) => c.address === '127.0.0.1'));
  });

  test('a redirect to https on a blocked port is refused', async () => {
    next = `http://127.0.0.1:${a.port}/landing`;
    const outcome = await checkBaseUrl(`${a.origin}/`, { allowHttp: true, allow: ['127.0.0.1/32'], ports: [1], transport: spied(), lookup: stubLookup({}) });
    assert.equal(outcome.status, 'blocked');
    // The typed URL itself uses a port outside the list.
    assert.equal(failed(outcome, 'scheme')?.status, 'failed');
  });

  test('a redirect inside the admitted address passes and is followed by hand', async () => {
    next = '/landing';
    const before = a.hits.length;
    const outcome = await checkBaseUrl(`${a.origin}/`, { allowHttp: true, allow: ['127.0.0.1/32'], lookup: stubLookup({}) });
    assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks));
    assert.match(failed(outcome, 'redirect')?.detail ?? '', /1 redirect/);
    assert.deepEqual(a.hits.slice(before).map((h) => h.path), ['/', '/landing']);
  });

  test('a redirect to 127.0.0.2, admitted but another host, is refused without the operator option', async () => {
    next = `${b.origin}/welcome`;
    const before = b.hits.length;
    const outcome = await checkBaseUrl(`${a.origin}/`, { allowHttp: true, allow: ['127.0.0.1/32', '127.0.0.2/32'], lookup: stubLookup({}) });
    assert.equal(outcome.status, 'blocked');
    assert.equal(failed(outcome, 'redirect')?.offender, `${b.origin}/welcome`);
    assert.equal(b.hits.length, before);
  });

  test('the same redirect to 127.0.0.2 passes once allow admits it and other hosts are allowed', async () => {
    next = `${b.origin}/welcome`;
    const before = b.hits.length;
    const outcome = await checkBaseUrl(`${a.origin}/`, {
      allowHttp: true,
      allow: ['127.0.0.1/32', '127.0.0.2/32'],
      allowCrossHostRedirects: true,
      lookup: stubLookup({}),
    });
    assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks));
    assert.deepEqual(outcome.addresses, ['127.0.0.1', '127.0.0.2']);
    assert.deepEqual(b.hits.slice(before).map((h) => h.path), ['/welcome']);
  });
});

describe('DNS rebinding against local servers', () => {
  let first: TestServer;
  let second: TestServer;
  const identity = {
    product: 'Test Tracker',
    apiRoot: '/api',
    identityPath: '/whoami',
    statuses: [200],
    markers: [{ header: 'x-test-tracker' }],
    keepsContextPath: true,
  };
  before(async () => {
    first = await startServer('127.0.0.1', (req, res) => {
      res.setHeader('connection', 'close');
      if (req.url === '/tracker/api/whoami') res.setHeader('x-test-tracker', '1');
      res.end('first');
    });
    // Same port on another loopback address, so only the address tells them apart.
    second = await startServer('127.0.0.2', undefined, first.port);
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  test('the probe connects to the checked address although a second lookup answers another', async () => {
    const lookup = stubLookup({ 'rebind.example.com': { sequence: [['127.0.0.1'], ['127.0.0.2']] } });
    const start = first.hits.length;
    const outcome = await checkBaseUrl(`http://rebind.example.com:${first.port}/tracker/`, {
      allowHttp: true,
      allow: ['127.0.0.0/8'],
      lookup,
      identity,
    });
    assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks));
    assert.equal(failed(outcome, 'ownership')?.status, 'passed');
    assert.equal(failed(outcome, 'dns_rebinding')?.status, 'passed');
    const hits = first.hits.slice(start);
    assert.deepEqual(hits.map((h) => h.path), ['/tracker', '/tracker/api/whoami']);
    assert.ok(hits.every((h) => h.host === `rebind.example.com:${first.port}`));
    assert.equal(second.hits.length, 0);
    // One lookup for the check, one for the rebinding comparison; the requests made none.
    assert.equal(lookup.calls.length, 2);
    assert.deepEqual(outcome.addresses, ['127.0.0.1', '127.0.0.2']);
  });

  test('a second answer outside the policy fails dns_rebinding; the request still went to the checked address', async () => {
    const lookup = stubLookup({ 'rebind.example.com': { sequence: [['127.0.0.1'], ['127.0.0.2']] } });
    const start = first.hits.length;
    const outcome = await checkBaseUrl(`http://rebind.example.com:${first.port}/tracker`, {
      allowHttp: true,
      allow: ['127.0.0.1/32'],
      lookup,
      identity,
    });
    assert.equal(outcome.status, 'blocked');
    const entry = failed(outcome, 'dns_rebinding');
    assert.equal(entry?.status, 'failed');
    assert.equal(entry?.offender, '127.0.0.2');
    assert.match(entry?.detail ?? '', /127\.0\.0\.1 when checked but to 127\.0\.0\.2/);
    assert.equal(first.hits.length - start, 2);
    assert.equal(second.hits.length, 0);
  });

  test('a fresh lookup in the probe would have reached the other server (control)', async () => {
    const lookup = stubLookup({ 'rebind.example.com': { sequence: [['127.0.0.2']] } });
    const start = second.hits.length;
    const outcome = await checkBaseUrl(`http://rebind.example.com:${first.port}/`, { allowHttp: true, allow: ['127.0.0.0/8'], lookup });
    assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks));
    assert.equal(second.hits.length - start, 1);
  });
});

describe('TLS over a pinned connection', () => {
  let server: TestServer;
  before(async () => {
    server = await startTlsServer('127.0.0.1');
  });
  after(async () => {
    await server.close();
  });
  const transport = createPinnedTransport({ tls: { ca: TEST_CERT } });
  const request = (host: string): ProbeRequest => ({
    url: `https://${host}:${server.port}/`,
    address: '127.0.0.1',
    family: 4,
    method: 'GET',
    headers: {},
    signal: AbortSignal.timeout(5000),
  });

  test('the certificate is verified against the URL host name, not the address', async () => {
    const res = await transport(request('pinned.example.com'));
    assert.equal(res.status, 200);
    assert.equal(server.hits.at(-1)?.host, `pinned.example.com:${server.port}`);
  });

  test('a certificate for another name is rejected', async () => {
    await assert.rejects(transport(request('other.example.com')), (err: { code?: string }) => {
      assert.equal(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      return true;
    });
  });

  test('an untrusted certificate is rejected by the default transport', async () => {
    await assert.rejects(createPinnedTransport()(request('pinned.example.com')));
  });

  test('checkBaseUrl over https with a pinned, verified connection', async () => {
    const lookup = stubLookup({ 'pinned.example.com': ['127.0.0.1'] });
    const outcome = await checkBaseUrl(`https://pinned.example.com:${server.port}/`, { allow: ['127.0.0.1'], lookup, transport });
    assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks));
    const bad = await checkBaseUrl(`https://pinned.example.com:${server.port}/`, { allow: ['127.0.0.1'], lookup });
    assert.equal(bad.status, 'blocked');
    assert.equal(failed(bad, 'redirect')?.status, 'failed');
    assert.match(failed(bad, 'redirect')?.detail ?? '', /No answer/);
  });
});
