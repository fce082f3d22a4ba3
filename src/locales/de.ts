/**
 * German, opt-in: importing this module (`provider-target-setup/locales/de`)
 * registers the German words without loading them. The first element that
 * renders with `lang="de"` (or `de-AT`, `de-CH`…) fetches them as their own
 * chunk and re-renders; until then it shows English. A host that wants German
 * on the very first paint awaits `loadGerman()` before showing the element.
 */
import { loadLazyMessages, registerLazyMessages } from '../elements/messages/lookup.js';

registerLazyMessages('de', () => import('./de/index.js').then((module) => module.de));

/** Loads the German words now; resolves once they are registered (never rejects). */
export function loadGerman(): Promise<void> {
  return loadLazyMessages('de');
}
