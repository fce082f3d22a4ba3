/**
 * The backend's hardening, each point over real node:http requests:
 * idempotent saves, single-use checks, one target per URL or tenant, the Host
 * and Origin policy, malformed requests, limits, redaction, and a status
 * listing that survives bad records.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { createHttpBackend } from '../../src/client/index.js';
import { ErrorBodySchema, StatusResponseSchema, TargetRecordSchema, UrlCheckResponseSchema, type TargetRecord } from '../../src/core/contract/index.js';
import { createMemoryStore, REDACT_MIN_RUN, targetKey, type TargetStore } from '../../src/backend/index.js';
import { createNodeBackend, toNodeListener, type NodeBackendOptions } from '../../src/server/index.js';
import { BASE, CANARY, ghesCheck, ghesSave, githubCloudSave, stubCheck } from '../backend/handler-helpers.js';
import { sampleRecord } from '../backend/store-conformance.js';

const servers: Server[] = [];
after(() => Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

async function serve(options: Partial<NodeBackendOptions> = {}): Promise<{ origin: string; port: number; store: TargetStore }> {
  const store = options.store ?? createMemoryStore();
  const server = createServer(toNodeListener(createNodeBackend({ basePath: BASE, checkUrl: stubCheck(), ...options, store })));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, store };
}

function post(origin: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function problem(response: Response) {
  const body = ErrorBodySchema.parse(await response.json());
  return { status: response.status, ...body };
}

/** A raw request, for what fetch will not send: other Host headers, TRACE, broken hosts. */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const listed = async (store: TargetStore) => (await store.listTargets({ limit: 1000 })).targets;

describe('idempotent saves', () => {
  it('a save committed but answered late, retried with the same key, gives one target', async () => {
    let first = true;
    const { origin, store } = await serve({
      // The provider answers the first check slowly: the client gives up, the backend saves anyway.
      verifyCredential: async () => {
        if (first) {
          first = false;
          await new Promise((r) => setTimeout(r, 400));
        }
      },
    });
    const client = createHttpBackend({ endpoint: `${origin}${BASE}`, timeoutMs: 100 });
    const request = githubCloudSave() as Parameters<typeof client.saveTarget>[0];
    const attempt = { idempotencyKey: 'retry-key-0001' };
    await assert.rejects(client.saveTarget(request, attempt), (e: { code?: string }) => e.code === 'REQUEST_TIMEOUT');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await listed(store)).length, 1, 'the late save was committed');
    const patient = createHttpBackend({ endpoint: `${origin}${BASE}` });
    const retried = await patient.saveTarget(request, attempt);
    assert.deepEqual((await listed(store)).map((t) => t.id), [retried.id]);
    // A new attempt (a new key) for the same organisation is a duplicate, not a second target.
    const again = await post(origin, '/targets', githubCloudSave(), { 'idempotency-key': 'retry-key-0002' });
    assert.equal((await problem(again)).code, 'TARGET_EXISTS');
  });

  it('answers concurrent duplicates of one key with the first answer, and a changed body with VALIDATION_FAILED', async () => {
    const { origin, store } = await serve();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(origin, '/targets', githubCloudSave(), { 'idempotency-key': 'same-key' })));
    const records = await Promise.all(answers.map(async (a) => (assert.equal(a.status, 201), TargetRecordSchema.parse(await a.json()))));
    assert.equal(new Set(records.map((r) => r.id)).size, 1);
    assert.equal((await listed(store)).length, 1);
    const changed = await post(origin, '/targets', githubCloudSave({ display_name: 'Another name' }), { 'idempotency-key': 'same-key' });
    const refused = await problem(changed);
    assert.equal(refused.status, 400);
    assert.equal(refused.field, 'Idempotency-Key');
    // Only the credential may differ: it is not part of what identifies the request.
    const otherSecret = await post(origin, '/targets', githubCloudSave({ credential: `${CANARY}-2` }), { 'idempotency-key': 'same-key' });
    assert.equal(otherSecret.status, 201);
    assert.equal(TargetRecordSchema.parse(await otherSecret.json()).id, records[0]!.id);
  });
});

