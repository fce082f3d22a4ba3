import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createHttpBackend } from '../../src/client/index.js';
import { DEFAULT_MOCK_ENDPOINT, mockAuthorizationId, startWorker } from '../../src/testing/index.js';
import type { MockWorker } from '../../src/testing/index.js';
import { jiraCloudOAuthSave, rejection } from '../testing/backend-fixtures.js';

const CANARY = 'pts-canary-51d0c8b2-do-not-leak';

describe('createHttpBackend over real fetch, against the msw worker', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await startWorker('self-hosted-ready');
  });
  beforeEach(() => mock.use('self-hosted-ready'));

  it('runs a whole self-hosted setup, revoke included, every answer parsed', async () => {
    const backend = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT });
    expect((await backend.getStatus()).targets).to.deep.equal([]);
    const check = await backend.checkUrl({
      provider: 'jira',
      edition: 'jira-dc',
      deployment_mode: 'self-hosted',
      base_url: 'https://Jira.Example.com/jira/',
      ownership_confirmed: true,
      export_authorized: true,
    });
    expect(check.status).to.equal('passed');
    expect(check.normalized_url).to.equal('https://jira.example.com/jira');
    const saved = await backend.saveTarget({
      provider: 'jira',
      edition: 'jira-dc',
      deployment_mode: 'self-hosted',
      base_url: 'https://jira.example.com/jira',
      check_id: check.check_id,
      allowlist_status: 'tunnel',
      ownership_confirmed: true,
      export_authorized: true,
      auth_method: 'pat',
      token_type: 'jira_dc_pat',
      credential: CANARY,
    });
    expect(saved.state).to.equal('connected');
    expect(saved.base_url).to.equal('https://jira.example.com/jira');
    expect(JSON.stringify(saved)).not.to.contain(CANARY);
    expect((await backend.getTarget(saved.id)).id).to.equal(saved.id);
    const revoked = await backend.revokeTarget(saved.id, { revoked_at_provider: true });
    expect(revoked.state).to.equal('revoked');
    expect(revoked.has_credentials).to.equal(false);
    const status = await backend.getStatus();
    expect(status.targets.map((t) => t.state)).to.deep.equal(['revoked']);
    expect(JSON.stringify(status)).not.to.contain(CANARY);
  });

  it('starts an authorisation and saves with its grant', async () => {
    mock.use('cloud-ready');
    const backend = createHttpBackend({ endpoint: `${location.origin}${DEFAULT_MOCK_ENDPOINT}/` });
    const start = await backend.startAuth({
      provider: 'jira',
      edition: 'jira-cloud',
      auth_method: 'oauth2_3lo',
      return_origin: location.origin,
    });
    expect(new URL(start.authorization_url).origin).to.equal(location.origin);
    const saved = await backend.saveTarget(jiraCloudOAuthSave(mockAuthorizationId(start.state)));
    expect(saved.tenant).to.equal('https://acme.atlassian.net');
  });

  it('sends the host headers and credentials mode over the wire', async () => {
    const seen: Array<{ csrf: string | null; auth: string | null; credentials: RequestCredentials; type: string | null }> = [];
    mock.worker.use(
      http.post(`${DEFAULT_MOCK_ENDPOINT}/targets/:id/revoke`, async ({ request }) => {
        seen.push({
          csrf: request.headers.get('x-csrf-token'),
          auth: request.headers.get('authorization'),
          credentials: request.credentials,
          type: request.headers.get('content-type'),
        });
        return HttpResponse.json({ code: 'TARGET_NOT_FOUND', message: 'No target with that id.' }, { status: 404 });
      }),
    );
    const backend = createHttpBackend({
      endpoint: DEFAULT_MOCK_ENDPOINT,
      credentials: 'include',
      headers: () => ({ 'X-CSRF-Token': 'csrf-abc', Authorization: 'Bearer host' }),
    });
    const error = await rejection(backend.revokeTarget('t1', { revoked_at_provider: true }));
    expect(error.code).to.equal('TARGET_NOT_FOUND');
    expect(error.status).to.equal(404);
    expect(seen).to.deep.equal([
      { csrf: 'csrf-abc', auth: 'Bearer host', credentials: 'include', type: 'application/json' },
    ]);
  });

  it('maps a real network error and a real bare 503', async () => {
    const backend = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT });
    mock.use('backend-down', { downAs: 'network-error' });
    const network = await rejection(backend.getStatus());
    expect(network.code).to.equal('BACKEND_UNAVAILABLE');
    expect(network.status).to.equal(undefined);
    mock.use('backend-down', { downAs: 'http-503' });
    const down = await rejection(backend.getStatus());
    expect(down.code).to.equal('BACKEND_UNAVAILABLE');
    expect(down.status).to.equal(503);
  });

  it('maps a real redirect (a login gate) to SESSION_EXPIRED', async () => {
    mock.worker.use(
      http.get(`${DEFAULT_MOCK_ENDPOINT}/status`, () =>
        new HttpResponse(null, { status: 302, headers: { Location: '/login?next=/settings' } }),
      ),
    );
    const error = await rejection(createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT }).getStatus());
    expect(error.code).to.equal('SESSION_EXPIRED');
  });

  it('maps a real 429 with Retry-After', async () => {
    mock.worker.use(
      http.post(`${DEFAULT_MOCK_ENDPOINT}/url-checks`, () =>
        new HttpResponse('Too many requests', { status: 429, headers: { 'Retry-After': '42' } }),
      ),
    );
    const error = await rejection(
      createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT }).checkUrl({
        provider: 'gitlab',
        edition: 'gitlab-self-managed',
        deployment_mode: 'self-hosted',
        base_url: 'https://gitlab.example.com',
        ownership_confirmed: true,
        export_authorized: true,
      }),
    );
    expect(error.code).to.equal('RATE_LIMITED');
    expect(error.retryAfter).to.equal(42);
  });

  it('times out against a slow backend and aborts against a live one', async () => {
    mock.use('slow-backend');
    const slow = await rejection(createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT, timeoutMs: 50 }).getStatus());
    expect(slow.code).to.equal('REQUEST_TIMEOUT');
    const controller = new AbortController();
    const pending = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT }).getStatus({ signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('REQUEST_ABORTED');
  });
});
