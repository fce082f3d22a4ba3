import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PROVIDERS } from '../../src/core/providers/index.js';
import { PtsTenant } from '../../src/elements/tenant/tenant.js';
import { acme, cloudEdition } from './fixtures.js';
import { $, accessible, focused, record, text } from './helpers.js';

before(() => PtsTenant.define());

async function tenant(value = ''): Promise<PtsTenant> {
  return fixture<PtsTenant>(html`<pts-tenant .provider=${acme} .edition=${cloudEdition} .value=${value}></pts-tenant>`);
}

describe('pts-tenant', () => {
  it('labels the field with the catalog’s tenant wording', async () => {
    const el = await tenant();
    const input = $<HTMLInputElement>(el, '#tenant')!;
    expect(input.labels?.[0]?.textContent).to.equal('Acme site');
    expect(input.placeholder).to.equal('your-team');
    expect(text(el)).to.contain('The name in your Acme address.');
    await accessible(el);
  });

  it('previews the tenant URL once the value has the right shape', async () => {
    const el = await tenant();
    const events = record(el, 'pts-tenant-change');
    $<HTMLInputElement>(el, '#tenant')!.focus();
    await sendKeys({ type: 'team' });
    await elementUpdated(el);
    expect(text(el)).to.contain('Tickets go to https://team.acme.example');
    expect(events.at(-1)!.detail).to.deep.equal({ value: 'team', valid: true, confirmed: false });
  });

  it('flags a wrong shape after leaving the field', async () => {
    const el = await tenant();
    $<HTMLInputElement>(el, '#tenant')!.focus();
    await sendKeys({ type: 'No Spaces!' });
    await sendKeys({ press: 'Tab' });
    await elementUpdated(el);
    expect($(el, '#tenant-feedback')!.textContent).to.contain('This does not look like a valid “Acme site”.');
    expect($(el, '#tenant')!.getAttribute('aria-invalid')).to.equal('true');
    await accessible(el);
  });

  it('Enter with an empty value announces the error and keeps focus in the field', async () => {
    const el = await tenant();
    const submits = record(el, 'pts-tenant-submit');
    $<HTMLInputElement>(el, '#tenant')!.focus();
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    expect(submits).to.have.length(0);
    expect($(el, '#tenant-feedback [role=alert]')!.textContent).to.contain('Fill in “Acme site”.');
    expect(focused(el)?.id).to.equal('tenant');
  });

  it('Enter with a valid but unconfirmed value moves focus to the confirmation', async () => {
    const el = await tenant('team');
    $<HTMLInputElement>(el, '#tenant')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await elementUpdated(el);
    expect(focused(el)?.id).to.equal('confirm');
    expect($(el, '#confirm-error')!.getAttribute('role')).to.equal('alert');
    await sendKeys({ press: 'Space' });
    await elementUpdated(el);
    expect($(el, '#confirm-error')).to.equal(null);
    await accessible(el);
  });

  it('fires pts-tenant-submit once valid and confirmed', async () => {
    const el = await tenant('team');
    el.confirmed = true;
    await elementUpdated(el);
    const submits = record(el, 'pts-tenant-submit');
    $<HTMLInputElement>(el, '#tenant')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(submits.map((s) => s.detail)).to.deep.equal([{ value: 'team', valid: true, confirmed: true }]);
  });

  it('quotes the catalog’s field label in its sentences instead of capitalising it mid-sentence', async () => {
    const clouds = PROVIDERS.flatMap((p) => p.editions.filter((e) => e.tenant).map((e) => [p, e] as const));
    expect(clouds.length).to.be.greaterThan(5);
    for (const [provider, edition] of clouds) {
      const label = edition.tenant!.label;
      const el = await fixture<PtsTenant>(html`<pts-tenant .provider=${provider} .edition=${edition}></pts-tenant>`);
      el.validate();
      await elementUpdated(el);
      const sentences = [$(el, '#confirm')!.closest('label')!.textContent!, $(el, '#tenant-feedback')!.textContent!].map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      for (const sentence of sentences) {
        // "This Organisation or account belongs…" read as a typo; the label is a field name, so it is quoted.
        expect(sentence, edition.id).to.contain(`“${label}”`);
        expect(sentence.split(`“${label}”`).join(''), edition.id).not.to.contain(label);
      }
      expect(sentences[0]).to.equal(`What I entered as “${label}” belongs to my organisation.`);
    }
  });

  it('shows a backend validation error', async () => {
    const el = await fixture<PtsTenant>(
      html`<pts-tenant .provider=${acme} .edition=${cloudEdition} value="team" .error=${{ code: 'VALIDATION_FAILED' }}></pts-tenant>`,
    );
    expect($(el, '#tenant-feedback')!.textContent).to.contain('Some details are not valid.');
    await accessible(el);
  });
});