describe('one save per check, one target per URL or tenant, and a cap', () => {
  it('lets one of 50 parallel saves on one check_id through', async () => {
    const { origin, store } = await serve();
    const check = UrlCheckResponseSchema.parse(await (await post(origin, '/url-checks', ghesCheck())).json());
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(origin, '/targets', ghesSave(check.check_id), { 'idempotency-key': `k${i}` })));
    const statuses = answers.map((a) => a.status).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.equal(statuses.filter((s) => s === 409).length, 49);
    const second = await problem(await post(origin, '/targets', ghesSave(check.check_id)));
    assert.equal(second.code, 'URL_CHECK_REQUIRED');
    assert.equal((await listed(store)).length, 1);
  });

  it('keeps a check usable after a refused save, until a save succeeds', async () => {
    const { origin } = await serve({ verifyCredential: ({ secret }) => (secret.credential.includes('bad') ? { code: 'CREDENTIALS_REJECTED' } : undefined) });
    const check = UrlCheckResponseSchema.parse(await (await post(origin, '/url-checks', ghesCheck())).json());
    assert.equal((await problem(await post(origin, '/targets', ghesSave(check.check_id, undefined, { credential: 'bad-token-123456' })))).code, 'CREDENTIALS_REJECTED');
    assert.equal((await post(origin, '/targets', ghesSave(check.check_id))).status, 201);
  });

  it('refuses a second target for one URL with TARGET_EXISTS naming the first, and lets that one reconnect', async () => {
    const { origin } = await serve();
    const first = TargetRecordSchema.parse(await (await post(origin, '/targets', githubCloudSave())).json());
    // The same organisation typed as a URL is the same tenant.
    const duplicate = await problem(await post(origin, '/targets', githubCloudSave({ tenant: 'https://github.com/acme-corp/' })));
    assert.deepEqual([duplicate.status, duplicate.code, duplicate.target_id], [409, 'TARGET_EXISTS', first.id]);
    const reconnected = await post(origin, '/targets', githubCloudSave({ target_id: first.id, credential: `${CANARY}-new` }));
    assert.equal(reconnected.status, 200);
  });

  it('caps targets per installation and bounds the listing', async () => {
    const { origin } = await serve({ maxTargets: 3, maxListed: 2 });
    for (const org of ['one', 'two', 'three']) assert.equal((await post(origin, '/targets', githubCloudSave({ tenant: org }))).status, 201);
    const over = await problem(await post(origin, '/targets', githubCloudSave({ tenant: 'four' })));
    assert.deepEqual([over.status, over.code], [409, 'TARGET_LIMIT_REACHED']);
    const status = StatusResponseSchema.parse(await (await fetch(`${origin}${BASE}/status`)).json());
    assert.equal(status.targets.length, 2);
    assert.equal(status.omitted, 1);
  });
});

describe('Host and Origin', () => {
  it('refuses a rebinding-style Host and Origin pair, reads and writes alike', async () => {
    const { port, store } = await serve();
    const rebound = { host: `rebind.attacker.test:${port}`, origin: `http://rebind.attacker.test:${port}` };
    const status = await raw(port, 'GET', `${BASE}/status`, rebound);
    assert.equal(status.status, 400);
    assert.equal(ErrorBodySchema.parse(JSON.parse(status.body)).code, 'VALIDATION_FAILED');
    const save = await raw(port, 'POST', `${BASE}/targets`, { ...rebound, 'content-type': 'application/json' }, JSON.stringify(githubCloudSave()));
    assert.equal(save.status, 400);
    assert.deepEqual(await listed(store), []);
    // The same request on a loopback name is served.
    const local = await raw(port, 'POST', `${BASE}/targets`, { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'content-type': 'application/json' }, JSON.stringify(githubCloudSave()));
    assert.equal(local.status, 201);
  });

  it('serves only the public host once one is configured', async () => {
    const { port } = await serve({ publicUrl: `https://api.vendor.example${BASE}` });
    assert.equal((await raw(port, 'GET', `${BASE}/status`, { host: `127.0.0.1:${port}` })).status, 400);
    assert.equal((await raw(port, 'GET', `${BASE}/status`, { host: 'api.vendor.example' })).status, 200);
    assert.equal((await raw(port, 'GET', `${BASE}/status`, { host: 'api.vendor.example', origin: 'https://elsewhere.example' })).status, 400);
  });
});

