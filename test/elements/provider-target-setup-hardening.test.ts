/**
 * <provider-target-setup> against a backend whose answers get lost or refuse:
 * one idempotency key per save attempt, the target list read again before a
 * lost save answer is told, a target that already exists, and a status list
 * with records the element cannot fully show.
 */
import { expect } from '@open-wc/testing';
import type { Backend, SaveOptions } from '../../src/client/backend.js';
import { BackendError } from '../../src/client/errors.js';
import type { SaveTargetRequest, StatusResponse, TargetRecord, UrlCheckResponse } from '../../src/core/contract/schemas.js';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import { SAMPLE_TARGETS, sampleStatus } from '../../src/testing/samples.js';
import {
  JIRA_PAT,
  addProvider,
  button,
  chooseAllowlist,
  chooseEdition,
  confirmOwnership,
  deep,
  enterCredential,
  listen,
  mount,
  must,
  part,
  phase,
  press,
  runCheck,
  settle,
  textOf,
} from './provider-target-setup.fixtures.js';

const URL = 'https://jira.example.com';

function passed(url: string): UrlCheckResponse {
  return {
    status: 'passed',
    normalized_url: url,
    addresses: ['93.184.215.14'],
    checks: (['scheme', 'private_network', 'reserved_ip', 'redirect', 'dns_rebinding', 'ownership'] as const).map((name) => ({ name, status: 'passed' })),
    check_id: 'chk_hardening',
    expires_at: new Date(Date.now() + 600_000).toISOString(),
  };
}

/** What the save of this test stored, as the backend would list it. */
function stored(request: SaveTargetRequest): TargetRecord {
  return {
    ...SAMPLE_TARGETS.selfHostedConnected,
    id: 'tgt_new_dc',
    display_name: 'New Jira',
    base_url: request.base_url,
    allowlist_status: request.allowlist_status,
    check_id: request.check_id,
    auth_method: request.auth_method,
    token_type: request.token_type,
  };
}

interface Script {
  /** One answer per save call; the last one repeats. */
  saves: Array<(request: SaveTargetRequest) => Promise<TargetRecord>>;
  /** The status answer after the first one (the list read again after a lost save answer). */
  laterStatus?: () => Promise<StatusResponse>;
  status?: StatusResponse;
  /** Records only `GET /targets/{id}` knows (the list was read before they existed). */
  records?: TargetRecord[];
}

/** An in-page backend that follows `script` and records every save's key. */
function scripted(script: Script): { backend: Backend; keys: string[]; statusCalls: () => number } {
  const keys: string[] = [];
  let statusCalls = 0;
  const backend: Backend = {
    getStatus: () => {
      statusCalls++;
      if (statusCalls > 1 && script.laterStatus) return script.laterStatus();
      return Promise.resolve(structuredClone(script.status ?? sampleStatus([])));
    },
    checkUrl: (request) => Promise.resolve(passed(request.base_url)),
    saveTarget: (request: SaveTargetRequest, options?: SaveOptions) => {
      keys.push(options?.idempotencyKey ?? '');
      const answer = script.saves[Math.min(keys.length, script.saves.length) - 1]!;
      return answer(request);
    },
    getTarget: (id) => {
      const found = [...(script.status ?? sampleStatus([])).targets, ...(script.records ?? [])].find((t) => t.id === id);
      return found ? Promise.resolve(structuredClone(found)) : Promise.reject(new BackendError('TARGET_NOT_FOUND', 'none'));
    },
    revokeTarget: () => Promise.reject(new BackendError('BACKEND_UNAVAILABLE', 'not here')),
    startAuth: () => Promise.reject(new BackendError('BACKEND_UNAVAILABLE', 'not here')),
  };
  return { backend, keys, statusCalls: () => statusCalls };
}

async function toSave(el: ProviderTargetSetup): Promise<void> {
  await addProvider(el, 'Jira');
  await chooseEdition(el, 'jira-dc');
  await confirmOwnership(el);
  await runCheck(el, URL);
  await phase(el, 'allowlist');
  await chooseAllowlist(el, 'tunnel');
  await phase(el, 'auth');
  await enterCredential(el, JIRA_PAT);
}

