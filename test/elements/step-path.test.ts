import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { PtsStepPath } from '../../src/elements/step-path/step-path.js';
import { $, $$, accessible, focused, record } from './helpers.js';

before(() => PtsStepPath.define());

describe('pts-step-path', () => {
  it('shows the five steps in order inside a labelled nav', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path></pts-step-path>`);
    expect($(el, 'nav')!.getAttribute('aria-label')).to.equal('Setup progress');
    expect($$(el, 'li .name').map((n) => n.textContent)).to.deep.equal([
      'Integration status',
      'Deployment mode',
      'Auth and network check',
      'Provider-specific setup',
      'Ticket export target',
    ]);
    await accessible(el);
  });

  it('marks only the current step with aria-current="step" and earlier ones as completed', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="network"></pts-step-path>`);
    const items = $$(el, 'li');
    expect(items.map((li) => li.getAttribute('aria-current'))).to.deep.equal([null, null, 'step', null, null]);
    expect(items.map((li) => li.className)).to.deep.equal(['complete', 'complete', 'current', 'upcoming', 'upcoming']);
    // State is said in words, not only by colour or the check mark.
    expect(items[0]!.textContent).to.contain('(completed)');
    expect(items[2]!.textContent).to.contain('(current step)');
    expect(items[4]!.textContent).to.contain('(not started)');
    await accessible(el);
  });

  it('follows the current property', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="deployment"></pts-step-path>`);
    el.current = 'target';
    await elementUpdated(el);
    expect($$(el, 'li').findIndex((li) => li.getAttribute('aria-current') === 'step')).to.equal(4);
  });

  it('shows a blocked current step in words', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="network" blocked></pts-step-path>`);
    const current = $(el, '[aria-current=step]')!;
    expect(current.className).to.equal('blocked');
    expect(current.textContent).to.contain('(blocked)');
    await accessible(el);
  });

  it('shows skipped steps as skipped, not completed, and never as a way back', async () => {
    const el = await fixture<PtsStepPath>(
      html`<pts-step-path current="target" navigable .skipped=${['provider-setup']}></pts-step-path>`,
    );
    const items = $$(el, 'li');
    expect(items.map((li) => li.className)).to.deep.equal(['complete', 'complete', 'complete', 'skipped', 'current']);
    expect(items[3]!.textContent).to.contain('(skipped)').and.not.contain('(completed)');
    expect(items[3]!.querySelector('button'), 'a skipped step is not a button').to.equal(null);
    expect(items[3]!.querySelector('.marker svg'), 'no check mark').to.exist;
    expect(items[3]!.querySelector('.marker')!.innerHTML).not.to.equal(items[0]!.querySelector('.marker')!.innerHTML);
    expect($$(el, 'ol button')).to.have.length(3);
    await accessible(el);
  });

  it('ignores a skipped current or later step', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="network" .skipped=${['network', 'target']}></pts-step-path>`);
    expect($$(el, 'li').map((li) => li.className)).to.deep.equal(['complete', 'complete', 'current', 'upcoming', 'upcoming']);
  });

  it('has no buttons unless navigable', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="target"></pts-step-path>`);
    expect($$(el, 'ol button')).to.have.length(0);
  });

  it('lets keyboard users return to a completed step when navigable', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="network" navigable></pts-step-path>`);
    const events = record(el, 'pts-step-select');
    const buttons = $$<HTMLButtonElement>(el, 'ol button');
    expect(buttons).to.have.length(2);
    buttons[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(buttons[1]);
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => e.detail)).to.deep.equal([{ step: 'deployment' }]);
    expect(events[0]!.composed).to.equal(false);
    await accessible(el);
  });

  it('takes per-message overrides', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path .messages=${{ 'steps.target': 'Save the target' }}></pts-step-path>`);
    expect($$(el, 'li .name').at(-1)!.textContent).to.equal('Save the target');
  });
});

