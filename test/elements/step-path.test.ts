import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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
    expect(items[0]!.textContent).to.contain('Completed');
    expect(items[2]!.textContent).to.contain('Current step');
    expect(items[4]!.textContent).to.contain('Not started');
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
    expect(current.textContent).to.contain('Blocked');
    await accessible(el);
  });

  it('shows skipped steps as skipped, not completed, and never as a way back', async () => {
    const el = await fixture<PtsStepPath>(
      html`<pts-step-path current="target" navigable .skipped=${['provider-setup']}></pts-step-path>`,
    );
    const items = $$(el, 'li');
    expect(items.map((li) => li.className)).to.deep.equal(['complete', 'complete', 'complete', 'skipped', 'current']);
    expect(items[3]!.textContent).to.contain('Skipped').and.not.contain('Completed');
    expect(items[3]!.querySelector('button'), 'a skipped step is not a button').to.equal(null);
    expect(items[3]!.querySelector('.marker svg'), 'no check mark').to.exist;
    expect(items[3]!.querySelector('.marker')!.innerHTML).not.to.equal(items[0]!.querySelector('.marker')!.innerHTML);
    expect($$(el, 'button')).to.have.length(3);
    await accessible(el);
  });

  it('ignores a skipped current or later step', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="network" .skipped=${['network', 'target']}></pts-step-path>`);
    expect($$(el, 'li').map((li) => li.className)).to.deep.equal(['complete', 'complete', 'current', 'upcoming', 'upcoming']);
  });

  it('has no buttons unless navigable', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="target"></pts-step-path>`);
    expect($$(el, 'button')).to.have.length(0);
  });

  it('lets keyboard users return to a completed step when navigable', async () => {
    const el = await fixture<PtsStepPath>(html`<pts-step-path current="network" navigable></pts-step-path>`);
    const events = record(el, 'pts-step-select');
    const buttons = $$<HTMLButtonElement>(el, 'button');
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