describe('malformed requests get a 4xx, never a 5xx', () => {
  it('answers TRACE, a bad Host, an unknown method, bad JSON and a wrong content type', async () => {
    const { port } = await serve();
    const host = { host: `127.0.0.1:${port}` };
    const answers = [
      await raw(port, 'TRACE', `${BASE}/status`, host),
      await raw(port, 'GET', `${BASE}/status`, { host: '[::1' }),
      await raw(port, 'GET', `${BASE}/status`, { host: `127.0.0.1:${port}/evil?` }),
      await raw(port, 'PROPFIND', `${BASE}/status`, host),
      await raw(port, 'POST', `${BASE}/targets`, { ...host, 'content-type': 'application/json' }, '{"provider":'),
      await raw(port, 'POST', `${BASE}/targets`, { ...host, 'content-type': 'text/plain' }, '{}'),
      await raw(port, 'POST', `${BASE}/url-checks`, { ...host, 'content-type': 'application/json; charset=latin1' }, '{}'),
    ];
    for (const [i, answer] of answers.entries()) {
      assert.ok(answer.status >= 400 && answer.status < 500, `request ${i}: ${answer.status} ${answer.body}`);
      assert.ok(ErrorBodySchema.safeParse(JSON.parse(answer.body)).success, answer.body);
    }
  });
});

describe('redaction', () => {
  it('removes any run of 8 characters of the credential from verifier messages, answers and logs', async () => {
    const logged: unknown[] = [];
    const { origin } = await serve({
      verifyCredential: ({ secret }) => {
        const token = secret.credential;
        if (token.endsWith('-throw')) throw new Error(`provider said: token ${token.slice(3, 15)} unknown`);
        return { code: 'CREDENTIALS_REJECTED', message: `Token ${token.slice(0, 20)}… is not valid for ${token.slice(-9)}` };
      },
      onError: (e) => logged.push(e),
    });
    const refused = await problem(await post(origin, '/targets', githubCloudSave()));
    assert.equal(refused.code, 'CREDENTIALS_REJECTED');
    assert.match(refused.message, /^Token \[redacted\]… is not valid for \[redacted\]$/);
    const failed = await problem(await post(origin, '/targets', githubCloudSave({ credential: `${CANARY}-throw` })));
    assert.equal(failed.code, 'BACKEND_UNAVAILABLE');
    assert.equal(logged.length, 1);
    const text = `${(logged[0] as Error).message} ${(logged[0] as Error).stack}`;
    assert.match((logged[0] as Error).message, /\[redacted\]/);
    for (let i = 0; i + REDACT_MIN_RUN <= CANARY.length; i++) {
      const run = CANARY.slice(i, i + REDACT_MIN_RUN);
      assert.ok(!refused.message.includes(run) && !text.includes(run), `leaked ${run}`);
    }
  });
});

describe('/status with bad stored records', () => {
  it('shows every record it can, drops links that are not http(s), and counts what it left out', async () => {
    const store = createMemoryStore();
    const good = sampleRecord('tgt_good');
    const badLink: TargetRecord = {
      ...sampleRecord('tgt_bad_link'),
      state: 'auth_required',
      error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'Authorise again.', action: { label: 'Open the provider', url: 'javascript:alert(document.domain)' } },
    };
    const overlong = { ...sampleRecord('tgt_overlong'), display_name: 'x'.repeat(5000) };
    for (const record of [badLink, overlong, good]) await store.importTarget({ record, uniqueKey: targetKey(record) });
    const errors: unknown[] = [];
    const { origin } = await serve({ store, onError: (e) => errors.push(e) });
    const response = await fetch(`${origin}${BASE}/status`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(!text.includes('javascript:'));
    const status = StatusResponseSchema.parse(JSON.parse(text));
    assert.deepEqual(status.targets.map((t) => t.id), ['tgt_bad_link', 'tgt_good']);
    assert.deepEqual(status.targets[0]!.error?.action, { label: 'Open the provider' });
    assert.equal(status.omitted, 1);
    assert.equal(errors.length, 1, 'the operator hears of the record left out');
    // The one record that cannot be shown answers as unavailable, the others as usual.
    assert.equal((await fetch(`${origin}${BASE}/targets/tgt_overlong`)).status, 503);
    assert.equal((await fetch(`${origin}${BASE}/targets/tgt_bad_link`)).status, 200);
  });
});

describe('demo reset', () => {
  it('exists only when demoReset is set, and puts the seed back', async () => {
    const off = await serve();
    assert.equal((await post(off.origin, '/demo/reset', {})).status, 404);
    const seed = sampleRecord('tgt_seeded');
    const on = await serve({ demoReset: true, seed: [seed] });
    await post(on.origin, '/targets', githubCloudSave());
    assert.equal((await listed(on.store)).length, 2);
    assert.equal((await post(on.origin, '/demo/reset', {})).status, 204);
    assert.deepEqual((await listed(on.store)).map((t) => t.id), ['tgt_seeded']);
  });
});
