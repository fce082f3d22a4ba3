// The export routes on the Web handler: destinations, export settings and the test
// export, with the saved credential sent to a simulated provider through the
// backend's providerFetch service. Each rule here is one a test below fails without.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DestinationPageSchema,
  TargetRecordSchema,
  TestExportResultSchema,
  UrlCheckResponseSchema,
  type TargetRecord,
} from '../../src/core/contract/index.js';
import type { BackendOptions, ProviderAdapter } from '../../src/backend/index.js';
import { asFetch, createGithubApi, createWebhookReceiver, SIMULATED_TOKEN, type SimulationOptions } from '../../src/testing/provider-apis/index.js';
import { BASE, githubCloudSave, harness, type Harness } from './handler-helpers.js';

const REPO = { level: 'repository', id: 'acme/service-0002', name: 'acme/service-0002' } as const;
const SETTINGS = { destination: [REPO], duplicates: 'comment' } as const;

interface Setup {
  h: Harness;
  target: TargetRecord;
  /** Every request the provider got. */
  seen: Request[];
  path(route: string): string;
}

/** A backend whose providerFetch reaches a simulated GitHub, and a GitHub.com target saved with its token. */
async function setup(simulation: SimulationOptions = {}, options: Partial<BackendOptions> = {}): Promise<Setup> {
  const api = createGithubApi(simulation);
  const seen: Request[] = [];
  const h = harness({
    providerFetch: asFetch(async (request) => {
      seen.push(request.clone());
      return api(request);
    }),
    ...options,
  });
  const target = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, githubCloudSave({ tenant: 'acme', credential: SIMULATED_TOKEN }));
  return { h, target, seen, path: (route) => `${BASE}/targets/${encodeURIComponent(target.id)}/${route}` };
}

function assertNoSecret(h: Harness, secret = SIMULATED_TOKEN) {
  for (const body of h.bodies) assert.ok(!body.includes(secret.slice(0, 12)), `secret leaked in ${body.slice(0, 200)}`);
}

describe('POST /targets/{id}/destinations', () => {
  it('lists with the saved credential, sent as the catalog says, and pages with the cursor', async () => {
    const { h, seen, path } = await setup({ size: 'large' });
    const first = await h.json(DestinationPageSchema, 200, 'POST', path('destinations'), {});
    assert.ok(first.items.length > 0 && first.items.every((i) => i.level === 'repository'));
    assert.ok(first.next_cursor, 'a 5,000-repository list has a next page');
    assert.equal(seen.length, 1);
    assert.equal(new URL(seen[0]!.url).pathname, '/user/repos');
    assert.equal(seen[0]!.headers.get('authorization'), `Bearer ${SIMULATED_TOKEN}`);
    const second = await h.json(DestinationPageSchema, 200, 'POST', path('destinations'), { cursor: first.next_cursor });
    assert.notDeepEqual(second.items[0], first.items[0]);
    assertNoSecret(h);
  });

  it('explains an empty list with the provider action', async () => {
    const { h, path } = await setup({ size: 'empty' });
    const page = await h.json(DestinationPageSchema, 200, 'POST', path('destinations'), {});
    assert.deepEqual(page.items, []);
    assert.equal(page.empty?.reason, 'nothing_accessible');
  });

  it('validates the request and passes the adapter\'s refusal of a level on', async () => {
    const { h, path } = await setup();
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', path('destinations'), { level: 'nope' })).field, 'level');
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', path('destinations'), { level: 'board' })).field, 'level');
  });

  it('answers the provider failures with their codes', async () => {
    const cases = [
      ['auth', 'PROVIDER_AUTH_REQUIRED', 401],
      ['network', 'NETWORK_UNREACHABLE', 502],
      ['server-error', 'PROVIDER_UNAVAILABLE', 502],
      ['rate-limit', 'RATE_LIMITED', 429],
    ] as const;
    for (const [failure, code, status] of cases) {
      const { h, path } = await setup({ failure });
      const problem = await h.error(code, status, 'POST', path('destinations'), {});
      assert.ok(problem.action, `${code} carries an action`);
      assertNoSecret(h);
    }
  });

  it('answers an unknown target, a revoked one and one without a credential with their codes', async () => {
    const { h, target, path } = await setup();
    await h.error('TARGET_NOT_FOUND', 404, 'POST', `${BASE}/targets/tgt_nope/destinations`, {});
    await h.json(TargetRecordSchema, 200, 'POST', `${BASE}/targets/${target.id}/revoke`, { revoked_at_provider: true });
    const revoked = await h.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', path('destinations'), {});
    assert.match(revoked.message, /revoked/);
    assert.ok(revoked.action?.label);

    const seeded: TargetRecord = { ...target, id: 'tgt_seeded', state: 'connected', tenant: 'https://github.com/other', has_credentials: true, revoked_at: null };
    const bare = harness({ providerFetch: asFetch(createGithubApi()), seed: [seeded] });
    await bare.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', `${BASE}/targets/tgt_seeded/destinations`, {});
  });

  it('refuses to call providers when no providerFetch is configured', async () => {
    const { h, path } = await setup({}, { providerFetch: undefined });
    await h.error('BACKEND_UNAVAILABLE', 503, 'POST', path('destinations'), {});
  });

  it('uses an adapter the integrator passes instead of the shipped one', async () => {
    const calls: string[] = [];
    const custom: ProviderAdapter = {
      provider: 'github',
      verify: async () => ({ id: '1', name: 'x' }),
      listDestinations: async (ctx) => {
        calls.push(ctx.credential.secret);
        return { items: [{ id: 'only', name: 'Only', level: 'repository', has_children: false }], next_cursor: null };
      },
      createTestTicket: async () => ({ ticket: { url: 'https://example.com/1', title: 'Test' } }),
    };
    const { h, path } = await setup({}, { adapters: { github: custom } });
    const page = await h.json(DestinationPageSchema, 200, 'POST', path('destinations'), {});
    assert.deepEqual(page.items.map((i) => i.id), ['only']);
    assert.deepEqual(calls, [SIMULATED_TOKEN]);
  });
});

