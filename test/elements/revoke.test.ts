import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PtsRevoke } from '../../src/elements/revoke/revoke.js';
import { acme, oauthMethod, target, tokenMethod } from './fixtures.js';
import { $, accessible, focused, record, text } from './helpers.js';

before(() => PtsRevoke.define());

const saved = target({ id: 't9', display_name: 'Acme team site' });

async function revoke(): Promise<PtsRevoke> {
  return fixture<PtsRevoke>(html`<pts-revoke .provider=${acme} .method=${tokenMethod} .target=${saved}></pts-revoke>`);
}

describe('pts-revoke', () => {
  it('first says where to revoke at the provider, as a link that opens a new tab', async () => {
    const el = await revoke();
    expect(text(el)).to.contain('Revoke at Acme Tracker').and.contain('Remove the grant at Acme Tracker first');
    const link = $<HTMLAnchorElement>(el, '.where a')!;
    expect(link.getAttribute('href')).to.equal('https://acme.example/settings/tokens');
    expect(link.textContent).to.contain('Profile → Tokens → Revoke').and.contain('(opens in a new tab)');
    expect(link.rel).to.equal('noopener noreferrer');
    await accessible(el);
  });

  it('shows the location as text when the catalog has no address', async () => {
    const el = await fixture<PtsRevoke>(html`<pts-revoke .provider=${acme} .method=${oauthMethod} .target=${saved}></pts-revoke>`);
    expect($(el, '.where a')).to.equal(null);
    expect($(el, '.where')!.textContent).to.contain('Profile → Connected apps → Revoke');
  });

  it('refuses to disconnect before the confirmation: alert and focus on the box', async () => {
    const el = await revoke();
    const events = record(el, 'pts-revoke-confirm');
    const disconnect = $<HTMLButtonElement>(el, '[part~=disconnect]')!;
    expect(disconnect.textContent).to.contain('Disconnect Acme team site');
    disconnect.focus();
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect($(el, '#ack-error[role=alert]')!.textContent).to.contain('Confirm that you revoked the grant at Acme Tracker first.');
    expect(focused(el)?.id).to.equal('ack');
    await accessible(el);
  });

  it('disconnects after "I revoked it" is ticked, using only the keyboard', async () => {
    const el = await revoke();
    const events = record(el, 'pts-revoke-acknowledge', 'pts-revoke-confirm');
    $<HTMLInputElement>(el, '#ack')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part~=disconnect]'));
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['pts-revoke-acknowledge', { revokedAtProvider: true }],
      ['pts-revoke-confirm', { targetId: 't9', revokedAtProvider: true }],
    ]);
  });

  it('can be cancelled', async () => {
    const el = await revoke();
    const events = record(el, 'pts-revoke-cancel');
    $<HTMLButtonElement>(el, '.btn.ghost')!.click();
    expect(events).to.have.length(1);
  });

  it('ignores presses while the disconnect runs and says it is running', async () => {
    const el = await fixture<PtsRevoke>(
      html`<pts-revoke .provider=${acme} .method=${tokenMethod} .target=${saved} revoked-at-provider busy></pts-revoke>`,
    );
    const events = record(el, 'pts-revoke-confirm');
    const disconnect = $<HTMLButtonElement>(el, '[part~=disconnect]')!;
    expect(disconnect.getAttribute('aria-disabled')).to.equal('true');
    expect(disconnect.textContent).to.contain('Disconnecting…');
    disconnect.click();
    expect(events).to.have.length(0);
    expect(el.hasCustomState('loading')).to.equal(true);
    await accessible(el);
  });

  it('shows a failed disconnect', async () => {
    const el = await fixture<PtsRevoke>(
      html`<pts-revoke .provider=${acme} .method=${tokenMethod} .target=${saved} revoked-at-provider .error=${{ code: 'BACKEND_UNAVAILABLE' }}></pts-revoke>`,
    );
    expect($(el, '[role=alert]')!.textContent).to.contain('The service is unavailable right now.');
    expect(el.hasCustomState('error')).to.equal(true);
    await accessible(el);
  });

  it('confirms the disconnect once done', async () => {
    const el = await fixture<PtsRevoke>(html`<pts-revoke .provider=${acme} .target=${saved} revoked></pts-revoke>`);
    expect(text(el)).to.equal('Acme team site is disconnected.');
    await accessible(el);
  });
});
