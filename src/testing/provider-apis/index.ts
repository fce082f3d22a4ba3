/**
 * The simulated provider, in one place: each provider's API in the vendors'
 * documented shapes (one file per provider), the products' identity endpoints for
 * the URL check, a webhook receiver, and `createSimulatedProvider`, which answers
 * all of them at their real addresses. Web `(Request) => Promise<Response>`
 * handlers that msw, a service worker, the backend's `providerFetch` or a node:http
 * bridge can mount. Each takes the same scenario options: small, large (5,000) or
 * empty lists, destinations that refuse writes or cannot take tickets, and a
 * failure every call (or only the create) meets. One rule decides which
 * credentials are accepted (`accepts`).
 */
import type { ProviderId } from '../../core/providers/types.js';
import { createAsanaApi } from './asana.js';
import { createAzureDevOpsApi } from './azure-devops.js';
import { createBitbucketApi } from './bitbucket.js';
import { createClickupApi } from './clickup.js';
import { createGithubApi } from './github.js';
import { createGitlabApi } from './gitlab.js';
import { createJiraApi } from './jira.js';
import { createLinearApi } from './linear.js';
import type { ProviderApi, SimulationOptions } from './shared.js';
import { createTrelloApi } from './trello.js';
import { createWebhookReceiver } from './webhook.js';
import { createYoutrackApi } from './youtrack.js';

export { accepts, asFetch, REFUSED_CREDENTIAL_MARK, SIMULATED_TOKEN, SIZES } from './shared.js';
export { createSimulatedProvider, providerOf, SIMULATED_WEBHOOK_SECRET, type SimulatedProvider, type SimulatedProviderOptions } from './world.js';
export type { ProviderApi, SimulatedFailure, SimulationOptions } from './shared.js';
export { TRELLO_API_KEY } from './trello.js';
export type { ReceiverOptions } from './webhook.js';
export {
  createAsanaApi,
  createAzureDevOpsApi,
  createBitbucketApi,
  createClickupApi,
  createGithubApi,
  createGitlabApi,
  createJiraApi,
  createLinearApi,
  createTrelloApi,
  createWebhookReceiver,
  createYoutrackApi,
};

/** The simulated API of every provider that has one; a webhook gets a receiver instead. */
export const PROVIDER_APIS: Readonly<Record<Exclude<ProviderId, 'webhook'>, (options?: SimulationOptions) => ProviderApi>> = {
  jira: createJiraApi,
  github: createGithubApi,
  gitlab: createGitlabApi,
  bitbucket: createBitbucketApi,
  trello: createTrelloApi,
  linear: createLinearApi,
  'azure-devops': createAzureDevOpsApi,
  youtrack: createYoutrackApi,
  asana: createAsanaApi,
  clickup: createClickupApi,
};
