import { expect } from '@open-wc/testing';
import { createHttpBackend } from '../../src/client/index.js';
import { CHECK_NAMES } from '../../src/core/contract/index.js';
import type { CheckName, SaveTargetRequest, UrlCheckRequest } from '../../src/core/contract/index.js';
import { blockingLimitation, findAuthMethod, getEdition } from '../../src/core/providers/index.js';
import { classifyAddress } from '../../src/core/url/index.js';
import { checkForScope } from '../../src/core/url/policy.js';
import {
  DEFAULT_MOCK_ENDPOINT,
  MOCK_AUTH_PAGE_PATH,
  mockAuthorizationId,
  SAMPLE_EGRESS_ADDRESSES,
  SAMPLE_PUBLIC_ADDRESSES,
  SAMPLE_TARGETS,
  SAMPLE_TARGET_IDS,
  SCENARIO_IDS,
  SCENARIOS,
  startWorker,
} from '../../src/testing/index.js';
import type { MockWorker, ScenarioId } from '../../src/testing/index.js';
import { githubCloudSave, jiraCloudOAuthSave, rejection } from './backend-fixtures.js';

const backend = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT });
const CANARY = 'pts-canary-0b7e41d6-do-not-leak';

const check = (base_url = 'https://jira.example.com', extra: Partial<UrlCheckRequest> = {}): UrlCheckRequest => ({
  provider: 'jira',
  edition: 'jira-dc',
  deployment_mode: 'self-hosted',
  base_url,
  ownership_confirmed: true,
  export_authorized: true,
  ...extra,
});

const selfHostedSave = (check_id: string, extra: Partial<SaveTargetRequest> = {}): SaveTargetRequest => ({
  provider: 'jira',
  edition: 'jira-dc',
  deployment_mode: 'self-hosted',
  base_url: 'https://jira.example.com',
  check_id,
  allowlist_status: 'allowlist',
  ownership_confirmed: true,
  export_authorized: true,
  auth_method: 'pat',
  token_type: 'jira_dc_pat',
  credential: CANARY,
  ...extra,
});

const cloudSave = (extra: Partial<SaveTargetRequest> = {}): SaveTargetRequest => githubCloudSave(CANARY, extra);

/** One call per route, made only when invoked so no rejection goes unhandled. */
const everyRoute: Array<() => Promise<unknown>> = [
  () => backend.getStatus(),
  () => backend.checkUrl(check()),
  () => backend.saveTarget(cloudSave()),
  () => backend.getTarget('t1'),
  () => backend.revokeTarget('t1', { revoked_at_provider: true }),
  () => backend.startAuth({ provider: 'github', edition: 'github-com', auth_method: 'github_app', return_origin: location.origin }),
  () => backend.listDestinations!('t1', {}),
  () => backend.saveExportSettings!('t1', { destination: [{ level: 'repository', id: 'acme/a', name: 'acme/a' }] }),
  () => backend.runTestExport!('t1'),
];

