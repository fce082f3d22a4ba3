/**
 * Theming from outside: every sub-element's parts reach the root's host
 * (exportparts), and the shared controls carry the shared part names.
 */
import { expect } from '@open-wc/testing';
import { addProvider, deepAll, mount, part, scenario } from './provider-target-setup.fixtures.js';

const BRAND = `
  provider-target-setup::part(button) { outline: 3px dotted rgb(1, 2, 3); }
  provider-target-setup::part(button-primary) { background-color: rgb(10, 120, 110); }
  provider-target-setup::part(check) { accent-color: rgb(200, 0, 100); }
  provider-target-setup::part(card) { border-top-color: rgb(7, 8, 9); }
  provider-target-setup::part(step-name) { color: rgb(250, 250, 240); }
  provider-target-setup::part(header) { --pts-color-text: rgb(240, 241, 242); background: rgb(11, 47, 44); }
`;

describe('theming with parts', () => {
  const style = document.createElement('style');
  before(async () => {
    await scenario('self-hosted-ready');
    style.textContent = BRAND;
    document.head.append(style);
  });
  after(() => style.remove());

  it('reaches buttons, cards and step names inside the sub-elements from the host page', async () => {
    const el = await mount();
    const status = part(el, 'pts-integration-status');
    const buttons = deepAll<HTMLButtonElement>(status, 'button');
    expect(buttons.length).to.be.greaterThan(0);
    for (const b of buttons) expect(getComputedStyle(b).outlineStyle, b.textContent ?? '').to.equal('dotted');
    const cards = deepAll(status, '.card');
    expect(cards.length).to.be.greaterThan(0);
    expect(getComputedStyle(cards[0]!).borderTopColor).to.equal('rgb(7, 8, 9)');
    const frame = el.shadowRoot!.querySelector('[part~=base]')!;
    expect([...frame.part], 'the frame is the base part, not one of the cards').not.to.include('card');
    const names = deepAll(part(el, 'pts-step-path'), '.name');
    expect(names.map((n) => getComputedStyle(n).color)).to.deep.equal(names.map(() => 'rgb(250, 250, 240)'));
  });

  it('names primary buttons and radio inputs of the later steps', async () => {
    const el = await mount();
    await addProvider(el, 'Jira');
    const radios = deepAll<HTMLInputElement>(part(el, 'pts-deployment-mode'), 'input[type=radio]');
    expect(radios.length).to.be.greaterThan(1);
    for (const r of radios) expect(getComputedStyle(r).accentColor).to.equal('rgb(200, 0, 100)');
    const primary = deepAll<HTMLButtonElement>(el, 'button.primary');
    expect(primary.length).to.be.greaterThan(0);
    for (const b of primary) expect(getComputedStyle(b).backgroundColor).to.equal('rgb(10, 120, 110)');
  });

  it('lets a dark header set the tokens the step path reads', async () => {
    const el = await mount();
    const step = part(el, 'pts-step-path');
    expect(getComputedStyle(step).getPropertyValue('--pts-color-text').trim()).to.equal('rgb(240, 241, 242)');
    const title = el.shadowRoot!.querySelector('#title')!;
    expect(getComputedStyle(title).color, 'the title reads the header token').to.equal('rgb(240, 241, 242)');
  });
});
