import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorBodySchema, StatusResponseSchema, TargetRecordSchema, UrlCheckResponseSchema } from '../../src/core/contract/index.js';
import { createBackend, createMemoryStore, type TargetStore } from '../../src/backend/index.js';
import { BASE, CANARY, ghesCheck, githubCloudSave, harness, ORIGIN, stubCheck } from './handler-helpers.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]!));
      else controller.close();
    },
  });
}

describe('request bodies', () => {
  it('refuses a body whose declared length is over the limit', async () => {
    const h = harness({ maxBodyBytes: 1024 });
    const response = await h.handler(
      new Request(`${ORIGIN}${BASE}/targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '5000' },
        body: JSON.stringify(githubCloudSave()),
      }),
    );
    assert.equal(response.status, 413);
    assert.equal(ErrorBodySchema.parse(await response.json()).code, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a streamed body that grows past the limit without a declared length', async () => {
    let pulled = 0;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Finite, so a broken limit fails the test instead of hanging it.
        if (++pulled > 50) controller.close();
        else controller.enqueue(encoder.encode(`{"pad":"${'x'.repeat(400)}`));
      },
    });
    const h = harness({ maxBodyBytes: 1024 });
    const response = await h.handler(
      new Request(`${ORIGIN}${BASE}/targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 413);
    assert.equal(ErrorBodySchema.parse(await response.json()).code, 'PAYLOAD_TOO_LARGE');
    // Reading stopped soon after the limit instead of draining an endless stream.
    assert.ok(pulled <= 6, `pulled ${pulled} chunks`);
  });

  it('accepts a body at the limit sent in pieces', async () => {
    const text = JSON.stringify(githubCloudSave());
    const h = harness({ maxBodyBytes: Buffer.byteLength(text) });
    const response = await h.handler(
      new Request(`${ORIGIN}${BASE}/targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: streamOf([text.slice(0, 10), text.slice(10, 50), text.slice(50)]),
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 201);
    assert.ok(TargetRecordSchema.safeParse(await response.json()).success);
  });

  it('refuses other media types', async () => {
    const h = harness();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
      await h.error('UNSUPPORTED_MEDIA_TYPE', 415, 'POST', `${BASE}/targets`, JSON.stringify(githubCloudSave()), { 'content-type': type });
    }
    const bare = await h.handler(new Request(`${ORIGIN}${BASE}/targets`, { method: 'POST', body: new Uint8Array([123, 125]) }));
    assert.equal(bare.status, 415);
    await h.error('UNSUPPORTED_MEDIA_TYPE', 415, 'POST', `${BASE}/targets/x/revoke`, '{}', { 'content-type': 'text/plain' });
    // The parameters of JSON itself are fine.
    const ok = await h.call('POST', `${BASE}/targets`, JSON.stringify(githubCloudSave()), { 'content-type': 'Application/JSON; charset=UTF-8' });
    assert.equal(ok.status, 201);
  });

  it('refuses malformed JSON and wrong shapes with VALIDATION_FAILED, never echoing the input', async () => {
    const h = harness();
    for (const body of [`{"credential":"${CANARY}"`, '', 'null', '[1,2]', `"${CANARY}"`, '\uFEFF{}']) {
      const problem = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, body, { 'content-type': 'application/json' });
      assert.ok(!problem.message.includes(CANARY));
    }
    const bytes = await h.handler(
      new Request(`${ORIGIN}${BASE}/targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array([0x7b, 0xff, 0x7d]),
      }),
    );
    assert.equal(bytes.status, 400);
    const field = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, { ...githubCloudSave(), credential: 42 });
    assert.equal(field.field, 'credential');
    for (const body of h.bodies) assert.ok(!body.includes(CANARY));
  });
});

describe('rate limit on URL checks', () => {
  it('limits one client and answers with retry_after and Retry-After', async () => {
    const calls: Parameters<typeof stubCheck>[0] = [];
    const h = harness({
      checkUrl: stubCheck(calls),
      rateLimit: { urlChecks: { max: 2, windowMs: 60_000 } },
      clientKey: (r) => r.headers.get('x-test-client') ?? undefined,
    });
    const a = { 'x-test-client': 'a' };
    await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(), a);
    h.clock.t += 10_000;
    await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(), a);
    const response = await h.call('POST', `${BASE}/url-checks`, ghesCheck(), a);
    assert.equal(response.status, 429);
    const body = ErrorBodySchema.parse(await response.json());
    assert.equal(body.code, 'RATE_LIMITED');
    assert.equal(body.retry_after, 50);
    assert.equal(response.headers.get('retry-after'), '50');
    assert.equal(calls.length, 2);

    // Another client is not affected; the first one is let in once its window moved on.
    await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(), { 'x-test-client': 'b' });
    h.clock.t += 50_000;
    await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(), a);
  });

  it('puts clients without a key in one shared bucket', async () => {
    const h = harness({ rateLimit: { urlChecks: { max: 1, windowMs: 1000 } } });
    await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck());
    await h.error('RATE_LIMITED', 429, 'POST', `${BASE}/url-checks`, ghesCheck());
  });
});

describe('CORS', () => {
  const portal = 'https://portal.partner.example';

  it('answers a preflight from a listed origin and nothing for others', async () => {
    const h = harness({ allowedOrigins: [portal, 'https://other.partner.example/'] });
    const preflight = (origin: string, method = 'POST', headers = 'content-type') =>
      h.handler(
        new Request(`${ORIGIN}${BASE}/targets`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
        }),
      );
    const ok = await preflight(portal);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), portal);
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /content-type/);
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.equal((await preflight('https://other.partner.example')).headers.get('access-control-allow-origin'), 'https://other.partner.example');

    for (const refused of [
      await preflight('https://evil.example'),
      await preflight('http://portal.partner.example'),
      await preflight(portal, 'DELETE'),
      await preflight(portal, 'POST', 'content-type, x-custom-thing'),
    ]) {
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      assert.equal(refused.headers.get('access-control-allow-methods'), null);
    }
  });

  it('adds CORS headers to answers for a listed origin, never a wildcard', async () => {
    const h = harness({ allowedOrigins: [portal] });
    const response = await h.call('GET', `${BASE}/status`, undefined, { origin: portal });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), portal);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    const error = await h.call('GET', `${BASE}/targets/nope`, undefined, { origin: portal });
    assert.equal(error.headers.get('access-control-allow-origin'), portal);
    for (const r of [response, error]) assert.notEqual(r.headers.get('access-control-allow-origin'), '*');
  });

  it('refuses calls from an unlisted origin without side effects', async () => {
    const calls: Parameters<typeof stubCheck>[0] = [];
    const h = harness({ allowedOrigins: [portal], checkUrl: stubCheck(calls) });
    const problem = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/url-checks`, ghesCheck(), { origin: 'https://evil.example' });
    assert.equal(problem.field, undefined);
    await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave(), { origin: 'https://evil.example' });
    const response = await h.call('GET', `${BASE}/status`, undefined, { origin: 'https://evil.example' });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(calls.length, 0);
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
    // Same-origin pages (the demo) and clients that send no Origin are served.
    await h.json(StatusResponseSchema, 200, 'GET', `${BASE}/status`, undefined, { origin: ORIGIN });
    await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, githubCloudSave());
  });

  it('refuses a wildcard or non-origin in the configuration', () => {
    for (const bad of ['*', 'null', 'https://portal.example/path', 'ftp://portal.example', 'portal.example']) {
      assert.throws(() => createBackend({ checkUrl: stubCheck(), allowedOrigins: [bad] }), TypeError, bad);
    }
  });
});

describe('failures inside the backend', () => {
  it('turns a store failure into BACKEND_UNAVAILABLE with a generic message', async () => {
    const errors: unknown[] = [];
    const broken: TargetStore = {
      ...createMemoryStore(),
      async listTargets() {
        throw new Error('database exploded near password=hunter2');
      },
    };
    const h = harness({ store: broken, onError: (e) => errors.push(e) });
    const problem = await h.error('BACKEND_UNAVAILABLE', 503, 'GET', `${BASE}/status`);
    assert.ok(!problem.message.includes('hunter2'));
    assert.equal(errors.length, 1);
  });

  it('turns a failing or malformed URL check into BACKEND_UNAVAILABLE', async () => {
    for (const checkUrl of [
      async () => {
        throw new Error('resolver down');
      },
      async () => ({ status: 'passed' }) as never,
    ]) {
      const h = harness({ checkUrl, onError: () => undefined });
      await h.error('BACKEND_UNAVAILABLE', 503, 'POST', `${BASE}/url-checks`, ghesCheck());
    }
  });
});
