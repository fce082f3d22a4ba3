import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockedReason,
  canSave,
  canShowBaseUrlField,
  canShowCredentialField,
  credentialBoundary,
  currentStep,
  exportSettingsRequest,
  initialState,
  isBusy,
  limitationWarnings,
  normalizeBaseUrl,
  readiness,
  saveRequest,
  selectedEdition,
  transition,
  urlCheckRequest,
} from '../../src/core/flow/index.js';
import type { FlowEvent, FlowState, ReadyId } from '../../src/core/flow/index.js';
import { exportSettingsProblem, type TargetRecord, type UrlCheckEntry, type UrlCheckResponse } from '../../src/core/contract/index.js';
import type { AuthKind, AuthMethod, Edition, Provider } from '../../src/core/providers/types.js';

// ---------------------------------------------------------------- fixtures

function method(id: string, kind: AuthKind, extra: Partial<AuthMethod> = {}): AuthMethod {
  return {
    id,
    kind,
    label: `${id} label`,
    tokenType: `${id}_type`,
    scopes: [`${id}:write`],
    grants: `what ${id} grants`,
    sentAs: 'bearer',
    revoke: { label: `revoke ${id}`, url: `https://example.test/revoke/${id}` },
    authRequiredAction: `do the ${id} action`,
    ...extra,
  };
}

const ghApp = method('app', 'app-install');
const ghPat = method('pat', 'token', { create: { label: 'create', url: 'https://example.test/new-token' } });
const ghOauth = method('oauth', 'oauth');

const ghCloud: Edition = {
  id: 'gh-cloud',
  label: 'Cloud',
  mode: 'cloud',
  tenant: {
    name: 'organization',
    label: 'Organisation',
    placeholder: 'acme',
    help: 'org',
    pattern: /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i,
  },
  authMethods: [ghApp, ghPat],
  limitations: [],
  versionNotes: [],
};

const serverUrl = {
  apiRoot: '/api/v3',
  identityPath: '/meta',
  identityHint: 'json',
  placeholder: 'https://git.example.com',
  help: 'host',
};

const ghServer: Edition = {
  id: 'gh-server',
  label: 'Server',
  mode: 'self-hosted',
  baseUrl: { keepsContextPath: false, ...serverUrl },
  authMethods: [ghPat, ghOauth],
  limitations: [],
  versionNotes: [],
};

const ghServerOld: Edition = { ...ghServer, id: 'gh-server-old', label: 'Old server' };

const ghWarn: Edition = {
  id: 'gh-warn',
  label: 'Cloud with a caveat',
  mode: 'cloud',
  authMethods: [ghPat],
  limitations: [{ id: 'caveat', severity: 'warns', message: 'careful' }],
  versionNotes: [],
};

/** A single-tenant cloud on a customer domain: cloud, but URL-checked. */
const ghDedicated: Edition = {
  id: 'gh-dedicated',
  label: 'Dedicated',
  mode: 'cloud',
  baseUrl: { keepsContextPath: false, ...serverUrl },
  authMethods: [ghPat],
  limitations: [],
  versionNotes: [],
};

const github: Provider = {
  id: 'github',
  label: 'GitHub',
  ticketNoun: 'issue',
  editions: [ghCloud, ghServer, ghServerOld, ghWarn, ghDedicated],
  docs: {},
};

const jiraToken = method('api_token', 'token', {
  sentAs: 'basic-email',
  extraFields: [{ name: 'email', label: 'Email', pattern: /^[^@\s]+@[^@\s]+$/ }],
});
const jiraCloud: Edition = {
  id: 'jira-cloud-fx',
  label: 'Jira Cloud',
  mode: 'cloud',
  tenant: { name: 'site', label: 'Site', placeholder: 'acme', help: '', pattern: /^[a-z\d-]+$/ },
  authMethods: [jiraToken],
  limitations: [],
  versionNotes: [],
};
const jiraDc: Edition = {
  id: 'jira-dc-fx',
  label: 'Jira DC',
  mode: 'self-hosted',
  baseUrl: { keepsContextPath: true, ...serverUrl, apiRoot: '/rest/api/2' },
  authMethods: [method('dc_pat', 'token')],
  limitations: [],
  versionNotes: [],
};
const jira: Provider = { id: 'jira', label: 'Jira', ticketNoun: 'issue', editions: [jiraCloud, jiraDc], docs: {} };

const bbCloud: Edition = {
  id: 'bb-cloud',
  label: 'Bitbucket Cloud',
  mode: 'cloud',
  authMethods: [method('bb_token', 'token'), method('bb_oauth', 'oauth')],
  limitations: [],
  versionNotes: [],
};
const bbDc: Edition = {
  id: 'bb-dc',
  label: 'Bitbucket DC',
  mode: 'self-hosted',
  baseUrl: { keepsContextPath: true, ...serverUrl },
  authMethods: [],
  limitations: [
    {
      id: 'no-issue-tracker',
      severity: 'blocks',
      message: 'no tracker',
      alternative: { provider: 'jira', edition: 'jira-dc-fx' },
    },
  ],
  versionNotes: [],
};
const bitbucket: Provider = {
  id: 'bitbucket',
  label: 'Bitbucket',
  ticketNoun: 'issue',
  editions: [bbCloud, bbDc],
  docs: {},
};

const webhookEdition: Edition = {
  id: 'webhook',
  label: 'Webhook',
  mode: 'webhook',
  baseUrl: { keepsContextPath: true, ...serverUrl, apiRoot: '' },
  authMethods: [method('signing_secret', 'signing-secret', { sentAs: 'signature-header' })],
  limitations: [],
  versionNotes: [],
};
const webhook: Provider = {
  id: 'webhook',
  label: 'Webhook',
  ticketNoun: 'event',
  editions: [webhookEdition],
  docs: {},
  webhookSigning: [
    { id: 'github-hmac-sha256', label: 'GitHub style', headers: ['X-Hub-Signature-256'], isDefault: false, notes: '' },
    { id: 'standard-webhooks', label: 'Standard', headers: ['webhook-signature'], isDefault: true, notes: '' },
  ],
};

const ALL_CHECKS = ['scheme', 'private_network', 'reserved_ip', 'redirect', 'dns_rebinding', 'ownership'] as const;

function checkResult(
  normalizedUrl: string,
  status: 'passed' | 'blocked' = 'passed',
  failing: (typeof ALL_CHECKS)[number][] = [],
  checkId = 'chk-1',
): UrlCheckResponse {
  const checks: UrlCheckEntry[] = ALL_CHECKS.map((name) =>
    failing.includes(name)
      ? { name, status: 'failed', detail: `${name} failed`, offender: '10.0.0.5' }
      : { name, status: 'passed' },
  );
  return {
    status,
    ...(status === 'blocked' ? { code: 'PROVIDER_BASE_URL_BLOCKED' as const } : {}),
    normalized_url: normalizedUrl,
    addresses: ['203.0.113.10'],
    checks,
    check_id: checkId,
    expires_at: '2030-01-01T00:10:00Z',
  };
}

function record(overrides: Partial<TargetRecord> = {}): TargetRecord {
  return {
    id: 'tgt-1',
    provider: 'github',
    edition: 'gh-server',
    deployment_mode: 'self-hosted',
    state: 'connected',
    tenant: null,
    base_url: 'https://git.example.com',
    allowlist_status: 'direct',
    check_id: 'chk-1',
    auth_method: 'pat',
    token_type: 'pat_type',
    scopes: ['pat:write'],
    has_credentials: true,
    created_at: '2030-01-01T00:00:00Z',
    updated_at: '2030-01-01T00:00:00Z',
    history: [],
    ...overrides,
  };
}

// ---------------------------------------------------------------- helpers

/** Applies events that must all be accepted; fails naming the first refused one. */
function run(state: FlowState, ...events: FlowEvent[]): FlowState {
  let s = state;
  for (const e of events) {
    s = transition(s, e);
    if (s.rejected) assert.fail(`event ${e.type} refused in ${s.phase}: ${s.rejected.reason}`);
  }
  return s;
}

/** Applies one event that must be refused; returns the result. */
function refused(state: FlowState, event: FlowEvent, reason?: string): FlowState {
  const next = transition(state, event);
  assert.ok(next.rejected, `expected ${event.type} to be refused in ${state.phase}, got phase ${next.phase}`);
  assert.equal(next.rejected.event, event.type);
  if (reason) assert.equal(next.rejected.reason, reason);
  assert.equal(next.phase, state.phase, 'a refused event never changes the phase');
  return next;
}

function ready(state: FlowState): Record<ReadyId, string> {
  return Object.fromEntries(readiness(state).map((i) => [i.id, `${i.status}:${i.reason}`])) as Record<ReadyId, string>;
}

const env = { portableExportAvailable: true };
const start = (): FlowState => initialState(env);
const SERVER = 'https://git.example.com';

