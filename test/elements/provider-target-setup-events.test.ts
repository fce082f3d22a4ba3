/**
 * <provider-target-setup>'s public events: names, classes, details, bubbling
 * and composition, the cancelable revoke request, and that nothing internal
 * leaves the root.
 */
import { expect, oneEvent } from '@open-wc/testing';
import {
  FallbackChosenEvent,
  StepChangeEvent,
  TargetBlockedEvent,
  TargetRevokedEvent,
  TargetRevokeRequestEvent,
  TargetSavedEvent,
  msg,
  type Backend,
  type ProviderTargetSetup,
  type TargetRecord,
} from '../../src/index.js';
import { SAMPLE_TARGET_IDS } from '../../src/testing/index.js';
import {
  JIRA_PAT,
  PUBLIC_EVENTS,
  addProvider,
  chooseEdition,
  confirmOwnership,
  deep,
  enterCredential,
  idle,
  listen,
  mount,
  mountAtSelfHostedAuth,
  must,
  part,
  phase,
  press,
  runCheck,
  scenario,
  selfHostedToAuth,
  settle,
  spyBackend,
  textOf,
  tick,
} from './provider-target-setup.fixtures.js';

async function toDisconnect(el: ProviderTargetSetup): Promise<void> {
  await phase(el, 'existing-target');
  await press(el, msg('status.revoke'));
  tick(must<HTMLInputElement>(part(el, 'pts-revoke'), '#ack'));
  await settle(el);
  expect(el.state.phase).to.equal('revoke-disconnect');
}

function disconnect(el: ProviderTargetSetup): void {
  must<HTMLButtonElement>(part(el, 'pts-revoke'), '[part~=disconnect]').click();
}

