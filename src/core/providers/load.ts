/**
 * Provider detail on demand. The summary ships up front; each provider's detail
 * is its own module, imported the first time it is asked for and then kept, so
 * a bundler makes one small chunk per provider and a page pays only for the
 * providers a customer opens (or for all of them, at idle, with `preloadProviders`).
 */
import { assembleProvider } from './assemble.js';
import { PROVIDER_SUMMARIES } from './summary.js';
import type { Provider, ProviderDetail, ProviderId } from './types.js';

type DetailModule = Promise<{ default: ProviderDetail }>;

const DETAIL: Record<ProviderId, () => DetailModule> = {
  jira: () => import('./detail/jira.js'),
  github: () => import('./detail/github.js'),
  gitlab: () => import('./detail/gitlab.js'),
  bitbucket: () => import('./detail/bitbucket.js'),
  trello: () => import('./detail/trello.js'),
  linear: () => import('./detail/linear.js'),
  'azure-devops': () => import('./detail/azure-devops.js'),
  youtrack: () => import('./detail/youtrack.js'),
  asana: () => import('./detail/asana.js'),
  clickup: () => import('./detail/clickup.js'),
  webhook: () => import('./detail/webhook.js'),
};

const pending = new Map<ProviderId, Promise<Provider>>();
const loaded = new Map<ProviderId, Provider>();

/** The whole provider, loading its detail the first time; `undefined` for an id the catalog does not have. */
export function loadProvider(id: ProviderId | string): Promise<Provider | undefined> {
  const summary = PROVIDER_SUMMARIES.find((p) => p.id === id);
  if (!summary) return Promise.resolve(undefined);
  let load = pending.get(summary.id);
  if (!load) {
    load = DETAIL[summary.id]().then((module) => {
      const provider = assembleProvider(summary, module.default);
      loaded.set(summary.id, provider);
      return provider;
    });
    // A failed load (offline, a deploy replaced the chunks) may be tried again.
    load.catch(() => pending.delete(summary.id));
    pending.set(summary.id, load);
  }
  return load;
}

/** The whole provider if its detail has loaded already, else `undefined`. */
export function loadedProvider(id: ProviderId | string): Provider | undefined {
  return loaded.get(id as ProviderId);
}

/** Loads every provider's detail; resolves when all have loaded (failures are left for the next ask). */
export async function preloadProviders(): Promise<void> {
  await Promise.allSettled(PROVIDER_SUMMARIES.map((p) => loadProvider(p.id)));
}
