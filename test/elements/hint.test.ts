import { elementUpdated, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { PtsHint } from '../../src/elements/hint/hint.js';
import { $, accessible, focused, record } from './helpers.js';

before(() => PtsHint.define());

const trigger = (el: PtsHint) => $<HTMLButtonElement>(el, '[part~=trigger]')!;
const panel = (el: PtsHint) => $<HTMLElement>(el, '[part~=panel]')!;

async function hint(): Promise<PtsHint> {
  const box = await fixture<HTMLElement>(html`<p>Egress addresses <pts-hint>The addresses the backend connects from.</pts-hint> <button>after</button></p>`);
  return box.querySelector<PtsHint>('pts-hint')!;
}

describe('pts-hint', () => {
  it('starts closed, with a named button that controls the panel in the same shadow root', async () => {
    const el = await hint();
    const button = trigger(el);
    expect(button.getAttribute('aria-label')).to.equal('More information');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const controlled = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!);
    expect(controlled).to.equal(panel(el));
    expect(panel(el).matches(':popover-open')).to.equal(false);
    expect(getComputedStyle(panel(el)).display).to.equal('none');
    await accessible(el);
  });

  it('opens with Enter in the top layer, beside the button', async () => {
    const el = await hint();
    const events = record(el, 'pts-hint-toggle');
    trigger(el).focus();
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el).matches(':popover-open')).to.equal(true);
    expect(events.map((e) => e.detail)).to.deep.equal([{ open: true }]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const b = trigger(el).getBoundingClientRect();
    const p = panel(el).getBoundingClientRect();
    // Placed above the button (or flipped below), horizontally overlapping it.
    expect(p.bottom <= b.top + 1 || p.top >= b.bottom - 1).to.equal(true);
    expect(p.left < b.right && p.right > b.left).to.equal(true);
    await accessible(el);
  });

  it('closes on Escape and returns focus to the button', async () => {
    const el = await hint();
    trigger(el).focus();
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    await sendKeys({ press: 'Escape' });
    await elementUpdated(el);
    expect(el.open).to.equal(false);
    expect(panel(el).matches(':popover-open')).to.equal(false);
    expect(focused(el)).to.equal(trigger(el));
    expect(document.activeElement).to.equal(el);
  });

  it('closes on Escape from a link inside the text, returning focus to the button', async () => {
    const box = await fixture<HTMLElement>(html`<div><pts-hint>See <a href="https://docs.example/x">the docs</a>.</pts-hint></div>`);
    const el = box.querySelector<PtsHint>('pts-hint')!;
    el.show();
    await elementUpdated(el);
    box.querySelector('a')!.focus();
    await sendKeys({ press: 'Escape' });
    await elementUpdated(el);
    expect(el.open).to.equal(false);
    expect(focused(el)).to.equal(trigger(el));
  });

  it('closes on a click elsewhere, leaving focus where the click put it', async () => {
    const el = await hint();
    el.show();
    await elementUpdated(el);
    const events = record(el, 'pts-hint-toggle');
    await sendMouse({ type: 'click', position: [2, 2] });
    await elementUpdated(el);
    expect(el.open).to.equal(false);
    expect(events.map((e) => e.detail)).to.deep.equal([{ open: false }]);
  });

  it('is not clipped by an ancestor with overflow: hidden', async () => {
    const box = await fixture<HTMLElement>(
      html`<div style="overflow: hidden; width: 60px; height: 30px; margin: 120px 0 0 120px; position: relative">
        <pts-hint placement="bottom">A long explanation that is much wider than the clipping box around the button.</pts-hint>
      </div>`,
    );
    const el = box.querySelector<PtsHint>('pts-hint')!;
    const opened = oneEvent(el, 'pts-hint-toggle');
    trigger(el).click();
    await opened;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const p = panel(el).getBoundingClientRect();
    const clip = box.getBoundingClientRect();
    expect(p.width).to.be.greaterThan(clip.width);
    expect(p.top).to.be.greaterThanOrEqual(clip.bottom - 6);
    // What is painted at the panel's centre is the panel (retargeted to its host), not the page below.
    const hit = document.elementFromPoint(p.left + p.width / 2, p.top + p.height / 2);
    expect(hit).to.equal(el);
  });

  it('hides its panel while the button is scrolled out of view, and shows it again when it is back', async () => {
    const box = await fixture<HTMLElement>(
      html`<div style="height: 120px; overflow: auto; margin-top: 160px">
        <p style="margin: 60px 0 0">Server checks <pts-hint placement="top">Why the backend connects only to public addresses.</pts-hint></p>
        <div style="height: 600px"></div>
      </div>`,
    );
    const el = box.querySelector<PtsHint>('pts-hint')!;
    el.show();
    await elementUpdated(el);
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frames();
    expect(getComputedStyle(panel(el)).visibility).to.equal('visible');

    box.scrollTop = 300;
    box.dispatchEvent(new Event('scroll'));
    await frames();
    // Still open (it comes back with its button), but nothing is painted over the unrelated content.
    expect(el.open).to.equal(true);
    expect(getComputedStyle(panel(el)).visibility).to.equal('hidden');
    const p = panel(el).getBoundingClientRect();
    const hit = document.elementFromPoint(p.left + p.width / 2, p.top + p.height / 2);
    expect(hit).not.to.equal(el);

    box.scrollTop = 0;
    box.dispatchEvent(new Event('scroll'));
    await frames();
    expect(getComputedStyle(panel(el)).visibility).to.equal('visible');
  });

  it('stops positioning and listening once removed', async () => {
    const el = await hint();
    el.show();
    await elementUpdated(el);
    el.remove();
    expect(el.open).to.equal(false);
    // A click after removal must not throw or reopen anything.
    await sendMouse({ type: 'click', position: [2, 2] });
    expect(el.open).to.equal(false);
  });

  it('takes its label from the host when given', async () => {
    const el = await fixture<PtsHint>(html`<pts-hint label="About egress addresses">x</pts-hint>`);
    expect(trigger(el).getAttribute('aria-label')).to.equal('About egress addresses');
  });
});
