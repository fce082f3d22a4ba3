// Provider calls from the Node backend go through the connect-time guard, under the
// URL check's own address policy: a stored target whose host now resolves to a
// private address is refused at connect, and the operator's `allow` lets it through.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DestinationPageSchema, ErrorBodySchema, TargetRecordSchema, TestExportResultSchema } from '../../src/core/contract/index.js';
import { createNodeBackend, type NodeBackendOptions } from '../../src/server/index.js';
import { createGithubApi, SIMULATED_TOKEN } from '../../src/testing/provider-apis/index.js';
import { BASE, ghesCheck, ghesSave, stubCheck } from '../backend/handler-helpers.js';
import { stubLookup } from './fixtures/stubs.js';
import { serve, type Served } from './providers/serve.js';

const ORIGIN = 'https://backend.test';
const HOST = 'ghes.acme.example';

let provider: Served;
before(async () => {
  provider = await serve(createGithubApi());
});
after(() => provider.close());

/** A node backend with a GHES target saved on the simulated GitHub's loopback port. */
async function backendWith(checkOptions: NodeBackendOptions['checkOptions'], host = HOST) {
  const handler = createNodeBackend({ basePath: BASE, publicUrl: `${ORIGIN}${BASE}`, checkUrl: stubCheck(), checkOptions });
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    const response = await handler(new Request(`${ORIGIN}${BASE}${path}`, init));
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const baseUrl = `http://${host}:${new URL(provider.origin).port}`;
  const check = (await call('POST', '/url-checks', ghesCheck(baseUrl))).json as { check_id: string };
  const saved = await call('POST', '/targets', ghesSave(check.check_id, baseUrl, { credential: SIMULATED_TOKEN }));
  assert.equal(saved.status, 201, JSON.stringify(saved.json));
  const id = TargetRecordSchema.parse(saved.json).id;
  return { call, id };
}

describe('createNodeBackend provider calls', () => {
  it('refuses at connect a provider host that is, or resolves to, a loopback address', async () => {
    const before = provider.requests.length;
    for (const [host, lookup] of [[HOST, stubLookup({ [HOST]: ['127.0.0.1'] })], ['127.0.0.1', undefined]] as const) {
      const { call, id } = await backendWith({ ...(lookup ? { lookup } : {}), allowHttp: true }, host);
      const answer = await call('POST', `/targets/${id}/destinations`, {});
      assert.equal(answer.status, 502);
      assert.equal(ErrorBodySchema.parse(answer.json).code, 'NETWORK_UNREACHABLE');
    }
    assert.equal(provider.requests.length, before, 'nothing reached the provider');
  });

  it('reaches the provider when the operator allows the address, with the saved credential', async () => {
    const { call, id } = await backendWith({ lookup: stubLookup({ [HOST]: ['127.0.0.1'] }), allowHttp: true, allow: ['127.0.0.1'] });
    const answer = await call('POST', `/targets/${id}/destinations`, {});
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    assert.ok(DestinationPageSchema.parse(answer.json).items.length > 0);
    const last = provider.requests.at(-1)!;
    assert.equal(last.path, '/api/v3/user/repos');
    assert.equal(last.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);

    const settings = await call('PUT', `/targets/${id}/export-settings`, {
      destination: [{ level: 'repository', id: 'acme/service-0001', name: 'acme/service-0001' }],
    });
    assert.equal(settings.status, 200);
    const test = await call('POST', `/targets/${id}/test-export`);
    assert.equal(TestExportResultSchema.parse(test.json).status, 'succeeded');
    assert.equal(provider.requests.at(-1)!.path, '/api/v3/repos/acme/service-0001/issues');
  });
});
