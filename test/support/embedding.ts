/**
 * Helpers for the tests that embed the element the way a host does (React,
 * Vue, the CDN build): they load their own bundled copy of the package, so
 * nothing here imports the elements.
 */
import { waitUntil } from '@open-wc/testing';

/** The open shadow root of `n`, if any. No `instanceof`: nodes may come from another window (an iframe). */
function shadowOf(n: Node): ShadowRoot | null {
  return n.nodeType === Node.ELEMENT_NODE ? (n as Element).shadowRoot : null;
}

/** Text of a node and every shadow root under it, whitespace collapsed. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    const shadow = shadowOf(n);
    if (shadow) walk(shadow);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Clicks the first element under `node` (shadow roots included) that matches `selector`. */
export function clickDeep(node: Node, selector: string): void {
  const find = (n: Node): HTMLElement | null => {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).matches(selector)) return n as HTMLElement;
    const shadow = shadowOf(n);
    const children = [...(shadow ? [shadow] : []), ...n.childNodes];
    for (const child of children) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const target = find(node);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.click();
}

/** Waits until the element has rendered `text` somewhere in its shadow tree. */
export async function rendered(el: Element, text: string): Promise<void> {
  await waitUntil(() => deepText(el).includes(text), `"${text}" never appeared in <${el.localName}>`, { timeout: 5000 });
}

interface ManifestDeclaration {
  tagName?: string;
  events?: Array<{ name: string }>;
}

/** The public events of `<provider-target-setup>`, as the shipped manifest documents them. */
export async function documentedEvents(): Promise<string[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: Array<{ declarations?: ManifestDeclaration[] }>;
  };
  const root = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'provider-target-setup');
  const names = (root?.events ?? []).map((e) => e.name);
  if (names.length === 0) throw new Error('the manifest documents no events for <provider-target-setup>');
  return names;
}

/** `target-saved` → `onTargetSaved`: the prop name frameworks use for an event. */
export function eventProp(name: string): string {
  return `on${name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase())}`;
}

/** What a framework fixture bundle exports. */
interface FixtureModule {
  mount(
    container: HTMLElement,
    props: { endpoint: string; docLinks: object; heard: (source: string, name: string, event: Event) => void },
  ): () => void;
}

export interface EmbeddedFixture {
  /** Every event a fixture handler heard since the test began: `[source, name, event]`. */
  readonly heard: Array<[string, string, Event]>;
  readonly container: HTMLElement;
  byId(id: string): HTMLElement & Record<string, unknown>;
}

/**
 * Registers mocha hooks: `start` once (the msw worker), then a fresh mount of
 * the fixture bundle before each test and an unmount after it.
 */
export function embedFixture(bundle: string, options: { endpoint: string; docLinks: object; start: () => Promise<unknown> }): EmbeddedFixture {
  const heard: Array<[string, string, Event]> = [];
  let container = document.createElement('div');
  let unmount: (() => void) | undefined;
  before(options.start);
  beforeEach(async () => {
    heard.length = 0;
    container = document.body.appendChild(document.createElement('div'));
    const { mount } = (await import(bundle)) as FixtureModule;
    unmount = mount(container, {
      endpoint: options.endpoint,
      docLinks: options.docLinks,
      heard: (source, name, event) => heard.push([source, name, event]),
    });
  });
  afterEach(() => {
    unmount?.();
    container.remove();
  });
  return {
    heard,
    get container() {
      return container;
    },
    byId: (id) => container.querySelector(`#${id}`) as HTMLElement & Record<string, unknown>,
  };
}
