/**
 * The whole provider catalog, assembled from the summary and every provider's
 * detail, for code that needs it at once (the server, tests, hosts that import
 * `PROVIDERS`). Every fact comes from the provider research notes; where a
 * vendor address or label is not confirmed the link carries no URL and its
 * label says so, because a wrong revoke link is worse than none.
 */
import { assembleProvider } from './assemble.js';
import asana from './detail/asana.js';
import azureDevOps from './detail/azure-devops.js';
import bitbucket from './detail/bitbucket.js';
import clickup from './detail/clickup.js';
import github from './detail/github.js';
import gitlab from './detail/gitlab.js';
import jira from './detail/jira.js';
import linear from './detail/linear.js';
import trello from './detail/trello.js';
import webhook from './detail/webhook.js';
import youtrack from './detail/youtrack.js';
import { PROVIDER_SUMMARIES } from './summary.js';
import type { Provider, ProviderDetail, ProviderId } from './types.js';

const DETAILS: Record<ProviderId, ProviderDetail> = {
  jira,
  github,
  gitlab,
  bitbucket,
  trello,
  linear,
  'azure-devops': azureDevOps,
  youtrack,
  asana,
  clickup,
  webhook,
};

export const CATALOG: readonly Provider[] = /* @__PURE__ */ Object.freeze(
  PROVIDER_SUMMARIES.map((summary) => assembleProvider(summary, DETAILS[summary.id])),
);
