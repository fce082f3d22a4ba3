import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockedReason,
  canShowBaseUrlField,
  canShowCredentialField,
  currentStep,
  initialState,
  limitationWarnings,
  saveRequest,
  transition,
  urlCheckRequest,
} from '../../src/core/flow/index.js';
import type { FlowEvent, FlowState } from '../../src/core/flow/index.js';
import { PROVIDERS, getProvider } from '../../src/core/providers/index.js';
import type { Edition, Provider } from '../../src/core/providers/index.js';
import type { UrlCheckResponse } from '../../src/core/contract/index.js';

function run(state: FlowState, ...events: FlowEvent[]): FlowState {
  let s = state;
  for (const e of events) {
    s = transition(s, e);
    if (s.rejected) assert.fail(`event ${e.type} refused in ${s.phase}: ${s.rejected.reason}`);
  }
  return s;
}

function provider(id: string): Provider {
  const p = getProvider(id);
  assert.ok(p, `catalog has ${id}`);
  return p;
}

function passed(url: string): UrlCheckResponse {
  return {
    status: 'passed',
    normalized_url: url,
    addresses: ['203.0.113.20'],
    checks: [
      { name: 'scheme', status: 'passed' },
      { name: 'private_network', status: 'passed' },
      { name: 'reserved_ip', status: 'passed' },
      { name: 'redirect', status: 'passed' },
      { name: 'dns_rebinding', status: 'passed' },
      { name: 'ownership', status: 'passed' },
    ],
    check_id: 'chk-cat',
    expires_at: '2030-01-01T00:10:00Z',
  };
}

const env = { portableExportAvailable: true };

/** Walks every gate of an edition with catalog-shaped inputs, up to the auth step. */
function throughGates(p: Provider, e: Edition): FlowState {
  let s = run(initialState(env), { type: 'select-provider', provider: p }, { type: 'select-edition', editionId: e.id });
  if (e.tenant) s = run(s, { type: 'confirm-tenant', value: e.tenant.placeholder });
  if (e.baseUrl) {
    const url = 'https://tickets.example.com';
    s = run(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: true }, { type: 'check-requested', baseUrl: url });
    const seq = s.phase === 'checking' ? s.pending.seq : -1;
    s = run(s, { type: 'check-result', seq, result: passed(url) }, { type: 'record-allowlist', status: 'direct' });
  }
  return s;
}

