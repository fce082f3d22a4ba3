import { expect } from '@open-wc/testing';

/** The element's shadow root, asserted present. */
export function root(el: Element): ShadowRoot {
  const r = el.shadowRoot;
  if (!r) throw new Error(`${el.localName} has no shadow root`);
  return r;
}

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return root(el).querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...root(el).querySelectorAll<T>(selector)];
}

/** The element focused inside `el`'s shadow root. */
export function focused(el: Element): Element | null {
  return root(el).activeElement;
}

/** Visible text of the shadow root, whitespace collapsed. */
export function text(el: Element): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every attribute value under a node, descending into open shadow roots. */
export function allAttributeValues(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n instanceof Element) {
      for (const attr of n.attributes) out.push(`${attr.name}=${attr.value}`);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out;
}

/** Records the details of the named events fired on `el`. */
export function record<T = unknown>(el: EventTarget, ...names: string[]): Array<{ type: string; detail: T; composed: boolean }> {
  const seen: Array<{ type: string; detail: T; composed: boolean }> = [];
  for (const name of names) {
    el.addEventListener(name, (e) => seen.push({ type: e.type, detail: (e as CustomEvent<T>).detail, composed: e.composed }));
  }
  return seen;
}

/** Waits for finite entrance animations (they fade content in), then runs axe. */
export async function accessible(el: Element): Promise<void> {
  const animations = (el.shadowRoot?.getAnimations() ?? []).filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
  await expect(el).to.be.accessible();
}