function toAllowlist(url = 'HTTPS://Git.Example.com:443/ignored/path/', answer = `${SERVER}/`): FlowState {
  let s = run(
    start(),
    { type: 'select-provider', provider: github },
    { type: 'select-edition', editionId: 'gh-server' },
    { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
    { type: 'edit-base-url', value: url },
    { type: 'check-requested' },
  );
  assert.equal(s.phase, 'checking');
  const seq = s.phase === 'checking' ? s.pending.seq : -1;
  s = run(s, { type: 'check-result', seq, result: checkResult(answer) });
  return s;
}

function toServerAuth(): FlowState {
  return run(toAllowlist(), { type: 'record-allowlist', status: 'direct' });
}

function toServerSaving(): FlowState {
  return run(
    toServerAuth(),
    { type: 'choose-auth-method', methodId: 'pat' },
    { type: 'credential-changed', entered: true },
    { type: 'save-requested' },
  );
}

function seqOf(s: FlowState): number {
  assert.equal(s.phase, 'checking');
  return s.phase === 'checking' ? s.pending.seq : -1;
}

const CREDENTIAL_EVENTS: FlowEvent[] = [
  { type: 'choose-auth-method', methodId: 'pat' },
  { type: 'credential-changed', entered: true },
  { type: 'authorization-started' },
  { type: 'save-requested' },
];

// ---------------------------------------------------------------- start

describe('flow: start and deployment mode', () => {
  it('starts at integration status with nothing shown', () => {
    const s = initialState();
    assert.equal(s.phase, 'status');
    assert.equal(currentStep(s), 'status');
    assert.equal(canShowCredentialField(s), false);
    assert.equal(canShowBaseUrlField(s), false);
    assert.equal(blockedReason(s), null);
    assert.equal(s.env.portableExport, null);
    assert.ok(Object.isFrozen(s));
  });

  it('a preselected provider opens at the deployment step', () => {
    const s = initialState({ provider: github });
    assert.equal(s.phase, 'edition');
    assert.equal(currentStep(s), 'deployment');
  });

  it('status-loaded records portable export and egress addresses in any phase', () => {
    const s = run(toServerAuth(), {
      type: 'status-loaded',
      portableExportAvailable: false,
      egressAddresses: ['198.51.100.7'],
    });
    assert.equal(s.phase, 'auth');
    assert.equal(s.env.portableExport, false);
    assert.deepEqual(s.env.egressAddresses, ['198.51.100.7']);
    assert.equal(ready(s).fallback, 'not-ready:fallback-unavailable');
    assert.equal(ready(initialState()).fallback, 'not-ready:status-not-loaded');
    assert.equal(ready(start()).fallback, 'ready:fallback-available');
  });

  it('refuses every credential event before a deployment mode is chosen', () => {
    const atStatus = start();
    const atEdition = run(atStatus, { type: 'select-provider', provider: github });
    for (const s of [atStatus, atEdition]) {
      for (const e of CREDENTIAL_EVENTS) refused(s, e);
      assert.equal(canShowCredentialField(s), false);
    }
    refused(atEdition, { type: 'edit-base-url', value: SERVER });
    refused(atEdition, { type: 'check-requested', baseUrl: SERVER });
  });

  it('refuses an edition the provider does not have', () => {
    const s = run(start(), { type: 'select-provider', provider: github });
    refused(s, { type: 'select-edition', editionId: 'jira-cloud-fx' }, 'unknown-edition');
    refused(start(), { type: 'select-edition', editionId: 'gh-cloud' });
  });

  it('a refused event keeps the data and the next accepted event clears the reason', () => {
    const s = run(start(), { type: 'select-provider', provider: github });
    const bad = refused(s, { type: 'save-requested' }, 'not-allowed-here');
    assert.equal(bad.phase, 'edition');
    const good = run(bad, { type: 'select-edition', editionId: 'gh-cloud' });
    assert.equal(good.rejected, null);
  });

  it('an unknown event type is refused without throwing', () => {
    const s = transition(start(), { type: 'no-such-event' } as unknown as FlowEvent);
    assert.equal(s.phase, 'status');
    assert.equal(s.rejected?.reason, 'not-allowed-here');
  });
});

// ---------------------------------------------------------------- cloud

describe('flow: cloud edition', () => {
  const atTenant = (): FlowState =>
    run(start(), { type: 'select-provider', provider: github }, { type: 'select-edition', editionId: 'gh-cloud' });

  it('asks for the tenant before any auth, on the network step', () => {
    const s = atTenant();
    assert.equal(s.phase, 'tenant');
    assert.equal(currentStep(s), 'network');
    for (const e of CREDENTIAL_EVENTS) refused(s, e);
    refused(s, { type: 'edit-base-url', value: SERVER });
    refused(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: true });
    assert.equal(ready(s)['cloud-target'], 'not-ready:tenant-not-confirmed');
    assert.equal(ready(s)['self-hosted-target'], 'not-applicable:other-mode');
    assert.equal(ready(s).allowlist, 'not-applicable:no-base-url');
  });

  it('validates the tenant with the edition pattern', () => {
    const s = atTenant();
    for (const bad of ['', '   ', 'bad--name', '-lead', 'has space', 'x'.repeat(40)]) {
      const r = refused(s, { type: 'confirm-tenant', value: bad }, 'invalid-tenant');
      assert.equal(r.phase === 'tenant' && r.error?.code, 'VALIDATION_FAILED');
      assert.equal(canShowCredentialField(r), false);
    }
    const ok = run(s, { type: 'confirm-tenant', value: '  octo-org/ ' });
    assert.equal(ok.phase, 'auth');
    assert.equal(currentStep(ok), 'network');
    assert.equal(ok.phase === 'auth' && ok.site.kind === 'cloud' && ok.site.tenant, 'octo-org');
    assert.equal(ready(ok)['cloud-target'], 'ready:target-confirmed');
  });

  it('a cloud edition without a tenant goes straight to auth, preselecting a lone method', () => {
    const s = run(start(), { type: 'select-provider', provider: github }, { type: 'select-edition', editionId: 'gh-warn' });
    assert.equal(s.phase, 'auth');
    assert.equal(s.phase === 'auth' && s.method?.id, 'pat');
    assert.equal(canShowCredentialField(s), true);
    assert.equal(blockedReason(s), null);
    assert.deepEqual(
      limitationWarnings(s).map((l) => l.id),
      ['caveat'],
    );
  });

  it('shows the credential field only once a token method is chosen', () => {
    const s = run(atTenant(), { type: 'confirm-tenant', value: 'octo-org' });
    assert.equal(s.phase === 'auth' && s.method, null, 'two methods: none preselected');
    assert.equal(canShowCredentialField(s), false);
    refused(s, { type: 'credential-changed', entered: true }, 'auth-method-missing');
    refused(s, { type: 'save-requested' }, 'auth-method-missing');
    const withPat = run(s, { type: 'choose-auth-method', methodId: 'pat' });
    assert.equal(canShowCredentialField(withPat), true);
    assert.equal(ready(withPat)['credential-boundary'], 'not-ready:credential-missing');
    const withApp = run(s, { type: 'choose-auth-method', methodId: 'app' });
    assert.equal(canShowCredentialField(withApp), false);
    assert.equal(ready(withApp)['credential-boundary'], 'not-ready:authorization-missing');
  });

  it('refuses an auth method the edition does not list', () => {
    const s = run(atTenant(), { type: 'confirm-tenant', value: 'octo-org' });
    refused(s, { type: 'choose-auth-method', methodId: 'oauth' }, 'unknown-auth-method');
    refused(s, { type: 'choose-auth-method', methodId: 'dc_pat' }, 'unknown-auth-method');
  });

  it('saves a cloud target with a token and reaches the target step', () => {
    let s = run(
      atTenant(),
      { type: 'confirm-tenant', value: 'octo-org' },
      { type: 'choose-auth-method', methodId: 'pat' },
    );
    refused(s, { type: 'save-requested' }, 'auth-incomplete');
    s = run(s, { type: 'credential-changed', entered: true });
    assert.equal(canSave(s), true);
    assert.equal(ready(s)['credential-boundary'], 'ready:grant-revocable');
    s = run(s, { type: 'save-requested' });
    assert.equal(s.phase, 'saving');
    assert.equal(isBusy(s), true);
    const body = saveRequest(s);
    assert.deepEqual(body, {
      provider: 'github',
      edition: 'gh-cloud',
      deployment_mode: 'cloud',
      ownership_confirmed: true,
      export_authorized: false,
      auth_method: 'pat',
      token_type: 'pat_type',
      tenant: 'octo-org',
    });
    s = run(s, {
      type: 'saved',
      target: record({ edition: 'gh-cloud', deployment_mode: 'cloud', tenant: 'octo-org', base_url: null, allowlist_status: null, check_id: null }),
    });
    assert.equal(s.phase, 'saved');
    assert.equal(currentStep(s), 'target');
    assert.deepEqual(ready(s), {
      'cloud-target': 'ready:target-confirmed',
      'self-hosted-target': 'not-applicable:other-mode',
      allowlist: 'not-applicable:no-base-url',
      'credential-boundary': 'ready:grant-revocable',
      fallback: 'ready:fallback-available',
    });
    assert.deepEqual(credentialBoundary(s)?.revoke, { label: 'revoke pat', url: 'https://example.test/revoke/pat' });
  });

  it('runs an app install: no credential field, grant must be started before it completes', () => {
    let s = run(
      atTenant(),
      { type: 'confirm-tenant', value: 'octo-org' },
      { type: 'choose-auth-method', methodId: 'app' },
    );
    refused(s, { type: 'credential-changed', entered: true }, 'wrong-auth-kind');
    refused(s, { type: 'authorization-completed', authorizationId: 'auth-1' });
    s = run(s, { type: 'authorization-started' });
    assert.equal(ready(s)['credential-boundary'], 'not-ready:authorization-pending');
    refused(s, { type: 'save-requested' }, 'auth-incomplete');
    refused(s, { type: 'authorization-completed', authorizationId: '' });
    s = run(s, { type: 'authorization-completed', authorizationId: 'auth-1' });
    assert.equal(canSave(s), true);
    s = run(s, { type: 'save-requested' });
    assert.equal(saveRequest(s)?.authorization_id, 'auth-1');
  });

  it('a cancelled popup returns to auth with the error; PROVIDER_AUTH_REQUIRED goes to auth-required', () => {
    const pending = run(
      atTenant(),
      { type: 'confirm-tenant', value: 'octo-org' },
      { type: 'choose-auth-method', methodId: 'app' },
      { type: 'authorization-started' },
    );
    const cancelled = run(pending, { type: 'authorization-failed', error: { code: 'AUTH_CANCELLED' } });
    assert.equal(cancelled.phase, 'auth');
    assert.equal(cancelled.phase === 'auth' && cancelled.error?.code, 'AUTH_CANCELLED');
    assert.equal(cancelled.phase === 'auth' && cancelled.authorization.status, 'none');
    const needsAuth = run(pending, { type: 'authorization-failed', error: { code: 'PROVIDER_AUTH_REQUIRED' } });
    assert.equal(needsAuth.phase, 'auth-required');
    assert.equal(blockedReason(needsAuth), 'auth_required');
  });

  it('requires the non-secret extra fields of a method before saving', () => {
    let s = run(
      start(),
      { type: 'select-provider', provider: jira },
      { type: 'select-edition', editionId: 'jira-cloud-fx' },
      { type: 'confirm-tenant', value: 'acme' },
      { type: 'credential-changed', entered: true },
    );
    refused(s, { type: 'save-requested' }, 'auth-incomplete');
    refused(s, { type: 'credential-field-changed', name: 'password', value: 'x' }, 'unknown-field');
    s = run(s, { type: 'credential-field-changed', name: 'email', value: 'not-an-email' });
    refused(s, { type: 'save-requested' }, 'auth-incomplete');
    s = run(s, { type: 'credential-field-changed', name: 'email', value: 'ops@acme.test' }, { type: 'save-requested' });
    assert.deepEqual(saveRequest(s)?.credential_fields, { email: 'ops@acme.test' });
  });
});

