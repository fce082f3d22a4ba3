/**
 * The React fixture (test/react/fixture.tsx), bundled with React 19 and
 * rendered in Chromium: the `@lit/react` wrapper and the plain tags set
 * objects as properties and hear every public event.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { msg } from '../../src/elements/messages/index.js';
import { DEFAULT_MOCK_ENDPOINT, startWorker } from '../../src/testing/index.js';
import { clickDeep, documentedEvents, embedFixture, eventProp, rendered } from '../support/embedding.js';

const BUNDLE = '/bundles/react.js';
const DOC_LINKS = { github: { 'fine_grained_pat.revoke': 'https://intranet.example.com/github-tokens' } };

describe('React fixture', () => {
  const fixture = embedFixture(BUNDLE, {
    endpoint: DEFAULT_MOCK_ENDPOINT,
    docLinks: DOC_LINKS,
    start: () => startWorker('cloud-ready'),
  });
  const { heard, byId } = fixture;

  it('renders the wrapped and the plain element against the backend', async () => {
    for (const id of ['wrapped', 'plain']) {
      const el = byId(id);
      expect(el.localName).to.equal('provider-target-setup');
      expect(customElements.get('provider-target-setup')).to.equal(el.constructor);
      await rendered(el, 'GitHub');
    }
  });

  it('sets objects and camelCase props as properties, never as "[object Object]"', () => {
    for (const id of ['wrapped', 'plain']) {
      const el = byId(id);
      expect(el.docLinks).to.deep.equal(DOC_LINKS);
      expect(el.getAttributeNames().filter((a) => a.toLowerCase().includes('doc'))).to.deep.equal([]);
      expect(el.endpoint).to.equal(DEFAULT_MOCK_ENDPOINT);
    }
    expect(byId('wrapped').headingLevel).to.equal(3);
  });

  it('calls the wrapper prop of every documented event, once, with the event', async () => {
    const names = await documentedEvents();
    const wrapped = byId('wrapped');
    for (const name of names) {
      // A stand-in with the shape of a target detail; the fixture shows the saved id.
      const event = new CustomEvent(name, { bubbles: true, composed: true, detail: { target: { id: 'tgt_react' } } });
      wrapped.dispatchEvent(event);
      const calls = heard.filter(([source, heardName]) => source === 'wrapper' && heardName === name);
      expect(calls.map(([, , e]) => e), `${eventProp(name)} for ${name}`).to.deep.equal([event]);
    }
    await waitUntil(() => fixture.container.querySelector('output')?.textContent === 'tgt_react', 'onTargetSaved did not update React state');
  });

  it('hears target-saved on the plain tag through React 19 `ontarget-saved`', () => {
    const event = new Event('target-saved');
    byId('plain').dispatchEvent(event);
    expect(heard).to.deep.equal([['plain', 'target-saved', event]]);
  });

  it('hears a real step change from the wrapped element', async () => {
    const wrapped = byId('wrapped');
    await rendered(wrapped, 'GitHub');
    clickDeep(wrapped, `button[aria-label="${msg('status.addLabel', { provider: 'GitHub' })}"]`);
    await waitUntil(() => heard.some(([, name]) => name === 'step-change'), 'no step-change reached onStepChange');
    const [, , event] = heard.find(([, name]) => name === 'step-change')!;
    expect((event as CustomEvent).detail).to.deep.equal({ step: 'deployment', previous: 'status' });
  });

  it('renders the plain pts-hint with its properties', async () => {
    const hint = byId('hint');
    expect(hint.label).to.equal('About tokens');
    expect(hint.placement).to.equal('bottom');
    await waitUntil(() => !!hint.shadowRoot?.childNodes.length, 'pts-hint never rendered');
  });
});
