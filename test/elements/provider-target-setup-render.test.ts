/**
 * <provider-target-setup>: what each step renders, the attributes and
 * properties, loading / empty / error states, registration and context.
 */
import { ContextConsumer } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { BackendError, ProviderTargetSetup, msg, registerMessages, setupContext, type Backend, type SetupContextValue } from '../../src/index.js';
import type { TargetRecord } from '../../src/core/contract/schemas.js';
import { addsInformation } from '../../src/elements/provider-target-setup/wording.js';
import { SAMPLE_TARGET_IDS } from '../../src/testing/index.js';
import {
  ENDPOINT,
  addProvider,
  button,
  chooseAllowlist,
  chooseEdition,
  confirmOwnership,
  confirmTenant,
  deep,
  deepAll,
  idle,
  mount,
  must,
  part,
  phase,
  press,
  runCheck,
  scenario,
  settle,
  spyBackend,
  textOf,
} from './provider-target-setup.fixtures.js';

function stepPath(el: ProviderTargetSetup): { current: string; blocked: boolean } {
  return part<LitElement & { current: string; blocked: boolean }>(el, 'pts-step-path');
}

function stepHeading(el: ProviderTargetSetup): string {
  return (el.shadowRoot?.querySelector('#step-heading')?.textContent ?? '').trim();
}