// ---------------------------------------------------------------- limitation

describe('flow: provider limitation', () => {
  const blocked = (): FlowState =>
    run(start(), { type: 'select-provider', provider: bitbucket }, { type: 'select-edition', editionId: 'bb-dc' });

  it('a blocking limitation stops at the deployment step, before credentials', () => {
    const s = blocked();
    assert.equal(s.phase, 'limitation-blocked');
    assert.equal(currentStep(s), 'deployment');
    assert.equal(blockedReason(s), 'provider_limitation');
    assert.equal(s.phase === 'limitation-blocked' && s.limitation.alternative?.edition, 'jira-dc-fx');
    for (const e of CREDENTIAL_EVENTS) refused(s, e);
    refused(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: true });
    refused(s, { type: 'edit-base-url', value: SERVER });
    refused(s, { type: 'check-requested', baseUrl: SERVER });
    assert.equal(canShowBaseUrlField(s), false);
    assert.equal(ready(s)['self-hosted-target'], 'not-ready:provider-limitation');
    assert.equal(ready(s)['credential-boundary'], 'not-ready:provider-limitation');
  });

  it('ways on: another edition, another provider, the fallback, or back', () => {
    const s = blocked();
    assert.equal(run(s, { type: 'select-edition', editionId: 'bb-cloud' }).phase, 'auth');
    assert.equal(run(s, { type: 'select-provider', provider: jira }).phase, 'edition');
    const fb = run(s, { type: 'fallback-chosen' });
    assert.equal(fb.phase, 'fallback');
    assert.equal(currentStep(fb), 'target');
    assert.equal(run(fb, { type: 'back' }).phase, 'limitation-blocked');
    assert.equal(run(s, { type: 'back' }).phase, 'edition');
  });

  it('a catalog limitation carries no backend answer', () => {
    const s = blocked();
    assert.equal(s.phase === 'limitation-blocked' && s.error, null);
  });

  it('keeps the action of a limitation only the backend reports', () => {
    const action = { label: 'Use Jira Data Center instead.', url: 'https://example.test/jira-dc' };
    const s = run(toServerSaving(), {
      type: 'save-failed',
      error: { code: 'PROVIDER_LIMITATION', message: 'This server cannot hold tickets.', action },
    });
    assert.equal(s.phase, 'limitation-blocked');
    if (s.phase !== 'limitation-blocked') return;
    assert.equal(s.limitation.message, 'This server cannot hold tickets.');
    assert.deepEqual(s.error, { code: 'PROVIDER_LIMITATION', message: 'This server cannot hold tickets.', action });
    // The fallback keeps the state it came from, action included, for the way back.
    const back = run(s, { type: 'fallback-chosen' }, { type: 'back' });
    assert.deepEqual(back.phase === 'limitation-blocked' && back.error?.action, action);
  });
});

// ---------------------------------------------------------------- self-hosted

describe('flow: self-hosted edition', () => {
  const atOwnership = (): FlowState =>
    run(start(), { type: 'select-provider', provider: github }, { type: 'select-edition', editionId: 'gh-server' });

  it('asks for ownership and export authorisation before the base_url field exists', () => {
    const s = atOwnership();
    assert.equal(s.phase, 'ownership');
    assert.equal(currentStep(s), 'network');
    assert.equal(canShowBaseUrlField(s), false);
    refused(s, { type: 'edit-base-url', value: SERVER });
    refused(s, { type: 'check-requested', baseUrl: SERVER });
    for (const e of CREDENTIAL_EVENTS) refused(s, e);
    refused(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: false }, 'ownership-unconfirmed');
    refused(s, { type: 'confirm-ownership', ownership: false, exportAuthorization: true }, 'ownership-unconfirmed');
    refused(s, { type: 'confirm-ownership', ownership: false, exportAuthorization: false }, 'ownership-unconfirmed');
    assert.equal(ready(s)['self-hosted-target'], 'not-ready:ownership-not-confirmed');
    const confirmed = run(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: true });
    assert.equal(confirmed.phase, 'base-url');
    assert.equal(canShowBaseUrlField(confirmed), true);
    assert.equal(canShowCredentialField(confirmed), false);
  });

  it('refuses URLs that cannot be a base URL', () => {
    const s = run(atOwnership(), { type: 'confirm-ownership', ownership: true, exportAuthorization: true });
    for (const bad of ['', 'not a url', 'ftp://git.example.com', 'https://user:pw@git.example.com', 'javascript:alert(1)']) {
      const r = refused(s, { type: 'check-requested', baseUrl: bad }, 'invalid-url');
      assert.equal(r.phase === 'base-url' && r.error?.field, 'base_url');
    }
  });

  it('sends the normalised URL for checking and shows no credential field while checking', () => {
    const s = run(
      atOwnership(),
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: ' HTTPS://Git.Example.com:443/some/path/#frag ' },
    );
    assert.equal(s.phase, 'checking');
    assert.equal(isBusy(s), true);
    assert.deepEqual(urlCheckRequest(s), {
      provider: 'github',
      edition: 'gh-server',
      deployment_mode: 'self-hosted',
      base_url: SERVER,
      ownership_confirmed: true,
      export_authorized: true,
    });
    assert.equal(ready(s)['self-hosted-target'], 'not-ready:url-check-pending');
    for (const e of CREDENTIAL_EVENTS) refused(s, e);
    refused(s, { type: 'record-allowlist', status: 'direct' });
  });

  it('a passed check leads to the allowlist, not yet to credentials', () => {
    const s = toAllowlist();
    assert.equal(s.phase, 'allowlist');
    assert.equal(s.phase === 'allowlist' && s.check.url, SERVER);
    assert.equal(canShowCredentialField(s), false);
    assert.equal(canShowBaseUrlField(s), false);
    for (const e of CREDENTIAL_EVENTS) refused(s, e);
    assert.equal(ready(s)['self-hosted-target'], 'ready:url-checked');
    assert.equal(ready(s).allowlist, 'not-ready:allowlist-missing');
    assert.equal(blockedReason(s), null);
  });

  it('a pass for a different URL does not count', () => {
    const s = toAllowlist(SERVER, 'https://other.example.com');
    assert.equal(s.phase, 'base-url');
    assert.equal(s.phase === 'base-url' && s.error?.code, 'URL_CHECK_REQUIRED');
    for (const e of CREDENTIAL_EVENTS) refused(s, e);
    // A context path dropped by the server is a different URL for an edition that keeps it.
    const dc = run(
      start(),
      { type: 'select-provider', provider: jira },
      { type: 'select-edition', editionId: 'jira-dc-fx' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://example.com/jira/' },
    );
    const wrong = run(dc, { type: 'check-result', seq: seqOf(dc), result: checkResult('https://example.com') });
    assert.equal(wrong.phase, 'base-url');
    const right = run(dc, { type: 'check-result', seq: seqOf(dc), result: checkResult('https://EXAMPLE.com/jira') });
    assert.equal(right.phase, 'allowlist');
    assert.equal(right.phase === 'allowlist' && right.check.url, 'https://example.com/jira');
  });

  it('ignores a check answer for an earlier request or after the URL changed', () => {
    const first = run(
      atOwnership(),
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://a.example.com' },
    );
    const oldSeq = seqOf(first);
    const second = run(first, { type: 'edit-base-url', value: SERVER }, { type: 'check-requested' });
    assert.notEqual(seqOf(second), oldSeq);
    refused(second, { type: 'check-result', seq: oldSeq, result: checkResult('https://a.example.com') }, 'stale-result');
    refused(second, { type: 'check-failed', seq: oldSeq, error: { code: 'BACKEND_UNAVAILABLE' } }, 'stale-result');
    const edited = run(first, { type: 'edit-base-url', value: 'https://a.example.com/' });
    refused(edited, { type: 'check-result', seq: oldSeq, result: checkResult('https://a.example.com') }, 'stale-result');
  });

  it('records the allowlist status; unreachable opens nothing', () => {
    const s = toAllowlist();
    const unreachable = run(s, { type: 'record-allowlist', status: 'unreachable' });
    assert.equal(unreachable.phase, 'allowlist');
    assert.equal(blockedReason(unreachable), 'allowlist_missing');
    assert.equal(ready(unreachable).allowlist, 'not-ready:allowlist-unreachable');
    for (const e of CREDENTIAL_EVENTS) refused(unreachable, e);
    for (const status of ['direct', 'tunnel', 'allowlist'] as const) {
      const a = run(unreachable, { type: 'record-allowlist', status });
      assert.equal(a.phase, 'auth');
      assert.equal(a.phase === 'auth' && a.site.kind === 'checked' && a.site.allowlistStatus, status);
      assert.equal(ready(a).allowlist, 'ready:allowlist-recorded');
    }
  });

  it('saves with the checked URL, its check id and the allowlist status, never a credential', () => {
    const s = toServerSaving();
    assert.equal(canShowCredentialField(s), true, 'input stays while the request is in flight');
    const body = saveRequest(s);
    assert.ok(body);
    assert.equal(body.base_url, SERVER);
    assert.equal(body.check_id, 'chk-1');
    assert.equal(body.allowlist_status, 'direct');
    assert.equal(body.ownership_confirmed, true);
    assert.equal(body.export_authorized, true);
    assert.equal('credential' in body, false);
    const saved = run(s, { type: 'saved', target: record() });
    assert.equal(saved.phase, 'saved');
    assert.deepEqual(ready(saved), {
      'cloud-target': 'not-applicable:other-mode',
      'self-hosted-target': 'ready:url-checked',
      allowlist: 'ready:allowlist-recorded',
      'credential-boundary': 'ready:grant-revocable',
      fallback: 'ready:fallback-available',
    });
  });

  it('nothing moves while a save is in flight', () => {
    const s = toServerSaving();
    for (const e of [
      { type: 'cancel' },
      { type: 'back' },
      { type: 'edit-base-url', value: 'https://evil.example.com' },
      { type: 'select-edition', editionId: 'gh-cloud' },
      { type: 'select-provider', provider: jira },
      { type: 'choose-auth-method', methodId: 'oauth' },
      { type: 'credential-changed', entered: false },
      { type: 'save-requested' },
      { type: 'fallback-chosen' },
    ] satisfies FlowEvent[]) {
      refused(s, e, 'busy');
    }
  });

  it('an OAuth method on a self-hosted edition needs the grant, not a field', () => {
    const s = run(toServerAuth(), { type: 'choose-auth-method', methodId: 'oauth' });
    assert.equal(canShowCredentialField(s), false);
    refused(s, { type: 'save-requested' }, 'auth-incomplete');
  });

  it('a cloud edition that takes a URL passes the same gates', () => {
    const s = run(start(), { type: 'select-provider', provider: github }, { type: 'select-edition', editionId: 'gh-dedicated' });
    assert.equal(s.phase, 'ownership');
    assert.equal(canShowBaseUrlField(s), false);
    assert.equal(ready(s)['cloud-target'], 'not-ready:ownership-not-confirmed');
    assert.equal(ready(s).allowlist, 'not-ready:allowlist-missing');
    assert.equal(ready(s)['self-hosted-target'], 'not-applicable:other-mode');
    const checking = run(
      s,
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://tenant.example.com/' },
    );
    const auth = run(
      checking,
      { type: 'check-result', seq: seqOf(checking), result: checkResult('https://tenant.example.com') },
      { type: 'record-allowlist', status: 'allowlist' },
    );
    assert.equal(canShowCredentialField(auth), true);
    assert.equal(ready(auth)['cloud-target'], 'ready:url-checked');
  });
});

