import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PROVIDERS } from '../../src/core/providers/index.js';
import type { Provider } from '../../src/core/providers/types.js';
import { PtsIntegrationStatus } from '../../src/elements/integration-status/integration-status.js';
import { msg } from '../../src/elements/messages/messages.js';
import { acme, hooks, target } from './fixtures.js';
import { $, $$, accessible, focused, record, text } from './helpers.js';

before(() => PtsIntegrationStatus.define());

const trello: Provider = { ...hooks, id: 'trello', label: 'Boards', editions: [{ ...acme.editions[0]!, id: 'boards-cloud' }] };
const providers = [acme, trello, hooks];

const targets = [
  target({ id: 'a', state: 'connected', display_name: 'Acme team site' }),
  target({ id: 'b', state: 'auth_required', tenant: 'https://ops.acme.example', error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'Approve the Acme app again.' } }),
  target({ id: 'c', state: 'blocked', edition: 'acme-server', deployment_mode: 'self-hosted', tenant: null, base_url: 'https://acme.internal.example' }),
  target({ id: 'd', state: 'revoked', has_credentials: false, display_name: 'Old site' }),
];

function row(el: PtsIntegrationStatus, label: string): HTMLElement {
  const found = $$(el, '[part~=provider]').find((p) => p.querySelector('.name')?.textContent === label);
  if (!found) throw new Error(`no row for ${label}`);
  return found;
}