describe('<provider-target-setup> rendering', () => {
  before(() => scenario('self-hosted-ready'));

  it('loads /status and shows the integration status with every provider and an empty state', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    expect(el.state.phase).to.equal('status');
    expect(stepPath(el).current).to.equal('status');
    expect(stepHeading(el)).to.equal(msg('steps.status'));
    const status = part<LitElement & { targets: unknown[]; loading: boolean }>(el, 'pts-integration-status');
    expect(status.loading).to.equal(false);
    expect(status.targets).to.deep.equal([]);
    expect(textOf(el)).to.contain(msg('status.empty'));
    expect(el.state.env.portableExport).to.equal(true);
    expect(el.state.env.egressAddresses.length).to.be.greaterThan(0);
    expect(el.hasCustomState('loading')).to.equal(false);
    expect(el.hasCustomState('error')).to.equal(false);
  });

  it('walks every step of a self-hosted setup, one sub-element per step', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    await addProvider(el, 'Jira');
    expect(stepPath(el).current).to.equal('deployment');
    expect(stepHeading(el)).to.equal(msg('steps.deployment'));
    expect(part<LitElement & { provider: { id: string } }>(el, 'pts-deployment-mode').provider.id).to.equal('jira');

    await chooseEdition(el, 'jira-dc');
    expect(el.state.phase).to.equal('ownership');
    expect(stepPath(el).current).to.equal('network');
    expect(deep(el, 'pts-network-check')).to.exist;

    await confirmOwnership(el);
    expect(el.state.phase).to.equal('base-url');
    await runCheck(el, 'https://jira.example.com/jira/');
    await phase(el, 'allowlist');
    expect(textOf(el)).to.contain(msg('network.passed', { url: 'https://jira.example.com/jira' }));
    expect(deep(el, 'pts-network-check'), 'the URL field is gone once checked').to.equal(null);
    expect(part(el, 'pts-allowlist-status')).to.exist;

    await chooseAllowlist(el, 'allowlist');
    expect(el.state.phase).to.equal('auth');
    expect(stepPath(el).current).to.equal('network');
    const auth = part<LitElement & { method: string; credentialAllowed: boolean }>(el, 'pts-auth');
    expect(auth.method, 'the recommended method is preselected').to.equal('pat');
    expect(auth.credentialAllowed).to.equal(true);
    const readiness = part<LitElement & { items: Array<{ key: string; status: string }> }>(el, 'pts-readiness');
    expect(readiness.items.map((i) => i.key)).to.deep.equal([
      'cloud-target',
      'self-hosted-target',
      'allowlist',
      'credential-boundary',
      'fallback',
    ]);
    expect(readiness.items.find((i) => i.key === 'credential-boundary')?.status).to.equal('not-ready');
  });

  it('shows the tenant step for a cloud edition', async () => {
    await scenario('cloud-ready');
    const el = await mount({ provider: 'github' });
    await chooseEdition(el, 'github-com');
    expect(el.state.phase).to.equal('tenant');
    expect(stepPath(el).current).to.equal('network');
    const tenant = part<LitElement & { edition: { id: string } }>(el, 'pts-tenant');
    expect(tenant.edition.id).to.equal('github-com');
    expect(deep(el, 'pts-network-check')).to.equal(null);
    await confirmTenant(el, 'acme');
    expect(el.state.phase).to.equal('auth');
  });

  it('asks for a deployment mode before going on', async () => {
    const el = await mount({ provider: 'jira' });
    await press(el, msg('root.continue'));
    expect(el.state.phase).to.equal('edition');
    expect(textOf(el)).to.contain(msg('root.chooseMode'));
    expect(el.shadowRoot?.querySelector('[role=alert] span, .feedback.error')).to.exist;
  });

  it('preselects a provider from the provider attribute without a step-change event', async () => {
    let events = 0;
    const count = (): void => void events++;
    window.addEventListener('step-change', count);
    const el = await mount({ provider: 'gitlab' });
    window.removeEventListener('step-change', count);
    expect(el.state.phase).to.equal('edition');
    expect(stepPath(el).current).to.equal('deployment');
    expect(part<LitElement & { provider: { id: string } }>(el, 'pts-deployment-mode').provider.id).to.equal('gitlab');
    expect(events).to.equal(0);
  });

  it('follows a later change of the provider attribute while nothing is chosen', async () => {
    const el = await mount({ provider: 'gitlab' });
    el.provider = 'linear';
    await settle(el);
    expect(el.state.phase).to.equal('edition');
    expect(part<LitElement & { provider: { id: string } }>(el, 'pts-deployment-mode').provider.id).to.equal('linear');
  });

  it('opens a connected target from target-id at its ticket export overview, and offers revoke', async () => {
    await scenario('revoke');
    const el = await mount({ targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await phase(el, 'existing-target');
    expect(stepPath(el).current).to.equal('target');
    expect(deep(el, '[part~=export]'), 'the overview shows the export settings').to.exist;
    expect(textOf(el)).to.contain('Acme Jira');
    expect(() => must(el, 'button.danger')).not.to.throw();
    await press(el, msg('status.revoke'));
    expect(el.state.phase).to.equal('revoke-at-provider');
    expect(part(el, 'pts-revoke')).to.exist;
  });

  it('opens a target that needs auth straight at its auth step', async () => {
    await scenario('reconnect');
    const el = await mount({ targetId: SAMPLE_TARGET_IDS.authRequired });
    await phase(el, 'auth-required');
    expect(stepPath(el).current).to.equal('network');
    const auth = part<LitElement & { authRequired: boolean; action: { label: string } | null }>(el, 'pts-auth');
    expect(auth.authRequired).to.equal(true);
    expect(auth.action?.label).to.contain('fine-grained personal access token');
    expect(el.hasCustomState('blocked')).to.equal(true);
    expect(textOf(el)).to.contain(msg('root.reconnecting', { target: 'acme on GitHub' }));
  });

  it('asks the backend for a target it does not list and shows when it does not exist', async () => {
    await scenario('self-hosted-ready');
    const { backend, calls } = spyBackend();
    const el = await mount({ backend, targetId: 'tgt_missing' });
    await waitUntil(() => calls.some((c) => c.name === 'getTarget'));
    await idle(el);
    expect(el.state.phase).to.equal('status');
    expect(textOf(el)).to.contain(msg('error.TARGET_NOT_FOUND'));
    expect(el.hasCustomState('error')).to.equal(true);
  });

  it('uses the backend property over the endpoint attribute', async () => {
    await scenario('revoke');
    const { backend, calls } = spyBackend();
    const el = await mount({ backend, endpoint: '/not-the-backend' });
    expect(calls.map((c) => c.name)).to.deep.equal(['getStatus']);
    expect(el.targets.length).to.equal(2);
  });

  it('passes headers and the credentials mode to the endpoint backend', async () => {
    const mock = await scenario('self-hosted-ready');
    const seen: Array<{ csrf: string | null; mode: RequestCredentials }> = [];
    const onRequest = ({ request }: { request: Request }): void => {
      if (request.url.includes(ENDPOINT)) seen.push({ csrf: request.headers.get('x-csrf-token'), mode: request.credentials });
    };
    mock.worker.events.on('request:start', onRequest);
    try {
      const el = await fixture<ProviderTargetSetup>(html`<provider-target-setup
        endpoint=${ENDPOINT}
        credentials="include"
        .headers=${{ 'x-csrf-token': 'csrf-123' }}
      ></provider-target-setup>`);
      await idle(el);
    } finally {
      mock.worker.events.removeListener('request:start', onRequest);
    }
    expect(seen).to.deep.equal([{ csrf: 'csrf-123', mode: 'include' }]);
  });

  it('reloads /status when the backend changes', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    const { backend, calls } = spyBackend();
    el.backend = backend;
    await idle(el);
    expect(calls.map((c) => c.name)).to.deep.equal(['getStatus']);
  });

  it('gives every call a signal and aborts it when the element goes away', async () => {
    await scenario('self-hosted-ready');
    let signal: AbortSignal | undefined;
    const backend: Backend = {
      ...spyBackend().backend,
      getStatus: (options) => {
        signal = options?.signal;
        return new Promise(() => undefined);
      },
    };
    const el = await mount({ backend, settle: false });
    expect(el.hasCustomState('loading')).to.equal(true);
    expect(signal?.aborted).to.equal(false);
    el.remove();
    expect(signal?.aborted).to.equal(true);
  });

  it('aborts a URL check when its step is left and keeps the URL', async () => {
    await scenario('self-hosted-ready');
    const signals: AbortSignal[] = [];
    const real = spyBackend().backend;
    const backend: Backend = {
      ...real,
      checkUrl: (request, options) => {
        if (options?.signal) signals.push(options.signal);
        return new Promise(() => undefined);
      },
    };
    const el = await mount({ backend, provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.example.com/x');
    expect(el.state.phase).to.equal('checking');
    await press(el, msg('root.back'));
    expect(el.state.phase).to.equal('base-url');
    expect(signals.map((s) => s.aborted)).to.deep.equal([true]);
    expect(must<HTMLInputElement>(el, 'input#url').value).to.equal('https://jira.example.com/x');
  });

  it('offers a retry when a target cannot be fetched for a passing reason', async () => {
    await scenario('self-hosted-ready');
    let fail = true;
    const real = spyBackend().backend;
    const backend: Backend = {
      ...real,
      getTarget: (id, options) =>
        fail ? Promise.reject(new BackendError('BACKEND_UNAVAILABLE', 'down')) : real.getTarget(id, options),
    };
    const el = await mount({ backend, targetId: 'tgt_somewhere' });
    expect(textOf(el)).to.contain(msg('error.BACKEND_UNAVAILABLE'));
    fail = false;
    await press(el, msg('common.retry'));
    await idle(el);
    expect(textOf(el)).to.contain(msg('error.TARGET_NOT_FOUND'));
    expect(() => button(el, msg('common.retry'))).to.throw();
  });

  it('says so when no backend is configured', async () => {
    const el = await mount({ endpoint: null });
    expect(textOf(el)).to.contain(msg('root.noBackend'));
  });

  it('applies documentation-link overrides to the revoke location', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ provider: 'jira' });
    el.docLinks = { jira: { 'pat.revoke': 'https://intranet.example.com/jira-tokens' } };
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.example.com');
    await phase(el, 'allowlist');
    await chooseAllowlist(el, 'direct');
    // The revoke location shows once on this step, in the readiness checklist.
    const links = deepAll<HTMLAnchorElement>(part(el, 'pts-readiness'), 'a').map((a) => a.href);
    expect(links).to.include('https://intranet.example.com/jira-tokens');
  });

  it('takes per-message overrides and the lang of the element', async () => {
    registerMessages('de', { 'root.title': 'Ticket-Export-Ziel verbinden', 'steps.status': 'Integrationsstatus' });
    const el = await mount({ lang: 'de' });
    expect(textOf(el)).to.contain('Ticket-Export-Ziel verbinden');
    expect(stepHeading(el)).to.equal('Integrationsstatus');
    el.messages = { 'root.title': 'Zielsystem' };
    await settle(el);
    expect(textOf(el)).to.contain('Zielsystem');
    expect(textOf(part(el, 'pts-step-path'))).to.contain('Integrationsstatus');
  });

  it('registers safely twice, and under another tag', () => {
    expect(() => ProviderTargetSetup.define()).not.to.throw();
    ProviderTargetSetup.define('pts-setup-copy');
    expect(customElements.get('pts-setup-copy')).to.exist;
    expect(customElements.get('pts-auth')).to.exist;
    expect(document.createElement('provider-target-setup')).to.be.instanceOf(ProviderTargetSetup);
  });

  it('shares its state through context, replaced on every change', async () => {
    await scenario('self-hosted-ready');
    class Probe extends LitElement {
      seen: SetupContextValue[] = [];
      consumer = new ContextConsumer(this, {
        context: setupContext,
        subscribe: true,
        callback: (value) => void this.seen.push(value),
      });
    }
    customElements.define('pts-test-probe', Probe);
    const el = await fixture<ProviderTargetSetup>(html`<provider-target-setup endpoint=${ENDPOINT}
      ><pts-test-probe slot="footer"></pts-test-probe
    ></provider-target-setup>`);
    await idle(el);
    const probe = el.querySelector('pts-test-probe') as Probe;
    const first = probe.seen.at(-1);
    expect(first?.state).to.equal(el.state);
    first?.send({ type: 'select-provider', provider: first.providers.find((p) => p.id === 'jira')! });
    await settle(el);
    expect(el.state.phase).to.equal('edition');
    const latest = probe.seen.at(-1);
    expect(latest).not.to.equal(first);
    expect(latest?.state.phase).to.equal('edition');
    expect(Object.isFrozen(latest)).to.equal(true);
  });

  it('names the provider once on a target card when the edition is called the same', async () => {
    await scenario('self-hosted-ready');
    const { backend } = spyBackend();
    const linear: TargetRecord = {
      id: 'tgt_linear_acme',
      provider: 'linear',
      edition: 'linear-cloud',
      deployment_mode: 'cloud',
      display_name: 'Acme issues',
      state: 'connected',
      tenant: 'https://linear.app/acme',
      auth_method: 'oauth2',
      token_type: 'linear_oauth',
      scopes: ['read', 'write'],
      has_credentials: true,
      created_at: '2026-03-02T09:30:00Z',
      updated_at: '2026-03-02T09:30:00Z',
      history: [],
    };
    const withLinear: Backend = {
      ...backend,
      getStatus: async (options) => ({ ...(await backend.getStatus(options)), targets: [linear] }),
    };
    const el = await mount({ backend: withLinear, targetId: linear.id });
    await phase(el, 'existing-target');
    const line = textOf(must(el, '.target-head .muted'));
    expect(line).to.equal('Linear');
  });
});

describe('addsInformation: when a backend message is shown under the catalog sentence', () => {
  it('leaves out a message that restates what is shown', () => {
    expect(addsInformation('Bitbucket Cloud cannot hold tickets.', ['Bitbucket Cloud cannot receive tickets'])).to.equal(false);
    expect(
      addsInformation('Confirm that your organisation owns this server and authorises scanning and ticket export for it.', [
        'Confirm that your organisation owns the server and allows scans and exports.',
      ]),
    ).to.equal(false);
    expect(addsInformation('', ['anything'])).to.equal(false);
    expect(addsInformation(undefined, ['anything'])).to.equal(false);
  });

  it('keeps a message that names something new', () => {
    expect(
      addsInformation('Bitbucket Data Center has no issue tracker; its teams keep issues in Jira. Connect Jira Data Center instead.', [
        'Bitbucket Data Center cannot receive tickets',
      ]),
    ).to.equal(true);
    expect(addsInformation('Workspace issues are switched off in the repository settings.', ['This provider edition cannot receive tickets.'])).to.equal(true);
  });
});
