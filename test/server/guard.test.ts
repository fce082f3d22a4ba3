/**
 * The connect-time guard through real sockets on loopback addresses.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fetch, request } from 'undici';
import { BlockedDestinationError, createSafeDispatcher, safeFetch } from '../../src/server/index.js';
import { startRedirectPair, startServer, type TestServer } from './fixtures/servers.js';
import { stubLookup } from './fixtures/stubs.js';

function blockedBy(offender: string, check = 'private_network') {
  return (err: unknown): boolean => {
    const e = err instanceof BlockedDestinationError ? err : (err as { cause?: unknown }).cause;
    assert.ok(e instanceof BlockedDestinationError, `expected a BlockedDestinationError, got ${String(err)}`);
    assert.equal(e.code, 'ERR_DESTINATION_BLOCKED');
    assert.equal(e.check, check);
    assert.equal(e.offender, offender);
    return true;
  };
}

describe('createSafeDispatcher', () => {
  let server: TestServer;
  let other: TestServer;
  before(async () => {
    server = await startServer('127.0.0.1');
    other = await startServer('127.0.0.2', undefined, server.port);
  });
  after(async () => {
    await server.close();
    await other.close();
  });

  test('refuses a loopback server that allow does not admit', async () => {
    const dispatcher = createSafeDispatcher();
    const start = server.hits.length;
    await assert.rejects(fetch(`${server.origin}/`, { dispatcher }), blockedBy('127.0.0.1'));
    await assert.rejects(request(`${server.origin}/`, { dispatcher }), blockedBy('127.0.0.1'));
    assert.equal(server.hits.length, start);
    await dispatcher.close();
  });

  test('serves the same server once allow admits it', async () => {
    const dispatcher = createSafeDispatcher({ allow: ['127.0.0.1/32'] });
    const res = await fetch(`${server.origin}/hello`, { dispatcher });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'ok');
    assert.equal(server.hits.at(-1)?.path, '/hello');
    await dispatcher.close();
  });

  test('resolves names itself and judges every address', async () => {
    const lookup = stubLookup({ 'svc.example.com': ['127.0.0.1'], 'mixed.example.com': ['127.0.0.1', '10.0.0.1'] });
    const dispatcher = createSafeDispatcher({ allow: ['127.0.0.1'], lookup });
    const res = await fetch(`http://svc.example.com:${server.port}/named`, { dispatcher });
    assert.equal(res.status, 200);
    await res.text();
    assert.equal(server.hits.at(-1)?.host, `svc.example.com:${server.port}`);
    const start = server.hits.length;
    await assert.rejects(fetch(`http://mixed.example.com:${server.port}/`, { dispatcher }), blockedBy('10.0.0.1'));
    assert.equal(server.hits.length, start);
    await dispatcher.close();
  });

  test('a name rebinding between connections is refused at connect time', async () => {
    const lookup = stubLookup({ 'flip.example.com': { sequence: [['127.0.0.1'], ['127.0.0.2']] } });
    const dispatcher = createSafeDispatcher({ allow: ['127.0.0.1/32'], lookup });
    const url = `http://flip.example.com:${server.port}/`;
    const res = await fetch(url, { dispatcher });
    assert.equal(res.status, 200);
    await res.text();
    // The server closes every connection, so the next request must connect (and resolve) again.
    await assert.rejects(fetch(url, { dispatcher }), blockedBy('127.0.0.2'));
    assert.equal(other.hits.length, 0);
    await dispatcher.close();
  });

  test('refuses metadata and failed lookups', async () => {
    const lookup = stubLookup({ 'imds.example.com': ['169.254.169.254'] });
    const dispatcher = createSafeDispatcher({ allow: ['169.254.0.0/16', 'imds.example.com'], lookup });
    await assert.rejects(fetch('http://imds.example.com/latest/meta-data/', { dispatcher }), blockedBy('169.254.169.254'));
    await assert.rejects(fetch('http://nowhere.example.com/', { dispatcher }), (err: { cause?: { code?: string } }) => {
      assert.equal(err.cause?.code, 'ENOTFOUND');
      return true;
    });
    await dispatcher.close();
  });
});

describe('safeFetch', () => {
  let a: TestServer;
  let b: TestServer;
  let next = '/';
  before(async () => {
    ({ a, b } = await startRedirectPair('/go', () => next, (path) => `a:${path}`));
  });
  after(async () => {
    await a.close();
    await b.close();
  });
  const options = { allowHttp: true, allow: ['127.0.0.1/32'] };

  test('follows a redirect inside the policy', async () => {
    next = '/done';
    const res = await safeFetch(`${a.origin}/go`, {}, options);
    assert.equal(await res.text(), 'a:/done');
  });

  test('refuses a redirect to an address outside the policy before connecting', async () => {
    next = `${b.origin}/x`;
    await assert.rejects(safeFetch(`${a.origin}/go`, {}, options), blockedBy('127.0.0.2', 'redirect'));
    assert.equal(b.hits.length, 0);
  });

  test('refuses a redirect to a private network', async () => {
    next = 'http://10.0.0.8/';
    await assert.rejects(safeFetch(`${a.origin}/go`, {}, options), blockedBy('10.0.0.8', 'redirect'));
  });

  test('drops credentials when a redirect leaves the origin, keeps them on the same origin', async () => {
    next = `${b.origin}/landing`;
    const res = await safeFetch(`${a.origin}/go`, { headers: { authorization: 'Bearer t0k3n' } }, { ...options, allow: ['127.0.0.0/8'] });
    await res.text();
    assert.equal(b.hits.at(-1)?.path, '/landing');
    assert.equal(b.hits.at(-1)?.authorization, undefined);
    next = '/same';
    const same = await safeFetch(`${a.origin}/go`, { headers: { authorization: 'Bearer t0k3n' } }, options);
    await same.text();
    assert.equal(a.hits.at(-1)?.path, '/same');
    assert.equal(a.hits.at(-1)?.authorization, 'Bearer t0k3n');
  });

  test('applies the hop limit and the manual and error modes', async () => {
    next = '/go';
    await assert.rejects(safeFetch(`${a.origin}/go`, {}, { ...options, maxRedirects: 3 }), blockedBy('/go', 'redirect'));
    const manual = await safeFetch(`${a.origin}/go`, { redirect: 'manual' }, options);
    assert.equal(manual.status, 302);
    assert.equal(manual.headers.get('location'), '/go');
    await assert.rejects(safeFetch(`${a.origin}/go`, { redirect: 'error' }, options), TypeError);
  });

  test('refuses http without allowHttp, user info, and special-use names', async () => {
    await assert.rejects(safeFetch(`${a.origin}/`, {}, { allow: ['127.0.0.1/32'] }), blockedBy('http:', 'scheme'));
    await assert.rejects(safeFetch(`http://u:p@127.0.0.1:${a.port}/`, {}, options), (err: unknown) => err instanceof BlockedDestinationError && err.check === 'scheme');
    await assert.rejects(safeFetch(`http://localhost:${a.port}/`, {}, options), blockedBy('localhost'));
  });
});
