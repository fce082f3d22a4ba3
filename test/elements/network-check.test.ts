import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { UrlCheckEntry } from '../../src/core/contract/index.js';
import type { PtsHint } from '../../src/elements/hint/hint.js';
import { PtsNetworkCheck, type StaticFeedback, type UrlCheckView } from '../../src/elements/network-check/network-check.js';
import { acme, hookEdition, hooks, serverEdition } from './fixtures.js';
import { $, $$, accessible, focused, record, text } from './helpers.js';

before(() => PtsNetworkCheck.define());

const passedAll: UrlCheckEntry[] = ['scheme', 'private_network', 'reserved_ip', 'redirect', 'dns_rebinding', 'ownership'].map(
  (name) => ({ name, status: 'passed' }) as UrlCheckEntry,
);

const blocked: UrlCheckView = {
  status: 'blocked',
  normalized_url: 'https://acme.example.com',
  checks: [
    { name: 'ownership', status: 'skipped', detail: 'Not run after an earlier failure.' },
    { name: 'scheme', status: 'passed' },
    { name: 'private_network', status: 'failed', detail: 'acme.example.com resolves to a private address.', offender: '10.20.0.5' },
    { name: 'redirect', status: 'failed', offender: 'https://10.0.0.8/login' },
  ],
};

async function confirmed(props: Partial<PtsNetworkCheck> = {}): Promise<PtsNetworkCheck> {
  const el = await fixture<PtsNetworkCheck>(
    html`<pts-network-check .provider=${acme} .edition=${serverEdition} ownership-confirmed export-authorized></pts-network-check>`,
  );
  Object.assign(el, props);
  await elementUpdated(el);
  return el;
}

/** The hint whose button is named `label`, its button and its panel. */
function hintNamed(el: PtsNetworkCheck, label: string): { hint: PtsHint; button: HTMLButtonElement; panel: HTMLElement } {
  const hint = $$<PtsHint>(el, 'pts-hint').find((h) => h.shadowRoot?.querySelector('[part~=trigger]')?.getAttribute('aria-label') === label);
  if (!hint) throw new Error(`no hint named ${label}`);
  return {
    hint,
    button: hint.shadowRoot!.querySelector<HTMLButtonElement>('[part~=trigger]')!,
    panel: hint.shadowRoot!.querySelector<HTMLElement>('[part~=panel]')!,
  };
}

/** Waits until an opened hint has faded in, so axe judges its final colours. */
const shown = (hint: PtsHint) => Promise.all(hint.shadowRoot!.getAnimations().map((a) => a.finished));

async function typeUrl(el: PtsNetworkCheck, value: string): Promise<void> {
  $<HTMLInputElement>(el, '#url')!.focus();
  await sendKeys({ type: value });
  await elementUpdated(el);
}