// ---------------------------------------------------------------- invalidation

describe('flow: changes after a passed check invalidate it', () => {
  const withCredential = (): FlowState =>
    run(toServerAuth(), { type: 'choose-auth-method', methodId: 'pat' }, { type: 'credential-changed', entered: true });

  it('editing base_url drops the check and the allowlist status, even to the same value', () => {
    for (const value of ['https://git2.example.com', SERVER]) {
      const s = run(withCredential(), { type: 'edit-base-url', value });
      assert.equal(s.phase, 'base-url');
      assert.equal(s.phase === 'base-url' && s.urlDraft, value);
      assert.equal(canShowCredentialField(s), false);
      assert.equal(canSave(s), false);
      assert.equal(ready(s)['self-hosted-target'], 'not-ready:url-not-checked');
      assert.equal(ready(s).allowlist, 'not-ready:allowlist-missing');
      for (const e of CREDENTIAL_EVENTS) refused(s, e);
      refused(s, { type: 'record-allowlist', status: 'direct' });
    }
  });

  it('editing base_url from the allowlist step drops the check', () => {
    const s = run(toAllowlist(), { type: 'edit-base-url', value: SERVER });
    assert.equal(s.phase, 'base-url');
    refused(s, { type: 'record-allowlist', status: 'direct' });
  });

  it('changing the edition drops the check; coming back asks for ownership again', () => {
    const cloud = run(withCredential(), { type: 'select-edition', editionId: 'gh-cloud' });
    assert.equal(cloud.phase, 'tenant');
    assert.equal(canShowCredentialField(cloud), false);
    const other = run(withCredential(), { type: 'select-edition', editionId: 'gh-server-old' });
    assert.equal(other.phase, 'ownership');
    assert.equal(canShowBaseUrlField(other), false);
    const again = run(other, { type: 'select-edition', editionId: 'gh-server' });
    assert.equal(again.phase, 'ownership');
    assert.equal(ready(again)['self-hosted-target'], 'not-ready:ownership-not-confirmed');
  });

  it('re-selecting the same edition changes nothing', () => {
    const s = withCredential();
    assert.equal(transition(s, { type: 'select-edition', editionId: 'gh-server' }), s);
  });

  it('changing the provider drops everything', () => {
    const s = run(withCredential(), { type: 'select-provider', provider: jira });
    assert.equal(s.phase, 'edition');
    assert.equal(selectedEdition(s), null);
    const back = run(s, { type: 'select-provider', provider: github }, { type: 'select-edition', editionId: 'gh-server' });
    assert.equal(back.phase, 'ownership');
  });
});

// ---------------------------------------------------------------- url blocked

describe('flow: PROVIDER_BASE_URL_BLOCKED', () => {
  const blocked = (): FlowState => {
    const checking = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-server' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://intranet.example.com' },
    );
    return run(checking, {
      type: 'check-result',
      seq: seqOf(checking),
      result: checkResult('https://intranet.example.com', 'blocked', ['private_network']),
    });
  };

  it('stops before credentials and says which check failed', () => {
    const s = blocked();
    assert.equal(s.phase, 'url-blocked');
    assert.equal(currentStep(s), 'network');
    assert.equal(blockedReason(s), 'url_blocked');
    const failed = s.phase === 'url-blocked' ? s.blocked.checks.filter((c) => c.status === 'failed') : [];
    assert.deepEqual(
      failed.map((c) => [c.name, c.offender]),
      [['private_network', '10.0.0.5']],
    );
    assert.equal(ready(s)['self-hosted-target'], 'not-ready:url-blocked');
  });

  it('refuses every other way on', () => {
    const s = blocked();
    for (const e of [
      ...CREDENTIAL_EVENTS,
      { type: 'record-allowlist', status: 'direct' },
      { type: 'check-requested' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'select-provider', provider: jira },
      { type: 'retry-auth' },
      { type: 'saved', target: record() },
    ] satisfies FlowEvent[]) {
      refused(s, e);
    }
    refused(s, { type: 'select-edition', editionId: 'gh-server-old' }, 'not-a-cloud-edition');
    refused(s, { type: 'select-edition', editionId: 'gh-server' }, 'not-a-cloud-edition');
  });

  it('ways on: the fallback, a cloud edition, or editing the URL', () => {
    const s = blocked();
    const fb = run(s, { type: 'fallback-chosen' });
    assert.equal(fb.phase, 'fallback');
    assert.equal(blockedReason(fb), null);
    assert.equal(run(fb, { type: 'back' }).phase, 'url-blocked');
    assert.equal(run(s, { type: 'select-edition', editionId: 'gh-cloud' }).phase, 'tenant');
    assert.equal(run(s, { type: 'select-edition', editionId: 'gh-dedicated' }).phase, 'ownership');
    const edit = run(s, { type: 'edit-base-url', value: 'https://public.example.com' });
    assert.equal(edit.phase, 'base-url');
    assert.equal(canShowBaseUrlField(edit), true);
    const back = run(s, { type: 'back' });
    assert.equal(back.phase === 'base-url' && back.urlDraft, 'https://intranet.example.com');
    assert.equal(canShowBaseUrlField(s), true, 'the URL can be fixed in place');
  });

  it('the fallback needs portable export to be available', () => {
    const s = blocked();
    const off = run(s, { type: 'status-loaded', portableExportAvailable: false });
    refused(off, { type: 'fallback-chosen' }, 'fallback-unavailable');
    const unknown = transition(initialState(), { type: 'fallback-chosen' });
    assert.equal(unknown.rejected?.reason, 'fallback-unavailable');
  });

  it('a "passed" answer with a failed check is treated as blocked', () => {
    const checking = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-server' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: SERVER },
    );
    const s = run(checking, { type: 'check-result', seq: seqOf(checking), result: checkResult(SERVER, 'passed', ['redirect']) });
    assert.equal(s.phase, 'url-blocked');
  });

  it('maps check failures: blocked, ownership, limitation, transient', () => {
    const checking = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-server' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: SERVER },
    );
    const seq = seqOf(checking);
    const viaError = run(checking, {
      type: 'check-failed',
      seq,
      error: { code: 'PROVIDER_BASE_URL_BLOCKED', message: 'no', checks: [{ name: 'dns_rebinding', status: 'failed' }] },
    });
    assert.equal(viaError.phase, 'url-blocked');
    assert.equal(viaError.phase === 'url-blocked' && viaError.blocked.checks[0]?.name, 'dns_rebinding');
    const owner = run(checking, { type: 'check-failed', seq, error: { code: 'OWNERSHIP_UNCONFIRMED' } });
    assert.equal(owner.phase, 'ownership');
    assert.equal(blockedReason(owner), 'ownership_unclear');
    assert.equal(canShowBaseUrlField(owner), false);
    const limit = run(checking, { type: 'check-failed', seq, error: { code: 'PROVIDER_LIMITATION', message: 'nope' } });
    assert.equal(blockedReason(limit), 'provider_limitation');
    const down = run(checking, { type: 'check-failed', seq, error: { code: 'BACKEND_UNAVAILABLE' } });
    assert.equal(down.phase, 'base-url');
    assert.equal(down.phase === 'base-url' && down.urlDraft, SERVER);
    assert.equal(down.phase === 'base-url' && down.error?.code, 'BACKEND_UNAVAILABLE');
  });
});