describe('PUT /targets/{id}/export-settings', () => {
  it('keeps the settings on the record, with update as the default duplicate handling', async () => {
    const { h, target, path } = await setup();
    const saved = await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), { destination: [REPO] });
    assert.deepEqual(saved.export_settings, { destination: [REPO], duplicates: 'update' });
    assert.equal(saved.state, 'connected');
    assert.deepEqual(saved.history, target.history, 'settings are not a history event');
    assert.deepEqual((await h.store.getTarget(target.id))?.export_settings, saved.export_settings);
    assertNoSecret(h);
  });

  it('refuses settings that do not fit the provider, naming the field', async () => {
    const { h, path } = await setup();
    const cases: Array<[unknown, string]> = [
      [{ destination: [] }, 'destination'],
      [{ destination: [{ level: 'project', id: '1', name: 'P' }] }, 'destination'],
      [{ destination: [REPO], events: ['finding.created'] }, 'events'],
      [{ destination: [REPO], duplicates: 'merge' }, 'duplicates'],
    ];
    for (const [body, field] of cases) {
      assert.equal((await h.error('VALIDATION_FAILED', 400, 'PUT', path('export-settings'), body)).field, field);
    }
  });

  it('refuses a revoked target and an unknown one, and answers only PUT', async () => {
    const { h, target, path } = await setup();
    await h.error('TARGET_NOT_FOUND', 404, 'PUT', `${BASE}/targets/tgt_nope/export-settings`, SETTINGS);
    await h.error('TARGET_NOT_FOUND', 404, 'POST', path('export-settings'), SETTINGS);
    await h.json(TargetRecordSchema, 200, 'POST', `${BASE}/targets/${target.id}/revoke`, { revoked_at_provider: true });
    await h.error('PROVIDER_AUTH_REQUIRED', 401, 'PUT', path('export-settings'), SETTINGS);
    assert.equal((await h.store.getTarget(target.id))?.export_settings, undefined);
  });

  it('drops the last test when the destination changes, and keeps it when only duplicate handling does', async () => {
    const { h, path } = await setup();
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), SETTINGS);
    await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    const same = await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), { ...SETTINGS, duplicates: 'skip' });
    assert.equal(same.last_test?.status, 'succeeded');
    const moved = await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), {
      destination: [{ ...REPO, id: 'acme/service-0001', name: 'acme/service-0001' }],
    });
    assert.equal(moved.last_test, null);
  });
});

