/**
 * Provider detail on demand. The summary ships up front; the detail (one file
 * per provider, one chunk for all, see `details.ts`) is imported the first
 * time a provider is asked for, or ahead of that with `preloadProviders`.
 */
import { assembleProvider } from './assemble.js';
import { PROVIDER_SUMMARIES } from './summary.js';
import type { Provider, ProviderId } from './types.js';

let details: Promise<typeof import('./details.js')> | undefined;
const loaded = new Map<ProviderId, Provider>();

/** The whole provider, loading the detail the first time; `undefined` for an id the catalog does not have. */
export async function loadProvider(id: ProviderId | string): Promise<Provider | undefined> {
  const summary = PROVIDER_SUMMARIES.find((p) => p.id === id);
  if (!summary) return undefined;
  const known = loaded.get(summary.id);
  if (known) return known;
  details ??= import('./details.js');
  let module: typeof import('./details.js');
  try {
    module = await details;
  } catch (error) {
    // A failed load (offline, a deploy replaced the chunks) may be tried again.
    details = undefined;
    throw error;
  }
  const provider = loaded.get(summary.id) ?? assembleProvider(summary, module.DETAILS[summary.id]);
  loaded.set(summary.id, provider);
  return provider;
}

/** The whole provider if its detail has loaded already, else `undefined`. */
export function loadedProvider(id: ProviderId | string): Provider | undefined {
  return loaded.get(id as ProviderId);
}

/** Loads every provider's detail; resolves when all have loaded (failures are left for the next ask). */
export async function preloadProviders(): Promise<void> {
  await Promise.allSettled(PROVIDER_SUMMARIES.map((p) => loadProvider(p.id)));
}
