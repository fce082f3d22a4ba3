import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ERROR_CODES } from '../../src/core/contract/index.js';
import { PtsElement } from '../../src/elements/base/pts-element.js';
import { defineSubElements, SUB_ELEMENTS } from '../../src/elements/define-sub-elements.js';
import { PtsStepPath } from '../../src/elements/step-path/step-path.js';
import { en } from '../../src/elements/messages/en.js';
import { SECTIONS } from '../../src/elements/messages/en.js';
import { formatNumber, msg, registerMessages } from '../../src/elements/messages/messages.js';
import { $$, text } from './helpers.js';

/** A tiny element to reach the protected helpers. */
class ProbeElement extends PtsElement {
  static override tag = 'pts-probe';
  fire(): void {
    this.emit('pts-hint-toggle', { open: true });
  }
  state(on: boolean): void {
    this.setCustomState('loading', on);
  }
  override render() {
    return html`<p>${this.t('steps.position', { index: 1234, total: 5 })}</p>`;
  }
}

describe('PtsElement', () => {
  describe('define()', () => {
    it('registers the default tag once and ignores a second call', () => {
      ProbeElement.define();
      expect(customElements.get('pts-probe')).to.equal(ProbeElement);
      expect(() => ProbeElement.define()).not.to.throw();
    });

    it('registers the same class under a second tag through a subclass', () => {
      ProbeElement.define();
      ProbeElement.define('pts-probe-two');
      const second = customElements.get('pts-probe-two')!;
      expect(second).not.to.equal(ProbeElement);
      expect(document.createElement('pts-probe-two')).to.be.instanceOf(ProbeElement);
    });

    it('leaves a tag someone else defined alone', () => {
      class Other extends HTMLElement {}
      customElements.define('pts-taken', Other);
      expect(() => PtsStepPath.define('pts-taken')).not.to.throw();
      expect(customElements.get('pts-taken')).to.equal(Other);
    });

    it('defineSubElements() registers every pts- tag and can run twice', () => {
      defineSubElements();
      defineSubElements();
      for (const element of SUB_ELEMENTS) {
        expect(element.tag).to.match(/^pts-[a-z-]+$/);
        expect(customElements.get(element.tag), element.tag).to.exist;
      }
    });
  });

  describe('internal events', () => {
    it('bubble inside the shadow tree but do not leave it', async () => {
      ProbeElement.define();
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      const probe = document.createElement('pts-probe') as ProbeElement;
      shadow.append(probe);
      const inside: Event[] = [];
      const outside: Event[] = [];
      shadow.addEventListener('pts-hint-toggle', (e) => inside.push(e));
      host.addEventListener('pts-hint-toggle', (e) => outside.push(e));
      document.addEventListener('pts-hint-toggle', (e) => outside.push(e));
      probe.fire();
      expect(inside).to.have.length(1);
      expect(outside).to.have.length(0);
      expect((inside[0] as CustomEvent).detail).to.deep.equal({ open: true });
    });
  });

  describe('custom states', () => {
    it('turns states on and off and matches :state()', async () => {
      ProbeElement.define();
      const probe = await fixture<ProbeElement>(html`<pts-probe></pts-probe>`);
      probe.state(true);
      expect(probe.hasCustomState('loading')).to.equal(true);
      expect(probe.matches(':state(loading)')).to.equal(true);
      probe.state(false);
      expect(probe.matches(':state(loading)')).to.equal(false);
    });
  });

  describe('colour scheme', () => {
    // The default text colours of the tokens, light and dark.
    const LIGHT_TEXT = 'rgb(21, 26, 35)';
    const DARK_TEXT = 'rgb(232, 235, 241)';
    const DARK_SURFACE = 'rgb(23, 27, 35)';
    const colour = (el: Element) => getComputedStyle(el).color;

    before(() => {
      ProbeElement.define();
      PtsStepPath.define();
    });
    afterEach(async () => {
      document.documentElement.style.removeProperty('color-scheme');
      await emulateMedia({ colorScheme: 'light' });
    });

    it('follows a dark page on a light system, down into nested shadow roots', async () => {
      await emulateMedia({ colorScheme: 'light' });
      document.documentElement.style.colorScheme = 'dark';
      const probe = await fixture<ProbeElement>(html`<pts-probe></pts-probe>`);
      expect(colour(probe)).to.equal(DARK_TEXT);
      const path = await fixture<PtsStepPath>(html`<pts-step-path></pts-step-path>`);
      const marker = $$(path, '.marker')[0]!;
      expect(getComputedStyle(marker).backgroundColor).to.equal(DARK_SURFACE);
    });

    it('stays light on a page without a colour scheme, even on a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const probe = await fixture<ProbeElement>(html`<pts-probe></pts-probe>`);
      expect(colour(probe)).to.equal(LIGHT_TEXT);
    });

    it('follows the system where the page itself offers light and dark', async () => {
      document.documentElement.style.colorScheme = 'light dark';
      await emulateMedia({ colorScheme: 'dark' });
      const probe = await fixture<ProbeElement>(html`<pts-probe></pts-probe>`);
      expect(colour(probe)).to.equal(DARK_TEXT);
      await emulateMedia({ colorScheme: 'light' });
      expect(colour(probe)).to.equal(LIGHT_TEXT);
    });

    it('lets --pts-color-scheme force a scheme against the page', async () => {
      document.documentElement.style.colorScheme = 'dark';
      const box = await fixture<HTMLElement>(html`<div style="--pts-color-scheme: light"><pts-probe></pts-probe></div>`);
      expect(colour(box.querySelector('pts-probe')!)).to.equal(LIGHT_TEXT);
      document.documentElement.style.colorScheme = 'light';
      const dark = await fixture<ProbeElement>(html`<pts-probe style="--pts-color-scheme: dark"></pts-probe>`);
      expect(colour(dark)).to.equal(DARK_TEXT);
    });
  });

  describe('language', () => {
    it('formats numbers for the nearest lang, across shadow roots, and follows changes', async () => {
      ProbeElement.define();
      const host = await fixture<HTMLElement>(html`<div lang="de"></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<section><pts-probe></pts-probe></section>';
      const probe = shadow.querySelector('pts-probe') as ProbeElement;
      await probe.updateComplete;
      expect(probe.resolvedLang).to.equal('de');
      expect(text(probe)).to.equal('Step 1.234 of 5');
      probe.setAttribute('lang', 'en-US');
      await elementUpdated(probe);
      expect(text(probe)).to.equal('Step 1,234 of 5');
    });

    it('uses a registered bundle for the language, falling back from region to language to English', async () => {
      registerMessages('xx', { 'steps.label': 'Fortschritt' });
      const el = await fixture<PtsStepPath>(html`<pts-step-path lang="xx-YY"></pts-step-path>`);
      expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Fortschritt');
      // Keys the bundle lacks stay English.
      expect($$(el, 'li .name')[0]!.textContent).to.equal('Integration status');
    });

    it('re-renders open elements when a bundle arrives', async () => {
      const el = await fixture<PtsStepPath>(html`<pts-step-path lang="zz"></pts-step-path>`);
      registerMessages('zz', { 'steps.status': 'Statut' });
      await elementUpdated(el);
      expect($$(el, 'li .name')[0]!.textContent).to.equal('Statut');
    });
  });
});

describe('msg()', () => {
  it('fills parameters as text, never as markup', async () => {
    const out = msg('status.addLabel', { provider: '<img src=x onerror=alert(1)>' });
    expect(out).to.equal('Add a target for <img src=x onerror=alert(1)>');
    PtsStepPath.define();
    const el = await fixture<PtsStepPath>(html`<pts-step-path .messages=${{ 'steps.status': '<b>bold</b>' }}></pts-step-path>`);
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect($$(el, 'li .name')[0]!.textContent).to.equal('<b>bold</b>');
  });

  it('lets overrides win over bundles and keeps unknown parameters visible', () => {
    registerMessages('fr', { 'steps.label': 'Progression' });
    expect(msg('steps.label', undefined, { lang: 'fr', overrides: { 'steps.label': 'Mine' } })).to.equal('Mine');
    expect(msg('steps.label', undefined, { lang: 'fr' })).to.equal('Progression');
    expect(msg('steps.position', { index: 1 } as never)).to.equal('Step 1 of {total}');
  });

  it('formats numbers and dates with Intl', () => {
    expect(formatNumber(1234.5, 'de')).to.equal('1.234,5');
    const date = new Date('2026-05-01T10:00:00Z');
    expect(msg('status.updated', { date }, { lang: 'en-GB' })).to.equal(
      `Updated ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date)}`,
    );
  });

  it('survives an invalid language tag', () => {
    expect(msg('steps.position', { index: 2, total: 5 }, { lang: 'not a tag!' })).to.equal('Step 2 of 5');
  });
});


describe('the English catalog', () => {
  it('has no key defined in two sections and no empty text', () => {
    const total = SECTIONS.reduce((n, s) => n + Object.keys(s).length, 0);
    expect(Object.keys(en).length).to.equal(total);
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.to.equal('');
  });

  it('words every error code', () => {
    for (const code of ERROR_CODES) expect(en[`error.${code}`], code).to.be.a('string');
  });
});