// ---------------------------------------------------------------- save outcomes

describe('flow: save outcomes', () => {
  it('PROVIDER_AUTH_REQUIRED never yields a saved target', () => {
    const s = run(toServerSaving(), {
      type: 'save-failed',
      error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'grant needed' },
    });
    assert.equal(s.phase, 'auth-required');
    assert.equal(currentStep(s), 'network');
    assert.equal(blockedReason(s), 'auth_required');
    assert.deepEqual(s.phase === 'auth-required' && s.action, {
      label: 'do the pat action',
      url: 'https://example.test/new-token',
    });
    assert.equal(saveRequest(s), null);
    assert.equal(canShowCredentialField(s), false);
    assert.equal(ready(s)['credential-boundary'], 'not-ready:auth-required');
    refused(s, { type: 'saved', target: record() });
    refused(s, { type: 'save-requested' });
    refused(s, { type: 'credential-changed', entered: true });
    const retry = run(s, { type: 'retry-auth' });
    assert.equal(retry.phase, 'auth');
    assert.equal(retry.phase === 'auth' && retry.credentialEntered, false);
    assert.equal(retry.phase === 'auth' && retry.method?.id, 'pat');
  });

  it('uses the backend action when it sends one', () => {
    const s = run(toServerSaving(), {
      type: 'save-failed',
      error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'm', action: { label: 'Install the app', url: 'https://x.test/i' } },
    });
    assert.deepEqual(s.phase === 'auth-required' && s.action, { label: 'Install the app', url: 'https://x.test/i' });
  });

  it('a "saved" answer whose target needs auth is not a saved target', () => {
    const s = run(toServerSaving(), { type: 'saved', target: record({ state: 'auth_required' }) });
    assert.equal(s.phase, 'auth-required');
  });

  it('a "saved" answer for another target, URL or without credentials is not accepted', () => {
    for (const target of [
      record({ base_url: 'https://elsewhere.example.com' }),
      record({ provider: 'gitlab' }),
      record({ edition: 'gh-server-old' }),
      record({ has_credentials: false }),
      record({ state: 'revoked' }),
    ]) {
      const s = run(toServerSaving(), { type: 'saved', target });
      assert.notEqual(s.phase, 'saved');
      assert.equal(s.phase === 'auth' && s.error?.code, 'MALFORMED_RESPONSE');
    }
  });

  it('maps each save failure to its gate', () => {
    const fail = (code: Parameters<typeof transition>[1] & { type: 'save-failed' }): FlowState =>
      run(toServerSaving(), code);
    const blocked = fail({
      type: 'save-failed',
      error: { code: 'PROVIDER_BASE_URL_BLOCKED', message: 'm', checks: [{ name: 'redirect', status: 'failed' }] },
    });
    assert.equal(blocked.phase, 'url-blocked');
    assert.equal(blockedReason(blocked), 'url_blocked');

    const expired = fail({ type: 'save-failed', error: { code: 'URL_CHECK_REQUIRED' } });
    assert.equal(expired.phase, 'base-url');
    assert.equal(expired.phase === 'base-url' && expired.urlDraft, SERVER);
    assert.equal(canShowCredentialField(expired), false);

    const allow = fail({ type: 'save-failed', error: { code: 'ALLOWLIST_STATUS_MISSING' } });
    assert.equal(allow.phase, 'allowlist');
    assert.equal(blockedReason(allow), 'allowlist_missing');
    assert.equal(canShowCredentialField(allow), false);

    const owner = fail({ type: 'save-failed', error: { code: 'OWNERSHIP_UNCONFIRMED' } });
    assert.equal(owner.phase, 'ownership');
    assert.equal(blockedReason(owner), 'ownership_unclear');
    assert.equal(canShowBaseUrlField(owner), false);

    const limit = fail({ type: 'save-failed', error: { code: 'PROVIDER_LIMITATION', message: 'no' } });
    assert.equal(limit.phase, 'limitation-blocked');
    assert.equal(blockedReason(limit), 'provider_limitation');

    const rejectedToken = fail({ type: 'save-failed', error: { code: 'CREDENTIALS_REJECTED' } });
    assert.equal(rejectedToken.phase, 'auth');
    assert.equal(rejectedToken.phase === 'auth' && rejectedToken.credentialEntered, false);
    assert.equal(blockedReason(rejectedToken), null);

    const network = fail({ type: 'save-failed', error: { code: 'NETWORK_UNREACHABLE' } });
    assert.equal(network.phase === 'auth' && network.error?.code, 'NETWORK_UNREACHABLE');
    assert.equal(network.phase === 'auth' && network.credentialEntered, true);
    assert.equal(canSave(network), true, 'a transient failure can be retried');
  });

  it('ownership unclear on a cloud save returns to the tenant', () => {
    const saving = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-cloud' },
      { type: 'confirm-tenant', value: 'octo-org' },
      { type: 'choose-auth-method', methodId: 'pat' },
      { type: 'credential-changed', entered: true },
      { type: 'save-requested' },
    );
    const s = run(saving, { type: 'save-failed', error: { code: 'OWNERSHIP_UNCONFIRMED' } });
    assert.equal(s.phase, 'tenant');
    assert.equal(s.phase === 'tenant' && s.tenantDraft, 'octo-org');
    assert.equal(blockedReason(s), 'ownership_unclear');
  });

  it('saved/save-failed outside a save are refused', () => {
    refused(toServerAuth(), { type: 'saved', target: record() });
    refused(toServerAuth(), { type: 'save-failed', error: { code: 'BACKEND_UNAVAILABLE' } });
  });
});

// ---------------------------------------------------------------- webhook

describe('flow: webhook', () => {
  it('walks ownership, URL check and allowlist, with Standard Webhooks signing by default', () => {
    let s = run(start(), { type: 'select-provider', provider: webhook }, { type: 'select-edition', editionId: 'webhook' });
    assert.equal(s.phase, 'ownership');
    refused(s, { type: 'edit-base-url', value: 'https://hooks.example.com/in' });
    assert.equal(ready(s)['self-hosted-target'], 'not-ready:ownership-not-confirmed');
    s = run(
      s,
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://hooks.example.com/in/?src=pts' },
    );
    assert.equal(urlCheckRequest(s)?.base_url, 'https://hooks.example.com/in/?src=pts');
    assert.equal(urlCheckRequest(s)?.deployment_mode, 'webhook');
    s = run(
      s,
      { type: 'check-result', seq: seqOf(s), result: checkResult('https://hooks.example.com/in/?src=pts') },
      { type: 'record-allowlist', status: 'direct' },
    );
    assert.equal(s.phase === 'auth' && s.signing, 'standard-webhooks');
    assert.equal(canShowCredentialField(s), true, 'the lone signing-secret method is preselected');
    refused(s, { type: 'select-signing', signing: 'nope' as 'standard-webhooks' }, 'unknown-signing');
    s = run(s, { type: 'select-signing', signing: 'github-hmac-sha256' }, { type: 'credential-changed', entered: true }, { type: 'save-requested' });
    assert.equal(saveRequest(s)?.signing, 'github-hmac-sha256');
    assert.equal(saveRequest(s)?.base_url, 'https://hooks.example.com/in/?src=pts');
  });

  it('other providers offer no signing choice', () => {
    const s = toServerAuth();
    assert.equal(s.phase === 'auth' && s.signing, null);
    refused(s, { type: 'select-signing', signing: 'standard-webhooks' }, 'unknown-signing');
  });
});

// ---------------------------------------------------------------- secrets

describe('flow: no secret enters the state', () => {
  it('ignores any value smuggled into events', () => {
    const canary = 'ghp_CANARY_0123456789';
    const smuggled = { type: 'credential-changed', entered: true, value: canary, credential: canary } as unknown as FlowEvent;
    let s = run(toServerAuth(), { type: 'choose-auth-method', methodId: 'pat' }, smuggled, { type: 'save-requested' });
    s = run(s, { type: 'saved', target: record() });
    const seen = new Set<unknown>();
    const dump = JSON.stringify(s, (_k, v: unknown) => {
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return v instanceof RegExp ? String(v) : v;
    });
    assert.equal(dump.includes(canary), false);
  });
});

// ---------------------------------------------------------------- reconnect

