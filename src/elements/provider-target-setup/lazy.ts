/**
 * The later steps load on demand: their elements, templates and flow
 * transitions are one chunk, imported the first time the customer leaves the
 * integration status, or at idle after the first render, whichever comes
 * first. Registries the root was defined in get the later elements as soon as
 * they arrive.
 */
import type * as LaterModule from './later/index.js';

export type { LaterModule };

const registries = new Set<CustomElementRegistry>();
let later: Promise<typeof LaterModule> | undefined;
let loaded: typeof LaterModule | undefined;

/** Registers the later elements in `registry` now if they have loaded, else when they do. */
export function defineLaterIn(registry: CustomElementRegistry): void {
  registries.add(registry);
  loaded?.defineLaterElements(registry);
}

export function loadLater(): Promise<typeof LaterModule> {
  later ??= import('./later/index.js').then((module) => {
    loaded = module;
    for (const registry of registries) module.defineLaterElements(registry);
    return module;
  });
  // A failed load (offline, a deploy replaced the chunks) is tried again on the next need.
  later.catch(() => (later = undefined));
  return later;
}

/** Runs `task` when the browser is idle (soon after, where it cannot say). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 2000 });
  else setTimeout(task, 50);
}