describe('pts-integration-status', () => {
  it('lists every provider family of the catalog by default', async () => {
    const el = await fixture<PtsIntegrationStatus>(html`<pts-integration-status></pts-integration-status>`);
    expect($$(el, '[part~=provider]')).to.have.length(PROVIDERS.length);
    expect(PROVIDERS.length).to.equal(11);
    await accessible(el);
  });

  it('says which kinds of setup each provider needs', async () => {
    const el = await fixture<PtsIntegrationStatus>(html`<pts-integration-status .providers=${providers}></pts-integration-status>`);
    const setups = (label: string) => [...row(el, label).querySelectorAll('.setup')].map((s) => s.textContent!.trim());
    expect(setups('Acme Tracker')).to.deep.equal(['Cloud', 'Self-hosted']);
    expect(setups('Boards')).to.deep.equal(['Cloud']);
    expect(setups('Hooks')).to.deep.equal(['Webhook']);
  });

  it('shows an empty state and "Not connected" when nothing is saved', async () => {
    const el = await fixture<PtsIntegrationStatus>(html`<pts-integration-status .providers=${providers}></pts-integration-status>`);
    expect(text(el)).to.contain('No targets yet.');
    expect($$(el, '.badge').map((b) => b.textContent!.trim())).to.deep.equal(['Not connected', 'Not connected', 'Not connected']);
    await accessible(el);
  });

  it('shows each target’s state in words with the actions that fit it', async () => {
    const el = await fixture<PtsIntegrationStatus>(
      html`<pts-integration-status .providers=${providers} .targets=${targets}></pts-integration-status>`,
    );
    const rows = $$(el, '[part~=target]');
    expect(rows.map((r) => r.querySelector('.badge')!.textContent!.trim())).to.deep.equal(['Connected', 'Auth required', 'Blocked', 'Revoked']);
    const actions = rows.map((r) => [...r.querySelectorAll('button')].map((b) => b.textContent!.trim()));
    expect(actions).to.deep.equal([['Revoke'], ['Reconnect', 'Revoke'], ['Reconnect', 'Revoke'], ['Reconnect']]);
    expect(rows[1]!.textContent).to.contain('Approve the Acme app again.');
    expect(rows[2]!.textContent).to.contain('https://acme.internal.example').and.contain('Acme Server');
    expect(text(el)).to.contain('1 connected, 2 need attention');
    // A provider with targets does not also claim to be unconnected: its header counts them instead.
    expect(row(el, 'Acme Tracker').querySelector('.head .badge')?.textContent?.trim()).to.equal('4 saved');
    await accessible(el);
  });

  it('puts Add in the same place on every provider, beside a badge, with or without targets', async () => {
    const el = await fixture<PtsIntegrationStatus>(
      html`<div style="width: 720px"><pts-integration-status .providers=${providers} .targets=${[targets[0]!]}></pts-integration-status></div>`,
    ).then((w) => w.firstElementChild as PtsIntegrationStatus);
    await elementUpdated(el);
    const heads = $$(el, '[part~=provider] .head');
    const placement = heads.map((head) => {
      const add = head.querySelector('button')!;
      const before = add.previousElementSibling;
      const a = add.getBoundingClientRect();
      const b = before?.getBoundingClientRect();
      const h = head.getBoundingClientRect();
      return {
        badgeBefore: !!before?.classList.contains('badge'),
        right: Math.round(h.right - a.right),
        centred: !!b && Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) < 2,
      };
    });
    expect(placement.map((p) => p.badgeBefore), 'a badge right before Add').to.deep.equal([true, true, true]);
    expect(placement.map((p) => p.centred), 'Add level with its badge').to.deep.equal([true, true, true]);
    expect(new Set(placement.map((p) => p.right)).size, 'same distance from the right edge').to.equal(1);
    expect(row(el, 'Acme Tracker').querySelector('.head .badge')!.textContent!.trim()).to.equal('1 saved');
    expect(row(el, 'Boards').querySelector('.head .badge')!.textContent!.trim()).to.equal('Not connected');
  });

  it('fires add, reconnect and revoke with the provider and target ids', async () => {
    const el = await fixture<PtsIntegrationStatus>(
      html`<pts-integration-status .providers=${providers} .targets=${targets}></pts-integration-status>`,
    );
    const events = record(el, 'pts-status-add', 'pts-status-reconnect', 'pts-status-revoke');
    const rows = $$(el, '[part~=target]');
    row(el, 'Hooks').querySelector<HTMLButtonElement>('.head button')!.click();
    rows[1]!.querySelector<HTMLButtonElement>('button')!.click();
    rows[0]!.querySelector<HTMLButtonElement>('button')!.click();
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['pts-status-add', { provider: 'webhook' }],
      ['pts-status-reconnect', { provider: 'jira', targetId: 'b' }],
      ['pts-status-revoke', { provider: 'jira', targetId: 'a' }],
    ]);
    expect(events.every((e) => !e.composed)).to.equal(true);
  });

  it('names each button for screen readers and works from the keyboard', async () => {
    const el = await fixture<PtsIntegrationStatus>(
      html`<pts-integration-status .providers=${providers} .targets=${targets}></pts-integration-status>`,
    );
    const add = row(el, 'Acme Tracker').querySelector<HTMLButtonElement>('.head button')!;
    expect(add.getAttribute('aria-label')).to.equal('Add a target for Acme Tracker');
    const revoke = $$(el, '[part~=target]')[0]!.querySelector<HTMLButtonElement>('button')!;
    expect(revoke.getAttribute('aria-label')).to.equal('Revoke Acme team site');
    const events = record(el, 'pts-status-add', 'pts-status-revoke');
    add.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(revoke);
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => e.type)).to.deep.equal(['pts-status-revoke']);
  });

  it('shows a skeleton while loading, with no actions and a loading state', async () => {
    const el = await fixture<PtsIntegrationStatus>(html`<pts-integration-status .providers=${providers} loading></pts-integration-status>`);
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect($$(el, '.skeleton').length).to.be.greaterThan(0);
    expect($$(el, 'button')).to.have.length(0);
    expect($(el, '[role=status]')!.textContent).to.equal('Loading your targets…');
    expect(el.hasCustomState('loading')).to.equal(true);
    await accessible(el);
    el.loading = false;
    await elementUpdated(el);
    expect(el.hasCustomState('loading')).to.equal(false);
    expect($$(el, '[part~=provider]')).to.have.length(3);
  });

  it('shows a load error with a retry', async () => {
    const el = await fixture<PtsIntegrationStatus>(
      html`<pts-integration-status .providers=${providers} .error=${{ code: 'BACKEND_UNAVAILABLE' }}></pts-integration-status>`,
    );
    const alert = $(el, '[role=alert]')!;
    expect(alert.textContent).to.contain('Your targets could not be loaded.').and.contain('The service is unavailable right now.');
    expect(el.hasCustomState('error')).to.equal(true);
    const events = record(el, 'pts-status-retry');
    alert.querySelector('button')!.click();
    expect(events).to.have.length(1);
    await accessible(el);
  });

  it('keeps adding possible while the status fails, without claiming that nothing is connected', async () => {
    const el = await fixture<PtsIntegrationStatus>(
      html`<pts-integration-status .providers=${providers} .targets=${targets} .error=${{ code: 'BACKEND_UNAVAILABLE' }}></pts-integration-status>`,
    );
    const t = text(el);
    expect(t).not.to.contain('No targets yet');
    expect(t).not.to.contain('Not connected');
    // Stale targets are not shown as if they were current.
    expect($$(el, '[part~=target]')).to.have.length(0);
    const rows = $$(el, '[part~=provider]');
    expect(rows).to.have.length(3);
    const events = record(el, 'pts-status-add');
    rows[1]!.querySelector<HTMLButtonElement>('button')!.click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ provider: 'trello' }]);
    await accessible(el);
  });

  it('says the targets are not loaded (no backend yet) instead of showing an empty state', async () => {
    const el = await fixture<PtsIntegrationStatus>(html`<pts-integration-status .providers=${providers} targets-unknown></pts-integration-status>`);
    const t = text(el);
    expect(t).not.to.contain('No targets yet');
    expect(t).not.to.contain('Not connected');
    expect(t).to.contain(msg('status.notLoaded'));
    expect(el.hasCustomState('error')).to.equal(false);
    expect($$(el, '[part~=provider] button').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Add a target for Acme Tracker',
      'Add a target for Boards',
      'Add a target for Hooks',
    ]);
    await accessible(el);
  });

  it('spaces the info notice icon from its text', async () => {
    const el = await fixture<PtsIntegrationStatus>(html`<pts-integration-status .providers=${providers}></pts-integration-status>`);
    const notice = $(el, '.notice.info')!;
    const svg = notice.querySelector('svg')!.getBoundingClientRect();
    const body = notice.querySelector('.body')!.getBoundingClientRect();
    expect(body.left - svg.right).to.be.greaterThanOrEqual(8);
  });

  it('formats dates for the language in effect', async () => {
    const wrapper = await fixture(
      html`<div lang="de-DE"><pts-integration-status .providers=${[acme]} .targets=${[targets[0]]}></pts-integration-status></div>`,
    );
    const el = wrapper.querySelector('pts-integration-status')!;
    const expected = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(targets[0]!.updated_at));
    expect(text(el)).to.contain(expected);
  });
});
