/**
 * The Vue fixture (test/vue/Fixture.vue), compiled and bundled with Vue 3 and
 * rendered in Chromium: `:docLinks` and `:docLinks.prop` set the property,
 * and `@target-saved` and friends hear every public event.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { DEFAULT_MOCK_ENDPOINT, startWorker } from '../../src/testing/index.js';
import { documentedEvents, embedFixture, rendered } from '../support/embedding.js';

const BUNDLE = '/bundles/vue.js';
const DOC_LINKS = { jira: { 'pat.revoke': 'https://intranet.example.com/jira-tokens' } };

describe('Vue fixture', () => {
  const fixture = embedFixture(BUNDLE, {
    endpoint: DEFAULT_MOCK_ENDPOINT,
    docLinks: DOC_LINKS,
    start: () => startWorker('cloud-ready'),
  });
  const { heard, byId } = fixture;

  it('renders both elements as custom elements against the backend', async () => {
    for (const id of ['camel', 'prop']) {
      const el = byId(id);
      expect(el.localName).to.equal('provider-target-setup');
      expect(customElements.get('provider-target-setup')).to.equal(el.constructor);
      await rendered(el, 'GitHub');
    }
  });

  it('sets docLinks as a property with :docLinks and with :docLinks.prop', () => {
    for (const id of ['camel', 'prop']) {
      const el = byId(id);
      expect(el.docLinks, id).to.deep.equal(DOC_LINKS);
      expect(el.hasAttribute('doc-links'), id).to.equal(false);
      expect(el.hasAttribute('docLinks'), id).to.equal(false);
    }
    expect(byId('camel').headingLevel).to.equal(3);
  });

  it('hears every documented event through its @event listener, once', async () => {
    const names = await documentedEvents();
    const camel = byId('camel');
    for (const name of names) {
      const event = new CustomEvent(name, { bubbles: true, composed: true, detail: { target: { id: 'tgt_vue' } } });
      camel.dispatchEvent(event);
      const calls = heard.filter(([source, heardName]) => source === 'camel' && heardName === name);
      expect(calls.map(([, , e]) => e), `@${name}`).to.deep.equal([event]);
    }
    await waitUntil(() => fixture.container.querySelector('output')?.textContent === 'tgt_vue', '@target-saved did not update Vue state');
  });

  it('hears target-saved on the element bound with .prop', () => {
    const event = new Event('target-saved');
    byId('prop').dispatchEvent(event);
    expect(heard).to.deep.equal([['prop', 'target-saved', event]]);
  });

  it('renders pts-hint with its attributes as properties', async () => {
    const hint = byId('hint');
    expect(hint.label).to.equal('About tokens');
    expect(hint.placement).to.equal('bottom');
    await waitUntil(() => !!hint.shadowRoot?.childNodes.length, 'pts-hint never rendered');
  });
});
