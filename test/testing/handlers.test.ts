import { expect } from '@open-wc/testing';
import {
  AuthResultMessageSchema,
  ErrorBodySchema,
  StatusResponseSchema,
  TargetRecordSchema,
} from '../../src/core/contract/index.js';
import {
  createHandlers,
  DEFAULT_MOCK_ENDPOINT,
  isScenarioId,
  mockAuthorizationId,
  mockAuthResultMessage,
  postMockAuthResult,
  SAMPLE_TARGETS,
  sampleStatus,
  SCENARIO_IDS,
  SCENARIOS,
  startWorker,
} from '../../src/testing/index.js';
import type { MockWorker } from '../../src/testing/index.js';

const CANARY = 'pts-canary-7c19aa03-do-not-leak';

/** Raw fetch, so request shapes the client would never send reach the mocks. */
async function send(path: string, body: string | undefined, init: RequestInit = {}, base = DEFAULT_MOCK_ENDPOINT) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
    ...init,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

const save = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    provider: 'gitlab',
    edition: 'gitlab-com',
    deployment_mode: 'cloud',
    tenant: 'acme',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'pat',
    token_type: 'gitlab_pat',
    credential: CANARY,
    ...extra,
  });

describe('createHandlers: requests are checked against the contract', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await startWorker('cloud-ready');
  });
  beforeEach(() => mock.use('cloud-ready'));

  it('answers a wrong content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const r = await send('/targets', save(), { headers: { 'content-type': 'text/plain' } });
    expect(r.status).to.equal(415);
    expect(r.json.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const r = await send('/targets', `{"credential": "${CANARY}"`);
    expect(r.status).to.equal(400);
    expect(r.json.code).to.equal('VALIDATION_FAILED');
    expect(r.text).not.to.contain(CANARY);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await send('/targets', save({ display_name: 'x'.repeat(70_000) }));
    expect(r.status).to.equal(413);
    expect(r.json.code).to.equal('PAYLOAD_TOO_LARGE');
  });

  it('names the invalid field, never its value', async () => {
    const r = await send('/targets', save({ credential: 42, token_type: CANARY.repeat(10) }));
    expect(r.status).to.equal(400);
    expect(r.json.code).to.equal('VALIDATION_FAILED');
    expect(['token_type', 'credential']).to.include(r.json.field);
    expect(r.text).not.to.contain(CANARY);
    const unknownProvider = await send('/targets', save({ provider: 'sourceforge' }));
    expect(unknownProvider.json.field).to.equal('provider');
  });

  it('refuses a URL check without ownership and export confirmation', async () => {
    const body = (extra: Record<string, unknown>) =>
      JSON.stringify({
        provider: 'jira',
        edition: 'jira-dc',
        deployment_mode: 'self-hosted',
        base_url: 'https://jira.example.com',
        ownership_confirmed: true,
        export_authorized: true,
        ...extra,
      });
    for (const extra of [{ ownership_confirmed: false }, { export_authorized: false }, { ownership_confirmed: 'yes' }]) {
      const r = await send('/url-checks', body(extra));
      expect(r.status).to.equal(422);
      expect(r.json.code).to.equal('OWNERSHIP_UNCONFIRMED');
    }
    // Text that is no URL is the check's to judge, like any other: blocked at the scheme check.
    const unparsable = await send('/url-checks', body({ base_url: 'not a url' }));
    expect(unparsable.status).to.equal(200);
    expect(unparsable.json.status).to.equal('blocked');
    expect((unparsable.json.checks as Array<{ name: string; status: string }>)[0]).to.include({ name: 'scheme', status: 'failed' });
  });

  it('answers every error with a contract error body and the status of its code', async () => {
    const answers = [
      await send('/targets', save({ provider: 'nope' })),
      await send('/targets/unknown', undefined),
      await send('/targets/unknown/revoke', JSON.stringify({ revoked_at_provider: true })),
      await send('/targets', save({ credential: undefined })),
      await send('/auth/start', JSON.stringify({ provider: 'github' })),
    ];
    expect(answers.map((a) => a.status)).to.deep.equal([400, 404, 404, 401, 400]);
    for (const a of answers) {
      expect(ErrorBodySchema.safeParse(a.json).success, a.text).to.equal(true);
      expect(a.text).not.to.contain(CANARY);
    }
  });

  it('never stores or returns the credential', async () => {
    const created = await send('/targets', save());
    expect(created.status).to.equal(201);
    expect(TargetRecordSchema.safeParse(created.json).success).to.equal(true);
    const status = await send('/status', undefined);
    const one = await send(`/targets/${String(created.json.id)}`, undefined);
    for (const r of [created, status, one]) expect(r.text).not.to.contain(CANARY);
    expect(StatusResponseSchema.safeParse(status.json).success).to.equal(true);
  });

  it('keeps one independent store per handler set', async () => {
    mock.worker.use(
      ...createHandlers({ endpoint: '/api/one', scenario: 'cloud-ready' }),
      ...createHandlers({ endpoint: '/api/two', scenario: 'cloud-ready' }),
    );
    expect((await send('/targets', save(), {}, '/api/one')).status).to.equal(201);
    expect(((await send('/status', undefined, {}, '/api/one')).json.targets as unknown[]).length).to.equal(1);
    expect(((await send('/status', undefined, {}, '/api/two')).json.targets as unknown[]).length).to.equal(0);
    expect(((await send('/status', undefined)).json.targets as unknown[]).length).to.equal(0);
  });

  it('does not let one store change the shared sample targets', async () => {
    mock.use('revoke');
    const before = structuredClone(SAMPLE_TARGETS.cloudConnected);
    const r = await send(`/targets/${before.id}/revoke`, JSON.stringify({ revoked_at_provider: true }));
    expect((r.json as { state: string }).state).to.equal('revoked');
    expect(SAMPLE_TARGETS.cloudConnected).to.deep.equal(before);
    mock.use('revoke');
    expect((await send(`/targets/${before.id}`, undefined)).json.state).to.equal('connected');
  });
});