async function save(el: ProviderTargetSetup): Promise<void> {
  await press(el, msg('root.save'));
  await settle(el);
}

const lost = (code: 'REQUEST_TIMEOUT' | 'MALFORMED_RESPONSE') => (): Promise<TargetRecord> => Promise.reject(new BackendError(code, 'lost'));

/** A 409 naming the target that already holds this provider, edition and address. */
const exists = (targetId: string) => (): Promise<TargetRecord> =>
  Promise.reject(new BackendError('TARGET_EXISTS', 'exists', { status: 409, body: { code: 'TARGET_EXISTS', message: 'A target for this address exists.', target_id: targetId } }));

describe('<provider-target-setup> hardening', () => {
  it('retries a save whose answer was lost under the same key, and a changed or refused attempt under a new one', async () => {
    const { backend, keys } = scripted({
      saves: [
        lost('REQUEST_TIMEOUT'),
        () => Promise.reject(new BackendError('CREDENTIALS_REJECTED', 'refused', { status: 403, body: { code: 'CREDENTIALS_REJECTED', message: 'The token was refused.' } })),
        (request) => Promise.resolve(stored(request)),
      ],
    });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    await save(el);
    await phase(el, 'auth');
    // The list was read again: the target is not there, and the customer is told so, not that nothing changed.
    expect(textOf(el)).to.contain(msg('root.saveAbsent'));
    expect(textOf(el)).not.to.contain('Nothing was changed');

    await enterCredential(el, JIRA_PAT);
    await save(el);
    await phase(el, 'auth');
    expect(keys[1], 'the same attempt, retried').to.equal(keys[0]);

    await enterCredential(el, JIRA_PAT);
    await save(el);
    await phase(el, 'saved');
    expect(keys[2], 'a refused attempt is over: the next one has its own key').not.to.equal(keys[1]);
    expect(new Set(keys).size).to.equal(2);
    expect(keys.every((k) => /^[0-9a-f]{32}$/.test(k))).to.equal(true);
  });

  it('gives a changed attempt a new key', async () => {
    const { backend, keys } = scripted({ saves: [lost('REQUEST_TIMEOUT'), (request) => Promise.resolve(stored(request))] });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    await save(el);
    await phase(el, 'auth');
    // Another network path is another attempt.
    await press(el, msg('root.back'));
    await chooseAllowlist(el, 'direct');
    await phase(el, 'auth');
    await enterCredential(el, JIRA_PAT);
    await save(el);
    await phase(el, 'saved');
    expect(keys).to.have.length(2);
    expect(keys[1]).not.to.equal(keys[0]);
  });

  it('continues as saved, once, when a lost answer turns out stored', async () => {
    let saved: TargetRecord | undefined;
    const { backend, statusCalls } = scripted({
      saves: [
        (request) => {
          saved = stored(request);
          return Promise.reject(new BackendError('MALFORMED_RESPONSE', 'unreadable'));
        },
      ],
      laterStatus: () => Promise.resolve(sampleStatus(saved ? [saved] : [])),
    });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    const events = listen('target-saved');
    try {
      await save(el);
      await phase(el, 'saved');
      expect(statusCalls(), 'the list was read again').to.equal(2);
      expect(events.seen.map((e) => (e as CustomEvent<{ target: TargetRecord }>).detail.target.id)).to.deep.equal(['tgt_new_dc']);
      expect(el.targets.map((t) => t.id)).to.include('tgt_new_dc');
      expect(textOf(el)).not.to.contain(msg('error.MALFORMED_RESPONSE'));
    } finally {
      events.stop();
    }
  });

  it('says honestly that it cannot tell when the list cannot be read either', async () => {
    const { backend } = scripted({
      saves: [lost('MALFORMED_RESPONSE')],
      laterStatus: () => Promise.reject(new BackendError('BACKEND_UNAVAILABLE', 'down')),
    });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    const events = listen('target-saved');
    try {
      await save(el);
      await phase(el, 'auth');
      const text = textOf(el);
      expect(text).to.contain(msg('root.saveUnknown'));
      expect(text).not.to.contain('Nothing was changed');
      expect(events.seen).to.deep.equal([]);
    } finally {
      events.stop();
    }
  });

  it('offers the target that already exists, to open or reconnect', async () => {
    const existing: TargetRecord = {
      ...SAMPLE_TARGETS.selfHostedConnected,
      id: 'tgt_existing',
      state: 'auth_required',
      has_credentials: false,
      error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'The token expired.' },
    };
    const { backend } = scripted({
      status: sampleStatus([existing]),
      saves: [exists('tgt_existing')],
    });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    await save(el);
    await phase(el, 'auth');
    expect(textOf(el)).to.contain(msg('error.TARGET_EXISTS'));
    expect(textOf(el)).to.contain(existing.display_name!);
    button(el, msg('root.exists.reconnect')).click();
    // A record that needs auth reopens at its credential step, as a reconnect of that record.
    await phase(el, 'auth-required');
    expect('reconnect' in el.state && el.state.reconnect?.id).to.equal('tgt_existing');
  });

  it('opens the existing target when that is all there is to do', async () => {
    const existing: TargetRecord = { ...SAMPLE_TARGETS.selfHostedConnected, id: 'tgt_existing' };
    const { backend } = scripted({
      status: sampleStatus([existing]),
      saves: [exists('tgt_existing')],
    });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    await save(el);
    await phase(el, 'auth');
    expect(() => button(el, msg('root.exists.reconnect')), 'a connected target is not reconnected').to.throw();
    button(el, msg('root.exists.open')).click();
    await phase(el, 'existing-target');
    expect(el.state.phase === 'existing-target' && el.state.target.id).to.equal('tgt_existing');
  });

  it('fetches the existing target when the list read earlier does not hold it', async () => {
    const existing: TargetRecord = { ...SAMPLE_TARGETS.selfHostedConnected, id: 'tgt_later' };
    const { backend } = scripted({ records: [existing], saves: [exists('tgt_later')] });
    const el = await mount({ backend, endpoint: null });
    await toSave(el);
    await save(el);
    await phase(el, 'auth');
    button(el, msg('root.exists.open')).click();
    await phase(el, 'existing-target');
    expect(el.state.phase === 'existing-target' && el.state.target.id).to.equal('tgt_later');
    expect(el.targets.map((t) => t.id)).to.include('tgt_later');
  });

  it('shows every record it can, a record with a non-http link without the link, and says quietly how many were left out', async () => {
    const unsafe: TargetRecord = {
      ...SAMPLE_TARGETS.authRequired,
      error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'Expired.', action: { label: 'Renew the token', url: 'javascript:alert(1)' } },
    };
    const odd = { ...SAMPLE_TARGETS.revoked, id: 'tgt_odd', state: 'archived', history: undefined } as unknown as TargetRecord;
    const status: StatusResponse = { ...sampleStatus([SAMPLE_TARGETS.cloudConnected, unsafe, odd, SAMPLE_TARGETS.blocked]), omitted: 2 };
    const { backend } = scripted({ status, saves: [() => Promise.reject(new BackendError('BACKEND_UNAVAILABLE', 'x'))] });
    const el = await mount({ backend, endpoint: null });
    const list = textOf(part(el, 'pts-integration-status'));
    for (const t of [SAMPLE_TARGETS.cloudConnected, unsafe, odd, SAMPLE_TARGETS.blocked]) expect(list).to.contain(t.display_name!);
    expect(list).to.contain(msg('status.omitted', { count: 2 }));

    button(el, msg('status.reconnectLabel', { target: unsafe.display_name! })).click();
    await settle(el);
    // Reconnecting opens the credential step with the provider's action, as text: no javascript: link anywhere.
    await phase(el, 'auth-required');
    expect(textOf(el)).to.contain('Renew the token');
    expect(deep(el, 'a[href^="javascript:"]')).to.equal(null);
    expect(must(el, 'pts-auth')).to.exist;
  });
});