describe('msw scenarios', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await startWorker('cloud-ready');
  });

  it('lists every scenario with a label and a description', () => {
    expect(Object.keys(SCENARIOS)).to.deep.equal([...SCENARIO_IDS]);
    expect(SCENARIO_IDS.length).to.equal(25);
    for (const id of SCENARIO_IDS) {
      expect(SCENARIOS[id].id).to.equal(id);
      expect(SCENARIOS[id].label.length, id).to.be.greaterThan(3);
      expect(SCENARIOS[id].description.length, id).to.be.greaterThan(20);
    }
  });

  it('switches scenario at runtime, with a fresh store each time', async () => {
    mock.use('revoke');
    expect(mock.scenario).to.equal('revoke');
    expect((await backend.getStatus()).targets.length).to.equal(2);
    mock.use('backend-down');
    expect((await rejection(backend.getStatus())).code).to.equal('BACKEND_UNAVAILABLE');
    const again = await startWorker('reconnect');
    expect(again).to.equal(mock);
    expect(mock.scenario).to.equal('reconnect');
    expect((await backend.getStatus()).targets.map((t) => t.state)).to.deep.equal(['auth_required']);
  });

  describe('cloud-ready', () => {
    beforeEach(() => mock.use('cloud-ready'));

    it('starts with no targets, the egress addresses and portable export', async () => {
      const status = await backend.getStatus();
      expect(status.targets).to.deep.equal([]);
      expect(status.egress_addresses).to.deep.equal([...SAMPLE_EGRESS_ADDRESSES]);
      expect(status.portable_export.available).to.equal(true);
    });

    it('hands out a same-origin mock authorisation page and accepts its grant once', async () => {
      const start = await backend.startAuth({
        provider: 'jira',
        edition: 'jira-cloud',
        auth_method: 'oauth2_3lo',
        return_origin: location.origin,
      });
      const url = new URL(start.authorization_url);
      expect(url.origin).to.equal(location.origin);
      expect(url.pathname).to.equal(MOCK_AUTH_PAGE_PATH);
      expect(url.searchParams.get('state')).to.equal(start.state);
      expect(start.result_origin).to.equal(location.origin);

      const request = jiraCloudOAuthSave(mockAuthorizationId(start.state));
      const saved = await backend.saveTarget(request);
      expect(saved.state).to.equal('connected');
      expect(saved.has_credentials).to.equal(true);
      expect(saved.history.map((h) => h.event)).to.deep.equal(['created', 'connected']);
      expect((await backend.getStatus()).targets.map((t) => t.id)).to.deep.equal([saved.id]);

      const reused = await rejection(backend.saveTarget(request));
      expect(reused.code).to.equal('PROVIDER_AUTH_REQUIRED');
      const forged = await rejection(backend.saveTarget({ ...request, authorization_id: 'authz_forged' }));
      expect(forged.code).to.equal('PROVIDER_AUTH_REQUIRED');
    });

    it('saves a token target and refuses one with neither credential nor grant', async () => {
      const saved = await backend.saveTarget(cloudSave());
      // Stored like the reference backend stores it: the catalog's canonical tenant URL, not as typed.
      expect(saved.tenant).to.equal('https://github.com/acme');
      expect(saved.base_url ?? null).to.equal(null);
    expect(saved.scopes).to.deep.equal(findAuthMethod(getEdition('github', 'github-com')!, 'fine_grained_pat')!.scopes);
      const { credential: _credential, ...blank } = cloudSave();
      const error = await rejection(backend.saveTarget(blank));
      expect(error.code).to.equal('PROVIDER_AUTH_REQUIRED');
      expect(error.body?.action?.label).to.be.a('string');
      expect((await backend.getStatus()).targets.length).to.equal(1);
    });

    it('stores one tenant typed two ways as one canonical URL, and refuses a tenant of the wrong shape', async () => {
      const jira = (tenant: string): SaveTargetRequest =>
        cloudSave({ provider: 'jira', edition: 'jira-cloud', tenant, auth_method: 'scoped_api_token', token_type: 'atlassian_scoped_api_token', credential_fields: { email: 'admin@acme.example' } });
      const typed = await backend.saveTarget(jira('acme'));
      expect(typed.tenant).to.equal('https://acme.atlassian.net');
      // The same site pasted as a URL is the same tenant, so the same target.
      const pasted = await rejection(backend.saveTarget(jira(' https://acme.atlassian.net/ ')));
      expect(pasted.code).to.equal('TARGET_EXISTS');
      expect(pasted.body?.target_id).to.equal(typed.id);
      const wrong = await rejection(backend.saveTarget(cloudSave({ tenant: 'not a github org!' })));
      expect(wrong.code).to.equal('VALIDATION_FAILED');
      expect(wrong.body?.field).to.equal('tenant');
      // Sample targets hold tenants in the same form, so a reconnect sends back what it was given.
      for (const t of [SAMPLE_TARGETS.authRequired, SAMPLE_TARGETS.revoked]) expect(t.tenant).to.match(/^https:\/\//);
    });

    it('needs no server ownership confirmation for a cloud tenant, but refuses a missing tenant', async () => {
      const saved = await backend.saveTarget(cloudSave({ ownership_confirmed: false, export_authorized: false }));
      expect(saved.state).to.equal('connected');
      const { tenant: _tenant, ...noTenant } = cloudSave();
      const error = await rejection(backend.saveTarget(noTenant));
      expect(error.code).to.equal('VALIDATION_FAILED');
      expect(error.body?.field).to.equal('tenant');
    });
  });

  describe('self-hosted-ready', () => {
    beforeEach(() => mock.use('self-hosted-ready'));

    it('passes every check for an https URL and saves against that check', async () => {
      const result = await backend.checkUrl(check('https://jira.example.com/'));
      expect(result.status).to.equal('passed');
      expect(result.code).to.equal(undefined);
      expect(result.normalized_url).to.equal('https://jira.example.com');
      expect(result.checks.map((c) => [c.name, c.status])).to.deep.equal(CHECK_NAMES.map((n) => [n, 'passed']));
      const saved = await backend.saveTarget(selfHostedSave(result.check_id));
      expect(saved).to.include({ state: 'connected', base_url: 'https://jira.example.com', allowlist_status: 'allowlist' });
      expect(saved.check_id).to.equal(result.check_id);
    });

    it('requires a check for this exact URL and a recorded network path', async () => {
      const result = await backend.checkUrl(check());
      expect((await rejection(backend.saveTarget(selfHostedSave('chk_unknown')))).code).to.equal('URL_CHECK_REQUIRED');
      const otherUrl = await rejection(
        backend.saveTarget(selfHostedSave(result.check_id, { base_url: 'https://jira2.example.com' })),
      );
      expect(otherUrl.code).to.equal('URL_CHECK_REQUIRED');
      const { allowlist_status: _a, ...noPath } = selfHostedSave(result.check_id);
      const missing = await rejection(backend.saveTarget(noPath));
      expect(missing.code).to.equal('ALLOWLIST_STATUS_MISSING');
      expect(missing.body?.field).to.equal('allowlist_status');
      expect((await backend.getStatus()).targets).to.deep.equal([]);
    });

    it('blocks a non-https URL at the scheme check and never echoes userinfo', async () => {
      const plain = await backend.checkUrl(check('http://jira.example.com'));
      expect(plain.status).to.equal('blocked');
      expect(plain.checks[0]).to.include({ name: 'scheme', status: 'failed', offender: 'http:' });
      const withUser = await backend.checkUrl(check(`https://admin:${CANARY}@jira.example.com`));
      expect(withUser.status).to.equal('blocked');
      expect(withUser.normalized_url).to.match(/^https:\/\/jira\.example\.com\/?$/);
      expect(JSON.stringify(withUser)).not.to.contain(CANARY);
    });
  });

  it('reports as passing only addresses the URL policy itself counts as globally reachable', async () => {
    const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})$/i;
    const addressesIn = (text: string | undefined) =>
      (text ?? '').split(/[\s,()]+/).map((t) => t.replace(/\.$/, '')).filter((t) => IP.test(t));
    const passed: string[] = [];
    /** Addresses a passed private_network or reserved_ip check names: not public, they must fail the other one. */
    const passedOneCheck: Array<[CheckName, string]> = [];
    const urls: UrlCheckRequest[] = [
      check(),
      check('https://hooks.example.com/tickets', { provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook' }),
    ];
    const scenarios: ScenarioId[] = ['cloud-ready', 'self-hosted-ready', 'allowlist-missing'];
    for (const id of SCENARIO_IDS) if (id.startsWith('url-blocked-')) scenarios.push(id);
    for (const id of scenarios) {
      mock.use(id);
      for (const request of urls) {
        const result = await backend.checkUrl(request);
        if (result.status === 'passed') passed.push(...(result.addresses ?? []));
        const blocked = result.status === 'blocked';
        for (const entry of result.checks) {
          if (entry.status !== 'passed') continue;
          const named = addressesIn(entry.detail);
          if (blocked && (entry.name === 'private_network' || entry.name === 'reserved_ip')) {
            for (const address of named) passedOneCheck.push([entry.name, address]);
          } else passed.push(...named);
        }
      }
    }
    expect(passed.length, 'addresses reported as passing').to.be.greaterThan(10);
    expect([...new Set(passed)].sort()).to.deep.equal([...SAMPLE_PUBLIC_ADDRESSES].sort());
    // The backend's own egress addresses, shown for allowlists, are public too.
    for (const address of [...passed, ...SAMPLE_EGRESS_ADDRESSES]) {
      const verdict = classifyAddress(address);
      expect(verdict.globallyReachable, `${address}: ${verdict.range}`).to.equal(true);
    }
    // In a blocked answer, a check may pass an address that another check fails, exactly as the policy sorts it.
    for (const [check, address] of passedOneCheck) {
      const verdict = classifyAddress(address);
      if (!verdict.globallyReachable) expect(checkForScope(verdict), `${address} passed ${check}`).not.to.equal(check);
    }
  });

  it('skips ownership for a webhook, which has no identity endpoint, and says what proves the receiver', async () => {
    for (const id of ['self-hosted-ready', 'url-blocked-ownership'] as const) {
      mock.use(id);
      const result = await backend.checkUrl(
        check('https://hooks.example.com/tickets', { provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook' }),
      );
      expect(result.status, id).to.equal('passed');
      const ownership = result.checks.find((c) => c.name === 'ownership')!;
      expect(ownership.status, id).to.equal('skipped');
      expect(ownership.detail, id).to.contain('Webhook');
      expect(result.checks.filter((c) => c.name !== 'ownership').every((c) => c.status === 'passed'), id).to.equal(true);
    }
  });

  /** Scenario, the check that fails, its offender, and what its detail names. */
  const blocked: Array<[ScenarioId, CheckName, string, string]> = [
    ['url-blocked-private-network', 'private_network', '10.0.0.12', '10.0.0.12'],
    ['url-blocked-reserved-ip', 'reserved_ip', '198.18.0.10', '198.18.0.10'],
    ['url-blocked-redirect', 'redirect', 'http://192.168.10.5/login', 'http://192.168.10.5/login'],
    ['url-blocked-dns-rebinding', 'dns_rebinding', '127.0.0.1', '127.0.0.1'],
    ['url-blocked-ownership', 'ownership', 'https://jira.example.com/rest/api/2/serverInfo', '/rest/api/2/serverInfo'],
  ];
  for (const [scenario, failedCheck, offender, named] of blocked) {
    it(`${scenario}: blocked at ${failedCheck}, naming ${offender}, and no save on that check`, async () => {
      mock.use(scenario);
      const result = await backend.checkUrl(check());
      expect(result.status).to.equal('blocked');
      expect(result.code).to.equal('PROVIDER_BASE_URL_BLOCKED');
      const index = CHECK_NAMES.indexOf(failedCheck);
      const failed = result.checks[index]!;
      expect(failed.name).to.equal(failedCheck);
      expect(failed.status).to.equal('failed');
      expect(failed.offender).to.contain(offender);
      expect(failed.detail).to.contain(named);
      // Every check before it passed; the rebinding check runs last, so it is skipped when ownership fails.
      expect(result.checks.slice(0, index).every((c) => c.status === 'passed' || c.name === 'dns_rebinding')).to.equal(true);
      expect(result.checks.filter((c) => c.status === 'failed')).to.deep.equal([failed]);

      const error = await rejection(backend.saveTarget(selfHostedSave(result.check_id)));
      expect(error.code).to.equal('PROVIDER_BASE_URL_BLOCKED');
      expect(error.status).to.equal(422);
      expect(error.body?.checks?.[index]?.offender).to.equal(failed.offender);
      const auth = await rejection(
        backend.startAuth({
          provider: 'jira',
          edition: 'jira-dc',
          auth_method: 'oauth2_dc',
          base_url: 'https://jira.example.com',
          check_id: result.check_id,
          return_origin: location.origin,
        }),
      );
      expect(auth.code).to.equal('PROVIDER_BASE_URL_BLOCKED');
      expect((await backend.getStatus()).targets).to.deep.equal([]);
    });
  }

  it('allowlist-missing: the check passes, the save is refused with ALLOWLIST_STATUS_MISSING', async () => {
    mock.use('allowlist-missing');
    const result = await backend.checkUrl(check());
    expect(result.status).to.equal('passed');
    const error = await rejection(backend.saveTarget(selfHostedSave(result.check_id)));
    expect(error.code).to.equal('ALLOWLIST_STATUS_MISSING');
    expect(error.status).to.equal(422);
  });

  it('ownership-unclear: checks and saves are refused with OWNERSHIP_UNCONFIRMED', async () => {
    mock.use('ownership-unclear');
    const error = await rejection(backend.checkUrl(check()));
    expect(error.code).to.equal('OWNERSHIP_UNCONFIRMED');
    expect(error.body?.field).to.equal('ownership_confirmed');
    expect((await rejection(backend.saveTarget(selfHostedSave('chk-none')))).code).to.equal('OWNERSHIP_UNCONFIRMED');
  });

  it('provider-limitation: the preset names no URL, since the flow stops at Deployment mode', () => {
    const { preset } = SCENARIOS['provider-limitation'];
    expect(blockingLimitation(getEdition(preset.provider!, preset.edition!)!)).to.exist;
    expect(preset.baseUrl).to.equal(undefined);
    // No scenario suggests checking a URL for an edition that never reaches the URL step.
    for (const { preset: p } of Object.values(SCENARIOS)) {
      const edition = p.provider && p.edition ? getEdition(p.provider, p.edition) : undefined;
      if (edition && blockingLimitation(edition)) expect(p.baseUrl, edition.id).to.equal(undefined);
    }
  });

  it('provider-limitation: the save is refused with PROVIDER_LIMITATION', async () => {
    mock.use('provider-limitation');
    const error = await rejection(
      backend.saveTarget(
        cloudSave({
          provider: 'bitbucket',
          edition: 'bitbucket-cloud',
          auth_method: 'scoped_api_token',
          token_type: 'atlassian_scoped_api_token',
          credential_fields: { email: 'admin@acme.example' },
        }),
      ),
    );
    expect(error.code).to.equal('PROVIDER_LIMITATION');
    expect(error.status).to.equal(422);
    expect(error.body?.message).to.be.a('string');
  });

  it('refuses an edition the catalog marks as unable to hold tickets, in any scenario', async () => {
    mock.use('self-hosted-ready');
    const error = await rejection(
      backend.saveTarget(selfHostedSave('chk_x', { provider: 'bitbucket', edition: 'bitbucket-dc', auth_method: 'http_token', token_type: 'bitbucket_http_token' })),
    );
    expect(error.code).to.equal('PROVIDER_LIMITATION');
    expect(error.message).to.equal(blockingLimitation(getEdition('bitbucket', 'bitbucket-dc')!)!.message);
    expect(error.body?.action?.label).to.contain('Jira Data Center');
  });

  it('auth-required: the save answers PROVIDER_AUTH_REQUIRED with an action and saves nothing', async () => {
    mock.use('auth-required');
    const error = await rejection(backend.saveTarget(cloudSave()));
    expect(error.code).to.equal('PROVIDER_AUTH_REQUIRED');
    expect(error.status).to.equal(401);
    const method = findAuthMethod(getEdition('github', 'github-com')!, 'fine_grained_pat')!;
    expect(error.body?.action).to.deep.equal({ label: method.authRequiredAction, url: method.create?.url });
    expect(JSON.stringify(error.body)).not.to.contain(CANARY);
    expect((await backend.getStatus()).targets).to.deep.equal([]);
  });

  it('reconnect: a target needs auth; new credentials reconnect it and keep its history', async () => {
    mock.use('reconnect');
    const id = SAMPLE_TARGET_IDS.authRequired;
    const before = await backend.getTarget(id);
    expect(before.state).to.equal('auth_required');
    expect(before.error?.code).to.equal('PROVIDER_AUTH_REQUIRED');
    expect(SCENARIOS.reconnect.preset.targetId).to.equal(id);
    const after = await backend.saveTarget(cloudSave({ target_id: id }));
    expect(after.id).to.equal(id);
    expect(after.state).to.equal('connected');
    expect(after.error ?? null).to.equal(null);
    expect(after.history.map((h) => h.event)).to.deep.equal([...before.history.map((h) => h.event), 'reconnected']);
    expect((await backend.getStatus()).targets.length).to.equal(1);
    expect((await rejection(backend.saveTarget(cloudSave({ target_id: 'tgt_nope' })))).code).to.equal('TARGET_NOT_FOUND');
  });

  it('revoke: a connected target is revoked, credentials gone, record and history kept', async () => {
    mock.use('revoke');
    const id = SAMPLE_TARGET_IDS.cloudConnected;
    const before = await backend.getTarget(id);
    expect(before.state).to.equal('connected');
    const revoked = await backend.revokeTarget(id, { revoked_at_provider: true });
    expect(revoked).to.include({ id, state: 'revoked', has_credentials: false });
    expect(revoked.revoked_at).to.be.a('string');
    expect(revoked.history.slice(0, -1)).to.deep.equal(before.history);
    expect(revoked.history.at(-1)?.event).to.equal('revoked');
    const status = await backend.getStatus();
    expect(status.targets.find((t) => t.id === id)?.state).to.equal('revoked');
    expect(status.targets.find((t) => t.id === SAMPLE_TARGET_IDS.selfHostedConnected)?.state).to.equal('connected');
    expect((await backend.revokeTarget(id, { revoked_at_provider: true })).history.length).to.equal(revoked.history.length);
    expect((await rejection(backend.getTarget('tgt_nope'))).code).to.equal('TARGET_NOT_FOUND');
  });

  it('slow-backend: answers later than a short timeout allows, and fast enough with a short latency', async () => {
    mock.use('slow-backend');
    const impatient = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT, timeoutMs: 100 });
    expect((await rejection(impatient.getStatus())).code).to.equal('REQUEST_TIMEOUT');
    mock.use('slow-backend', { latencyMs: 20 });
    expect((await backend.getStatus()).targets.length).to.equal(1);
  });

  it('backend-down: every route fails with BACKEND_UNAVAILABLE', async () => {
    mock.use('backend-down');
    for (const call of everyRoute) {
      const error = await rejection(call());
      expect(error.code).to.equal('BACKEND_UNAVAILABLE');
      expect(error.status).to.equal(503);
      expect(error.message).not.to.contain(CANARY);
    }
  });

  it('malformed-response: every route fails with MALFORMED_RESPONSE', async () => {
    mock.use('malformed-response');
    for (const call of everyRoute) {
      const error = await rejection(call());
      expect(error.code).to.equal('MALFORMED_RESPONSE');
      expect(error.message).not.to.contain(CANARY);
    }
  });
});