describe('flow: reconnect an existing target', () => {
  const needsAuth = record({
    state: 'auth_required',
    error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'token expired' },
  });

  it('a target needing auth opens straight at its auth step with the recorded check', () => {
    const s = run(start(), { type: 'open-target', target: needsAuth, provider: github });
    assert.equal(s.phase, 'auth-required');
    assert.equal(currentStep(s), 'network');
    assert.equal(blockedReason(s), 'auth_required');
    assert.equal(s.phase === 'auth-required' && s.site.kind === 'checked' && s.site.check.source, 'record');
    assert.equal(s.phase === 'auth-required' && s.action?.label, 'do the pat action');
    refused(s, { type: 'select-provider', provider: jira }, 'reconnect-fixed');
    refused(s, { type: 'select-edition', editionId: 'gh-cloud' }, 'reconnect-fixed');
    const auth = run(s, { type: 'retry-auth' });
    assert.equal(canShowCredentialField(auth), true);
    const saving = run(auth, { type: 'credential-changed', entered: true }, { type: 'save-requested' });
    const body = saveRequest(saving);
    assert.equal(body?.target_id, 'tgt-1');
    assert.equal(body?.check_id, 'chk-1');
    assert.equal(body?.base_url, SERVER);
    assert.equal(run(saving, { type: 'saved', target: record() }).phase, 'saved');
    const other = run(saving, { type: 'saved', target: record({ id: 'tgt-2' }) });
    assert.notEqual(other.phase, 'saved');
  });

  it('a record without its check walks the gates again, URL prefilled', () => {
    for (const gap of [{ check_id: null }, { allowlist_status: null }, { allowlist_status: 'unreachable' as const }, { base_url: null }]) {
      const s = run(start(), { type: 'open-target', target: { ...needsAuth, ...gap }, provider: github });
      assert.equal(s.phase, 'ownership', JSON.stringify(gap));
      assert.equal(canShowBaseUrlField(s), false);
      assert.equal(canShowCredentialField(s), false);
    }
    const s = run(start(), { type: 'open-target', target: { ...needsAuth, check_id: null }, provider: github });
    const confirmed = run(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: true });
    assert.equal(confirmed.phase === 'base-url' && confirmed.urlDraft, SERVER);
    assert.equal(run(s, { type: 'back' }).phase, 'existing-target');
  });

  it('a cloud target reconnects with its tenant, or asks again when it does not fit', () => {
    const cloudRec = { ...needsAuth, edition: 'gh-cloud', deployment_mode: 'cloud' as const, base_url: null, tenant: 'octo-org' };
    const ok = run(start(), { type: 'open-target', target: cloudRec, provider: github });
    assert.equal(ok.phase, 'auth-required');
    assert.equal(ok.phase === 'auth-required' && ok.site.tenant, 'octo-org');
    const bad = run(start(), { type: 'open-target', target: { ...cloudRec, tenant: 'bad--org' }, provider: github });
    assert.equal(bad.phase, 'tenant');
  });

  it('refuses a record that does not match the provider', () => {
    refused(start(), { type: 'open-target', target: needsAuth, provider: jira }, 'provider-mismatch');
    refused(start(), { type: 'open-target', target: { ...needsAuth, edition: 'gone' }, provider: github }, 'unknown-edition');
    refused(toServerAuth(), { type: 'open-target', target: needsAuth, provider: github });
  });

  it('a connected target opens for viewing; reconnect walks the gates', () => {
    const s = run(start(), { type: 'open-target', target: record(), provider: github });
    assert.equal(s.phase, 'existing-target');
    assert.equal(currentStep(s), 'target');
    assert.equal(blockedReason(s), null);
    const again = run(s, { type: 'reconnect' });
    assert.equal(again.phase, 'ownership');
    assert.equal(again.phase === 'ownership' && again.reconnect?.id, 'tgt-1');
  });

  it('a blocked target shows its reason', () => {
    const s = run(start(), {
      type: 'open-target',
      target: record({ state: 'blocked', error: { code: 'PROVIDER_BASE_URL_BLOCKED', message: 'm' } }),
      provider: github,
    });
    assert.equal(blockedReason(s), 'url_blocked');
    assert.equal(ready(s)['self-hosted-target'], 'not-ready:url-blocked');
  });
});

// ---------------------------------------------------------------- revoke

describe('flow: revoke in two steps', () => {
  const opened = (): FlowState => run(start(), { type: 'open-target', target: record(), provider: github });

  it('first at the provider, then the disconnect, then revoked once the backend confirms', () => {
    let s = run(opened(), { type: 'revoke-started' });
    assert.equal(s.phase, 'revoke-at-provider');
    assert.equal(credentialBoundary(s)?.revoke.url, 'https://example.test/revoke/pat');
    refused(s, { type: 'disconnect-requested' });
    refused(s, { type: 'revoke-completed', target: record({ state: 'revoked', has_credentials: false }) });
    s = run(s, { type: 'revoked-at-provider-confirmed' });
    assert.equal(s.phase, 'revoke-disconnect');
    refused(s, { type: 'revoke-completed', target: record({ state: 'revoked', has_credentials: false }) });
    s = run(s, { type: 'disconnect-requested' });
    assert.equal(s.phase, 'revoking');
    refused(s, { type: 'cancel' }, 'busy');
    refused(s, { type: 'back' }, 'busy');
    refused(s, { type: 'disconnect-requested' }, 'busy');
    s = run(s, { type: 'revoke-completed', target: record({ state: 'revoked', has_credentials: false }) });
    assert.equal(s.phase, 'revoked');
    assert.equal(ready(s)['credential-boundary'], 'not-ready:credentials-revoked');
  });

  it('a revoke answer still holding credentials, or for another target, is not revoked', () => {
    const revoking = run(
      opened(),
      { type: 'revoke-started' },
      { type: 'revoked-at-provider-confirmed' },
      { type: 'disconnect-requested' },
    );
    for (const target of [record({ state: 'revoked', has_credentials: true }), record({ id: 'x', state: 'revoked', has_credentials: false }), record()]) {
      const s = run(revoking, { type: 'revoke-completed', target });
      assert.equal(s.phase, 'revoke-disconnect');
      assert.equal(s.phase === 'revoke-disconnect' && s.error?.code, 'MALFORMED_RESPONSE');
    }
    const failed = run(revoking, { type: 'revoke-failed', error: { code: 'BACKEND_UNAVAILABLE' } });
    assert.equal(failed.phase, 'revoke-disconnect');
    assert.equal(failed.phase === 'revoke-disconnect' && failed.error?.code, 'BACKEND_UNAVAILABLE');
  });

  it('nothing to revoke on a revoked target; back steps out one at a time', () => {
    const revoked = run(start(), { type: 'open-target', target: record({ state: 'revoked', has_credentials: false }), provider: github });
    refused(revoked, { type: 'revoke-started' }, 'no-credentials');
    const s = run(opened(), { type: 'revoke-started' }, { type: 'revoked-at-provider-confirmed' });
    const b1 = run(s, { type: 'back' });
    assert.equal(b1.phase, 'revoke-at-provider');
    assert.equal(run(b1, { type: 'back' }).phase, 'existing-target');
  });

  it('a reconnecting target that needs auth can be revoked instead', () => {
    const s = run(
      start(),
      { type: 'open-target', target: record({ state: 'auth_required' }), provider: github },
      { type: 'revoke-started' },
    );
    assert.equal(s.phase, 'revoke-at-provider');
  });
});

// ---------------------------------------------------------------- after save: export setup, test, overview

describe('flow: provider-specific setup after save, the test export and the overview', () => {
  const repo = { level: 'repository' as const, id: 'r1', name: 'octo/app' };
  const settings = { destination: [repo], duplicates: 'update' as const };
  const configured = record({ export_settings: settings });
  const saved = (): FlowState => run(toServerSaving(), { type: 'saved', target: record() });
  const passed = { status: 'succeeded' as const, at: '2030-01-01T00:01:00Z', ticket: { url: 'https://git.example.com/octo/app/issues/1', title: 'Test' } };

  it('save → provider-specific setup → settings saved → the overview, on the same record', () => {
    const setup = run(saved(), { type: 'configure-export' });
    assert.equal(setup.phase, 'export-setup');
    assert.equal(currentStep(setup), 'provider-setup');
    assert.equal(setup.phase === 'export-setup' && setup.afterSave, true);
    const saving = run(setup, { type: 'export-settings-requested', settings });
    assert.equal(saving.phase, 'export-saving');
    assert.equal(isBusy(saving), true);
    assert.deepEqual(exportSettingsRequest(saving), { targetId: 'tgt-1', settings });
    refused(saving, { type: 'back' }, 'busy');
    refused(saving, { type: 'cancel' }, 'busy');
    refused(saving, { type: 'export-settings-requested', settings }, 'busy');
    const done = run(saving, { type: 'export-settings-saved', target: configured });
    assert.equal(done.phase, 'existing-target');
    assert.equal(currentStep(done), 'target');
    assert.deepEqual(done.phase === 'existing-target' && done.target.export_settings, settings);
  });

  it('settings that do not fit the provider are refused before they are sent', () => {
    const setup = run(saved(), { type: 'configure-export' });
    refused(setup, { type: 'export-settings-requested', settings: { destination: [], duplicates: 'update' } }, 'invalid-settings');
    refused(setup, { type: 'export-settings-requested', settings: { ...settings, events: ['finding.created'] } }, 'invalid-settings');
    refused(setup, { type: 'export-settings-requested', settings: { destination: [{ level: 'project', id: 'p', name: 'P' }], duplicates: 'skip' } }, 'invalid-settings');
  });

  it('a refused save or an answer for another record returns to the setup with the error, settings step kept', () => {
    const saving = run(saved(), { type: 'configure-export' }, { type: 'export-settings-requested', settings });
    const failed = run(saving, { type: 'export-settings-failed', error: { code: 'DESTINATION_NOT_WRITABLE', message: 'no push' } });
    assert.equal(failed.phase, 'export-setup');
    assert.equal(failed.phase === 'export-setup' && failed.error?.code, 'DESTINATION_NOT_WRITABLE');
    for (const target of [record({ id: 'other', export_settings: settings }), record(), record({ export_settings: settings, has_credentials: false })]) {
      const s = run(saving, { type: 'export-settings-saved', target });
      assert.equal(s.phase === 'export-setup' && s.error?.code, 'MALFORMED_RESPONSE');
    }
  });

  it('only a connected record with credentials is configured or tested', () => {
    for (const t of [record({ state: 'revoked', has_credentials: false }), record({ state: 'blocked' })]) {
      const opened = run(start(), { type: 'open-target', target: t, provider: github });
      refused(opened, { type: 'configure-export' }, 'no-credentials');
      refused(opened, { type: 'test-requested' }, 'no-credentials');
    }
    const unconfigured = run(start(), { type: 'open-target', target: record(), provider: github });
    refused(unconfigured, { type: 'test-requested' }, 'not-configured');
    refused(start(), { type: 'configure-export' });
    refused(toServerAuth(), { type: 'configure-export' });
    refused(toServerAuth(), { type: 'export-settings-requested', settings });
    refused(unconfigured, { type: 'export-settings-saved', target: configured });
    refused(unconfigured, { type: 'test-completed', result: passed });
  });

  it('a test export from the overview keeps its result on the record; a failed call changes nothing', () => {
    const opened = run(start(), { type: 'open-target', target: configured, provider: github });
    const testing = run(opened, { type: 'test-requested' });
    assert.equal(testing.phase, 'testing');
    assert.equal(currentStep(testing), 'target');
    refused(testing, { type: 'test-requested' }, 'busy');
    refused(testing, { type: 'revoke-started' });
    refused(testing, { type: 'back' }, 'busy');
    const done = run(testing, { type: 'test-completed', result: passed });
    assert.equal(done.phase === 'existing-target' && done.target.last_test?.ticket?.url, passed.ticket.url);
    const failed = run(testing, { type: 'test-failed', error: { code: 'BACKEND_UNAVAILABLE' } });
    assert.equal(failed.phase, 'existing-target');
    assert.equal(failed.phase === 'existing-target' && failed.target.last_test, undefined);
  });

  it('edit from the overview, back to it; revoke still starts there', () => {
    const opened = run(start(), { type: 'open-target', target: configured, provider: github });
    const edit = run(opened, { type: 'configure-export' });
    assert.equal(edit.phase === 'export-setup' && edit.afterSave, false);
    const back = run(edit, { type: 'back' });
    assert.equal(back.phase, 'existing-target');
    assert.equal(back.phase === 'existing-target' && back.target, configured);
    assert.equal(run(opened, { type: 'revoke-started' }).phase, 'revoke-at-provider');
    assert.equal(run(edit, { type: 'cancel' }).phase, 'status');
  });
});

