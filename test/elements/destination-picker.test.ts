import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DestinationItem } from '../../src/core/contract/index.js';
import { PtsDestinationPicker, type DestinationLoader } from '../../src/elements/destination-picker/destination-picker.js';
import { listLoader, PAGE_SIZE, type ListOptions } from '../../stories/support/destinations.js';
import { $, $$, accessible, focused, record, text } from './helpers.js';

before(() => PtsDestinationPicker.define());

async function picker(list: ListOptions | DestinationLoader = {}, value: DestinationItem | null = null): Promise<PtsDestinationPicker> {
  const load = typeof list === 'function' ? list : listLoader({ level: 'repository', prefix: 'acme/service', ...list });
  const el = await fixture<PtsDestinationPicker>(html`<pts-destination-picker level="repository" .load=${load} .value=${value}></pts-destination-picker>`);
  await waitUntil(() => !el.matches(':state(loading)'), 'first page');
  await el.updateComplete;
  return el;
}

const input = (el: PtsDestinationPicker) => $<HTMLInputElement>(el, 'input')!;
const options = (el: PtsDestinationPicker) => $$(el, '[role=option]');
const activeText = (el: PtsDestinationPicker) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? $(el, `#${id}`)?.querySelector('.name')?.textContent : null;
};

async function press(el: PtsDestinationPicker, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
  await el.updateComplete;
}

describe('pts-destination-picker', () => {
  it('is a labelled combobox whose listbox opens with ArrowDown, focus staying in the input', async () => {
    const el = await picker({ size: 3 });
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.labels?.[0]?.textContent?.trim()).to.equal('Repository');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    field.focus();
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect(field.getAttribute('aria-controls')).to.equal('listbox');
    expect(options(el).length).to.equal(3);
    expect(activeText(el)).to.equal('acme/service 0001');
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.equal('acme/service 0002');
    expect(focused(el)).to.equal(field);
    await accessible(el);
  });

  it('chooses with Enter and says so with one event; Escape closes without choosing', async () => {
    const el = await picker({ size: 3 });
    const chosen = record<{ item: DestinationItem }>(el, 'pts-destination-select');
    input(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(chosen).to.deep.equal([]);
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(chosen.map((e) => e.detail.item.id)).to.deep.equal(['repository-0002']);
    expect(chosen[0]!.composed).to.equal(false);
    expect(input(el).value).to.equal('acme/service 0002');
    expect(el.value?.id).to.equal('repository-0002');
  });

  it('keeps 5,000 items usable: one page in the DOM, the next loaded as the keyboard nears its end', async () => {
    const load = listLoader({ level: 'repository', prefix: 'acme/service', size: 5000 });
    const el = await picker(load);
    expect(load.calls).to.deep.equal([{ query: '', cursor: undefined }]);
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(options(el).length).to.equal(PAGE_SIZE);
    expect(text(el)).to.contain(`${PAGE_SIZE} shown, more on request`);
    await press(el, 'PageDown', 10);
    await waitUntil(() => options(el).length === 2 * PAGE_SIZE, 'second page');
    expect(load.calls[1]).to.deep.equal({ query: '', cursor: String(PAGE_SIZE) });
    await press(el, 'ArrowDown', 5);
    expect(activeText(el), 'past the first page').to.equal('acme/service 0105');
    expect(focused(el)).to.equal(input(el));
  });

  it('searches through the backend, after typing pauses, and chooses from the answer', async () => {
    const load = listLoader({ level: 'repository', prefix: 'acme/service', size: 5000 });
    const el = await picker(load);
    input(el).focus();
    await sendKeys({ type: '4999' });
    await waitUntil(() => load.calls.some((c) => c.query === '4999'), 'search sent');
    await waitUntil(() => options(el).length === 1, 'one match');
    expect(load.calls.filter((c) => c.query !== '').length, 'one request for the whole word').to.equal(1);
    const chosen = record<{ item: DestinationItem }>(el, 'pts-destination-select');
    await press(el, 'Enter');
    expect(chosen[0]?.detail.item.name).to.equal('acme/service 4999');
  });

  it('says when nothing matches the search', async () => {
    const el = await picker({ size: 3 });
    input(el).focus();
    await sendKeys({ type: 'zzz' });
    await waitUntil(() => text(el).includes('Nothing matches “zzz”.'), 'no match');
    await accessible(el);
  });

  it('shows why a list is empty with the provider’s exact action', async () => {
    const el = await picker({
      size: 0,
      empty: { reason: 'nothing_accessible', message: 'The installation can reach no repository.', action: { label: 'Configure the installation', url: 'https://github.com/settings/installations' } },
    });
    expect(text(el)).to.contain('The installation can reach no repository.');
    const link = $<HTMLAnchorElement>(el, '[part~=empty] a')!;
    expect(link.href).to.equal('https://github.com/settings/installations');
    expect(link.textContent).to.contain('Configure the installation');
    await accessible(el);
  });

  it('shows a failed list with its reason, and tries again', async () => {
    let fail = true;
    const ok = listLoader({ size: 2 });
    const load: DestinationLoader = (q, c, s) => (fail ? listLoader({ fail: 'NETWORK_UNREACHABLE' })(q, c, s) : ok(q, c, s));
    const el = await picker(load);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text(el)).to.contain('The list could not be loaded.');
    fail = false;
    $<HTMLButtonElement>(el, '.more button')!.click();
    await waitUntil(() => !el.matches(':state(error)') && !el.matches(':state(loading)'), 'retried');
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(options(el).length).to.equal(2);
    await accessible(el);
  });

  it('marks a missing required choice', async () => {
    const el = await picker({ size: 2 });
    el.invalid = true;
    await el.updateComplete;
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).to.contain('Choose a “Repository”.');
  });
});
