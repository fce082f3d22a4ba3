/**
 * Every provider's detail by id. One module, so a browser loads them in one
 * small chunk (about 10 kB min+gzip, where eleven chunks cost half as much
 * again in compression) when the first is needed or at idle.
 */
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
import type { ProviderDetail, ProviderId } from './types.js';

export const DETAILS: Readonly<Record<ProviderId, ProviderDetail>> = {
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