describe('POST /targets/{id}/test-export', () => {
  it('needs saved settings first', async () => {
    const { h, path } = await setup();
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', path('test-export'))).field, 'export_settings');
  });

  it('creates one test ticket in the chosen destination and keeps the result as last_test', async () => {
    const { h, target, seen, path } = await setup();
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), SETTINGS);
    const result = await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    assert.equal(result.status, 'succeeded');
    assert.match(result.ticket?.url ?? '', /\/acme\/service-0002\/issues\/1$/);
    assert.equal(result.at, new Date(h.clock.t).toISOString(), 'stamped with the backend clock');
    const create = seen.at(-1)!;
    assert.equal(create.method, 'POST');
    assert.equal(new URL(create.url).pathname, '/repos/acme/service-0002/issues');
    assert.equal(create.headers.get('authorization'), `Bearer ${SIMULATED_TOKEN}`);
    const stored = await h.store.getTarget(target.id);
    assert.deepEqual(stored?.last_test, result);
    assertNoSecret(h);
  });

  it('answers a refused destination as a failed result, kept on the record', async () => {
    const { h, target, path } = await setup({ readOnly: [REPO.id] });
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), SETTINGS);
    const result = await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.ok(result.error?.action);
    const stored = await h.store.getTarget(target.id);
    assert.equal(stored?.last_test?.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.equal(stored?.state, 'connected');
  });

  it('moves the target to auth_required when the provider refuses the credential, and back on success', async () => {
    const failure: { now?: SimulationOptions['failure'] } = {};
    const api = createGithubApi();
    const refusing = createGithubApi({ failure: 'auth' });
    const { h, target, path } = await setup({}, { providerFetch: asFetch((r) => (failure.now ? refusing(r) : api(r))) });
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), SETTINGS);
    failure.now = 'auth';
    const refused = await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    assert.equal(refused.error?.code, 'PROVIDER_AUTH_REQUIRED');
    let stored = (await h.store.getTarget(target.id))!;
    assert.equal(stored.state, 'auth_required');
    assert.equal(stored.error?.code, 'PROVIDER_AUTH_REQUIRED');
    assert.equal(stored.history.at(-1)?.event, 'auth_required');
    delete failure.now;
    await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    stored = (await h.store.getTarget(target.id))!;
    assert.equal(stored.state, 'connected');
    assert.equal(stored.error, null);
    assert.equal(stored.history.at(-1)?.event, 'connected');
  });

  it('does not bring back a target revoked while the test ran', async () => {
    const api = createGithubApi();
    let revoke: (() => Promise<unknown>) | undefined;
    const { h, target, path } = await setup({}, {
      providerFetch: asFetch(async (r) => {
        await revoke?.();
        return api(r);
      }),
    });
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), SETTINGS);
    revoke = () => h.call('POST', `${BASE}/targets/${target.id}/revoke`, { revoked_at_provider: true });
    const result = await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    assert.equal(result.status, 'succeeded');
    const stored = (await h.store.getTarget(target.id))!;
    assert.equal(stored.state, 'revoked');
    assert.equal(stored.last_test ?? null, null, "the result is answered, not kept");
  });

  it('lets each target run a few tests a minute, then answers RATE_LIMITED with the wait', async () => {
    const { h, seen, path } = await setup({}, { rateLimit: { testExports: { max: 2, windowMs: 60_000 } } });
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), SETTINGS);
    await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    const calls = seen.length;
    const response = await h.call('POST', path('test-export'));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '60');
    assert.equal(seen.length, calls, 'no third ticket was created');
    h.clock.t += 60_000;
    await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
  });

  it('sends a webhook one signed delivery and answers with the status and headers the receiver got', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const receiver = createWebhookReceiver({ secret });
    const h = harness({ providerFetch: asFetch(receiver) });
    const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, {
      provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook', base_url: 'https://hooks.acme.example/scanner',
      ownership_confirmed: true, export_authorized: true,
    });
    const target = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, {
      provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook', base_url: check.normalized_url, check_id: check.check_id,
      allowlist_status: 'direct', ownership_confirmed: true, export_authorized: true, auth_method: 'signing_secret',
      token_type: 'webhook_hmac_secret', credential: secret,
    });
    const path = (route: string) => `${BASE}/targets/${target.id}/${route}`;
    await h.error('PROVIDER_LIMITATION', 422, 'POST', path('destinations'), {});
    await h.json(TargetRecordSchema, 200, 'PUT', path('export-settings'), { destination: [], events: ['finding.created'] });
    const result = await h.json(TestExportResultSchema, 200, 'POST', path('test-export'));
    assert.equal(result.status, 'succeeded');
    assert.equal(result.delivery?.http_status, 204);
    assert.ok(result.delivery?.headers.some((x) => x.name === 'webhook-signature'));
    assert.equal(receiver.created.length, 1, 'the receiver verified one signed delivery');
    assertNoSecret(h, secret);
  });
});
