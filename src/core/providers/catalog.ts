/**
 * The whole provider catalog, assembled from the summary and every provider's
 * detail, for code that needs it at once (the server, tests, hosts that import
 * `PROVIDERS`). Every fact comes from the provider research notes; where a
 * vendor address or label is not confirmed the link carries no URL and its
 * label says so, because a wrong revoke link is worse than none.
 */
import { assembleProvider } from './assemble.js';
import { DETAILS } from './details.js';
import { PROVIDER_SUMMARIES } from './summary.js';
import type { Provider } from './types.js';

export const CATALOG: readonly Provider[] = /* @__PURE__ */ Object.freeze(
  PROVIDER_SUMMARIES.map((summary) => assembleProvider(summary, DETAILS[summary.id])),
);