describe('testing helpers', () => {
  it('builds contract-valid auth result messages for the mock callback page', () => {
    const ok = mockAuthResultMessage('st_1');
    expect(ok).to.deep.equal({
      type: 'pts-auth-result',
      state: 'st_1',
      status: 'authorized',
      authorization_id: mockAuthorizationId('st_1'),
    });
    const denied = mockAuthResultMessage('st_1', 'denied');
    expect(denied.authorization_id).to.equal(undefined);
    for (const message of [ok, denied]) expect(AuthResultMessageSchema.safeParse(message).success).to.equal(true);
  });

  it('posts the mock page result to its opener on its own origin only, then closes', () => {
    const posted: Array<[unknown, string]> = [];
    let closed = false;
    const popup = {
      location: { search: '?state=st_42', origin: 'http://localhost:1234' },
      opener: { postMessage: (message: unknown, origin: string) => posted.push([message, origin]) },
      close: () => {
        closed = true;
      },
    } as unknown as Window;
    const message = postMockAuthResult('authorized', popup);
    expect(posted).to.deep.equal([[mockAuthResultMessage('st_42'), 'http://localhost:1234']]);
    expect(message?.authorization_id).to.equal(mockAuthorizationId('st_42'));
    expect(closed).to.equal(true);
    const orphan = { ...popup, opener: null } as unknown as Window;
    expect(postMockAuthResult('authorized', orphan)).to.equal(undefined);
  });

  it('tells scenario ids apart from other strings', () => {
    expect(SCENARIO_IDS.every(isScenarioId)).to.equal(true);
    expect(isScenarioId('cloud')).to.equal(false);
    expect(isScenarioId(undefined)).to.equal(false);
    expect(Object.values(SCENARIOS).filter((s) => s.preset.baseUrl).length).to.be.greaterThan(5);
  });

  it('hands out deep copies of the sample status', () => {
    const a = sampleStatus();
    a.targets[0]!.state = 'blocked';
    expect(sampleStatus().targets[0]!.state).to.equal(SAMPLE_TARGETS.cloudConnected.state);
  });
});
