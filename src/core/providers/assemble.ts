import { deepFreeze } from './freeze.js';
import type { Provider, ProviderDetail, ProviderSummary } from './types.js';

/**
 * A whole provider from its summary and its detail. The summary decides which
 * editions exist and their order; an edition on one side only is a catalog
 * error and throws, so tests catch it before anything ships.
 */
export function assembleProvider(summary: ProviderSummary, detail: ProviderDetail): Provider {
  const editions = summary.editions.map((edition) => {
    const more = detail.editions[edition.id];
    if (!more) throw new Error(`provider catalog: no detail for edition ${edition.id}`);
    return { ...edition, ...more };
  });
  for (const id of Object.keys(detail.editions)) {
    if (!summary.editions.some((e) => e.id === id)) throw new Error(`provider catalog: detail for unknown edition ${id}`);
  }
  const provider: Provider = { id: summary.id, label: summary.label, ticketNoun: summary.ticketNoun, editions, docs: detail.docs };
  if (detail.webhookSigning) provider.webhookSigning = detail.webhookSigning;
  return deepFreeze(provider);
}
