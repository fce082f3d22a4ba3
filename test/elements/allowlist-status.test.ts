import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PtsAllowlistStatus } from '../../src/elements/allowlist-status/allowlist-status.js';
import type { PtsHint } from '../../src/elements/hint/hint.js';
import { $, $$, accessible, focused, record, text } from './helpers.js';

before(() => PtsAllowlistStatus.define());

const EGRESS = ['203.0.113.10', '2001:db8::7'];
const radios = (el: PtsAllowlistStatus) => $$<HTMLInputElement>(el, 'input[type=radio]');

/** Replaces navigator.clipboard for one test; returns what was written. */
function stubClipboard(write: (text: string) => Promise<void>): { written: string[]; restore: () => void } {
  const written: string[] = [];
  const own = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (t: string) => {
        written.push(t);
        return write(t);
      },
    },
  });
  return {
    written,
    restore: () => {
      if (own) Object.defineProperty(navigator, 'clipboard', own);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    },
  };
}

describe('pts-allowlist-status', () => {
  it('offers the four network paths with their explanations', async () => {
    const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status></pts-allowlist-status>`);
    expect(radios(el).map((r) => r.value)).to.deep.equal(['direct', 'tunnel', 'allowlist', 'unreachable']);
    expect(text(el)).to.contain('Customer-approved tunnel').and.contain('Firewall or VPN allowlist').and.contain('portable export still works');
    expect($(el, '[part~=addresses]')).to.equal(null);
    await accessible(el);
  });

  it('fires pts-allowlist-change and shows egress addresses for the allowlist choice', async () => {
    const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status .egressAddresses=${EGRESS}></pts-allowlist-status>`);
    const events = record(el, 'pts-allowlist-change');
    radios(el)[2]!.click();
    await elementUpdated(el);
    expect(events.map((e) => e.detail)).to.deep.equal([{ value: 'allowlist' }]);
    expect($$(el, '[part~=addresses] code').map((c) => c.textContent)).to.deep.equal(EGRESS);
    expect($$(el, '[part~=addresses] button').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Copy 203.0.113.10',
      'Copy 2001:db8::7',
    ]);
    await accessible(el);
  });

  it('explains tunnel and allowlist in a hint beside the question, by keyboard, returning focus on Escape', async () => {
    expect(customElements.get('pts-hint'), 'registered with the element').to.exist;
    const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status></pts-allowlist-status>`);
    const hint = $<PtsHint>(el, 'legend pts-hint')!;
    expect(hint, 'in the legend, beside the question').to.exist;
    const button = hint.shadowRoot!.querySelector<HTMLButtonElement>('[part~=trigger]')!;
    expect(button.getAttribute('aria-label')).to.equal('What tunnel and allowlist mean');
    expect([...hint.querySelectorAll('dt')].map((d) => d.textContent)).to.deep.equal(['Customer-approved tunnel', 'Firewall or VPN allowlist']);
    expect(hint.textContent).to.contain('egress addresses');
    // The group is named by the question alone, not by the hint's button or text.
    const fieldset = $(el, 'fieldset')!;
    expect(el.shadowRoot!.getElementById(fieldset.getAttribute('aria-labelledby')!)!.textContent).to.equal('How does the backend reach your server?');

    el.focus();
    expect(focused(el)).to.equal(radios(el)[0]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)).to.equal(hint);
    await sendKeys({ press: 'Enter' });
    await elementUpdated(hint);
    expect(hint.shadowRoot!.querySelector('[part~=panel]')!.matches(':popover-open')).to.equal(true);
    // The panel fades in; axe judges colours once it is fully shown.
    await Promise.all(hint.shadowRoot!.getAnimations().map((a) => a.finished));
    await accessible(el);
    await sendKeys({ press: 'Escape' });
    await elementUpdated(hint);
    expect(hint.open).to.equal(false);
    expect(hint.shadowRoot!.activeElement).to.equal(button);
    expect(el.value, 'Escape in the hint chose nothing').to.equal(null);
  });

  it('moves between choices with the arrow keys', async () => {
    const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status value="direct"></pts-allowlist-status>`);
    const events = record(el, 'pts-allowlist-change');
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(radios(el)[1]);
    expect(events.map((e) => e.detail)).to.deep.equal([{ value: 'tunnel' }]);
  });

  it('copies an address with the Clipboard API and announces it', async () => {
    const clip = stubClipboard(() => Promise.resolve());
    try {
      const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status value="allowlist" .egressAddresses=${EGRESS}></pts-allowlist-status>`);
      const events = record(el, 'pts-allowlist-copy');
      const button = $$<HTMLButtonElement>(el, '[part~=addresses] button')[1]!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => events.length === 1);
      await elementUpdated(el);
      expect(clip.written).to.deep.equal(['2001:db8::7']);
      expect(events[0]!.detail).to.deep.equal({ text: '2001:db8::7', ok: true });
      expect($(el, '[role=status]')!.textContent).to.equal('Copied 2001:db8::7');
      expect(button.textContent!.trim()).to.equal('Copied');
      expect(focused(el)).to.equal(button);
    } finally {
      clip.restore();
    }
  });

  it('copies all addresses at once', async () => {
    const clip = stubClipboard(() => Promise.resolve());
    try {
      const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status value="allowlist" .egressAddresses=${EGRESS}></pts-allowlist-status>`);
      const events = record(el, 'pts-allowlist-copy');
      $<HTMLButtonElement>(el, '.egress-head button')!.click();
      await waitUntil(() => events.length === 1);
      expect(clip.written).to.deep.equal(['203.0.113.10\n2001:db8::7']);
      await elementUpdated(el);
      expect($(el, '[role=status]')!.textContent).to.equal('Copied all addresses');
    } finally {
      clip.restore();
    }
  });

  it('falls back to a selection copy when the Clipboard API refuses', async () => {
    const clip = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const original = document.execCommand;
    const commands: string[] = [];
    document.execCommand = (command: string) => {
      commands.push(command);
      return true;
    };
    try {
      const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status value="allowlist" .egressAddresses=${EGRESS}></pts-allowlist-status>`);
      const events = record(el, 'pts-allowlist-copy');
      $$<HTMLButtonElement>(el, '[part~=addresses] button')[0]!.click();
      await waitUntil(() => events.length === 1);
      expect(commands).to.deep.equal(['copy']);
      expect(events[0]!.detail).to.deep.equal({ text: '203.0.113.10', ok: true });
      // The helper textarea is gone again.
      expect($(el, 'textarea')).to.equal(null);
    } finally {
      document.execCommand = original;
      clip.restore();
    }
  });

  it('says so when copying fails entirely', async () => {
    const clip = stubClipboard(() => Promise.reject(new Error('no')));
    const original = document.execCommand;
    document.execCommand = () => false;
    try {
      const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status value="allowlist" .egressAddresses=${EGRESS}></pts-allowlist-status>`);
      const events = record(el, 'pts-allowlist-copy');
      $$<HTMLButtonElement>(el, '[part~=addresses] button')[0]!.click();
      await waitUntil(() => events.length === 1);
      await elementUpdated(el);
      expect(events[0]!.detail).to.deep.equal({ text: '203.0.113.10', ok: false });
      expect($(el, '[role=status]')!.textContent).to.contain('Could not copy.');
    } finally {
      document.execCommand = original;
      clip.restore();
    }
  });

  it('explains when the backend reports no egress addresses', async () => {
    const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status value="allowlist"></pts-allowlist-status>`);
    expect(text(el)).to.contain('The backend reported no egress addresses.');
  });

  it('validate() reports a missing status, focuses the group and clears once chosen', async () => {
    const el = await fixture<PtsAllowlistStatus>(html`<pts-allowlist-status></pts-allowlist-status>`);
    expect(el.validate()).to.equal(false);
    await elementUpdated(el);
    await el.updateComplete;
    expect($(el, '#allowlist-error[role=alert]')!.textContent).to.contain('Choose how the backend reaches your server.');
    expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('allowlist-error');
    expect(focused(el)).to.equal(radios(el)[0]);
    expect(el.hasCustomState('error')).to.equal(true);
    await accessible(el);
    await sendKeys({ press: 'Space' });
    await elementUpdated(el);
    expect(el.value).to.equal('direct');
    expect($(el, '#allowlist-error')).to.equal(null);
    expect(el.validate()).to.equal(true);
  });
});