// ---------------------------------------------------------------- navigation

describe('flow: back and cancel never skip a gate', () => {
  it('back from self-hosted auth walks every gate in reverse, dropping what it produced', () => {
    const auth = run(toServerAuth(), { type: 'choose-auth-method', methodId: 'pat' }, { type: 'credential-changed', entered: true });
    const allow = run(auth, { type: 'back' });
    assert.equal(allow.phase, 'allowlist');
    assert.equal(allow.phase === 'allowlist' && allow.allowlistStatus, null);
    for (const e of CREDENTIAL_EVENTS) refused(allow, e);
    const url = run(allow, { type: 'back' });
    assert.equal(url.phase, 'base-url');
    refused(url, { type: 'record-allowlist', status: 'direct' });
    // The confirmations stay given beside the URL field, so back leaves the network step.
    const edition = run(url, { type: 'back' });
    assert.equal(edition.phase, 'edition');
    const status = run(edition, { type: 'back' });
    assert.equal(status.phase, 'status');
    refused(status, { type: 'back' });
  });

  it('taking a confirmation back asks for both again, keeping the typed URL', () => {
    const url = run(toServerAuth(), { type: 'back' }, { type: 'back' });
    assert.equal(url.phase, 'base-url');
    const owner = run(url, { type: 'confirm-ownership', ownership: true, exportAuthorization: false });
    assert.equal(owner.phase, 'ownership');
    assert.equal(canShowBaseUrlField(owner), false);
    assert.deepEqual(owner.kept.confirmations, { ownership: true, exportAuthorization: false });
    refused(owner, { type: 'edit-base-url', value: SERVER });
    const reconfirmed = run(owner, { type: 'confirm-ownership', ownership: true, exportAuthorization: true });
    assert.equal(reconfirmed.phase === 'base-url' && reconfirmed.urlDraft, SERVER, 'typed URL kept');
  });

  it('back from checking or a blocked URL returns to the URL field', () => {
    const s = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-server' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: SERVER },
    );
    const b = run(s, { type: 'back' });
    assert.equal(b.phase, 'base-url');
    refused(b, { type: 'check-result', seq: seqOf(s), result: checkResult(SERVER) }, 'stale-result');
  });

  it('back from cloud auth returns to the tenant, or to the mode when there is none', () => {
    const withTenant = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-cloud' },
      { type: 'confirm-tenant', value: 'octo-org' },
      { type: 'back' },
    );
    assert.equal(withTenant.phase === 'tenant' && withTenant.tenantDraft, 'octo-org');
    const noTenant = run(
      start(),
      { type: 'select-provider', provider: bitbucket },
      { type: 'select-edition', editionId: 'bb-cloud' },
      { type: 'back' },
    );
    assert.equal(noTenant.phase, 'edition');
  });

  it('back from auth-required returns to auth without the old credential', () => {
    const s = run(toServerSaving(), { type: 'save-failed', error: { code: 'PROVIDER_AUTH_REQUIRED' } }, { type: 'back' });
    assert.equal(s.phase, 'auth');
    assert.equal(canSave(s), false);
  });

  it('back from the fallback restores where it was chosen, never with a credential marked entered', () => {
    const auth = run(toServerAuth(), { type: 'choose-auth-method', methodId: 'pat' }, { type: 'credential-changed', entered: true });
    const restored = run(auth, { type: 'fallback-chosen' }, { type: 'back' });
    assert.equal(restored.phase, 'auth');
    assert.equal(restored.phase === 'auth' && restored.credentialEntered, false);
    const checking = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-server' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: SERVER },
    );
    assert.equal(run(checking, { type: 'fallback-chosen' }, { type: 'back' }).phase, 'base-url');
  });

  it('cancel goes to status from anywhere but a request in flight, keeping the environment', () => {
    const states = [
      run(start(), { type: 'select-provider', provider: github }),
      toAllowlist(),
      toServerAuth(),
      run(start(), { type: 'open-target', target: record(), provider: github }),
    ];
    for (const s of states) {
      const c = run(s, { type: 'cancel' });
      assert.equal(c.phase, 'status');
      assert.equal(c.env.portableExport, true);
    }
    refused(start(), { type: 'cancel' });
  });

  it('saved and revoked end at status on back or cancel', () => {
    const saved = run(toServerSaving(), { type: 'saved', target: record() });
    assert.equal(run(saved, { type: 'back' }).phase, 'status');
    assert.equal(run(saved, { type: 'cancel' }).phase, 'status');
    refused(saved, { type: 'save-requested' });
    refused(saved, { type: 'edit-base-url', value: SERVER });
  });
});

// ---------------------------------------------------------------- properties