describe('flow over the real catalog', () => {
  it('choosing any edition never shows a credential field before its gates', () => {
    for (const p of PROVIDERS) {
      for (const e of p.editions) {
        const s = run(initialState(env), { type: 'select-provider', provider: p }, { type: 'select-edition', editionId: e.id });
        const where = `${p.id}/${e.id}`;
        if (e.limitations.some((l) => l.severity === 'blocks')) {
          assert.equal(s.phase, 'limitation-blocked', where);
        } else if (e.tenant) {
          assert.equal(s.phase, 'tenant', where);
        } else if (e.baseUrl) {
          assert.equal(s.phase, 'ownership', where);
          assert.equal(canShowBaseUrlField(s), false, where);
        }
        if (e.tenant || e.baseUrl) assert.equal(canShowCredentialField(s), false, where);
        assert.ok(['deployment', 'network', 'provider-setup'].includes(currentStep(s)), where);
      }
    }
  });

  it('every method of every usable edition: a field for typed secrets, a grant for the rest', () => {
    for (const p of PROVIDERS) {
      for (const e of p.editions) {
        if (e.limitations.some((l) => l.severity === 'blocks')) continue;
        const gated = throughGates(p, e);
        assert.equal(gated.phase, 'auth', `${p.id}/${e.id}`);
        for (const m of e.authMethods) {
          const s = run(gated, { type: 'choose-auth-method', methodId: m.id });
          const typed = m.kind === 'token' || m.kind === 'signing-secret';
          assert.equal(canShowCredentialField(s), typed, `${e.id}/${m.id}`);
        }
      }
    }
  });

  it('Bitbucket Data Center is stopped by its limitation and points to Jira Data Center', () => {
    const s = run(
      initialState(env),
      { type: 'select-provider', provider: provider('bitbucket') },
      { type: 'select-edition', editionId: 'bitbucket-dc' },
    );
    assert.equal(s.phase, 'limitation-blocked');
    assert.equal(blockedReason(s), 'provider_limitation');
    const alt = s.phase === 'limitation-blocked' ? s.limitation.alternative : undefined;
    assert.deepEqual(alt, { provider: 'jira', edition: 'jira-dc' });
    assert.equal(transition(s, { type: 'confirm-ownership', ownership: true, exportAuthorization: true }).rejected?.reason, 'not-allowed-here');
    // The suggested way on exists in the catalog and starts at its ownership gate.
    const jira = run(s, { type: 'select-provider', provider: provider('jira') }, { type: 'select-edition', editionId: 'jira-dc' });
    assert.equal(jira.phase, 'ownership');
  });

  it('GitHub.com checks the organisation login shape', () => {
    const s = run(
      initialState(env),
      { type: 'select-provider', provider: provider('github') },
      { type: 'select-edition', editionId: 'github-com' },
    );
    assert.equal(transition(s, { type: 'confirm-tenant', value: 'bad--name' }).rejected?.reason, 'invalid-tenant');
    assert.equal(transition(s, { type: 'confirm-tenant', value: '-lead' }).rejected?.reason, 'invalid-tenant');
    const ok = run(s, { type: 'confirm-tenant', value: 'octo-org' });
    assert.equal(ok.phase, 'auth');
  });

  it('GHES drops a path; GitLab Self-Managed keeps its relative root', () => {
    const ghes = run(
      initialState(env),
      { type: 'select-provider', provider: provider('github') },
      { type: 'select-edition', editionId: 'ghes' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://GHES.example.com/some/path/' },
    );
    assert.equal(urlCheckRequest(ghes)?.base_url, 'https://ghes.example.com');
    const gitlab = run(
      initialState(env),
      { type: 'select-provider', provider: provider('gitlab') },
      { type: 'select-edition', editionId: 'gitlab-self-managed' },
      { type: 'confirm-ownership', ownership: true, exportAuthorization: true },
      { type: 'check-requested', baseUrl: 'https://example.com/gitlab/' },
    );
    assert.equal(urlCheckRequest(gitlab)?.base_url, 'https://example.com/gitlab');
  });

  it('GitLab Dedicated is a cloud that still passes the ownership and URL gates', () => {
    const s = run(
      initialState(env),
      { type: 'select-provider', provider: provider('gitlab') },
      { type: 'select-edition', editionId: 'gitlab-dedicated' },
    );
    assert.equal(s.phase, 'ownership');
    assert.equal(transition(s, { type: 'edit-base-url', value: 'https://t.gitlab-dedicated.com' }).rejected?.reason, 'not-allowed-here');
  });

  it('Azure DevOps Server offers no OAuth and shows its warning', () => {
    const p = provider('azure-devops');
    const s = throughGates(p, p.editions.find((e) => e.id === 'azure-devops-server') as Edition);
    assert.equal(transition(s, { type: 'choose-auth-method', methodId: 'entra_oauth' }).rejected?.reason, 'unknown-auth-method');
    assert.deepEqual(
      limitationWarnings(s).map((l) => l.id),
      ['no-oauth'],
    );
  });

  it('Jira Cloud scoped API token needs its extra field before saving', () => {
    const p = provider('jira');
    const e = p.editions.find((x) => x.id === 'jira-cloud') as Edition;
    const m = e.authMethods.find((x) => x.id === 'scoped_api_token');
    assert.ok(m?.extraFields?.length);
    const s = run(throughGates(p, e), { type: 'choose-auth-method', methodId: m.id }, { type: 'credential-changed', entered: true });
    assert.equal(transition(s, { type: 'save-requested' }).rejected?.reason, 'auth-incomplete');
  });

  it('webhooks sign with Standard Webhooks by default and can switch to GitHub style', () => {
    const p = provider('webhook');
    const s = throughGates(p, p.editions[0] as Edition);
    assert.equal(s.phase === 'auth' && s.signing, 'standard-webhooks');
    const saving = run(
      s,
      { type: 'select-signing', signing: 'github-hmac-sha256' },
      { type: 'credential-changed', entered: true },
      { type: 'save-requested' },
    );
    assert.equal(saveRequest(saving)?.signing, 'github-hmac-sha256');
    assert.equal(saveRequest(saving)?.token_type, 'webhook_hmac_secret');
  });
});