describe('<provider-target-setup> events', () => {
  it('step-change: on every step change, with the step and the one before', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    const heard = oneEvent<StepChangeEvent>(window, 'step-change');
    await addProvider(el, 'Jira');
    const event = await heard;
    expect(event).to.be.instanceOf(StepChangeEvent);
    expect(event.detail).to.deep.equal({ step: 'deployment', previous: 'status' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(el);
    expect(Object.isFrozen(event.detail)).to.equal(true);

    const { seen, stop } = listen('step-change');
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    stop();
    expect(seen.map((e) => (e as StepChangeEvent).detail)).to.deep.equal([{ step: 'network', previous: 'deployment' }]);
  });

  it('step-change: once for a jump back over several steps', async () => {
    const el = await mountAtSelfHostedAuth();
    const { seen, stop } = listen('step-change');
    const path = part(el, 'pts-step-path');
    [...(path.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(msg('steps.deployment')))?.click();
    await settle(el);
    stop();
    expect(el.state.phase).to.equal('edition');
    expect(seen.map((e) => (e as StepChangeEvent).detail)).to.deep.equal([{ step: 'deployment', previous: 'network' }]);
  });

  it('target-saved: after the backend stored the target, with the record; export-setup="external" ends the flow there', async () => {
    await scenario('self-hosted-ready', { latencyMs: 150 });
    const el = await mount({ exportSetup: 'external' });
    await selfHostedToAuth(el);
    await enterCredential(el, JIRA_PAT);
    const { seen, stop } = listen('target-saved');
    await press(el, msg('root.save'));
    expect(el.state.phase).to.equal('saving');
    expect(seen.length, 'nothing before the backend answers').to.equal(0);
    await phase(el, 'saved');
    stop();
    expect(seen.length).to.equal(1);
    const event = seen[0] as TargetSavedEvent;
    expect(event).to.be.instanceOf(TargetSavedEvent);
    expect(event.type).to.equal('target-saved');
    expect(event.bubbles && event.composed).to.equal(true);
    const target: TargetRecord = event.detail.target;
    expect(target.state).to.equal('connected');
    expect(target.base_url).to.equal('https://jira.example.com');
    expect(JSON.stringify(event.detail)).not.to.contain(JIRA_PAT);
    expect(() => {
      (event.detail.target as { state: string }).state = 'revoked';
    }).to.throw();
  });

  it('target-blocked: a blocked URL, with its checks and the draft', async () => {
    await scenario('url-blocked-private-network');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    const heard = oneEvent<TargetBlockedEvent>(window, 'target-blocked');
    await runCheck(el, 'https://jira.corp.example.com/jira/');
    const event = await heard;
    expect(event).to.be.instanceOf(TargetBlockedEvent);
    expect(event.composed && event.bubbles).to.equal(true);
    expect(event.detail.code).to.equal('PROVIDER_BASE_URL_BLOCKED');
    const failed = event.detail.checks?.find((c) => c.status === 'failed');
    expect(failed).to.include({ name: 'private_network', offender: '10.0.0.12' });
    expect(event.detail.draft).to.deep.equal({
      provider: 'jira',
      edition: 'jira-dc',
      deployment_mode: 'self-hosted',
      base_url: 'https://jira.corp.example.com/jira',
    });
  });

  it('target-blocked: each code the backend blocks a save with', async () => {
    const cases = [
      ['allowlist-missing', 'ALLOWLIST_STATUS_MISSING'],
      ['auth-required', 'PROVIDER_AUTH_REQUIRED'],
      ['provider-limitation', 'PROVIDER_LIMITATION'],
    ] as const;
    for (const [id, code] of cases) {
      const el = await mountAtSelfHostedAuth(id);
      await enterCredential(el, JIRA_PAT);
      const heard = oneEvent<TargetBlockedEvent>(window, 'target-blocked');
      await press(el, msg('root.save'));
      const event = await heard;
      expect(event.detail.code, id).to.equal(code);
      expect(event.detail.draft, id).to.include({
        provider: 'jira',
        edition: 'jira-dc',
        base_url: 'https://jira.example.com',
        allowlist_status: 'tunnel',
        auth_method: 'pat',
        token_type: 'jira_dc_pat',
      });
      expect(JSON.stringify(event.detail)).not.to.contain(JIRA_PAT);
      await idle(el);
      el.remove();
    }
  });

  it('target-blocked: ownership not settled', async () => {
    await scenario('ownership-unclear');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    const heard = oneEvent<TargetBlockedEvent>(window, 'target-blocked');
    await runCheck(el, 'https://jira.example.com');
    expect((await heard).detail.code).to.equal('OWNERSHIP_UNCONFIRMED');
  });

  it('target-revoke-request: cancelable; prevented, nothing is revoked', async () => {
    await scenario('revoke');
    const { backend, calls } = spyBackend();
    const el = await mount({ backend, targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await toDisconnect(el);
    const stopper = (e: Event): void => e.preventDefault();
    window.addEventListener('target-revoke-request', stopper, { once: true });
    const { seen, stop } = listen('target-revoke-request', 'target-revoked');
    disconnect(el);
    await settle(el);
    stop();
    expect(seen.map((e) => e.type)).to.deep.equal(['target-revoke-request']);
    const request = seen[0] as TargetRevokeRequestEvent;
    expect(request).to.be.instanceOf(TargetRevokeRequestEvent);
    expect(request.cancelable && request.defaultPrevented).to.equal(true);
    expect(request.detail.target.id).to.equal(SAMPLE_TARGET_IDS.cloudConnected);
    expect(calls.some((c) => c.name === 'revokeTarget')).to.equal(false);
    expect(el.state.phase).to.equal('revoke-disconnect');
    // The veto is told, politely, rather than the button doing nothing.
    const vetoed = msg('root.revokeVetoed');
    expect(textOf(el.shadowRoot!.querySelector('[role=status]')!)).to.equal(vetoed);
    expect(textOf(el.shadowRoot!.querySelector('.notice')!)).to.contain(vetoed);
    // A second try that the host allows goes through and the notice goes away.
    disconnect(el);
    await phase(el, 'revoked');
    expect(textOf(el)).not.to.contain(vetoed);
  });

  it('target-revoked: after the backend confirmed, with the record kept', async () => {
    await scenario('revoke');
    const el = await mount({ targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await toDisconnect(el);
    const { seen, stop } = listen('target-revoke-request', 'target-revoked');
    disconnect(el);
    await phase(el, 'revoked');
    stop();
    expect(seen.map((e) => e.type)).to.deep.equal(['target-revoke-request', 'target-revoked']);
    const event = seen[1] as TargetRevokedEvent;
    expect(event).to.be.instanceOf(TargetRevokedEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.target).to.include({ id: SAMPLE_TARGET_IDS.cloudConnected, state: 'revoked', has_credentials: false });
    expect(event.detail.target.history.at(-1)?.event).to.equal('revoked');
  });

  it('fallback-chosen: portable export from a blocked URL, once, in the format picked before confirming', async () => {
    await scenario('url-blocked-reserved-ip');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.example.org');
    await phase(el, 'url-blocked');
    const { seen, stop } = listen('fallback-chosen');
    await press(el, msg('network.blocked.export'));
    expect(el.state.phase).to.equal('fallback');
    expect(seen, 'two formats are offered: nothing is chosen before one is picked').to.deep.equal([]);
    expect(el.supportDetails()).to.contain('Portable export: not confirmed yet');

    const fallback = part(el, 'pts-fallback');
    must<HTMLInputElement>(fallback, 'input[value=json]').click();
    await settle(el);
    expect(seen).to.deep.equal([]);
    must<HTMLButtonElement>(fallback, '[part~=choose]').click();
    await settle(el);
    stop();
    expect(seen).to.have.length(1);
    const event = seen[0] as FallbackChosenEvent;
    expect(event).to.be.instanceOf(FallbackChosenEvent);
    expect(event.detail).to.deep.equal({
      draft: { provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', base_url: 'https://jira.example.org' },
      format: 'json',
    });
    // The chosen view states the format and the next step; the support text names the format.
    expect(textOf(fallback)).to.contain(msg('fallback.chosenAs', { format: 'JSON' })).and.contain(msg('fallback.next'));
    expect(deep(fallback, 'input[name=format]'), 'no form left to change silently').to.equal(null);
    expect(el.supportDetails()).to.contain('Portable export: chosen (format: json)');
  });

  it('fallback-chosen: the chosen view links the backend’s export address as the next step', async () => {
    await scenario('url-blocked-reserved-ip');
    const { backend } = spyBackend();
    const url = 'https://scanner.example/export';
    const withUrl: Backend = {
      ...backend,
      getStatus: async (options) => {
        const status = await backend.getStatus(options);
        return { ...status, portable_export: { ...status.portable_export, url } };
      },
    };
    const el = await mount({ backend: withUrl, provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.example.org');
    await phase(el, 'url-blocked');
    await press(el, msg('network.blocked.export'));
    must<HTMLButtonElement>(part(el, 'pts-fallback'), '[part~=choose]').click();
    await settle(el);
    const link = must<HTMLAnchorElement>(part(el, 'pts-fallback'), 'a');
    expect(link.getAttribute('href')).to.equal(url);
    expect(textOf(link)).to.contain(msg('fallback.open'));
  });

  it('fallback-chosen: carries the format picked in the fallback card', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ provider: 'bitbucket' });
    await chooseEdition(el, 'bitbucket-dc');
    const fallback = part(el, 'pts-fallback');
    must<HTMLInputElement>(fallback, 'input[value=json]').click();
    await settle(el);
    const heard = oneEvent<FallbackChosenEvent>(window, 'fallback-chosen');
    must<HTMLButtonElement>(fallback, '[part~=choose]').click();
    const event = await heard;
    expect(event.detail.format).to.equal('json');
    expect(event.detail.draft).to.deep.equal({ provider: 'bitbucket', edition: 'bitbucket-dc', deployment_mode: 'self-hosted' });
  });

  it('dispatches public events from the root host only, and no internal event escapes it', async () => {
    await scenario('self-hosted-ready');
    const internal = [
      'pts-step-select',
      'pts-status-add',
      'pts-mode-change',
      'pts-network-confirm',
      'pts-network-input',
      'pts-network-run',
      'pts-allowlist-change',
      'pts-auth-method-change',
      'pts-auth-credential-change',
      'pts-auth-submit',
    ];
    const leaked: string[] = [];
    const onInternal = (e: Event): void => void leaked.push(e.type);
    for (const name of internal) document.addEventListener(name, onInternal);
    const targets: Array<EventTarget | null> = [];
    const onPublic = (e: Event): void => void targets.push(e.composedPath()[0] ?? null);
    for (const name of PUBLIC_EVENTS) document.addEventListener(name, onPublic);
    try {
      const el = await mount();
      await selfHostedToAuth(el);
      await enterCredential(el, JIRA_PAT);
      await press(el, msg('root.save'));
      await phase(el, 'export-setup');
      expect(targets.length).to.be.greaterThan(3);
      expect(targets.every((t) => t === el)).to.equal(true);
    } finally {
      for (const name of internal) document.removeEventListener(name, onInternal);
      for (const name of PUBLIC_EVENTS) document.removeEventListener(name, onPublic);
    }
    expect(leaked).to.deep.equal([]);
  });
});