describe('flow: random walks keep the safety rules', () => {
  /** Small deterministic PRNG so a failure is reproducible. */
  function prng(seed: number): () => number {
    let x = seed >>> 0 || 1;
    return () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 4294967296;
    };
  }

  const URLS = ['https://git.example.com', 'https://git.example.com/', 'https://other.example.com', 'https://example.com/jira', 'nope'];

  function events(s: FlowState, rnd: () => number): FlowEvent[] {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const seq = s.phase === 'checking' ? s.pending.seq : Math.floor(rnd() * 3);
    const pendingUrl = s.phase === 'checking' ? s.pending.url : pick(URLS);
    const answerUrl = rnd() < 0.7 ? pendingUrl : pick(URLS);
    return [
      { type: 'select-provider', provider: pick([github, jira, bitbucket, webhook]) },
      { type: 'select-edition', editionId: pick(['gh-cloud', 'gh-server', 'gh-server-old', 'gh-dedicated', 'jira-cloud-fx', 'jira-dc-fx', 'bb-dc', 'bb-cloud', 'webhook']) },
      { type: 'confirm-tenant', value: pick(['octo-org', 'acme', 'bad--x', '']) },
      { type: 'confirm-ownership', ownership: rnd() < 0.7, exportAuthorization: rnd() < 0.7 },
      { type: 'edit-base-url', value: pick(URLS) },
      { type: 'check-requested' },
      { type: 'check-result', seq, result: checkResult(answerUrl, rnd() < 0.7 ? 'passed' : 'blocked', rnd() < 0.2 ? ['ownership'] : [], `chk-${Math.floor(rnd() * 5)}`) },
      { type: 'check-failed', seq, error: { code: pick(['PROVIDER_BASE_URL_BLOCKED', 'BACKEND_UNAVAILABLE', 'OWNERSHIP_UNCONFIRMED'] as const) } },
      { type: 'record-allowlist', status: pick(['direct', 'tunnel', 'allowlist', 'unreachable'] as const) },
      { type: 'choose-auth-method', methodId: pick(['pat', 'app', 'oauth', 'api_token', 'dc_pat', 'bb_token', 'signing_secret']) },
      { type: 'credential-changed', entered: rnd() < 0.8 },
      { type: 'credential-field-changed', name: 'email', value: 'a@b.c' },
      { type: 'authorization-started' },
      { type: 'authorization-completed', authorizationId: 'auth-x' },
      { type: 'authorization-failed', error: { code: pick(['AUTH_CANCELLED', 'PROVIDER_AUTH_REQUIRED'] as const) } },
      { type: 'retry-auth' },
      { type: 'save-requested' },
      { type: 'saved', target: record(pick([{}, { state: 'auth_required' as const }])) },
      { type: 'save-failed', error: { code: pick(['PROVIDER_AUTH_REQUIRED', 'PROVIDER_BASE_URL_BLOCKED', 'URL_CHECK_REQUIRED', 'CREDENTIALS_REJECTED', 'BACKEND_UNAVAILABLE'] as const) } },
      { type: 'fallback-chosen' },
      { type: 'open-target', target: record(pick([{}, { state: 'revoked' as const, has_credentials: false }, { export_settings: { destination: [{ level: 'repository' as const, id: 'r', name: 'r' }], duplicates: 'update' as const } }])), provider: github },
      { type: 'configure-export' },
      { type: 'export-settings-requested', settings: pick([{ destination: [], duplicates: 'update' as const }, { destination: [{ level: 'repository' as const, id: 'r', name: 'r' }], duplicates: 'skip' as const }]) },
      { type: 'export-settings-saved', target: record(pick([{}, { export_settings: { destination: [{ level: 'repository' as const, id: 'r', name: 'r' }], duplicates: 'skip' as const } }])) },
      { type: 'export-settings-failed', error: { code: 'DESTINATION_NOT_WRITABLE' } },
      { type: 'test-requested' },
      { type: 'test-completed', result: { status: 'failed', at: '2030-01-01T00:00:00Z', error: { code: 'NETWORK_UNREACHABLE', message: 'm' } } },
      { type: 'back' },
      { type: 'back' },
      { type: 'cancel' },
      { type: 'status-loaded', portableExportAvailable: rnd() < 0.5 },
    ];
  }

  it('credentials and base_url only ever appear behind their gates', () => {
    for (let walk = 0; walk < 250; walk++) {
      const rnd = prng(walk + 1);
      let s: FlowState = start();
      // Passing answers the walk has produced, as "normalised url|check id".
      const passes = new Set<string>();
      let ownershipGiven = false;
      for (let step = 0; step < 30; step++) {
        const options = events(s, rnd);
        const e = options[Math.floor(rnd() * options.length)] as FlowEvent;
        const prev = s;
        s = transition(prev, e);
        const where = `walk ${walk} step ${step}: ${prev.phase} --${e.type}--> ${s.phase}`;
        assert.ok(Object.isFrozen(s), where);
        if (s.rejected) assert.equal(s.phase, prev.phase, where);
        if (!s.rejected && e.type === 'check-result' && e.result.status === 'passed') {
          passes.add(`${normalizeBaseUrl(e.result.normalized_url)}|${e.result.check_id}`);
        }
        if (!s.rejected && e.type === 'confirm-ownership') ownershipGiven = true;
        if (['status', 'edition', 'tenant', 'ownership', 'limitation-blocked'].includes(s.phase)) ownershipGiven = false;

        if (canShowBaseUrlField(s)) assert.ok(ownershipGiven, `base_url field without ownership: ${where}`);
        if (canShowCredentialField(s) || s.phase === 'saving' || s.phase === 'saved') {
          const edition = selectedEdition(s);
          assert.ok(edition, where);
          assert.ok(!edition.limitations.some((l) => l.severity === 'blocks'), where);
          if (edition.baseUrl && (s.phase === 'auth' || s.phase === 'saving')) {
            assert.equal(s.site.kind, 'checked', where);
            if (s.site.kind === 'checked') {
              assert.ok(passes.has(`${s.site.check.url}|${s.site.check.checkId}`), `unchecked URL reached credentials: ${where}`);
              assert.notEqual(s.site.allowlistStatus, 'unreachable' as string, where);
            }
          }
        }
        if (s.phase === 'saved') {
          assert.equal(e.type, 'saved', where);
          assert.equal(prev.phase, 'saving', where);
          assert.equal(e.type === 'saved' && e.target.state, 'connected', where);
        }
        if (s.phase === 'auth-required' || s.phase === 'url-blocked') {
          assert.equal(canShowCredentialField(s), false, where);
        }
        if (s.phase === 'export-setup' || s.phase === 'export-saving' || s.phase === 'testing') {
          assert.ok(s.target.state === 'connected' && s.target.has_credentials, `export setup of a record without credentials: ${where}`);
        }
        if (s.phase === 'export-saving') {
          assert.equal(exportSettingsProblem(s.provider.id, s.settings), undefined, `unfit settings sent: ${where}`);
        }
      }
    }
  });
});

// ---------------------------------------------------------------- kept choices

describe('flow: back and forward keep every confirmed choice, never a secret', () => {
  const passOn = (s: FlowState, answer = `${SERVER}/`): FlowState =>
    run(s, { type: 'check-requested' }, { type: 'check-result', seq: seqOf(run(s, { type: 'check-requested' })), result: checkResult(answer) });

  it('self-hosted: back to the status and forward again offers the edition, confirmations, URL, path, method and fields', () => {
    const auth = run(
      toServerAuth(),
      { type: 'choose-auth-method', methodId: 'oauth' },
      { type: 'choose-auth-method', methodId: 'pat' },
      { type: 'credential-changed', entered: true },
    );
    const status = run(auth, { type: 'back' }, { type: 'back' }, { type: 'back' }, { type: 'back' });
    assert.equal(status.phase, 'status');
    assert.equal(status.kept.edition, 'gh-server');
    const edition = run(status, { type: 'select-provider', provider: github });
    assert.equal(edition.kept.edition, 'gh-server', 'the deployment step can offer the edition chosen before');
    const url = run(edition, { type: 'select-edition', editionId: 'gh-server' });
    assert.equal(url.phase, 'base-url', 'the confirmations are kept, so the URL field is open');
    assert.equal(url.phase === 'base-url' && url.urlDraft, 'HTTPS://Git.Example.com:443/ignored/path/');
    assert.deepEqual(url.kept.confirmations, { ownership: true, exportAuthorization: true });
    const allow = passOn(url);
    assert.equal(allow.phase, 'allowlist');
    assert.equal(allow.kept.allowlistStatus, 'direct', 'the allowlist step can offer the path chosen before');
    const again = run(allow, { type: 'record-allowlist', status: 'direct' });
    assert.equal(again.phase === 'auth' && again.method?.id, 'pat');
    assert.equal(again.phase === 'auth' && again.credentialEntered, false, 'the credential is never kept');
    assert.equal(canSave(again), false);
  });

  it('cloud: the tenant, method and non-secret fields come back; an authorisation does not', () => {
    const auth = run(
      start(),
      { type: 'select-provider', provider: jira },
      { type: 'select-edition', editionId: 'jira-cloud-fx' },
      { type: 'confirm-tenant', value: ' acme/ ' },
      { type: 'credential-field-changed', name: 'email', value: 'ops@acme.test' },
      { type: 'credential-changed', entered: true },
    );
    const tenant = run(auth, { type: 'back' });
    assert.equal(tenant.phase === 'tenant' && tenant.tenantDraft, 'acme');
    assert.equal(tenant.kept.tenant, 'acme');
    const edition = run(tenant, { type: 'back' });
    const forward = run(edition, { type: 'select-edition', editionId: 'jira-cloud-fx' });
    assert.equal(forward.phase === 'tenant' && forward.tenantDraft, 'acme');
    const back = run(forward, { type: 'confirm-tenant', value: 'acme' });
    assert.deepEqual(back.phase === 'auth' && back.credentialFields, { email: 'ops@acme.test' });
    assert.equal(back.phase === 'auth' && back.credentialEntered, false);

    const granted = run(
      start(),
      { type: 'select-provider', provider: github },
      { type: 'select-edition', editionId: 'gh-cloud' },
      { type: 'confirm-tenant', value: 'acme' },
      { type: 'choose-auth-method', methodId: 'app' },
      { type: 'authorization-started' },
      { type: 'authorization-completed', authorizationId: 'grant-1' },
    );
    const regranted = run(granted, { type: 'back' }, { type: 'confirm-tenant', value: 'acme' });
    assert.equal(regranted.phase === 'auth' && regranted.method?.id, 'app');
    assert.equal(regranted.phase === 'auth' && regranted.authorization.status, 'none');
  });

  it('a signing scheme comes back with its webhook', () => {
    const url = run(
      start(),
      { type: 'select-provider', provider: webhook },
      { type: 'select-edition', editionId: 'webhook' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'edit-base-url', value: 'https://hooks.example.com/in' },
    );
    const auth = run(passOn(url, 'https://hooks.example.com/in'), { type: 'record-allowlist', status: 'direct' }, { type: 'select-signing', signing: 'github-hmac-sha256' });
    const again = run(auth, { type: 'back' }, { type: 'record-allowlist', status: 'direct' });
    assert.equal(again.phase === 'auth' && again.signing, 'github-hmac-sha256');
  });

  it('another edition keeps only the provider; another provider, cancel and save start afresh', () => {
    const auth = toServerAuth();
    const other = run(auth, { type: 'select-edition', editionId: 'gh-server-old' });
    assert.equal(other.phase, 'ownership');
    assert.deepEqual(other.kept.confirmations, { ownership: false, exportAuthorization: false });
    assert.equal(other.kept.url, '');
    assert.equal(run(auth, { type: 'select-provider', provider: jira }).kept.edition, null);
    assert.equal(run(auth, { type: 'cancel' }).kept.provider, null);
    const saved = run(toServerSaving(), { type: 'saved', target: record() });
    assert.equal(saved.kept.provider, null);
  });

  it('a backend that did not take the ownership confirmations asks for them again', () => {
    const refusedSave = run(toServerSaving(), { type: 'save-failed', error: { code: 'OWNERSHIP_UNCONFIRMED' } });
    assert.equal(refusedSave.phase, 'ownership');
    assert.deepEqual(refusedSave.kept.confirmations, { ownership: false, exportAuthorization: false });
  });
});
