import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PtsFallback } from '../../src/elements/fallback/fallback.js';
import { msg } from '../../src/elements/messages/index.js';
import { $, $$, accessible, focused, record, text } from './helpers.js';

before(() => PtsFallback.define());

describe('pts-fallback', () => {
  it('offers portable export with its formats', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback .formats=${['csv', 'json']}></pts-fallback>`);
    expect(text(el)).to.contain('Portable export').and.contain('no credential is stored');
    const radios = $$<HTMLInputElement>(el, 'input[name=format]');
    expect(radios.map((r) => [r.value, r.checked])).to.deep.equal([
      ['csv', true],
      ['json', false],
    ]);
    await accessible(el);
  });

  it('fires pts-fallback-choose with the format picked by keyboard', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback .formats=${['csv', 'json', 'sarif']}></pts-fallback>`);
    const events = record(el, 'pts-fallback-choose');
    $<HTMLInputElement>(el, 'input[value=csv]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await elementUpdated(el);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part~=choose]'));
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => e.detail)).to.deep.equal([{ format: 'sarif' }]);
    expect(events[0]!.composed).to.equal(false);
  });

  it('says why a live connection is not possible', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback reason="unreachable"></pts-fallback>`);
    expect(text(el)).to.contain('the server is not reachable');
  });

  it('shows the choice once made', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback chosen></pts-fallback>`);
    expect($(el, '[part~=choose]')).to.equal(null);
    expect(text(el)).to.contain('Portable export is selected.');
    await accessible(el);
  });

  it('once chosen, states the format and the next step instead of a form', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback chosen format="json" .formats=${['csv', 'json']}></pts-fallback>`);
    expect($$(el, 'input, button')).to.have.length(0);
    expect(text(el)).to.contain(msg('fallback.chosenAs', { format: 'JSON' })).and.contain(msg('fallback.next'));
    expect($(el, 'a')).to.equal(null);
    await accessible(el);
  });

  it('once chosen, links the export address as the next step', async () => {
    const el = await fixture<PtsFallback>(
      html`<pts-fallback chosen .formats=${['csv']} url="https://scanner.example/export"></pts-fallback>`,
    );
    expect(text(el)).to.contain(msg('fallback.chosenAs', { format: 'CSV' })).and.contain(msg('fallback.next.url'));
    const link = $<HTMLAnchorElement>(el, 'a')!;
    expect(link.getAttribute('href')).to.equal('https://scanner.example/export');
    expect(link.textContent).to.contain(msg('fallback.open'));
    await accessible(el);
  });

  it('hands focus from the choose button to the confirmation', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback .formats=${['csv', 'json']}></pts-fallback>`);
    el.addEventListener('pts-fallback-choose', () => (el.chosen = true));
    $<HTMLButtonElement>(el, '[part~=choose]')!.focus();
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    expect(focused(el)?.id).to.equal('chosen');
  });

  it('says when portable export is not available and offers nothing to press', async () => {
    const el = await fixture<PtsFallback>(html`<pts-fallback .available=${false} .formats=${['csv']}></pts-fallback>`);
    expect(text(el)).to.contain(msg('fallback.unavailable')).and.contain('does not offer it');
    // Nothing that reads like an offer: no choose button, no format, no "download findings" invitation.
    expect($$(el, 'button, input, a')).to.have.length(0);
    expect(text(el)).not.to.contain(msg('fallback.choose')).and.not.contain(msg('fallback.body'));
    await accessible(el);
  });

  it('can be switched off by attribute, as the property defaults to on', async () => {
    const off = await fixture<PtsFallback>(html`<pts-fallback available="false" .formats=${['csv']}></pts-fallback>`);
    expect(off.available).to.equal(false);
    expect($(off, '[part~=choose]')).to.equal(null);
    const on = await fixture<PtsFallback>(html`<pts-fallback available></pts-fallback>`);
    expect(on.available).to.equal(true);
    expect($(on, '[part~=choose]')).to.exist;
  });

  it('links the backend’s address only when it is http(s)', async () => {
    const good = await fixture<PtsFallback>(html`<pts-fallback url="https://scanner.example/export"></pts-fallback>`);
    expect($(good, 'a')!.getAttribute('href')).to.equal('https://scanner.example/export');
    const bad = await fixture<PtsFallback>(html`<pts-fallback url="javascript:alert(1)"></pts-fallback>`);
    expect($(bad, 'a')).to.equal(null);
  });
});
