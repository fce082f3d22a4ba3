/**
 * The CDN build (scripts/build-cdn.mjs) on a plain HTML page (test/cdn/page.html)
 * served as files: no bundler, no import map, no rewriting of imports. The
 * page's one module script must register and render the element by itself.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createHttpBackend } from '../../src/client/index.js';
import { DEFAULT_MOCK_ENDPOINT, startWorker } from '../../src/testing/index.js';
import { documentedEvents, rendered } from '../support/embedding.js';

async function openPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '900px';
  frame.style.blockSize = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/cdn/index.html';
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('CDN build', () => {
  let frame: HTMLIFrameElement;

  before(async () => {
    await startWorker('cloud-ready');
  });

  beforeEach(async () => {
    frame = await openPage();
  });

  afterEach(() => frame.remove());

  it('serves the entry with no bare import, only relative chunks', async () => {
    const source = await (await fetch('/cdn/provider-target-setup.js')).text();
    const specifiers = [...source.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(specifiers.length, 'the entry imports its chunks').to.be.greaterThan(0);
    expect(specifiers.filter((s) => !s.startsWith('./'))).to.deep.equal([]);
  });

  it('registers every tag from one module script', async () => {
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('provider-target-setup'), 'provider-target-setup was never defined');
    // The first step's tags come with the entry; the later steps' with their chunk, at idle.
    for (const tag of ['pts-step-path', 'pts-integration-status']) expect(win.customElements.get(tag), tag).to.be.a('function');
    await waitUntil(() => win.customElements.get('pts-auth') && win.customElements.get('pts-network-check'), 'the later steps were never defined');
  });

  it('renders the element and talks to a backend the host hands it', async () => {
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('provider-target-setup'), 'provider-target-setup was never defined');
    const el = win.document.querySelector('provider-target-setup') as HTMLElement & { backend?: unknown };
    expect(el.shadowRoot, 'the element upgraded and rendered').to.exist;
    // The page sets no endpoint; the test plays the host and hands over a backend (msw answers it).
    el.backend = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT });
    await rendered(el, 'GitHub');
  });

  it('dispatches the documented events from the CDN copy', async () => {
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('provider-target-setup'));
    const el = win.document.querySelector('provider-target-setup')!;
    const names = await documentedEvents();
    const heard: string[] = [];
    for (const name of names) win.document.addEventListener(name, () => heard.push(name));
    for (const name of names) el.dispatchEvent(new win.Event(name, { bubbles: true }));
    expect(heard).to.deep.equal(names);
  });
});