describe('pts-network-check', () => {
  describe('confirmations before the URL', () => {
    it('has no URL field until both ownership and authorisation are confirmed', async () => {
      const el = await fixture<PtsNetworkCheck>(html`<pts-network-check .provider=${acme} .edition=${serverEdition}></pts-network-check>`);
      expect($(el, '#url')).to.equal(null);
      expect(text(el)).to.contain('Confirm both statements to enter the URL.');
      await accessible(el);
      el.ownershipConfirmed = true;
      await elementUpdated(el);
      expect($(el, '#url'), 'ownership alone').to.equal(null);
      el.ownershipConfirmed = false;
      el.exportAuthorized = true;
      await elementUpdated(el);
      expect($(el, '#url'), 'authorisation alone').to.equal(null);
    });

    it('shows the field once both boxes are ticked with the keyboard, and reports each change', async () => {
      const el = await fixture<PtsNetworkCheck>(html`<pts-network-check .provider=${acme} .edition=${serverEdition}></pts-network-check>`);
      const events = record(el, 'pts-network-confirm');
      el.focus();
      expect(focused(el)?.id).to.equal('ownership');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.id).to.equal('authorisation');
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
      expect(events.map((e) => e.detail)).to.deep.equal([
        { ownershipConfirmed: true, exportAuthorized: false },
        { ownershipConfirmed: true, exportAuthorized: true },
      ]);
      expect(events[0]!.composed).to.equal(false);
      const input = $<HTMLInputElement>(el, '#url')!;
      expect(input.labels?.[0]?.textContent).to.equal('Base URL');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(input);
    });

    it('removes the field again when a confirmation is withdrawn', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com' });
      $<HTMLInputElement>(el, '#authorisation')!.click();
      await elementUpdated(el);
      expect($(el, '#url')).to.equal(null);
    });

    it('names the endpoint, not a server, for webhooks', async () => {
      const el = await fixture<PtsNetworkCheck>(
        html`<pts-network-check .provider=${hooks} .edition=${hookEdition} ownership-confirmed export-authorized></pts-network-check>`,
      );
      expect(text(el)).to.contain('My organisation owns or operates this endpoint.');
      expect($<HTMLInputElement>(el, '#url')!.labels?.[0]?.textContent).to.equal('Endpoint URL');
    });
  });

  describe('explanations in hints', () => {
    it('registers pts-hint with the element, so it works on its own', () => {
      expect(customElements.get('pts-hint')).to.exist;
    });

    it('explains why it asks, beside the confirmations, by keyboard, returning focus on Escape', async () => {
      const el = await fixture<PtsNetworkCheck>(html`<pts-network-check .provider=${acme} .edition=${serverEdition}></pts-network-check>`);
      const { hint, button, panel } = hintNamed(el, 'Why we ask');
      expect(hint.closest('.locked'), 'next to the confirmations').to.exist;
      expect(hint.textContent).to.contain('send it the credential');
      // After the two boxes in tab order, so ticking them stays the first thing to do.
      el.focus();
      expect(focused(el)?.id).to.equal('ownership');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(hint);
      expect(hint.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await elementUpdated(hint);
      expect(panel.matches(':popover-open')).to.equal(true);
      await shown(hint);
      await accessible(el);
      await sendKeys({ press: 'Escape' });
      await elementUpdated(hint);
      expect(hint.open).to.equal(false);
      expect(hint.shadowRoot!.activeElement).to.equal(button);
      expect(focused(el)).to.equal(hint);
    });

    it('words the reason for a webhook endpoint', async () => {
      const el = await fixture<PtsNetworkCheck>(html`<pts-network-check .provider=${hooks} .edition=${hookEdition}></pts-network-check>`);
      expect(hintNamed(el, 'Why we ask').hint.textContent).to.contain('ticket events to this endpoint');
    });

    it('says what each server check means beside the checks’ heading', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', result: { status: 'passed', checks: passedAll } });
      const { hint, button, panel } = hintNamed(el, 'What the checks mean');
      expect(hint.closest('.results-head'), 'beside the heading').to.exist;
      const terms = [...hint.querySelectorAll('dt')].map((d) => d.textContent!.trim());
      expect(terms).to.deep.equal([
        'Secure scheme',
        'Public addresses only',
        'No reserved address',
        'Redirects stay safe',
        'DNS answers stay put',
        'Answers as Acme Tracker',
      ]);
      const meaning = hint.textContent!.replace(/\s+/g, ' ');
      expect(meaning).to.contain('Private, loopback and link-local').and.contain('DNS rebinding').and.contain('identity endpoint must answer as Acme Tracker');
      button.focus();
      await sendKeys({ press: 'Space' });
      await elementUpdated(hint);
      expect(panel.matches(':popover-open')).to.equal(true);
      await shown(hint);
      await accessible(el);
      await sendKeys({ press: 'Escape' });
      await elementUpdated(hint);
      expect(hint.shadowRoot!.activeElement).to.equal(button);
    });
  });

  describe('instant static feedback', () => {
    const cases: Array<[string, string]> = [
      ['http://acme.example.com', 'Use an https:// address.'],
      ['https://user:pw@acme.example.com', 'Remove the user name and password from the address.'],
      ['https://acme.example.com:0', 'This port is not allowed.'],
      ['acme.example.com', 'Enter a full address such as https://acme.example.com.'],
      // The core policy's literal-address and special-name verdicts, as typed.
      ['https://10.1.2.3', '10.1.2.3 is a private, loopback or link-local address.'],
      ['https://0x7f.1', '127.0.0.1 is a private, loopback or link-local address.'],
      ['https://printer.local', 'Local addresses such as printer.local cannot be used.'],
      ['https://acme.example.com\\@10.0.0.1', 'Remove \\ from the host part'],
      ['https://@acme.example.com', 'Remove the user name and password from the address.'],
      ['https://[::ffff:8.8.8.8]', '::ffff:808:808 is a reserved address and cannot be used.'],
    ];
    for (const [url, message] of cases) {
      it(`flags ${url} while typing`, async () => {
        const el = await confirmed();
        const inputs = record(el, 'pts-network-input');
        await typeUrl(el, url);
        await sendKeys({ press: 'Tab' });
        await elementUpdated(el);
        const feedback = $(el, '#url-feedback .feedback')!;
        expect(feedback.className).to.contain('error');
        expect(feedback.textContent).to.contain(message);
        expect($(el, '#url')!.getAttribute('aria-invalid')).to.equal('true');
        expect(inputs.at(-1)!.detail).to.deep.equal({ baseUrl: url });
      });
    }

    // Address-level verdicts come from the policy function the root passes in.
    const verdicts: Array<[StaticFeedback, string]> = [
      [{ ok: false, check: 'private_network', reason: 'address', offender: '10.1.2.3' }, '10.1.2.3 is a private, loopback or link-local address.'],
      [{ ok: false, check: 'reserved_ip', reason: 'address', offender: '240.0.0.1' }, '240.0.0.1 is a reserved address and cannot be used.'],
      [{ ok: false, check: 'private_network', reason: 'special-name', offender: 'x.localhost' }, 'Local addresses such as x.localhost cannot be used.'],
    ];
    for (const [verdict, message] of verdicts) {
      it(`words a ${verdict.ok ? '' : verdict.reason} verdict of the host’s static check`, async () => {
        const seen: string[] = [];
        const el = await confirmed({
          staticCheck: (value: string) => {
            seen.push(value);
            return verdict;
          },
        });
        await typeUrl(el, 'https://a');
        expect(seen.at(-1)).to.equal('https://a');
        const feedback = $(el, '#url-feedback .feedback')!;
        expect(feedback.className).to.contain('error');
        expect(feedback.textContent).to.contain(message);
      });
    }

    it('confirms a well-formed public URL', async () => {
      const el = await confirmed();
      await typeUrl(el, 'https://acme.example.com/tracker');
      const feedback = $(el, '#url-feedback .feedback')!;
      expect(feedback.className).to.contain('ok');
      expect(feedback.textContent).to.contain('Looks right.');
      await accessible(el);
    });

    it('keeps an unfinished address neutral until the field is left', async () => {
      const el = await confirmed();
      await typeUrl(el, 'acme');
      expect($(el, '#url-feedback .feedback')!.className).to.contain('neutral');
      await sendKeys({ press: 'Tab' });
      await elementUpdated(el);
      expect($(el, '#url-feedback .feedback')!.className).to.contain('error');
    });

  });

  describe('running checks', () => {
    it('fires pts-network-run on Enter with a valid URL', async () => {
      const el = await confirmed();
      const runs = record(el, 'pts-network-run');
      await typeUrl(el, '  https://acme.example.com ');
      await sendKeys({ press: 'Enter' });
      expect(runs.map((r) => r.detail)).to.deep.equal([{ baseUrl: 'https://acme.example.com' }]);
    });

    it('refuses to run with a static error: alert, focus on the field, no event', async () => {
      const el = await confirmed();
      const runs = record(el, 'pts-network-run');
      await typeUrl(el, 'http://acme.example.com');
      $<HTMLButtonElement>(el, '[part~=run]')!.click();
      await elementUpdated(el);
      await el.updateComplete;
      expect(runs).to.have.length(0);
      expect($(el, '#url-feedback [role=alert]')?.textContent).to.contain('Use an https:// address.');
      expect(focused(el)?.id).to.equal('url');
      await accessible(el);
    });

    it('asks for a URL when run empty', async () => {
      const el = await confirmed();
      $<HTMLButtonElement>(el, '[part~=run]')!.click();
      await elementUpdated(el);
      expect($(el, '#url-feedback [role=alert]')?.textContent).to.contain('Enter the URL first.');
    });

    it('lists every check as pending while the server works, and ignores another run', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', checking: true });
      const rows = $$(el, '[part~=checks] li');
      expect(rows).to.have.length(6);
      expect(rows.every((r) => r.className === 'pending' && r.textContent!.includes('Checking'))).to.equal(true);
      const run = $<HTMLButtonElement>(el, '[part~=run]')!;
      expect(run.getAttribute('aria-disabled')).to.equal('true');
      expect(el.hasCustomState('loading')).to.equal(true);
      expect($(el, '[role=status]')!.textContent).to.contain('Checking…');
      const runs = record(el, 'pts-network-run');
      run.click();
      expect(runs).to.have.length(0);
      await accessible(el);
    });

    it('shows the passed result with the normalised URL', async () => {
      const el = await confirmed({ baseUrl: 'https://ACME.example.com/', result: { status: 'passed', checks: passedAll, normalized_url: 'https://acme.example.com' } });
      const rows = $$(el, '[part~=checks] li');
      expect(rows.map((r) => r.className)).to.deep.equal(Array(6).fill('passed'));
      expect(rows[0]!.textContent).to.contain('Passed');
      expect(text(el)).to.contain('All checks passed for https://acme.example.com.');
      expect(el.hasCustomState('blocked')).to.equal(false);
      await accessible(el);
    });

    it('shows a failed check for the backend with a retry', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', error: { code: 'RATE_LIMITED' } });
      expect(text(el)).to.contain('Too many attempts.');
      expect(el.hasCustomState('error')).to.equal(true);
      const runs = record(el, 'pts-network-run');
      $<HTMLButtonElement>(el, '.notice.danger button')!.click();
      expect(runs.map((r) => r.detail)).to.deep.equal([{ baseUrl: 'https://acme.example.com' }]);
      await accessible(el);
    });
  });

  describe('a blocked URL', () => {
    it('lists checks in order with text outcomes and the offending address or hop', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', result: blocked, portableExport: true });
      const rows = $$(el, '[part~=checks] li');
      expect(rows.map((r) => r.className)).to.deep.equal(['passed', 'failed', 'failed', 'skipped']);
      expect(rows[1]!.textContent).to.contain('Public addresses only').and.contain('Failed');
      expect(rows[1]!.querySelector('.offender')!.textContent).to.match(/Offending address:\s*10\.20\.0\.5/);
      expect(rows[2]!.querySelector('.offender')!.textContent).to.match(/Offending redirect hop:\s*https:\/\/10\.0\.0\.8\/login/);
      expect(rows[3]!.textContent).to.contain('Skipped').and.contain('Answers as Acme Tracker');
      expect(el.hasCustomState('blocked')).to.equal(true);
      expect(text(el)).to.contain('Failed: Public addresses only and Redirects stay safe.');
    });

    it('words each outcome by the backend’s reason, not a bare "Failed"', async () => {
      const el = await confirmed({
        baseUrl: 'https://nowhere.example.com',
        result: {
          status: 'blocked',
          checks: [
            { name: 'scheme', status: 'passed' },
            { name: 'private_network', status: 'failed', reason: 'dns_failed', offender: 'nowhere.example.com' },
            { name: 'reserved_ip', status: 'skipped', reason: 'not_run' },
            { name: 'redirect', status: 'skipped', reason: 'some_future_reason' },
          ],
        },
      });
      const outcomes = $$(el, '[part~=checks] li .outcome').map((o) => o.textContent!.trim());
      expect(outcomes).to.deep.equal(['Passed', 'Host name not found', 'Not run', 'Skipped']);
      expect(outcomes, 'no bare "Failed" where the reason is known').not.to.include('Failed');
      expect(text(el)).to.contain('Failed: Public addresses only (Host name not found).');
    });

    it('labels each offender by what it is: address, host name, redirect hop, identity endpoint or value', async () => {
      const el = await confirmed({
        baseUrl: 'https://acme.example.com',
        result: {
          status: 'blocked',
          checks: [
            { name: 'scheme', status: 'failed', offender: 'http' },
            { name: 'private_network', status: 'failed', offender: 'printer.local' },
            { name: 'reserved_ip', status: 'failed', offender: '2001:db8::1' },
            { name: 'redirect', status: 'failed', offender: '192.168.10.5' },
            { name: 'dns_rebinding', status: 'failed', offender: '127.0.0.1' },
            { name: 'ownership', status: 'failed', offender: 'https://intranet.example.com/rest/api/2/serverInfo' },
          ],
        },
      });
      const labels = $$(el, '[part~=checks] .offender').map((o) => o.textContent!.replace(o.querySelector('code')!.textContent!, '').trim());
      expect(labels).to.deep.equal([
        'Offending value:',
        'Offending host name:',
        'Offending address:',
        'Offending address:',
        'Offending address:',
        'Identity endpoint:',
      ]);
    });

    it('names the ownership check of a webhook for what it is, skipped with the backend’s reason', async () => {
      const detail = 'Webhook endpoints have no identity endpoint to call; a signed test event proves the receiver.';
      const el = await fixture<PtsNetworkCheck>(
        html`<pts-network-check .provider=${hooks} .edition=${hookEdition} ownership-confirmed export-authorized .result=${{
          status: 'passed',
          checks: [...passedAll.slice(0, 5), { name: 'ownership', status: 'skipped', reason: 'no_identity', detail }],
        }}></pts-network-check>`,
      );
      const last = $$(el, '[part~=checks] li').at(-1)!;
      expect(last.className).to.equal('skipped');
      expect(last.querySelector('.check-name')!.textContent).to.equal('Receiver identity');
      expect(last.textContent).to.contain('Proved by a signed test event').and.contain(detail);
      expect(text(el)).to.contain('Every check that applies passed').and.not.contain('All checks passed');
      expect(text(el)).not.to.contain('Answers as Hooks');
      expect(hintNamed(el, 'What the checks mean').hint.textContent).to.contain('A signed test event, answered with a 2xx status');
    });

    it('lays the three ways on out in one row, or stacks them, never leaving one alone', async () => {
      const rows = async (width: number) => {
        const box = await fixture<HTMLElement>(
          html`<div style=${`width: ${width}px`}>
            <pts-network-check .provider=${acme} .edition=${serverEdition} ownership-confirmed export-authorized portable-export
              base-url="https://acme.example.com" .result=${blocked}></pts-network-check>
          </div>`,
        );
        const el = box.querySelector<PtsNetworkCheck>('pts-network-check')!;
        await elementUpdated(el);
        const boxes = $$(el, '.blocked button').map((b) => b.getBoundingClientRect());
        expect(boxes).to.have.length(3);
        return { tops: new Set(boxes.map((b) => Math.round(b.top))).size, widths: new Set(boxes.map((b) => Math.round(b.width))).size };
      };
      // About where the demo's card sits in a 900 px window: "Edit URL" used to wrap alone.
      for (const width of [420, 496, 540]) {
        const { tops, widths } = await rows(width);
        expect([tops, widths], `${width}px: stacked full width`).to.deep.equal([3, 1]);
      }
      expect((await rows(720)).tops, '720px: one row').to.equal(1);
    });

    it('moves focus to the summary and offers the three ways on', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', portableExport: true });
      el.result = blocked;
      await elementUpdated(el);
      expect(focused(el)?.id).to.equal('blocked-title');
      const events = record(el, 'pts-network-fallback', 'pts-network-cloud', 'pts-network-edit');
      const buttons = $$<HTMLButtonElement>(el, '.blocked button');
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Use portable export', 'Choose a cloud target', 'Edit URL']);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(buttons[0]);
      await sendKeys({ press: 'Enter' });
      buttons[1]!.click();
      expect(events.map((e) => e.type)).to.deep.equal(['pts-network-fallback', 'pts-network-cloud']);
      await accessible(el);
    });

    it('Edit URL clears the result and puts focus in the field', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', result: blocked });
      const events = record(el, 'pts-network-edit');
      $$<HTMLButtonElement>(el, '.blocked button').at(-1)!.click();
      await elementUpdated(el);
      await el.updateComplete;
      expect(events).to.have.length(1);
      expect(el.result).to.equal(null);
      expect($(el, '[part~=checks]')).to.equal(null);
      expect(focused(el)?.id).to.equal('url');
    });

    it('offers portable export only when available, and a cloud target only when the provider has one', async () => {
      const el = await fixture<PtsNetworkCheck>(
        html`<pts-network-check .provider=${hooks} .edition=${hookEdition} ownership-confirmed export-authorized .result=${blocked}></pts-network-check>`,
      );
      expect($$(el, '.blocked button').map((b) => b.textContent!.trim())).to.deep.equal(['Edit URL']);
    });

    it('drops the answer as soon as the URL is edited', async () => {
      const el = await confirmed({ baseUrl: 'https://acme.example.com', result: blocked });
      await typeUrl(el, 'x');
      expect(el.result).to.equal(null);
      expect($(el, '.blocked')).to.equal(null);
    });
  });
});

describe('pts-network-check focus on first render', () => {
  it('does not take focus for a block that is already there when it renders', async () => {
    PtsNetworkCheck.define();
    const el = await fixture<PtsNetworkCheck>(
      html`<pts-network-check .provider=${acme} .edition=${serverEdition} ownership-confirmed export-authorized .result=${{
        status: 'blocked',
        checks: [{ name: 'scheme', status: 'failed' }],
      }}></pts-network-check>`,
    );
    expect(focused(el)).to.equal(null);
  });
});