describe('pts-step-path layout', () => {
  /** The step path in a box `width` pixels wide, in `dir`. */
  async function sized(width: number, dir: 'ltr' | 'rtl' = 'ltr', current = 'provider-setup'): Promise<PtsStepPath> {
    const box = await fixture<HTMLElement>(
      html`<div dir=${dir} style="width: ${width}px"><pts-step-path current=${current}></pts-step-path></div>`,
    );
    const el = box.firstElementChild as PtsStepPath;
    await el.updateComplete;
    return el;
  }

  /** For each step after the first: its connector lies between its own marker and the previous step's. */
  function connectorsBetweenMarkers(el: PtsStepPath): boolean[] {
    const items = $$(el, 'li');
    return items.slice(1).map((li, i) => {
      const line = li.querySelector('.connector')!.getBoundingClientRect();
      const own = li.querySelector('.marker')!.getBoundingClientRect();
      const before = items[i]!.querySelector('.marker')!.getBoundingClientRect();
      const [lo, hi] = own.left < before.left ? [own, before] : [before, own];
      return line.width > 0 && line.left >= lo.right - 1 && line.right <= hi.left + 1;
    });
  }

  it('runs left to right, each connector between two markers', async () => {
    const el = await sized(900);
    const markers = $$(el, 'li .marker').map((m) => m.getBoundingClientRect().left);
    expect(markers, 'first step leftmost').to.deep.equal([...markers].sort((a, b) => a - b));
    expect(connectorsBetweenMarkers(el)).to.deep.equal([true, true, true, true]);
  });

  it('mirrors in right-to-left text: the first step on the right, the connectors still between markers', async () => {
    const el = await sized(900, 'rtl');
    const markers = $$(el, 'li .marker').map((m) => m.getBoundingClientRect().left);
    expect(markers, 'first step rightmost').to.deep.equal([...markers].sort((a, b) => b - a));
    expect(connectorsBetweenMarkers(el)).to.deep.equal([true, true, true, true]);
  });

  it('stacks the connectors on the markers’ side in right-to-left text', async () => {
    const el = await sized(520, 'rtl');
    const items = $$(el, 'li');
    for (const li of items.slice(1)) {
      const line = li.querySelector('.connector')!.getBoundingClientRect();
      const marker = li.querySelector('.marker')!.getBoundingClientRect();
      expect(line.left, 'under the marker').to.be.within(marker.left, marker.right);
      expect(line.height).to.be.greaterThan(line.width);
    }
  });

  it('folds into one button below 480 px that says where the customer is, and opens the list', async () => {
    const el = await sized(360);
    const toggle = $<HTMLButtonElement>(el, '.toggle')!;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect($(el, '.toggle-text')!.textContent).to.equal('Step 4 of 5 · Provider-specific setup');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle($(el, 'ol')!).display).to.equal('none');
    toggle.click();
    await elementUpdated(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle($(el, 'ol')!).display).not.to.equal('none');
    await accessible(el);
    toggle.focus();
    await sendKeys({ press: 'Escape' });
    await elementUpdated(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle($(el, 'ol')!).display).to.equal('none');
    expect(focused(el)).to.equal(toggle);
  });

  it('keeps the full list above 480 px, without the button', async () => {
    const el = await sized(700);
    expect(getComputedStyle($(el, '.toggle')!).display).to.equal('none');
    expect(getComputedStyle($(el, 'ol')!).display).not.to.equal('none');
  });

  describe('under forced colours', () => {
    before(() => emulateMedia({ forcedColors: 'active' }));
    after(() => emulateMedia({ forcedColors: 'none' }));

    it('keeps the completed connector visible, apart from the ones still to come', async () => {
      const el = await sized(900);
      const items = $$(el, 'li');
      const colour = (li: HTMLElement) => getComputedStyle(li.querySelector('.connector')!).backgroundColor;
      const done = colour(items[1]!);
      const ahead = colour(items[4]!);
      for (const c of [done, ahead]) expect(c, 'painted').not.to.match(/rgba\(0, 0, 0, 0\)|transparent/);
      expect(done, 'completed and upcoming connectors differ').not.to.equal(ahead);
      const canvas = getComputedStyle(document.body).backgroundColor;
      expect(done, 'not the page colour').not.to.equal(canvas);
    });
  });
});
