/**
 * The provider catalog's summary: every provider with its editions and their
 * deployment modes, in the order the integration status lists them. This is
 * all the first screen needs, so it is all that ships before a provider is
 * chosen; each provider's detail (tenant and URL rules, auth methods, scopes,
 * revoke paths, limitations, version notes) lives in `detail/<provider>.ts`.
 */
import { deepFreeze } from './freeze.js';
import type { ProviderSummary } from './types.js';

export const PROVIDER_SUMMARIES: readonly ProviderSummary[] = /* @__PURE__ */ deepFreeze<ProviderSummary[]>([
  {
    id: 'jira',
    label: 'Jira',
    ticketNoun: 'issue',
    editions: [
      { id: 'jira-cloud', label: 'Jira Cloud', mode: 'cloud' },
      { id: 'jira-dc', label: 'Jira Data Center', mode: 'self-hosted' },
    ],
  },
  {
    id: 'github',
    label: 'GitHub',
    ticketNoun: 'issue',
    editions: [
      { id: 'github-com', label: 'GitHub.com', mode: 'cloud' },
      { id: 'ghe-com', label: 'GitHub Enterprise Cloud with data residency (GHE.com)', mode: 'cloud' },
      { id: 'ghes', label: 'GitHub Enterprise Server', mode: 'self-hosted' },
    ],
  },
  {
    id: 'gitlab',
    label: 'GitLab',
    ticketNoun: 'issue',
    editions: [
      { id: 'gitlab-com', label: 'GitLab.com', mode: 'cloud' },
      // Run by GitLab, so it is a cloud for the customer; but it may sit on the
      // customer's own domain, so the URL goes through the same server-side check.
      { id: 'gitlab-dedicated', label: 'GitLab Dedicated', mode: 'cloud' },
      { id: 'gitlab-self-managed', label: 'GitLab Self-Managed', mode: 'self-hosted' },
    ],
  },
  {
    id: 'bitbucket',
    label: 'Bitbucket',
    ticketNoun: 'issue',
    editions: [
      { id: 'bitbucket-cloud', label: 'Bitbucket Cloud', mode: 'cloud' },
      { id: 'bitbucket-dc', label: 'Bitbucket Data Center', mode: 'self-hosted' },
    ],
  },
  {
    id: 'trello',
    label: 'Trello',
    ticketNoun: 'card',
    editions: [
      { id: 'trello-cloud', label: 'Trello', mode: 'cloud' },
    ],
  },
  {
    id: 'linear',
    label: 'Linear',
    ticketNoun: 'issue',
    editions: [
      { id: 'linear-cloud', label: 'Linear', mode: 'cloud' },
    ],
  },
  {
    id: 'azure-devops',
    label: 'Azure DevOps (Azure Boards)',
    ticketNoun: 'work item',
    editions: [
      { id: 'azure-devops-services', label: 'Azure DevOps Services', mode: 'cloud' },
      { id: 'azure-devops-server', label: 'Azure DevOps Server', mode: 'self-hosted' },
    ],
  },
  {
    id: 'youtrack',
    label: 'YouTrack',
    ticketNoun: 'issue',
    editions: [
      { id: 'youtrack-cloud', label: 'YouTrack Cloud', mode: 'cloud' },
      { id: 'youtrack-server', label: 'YouTrack Server', mode: 'self-hosted' },
    ],
  },
  {
    id: 'asana',
    label: 'Asana',
    ticketNoun: 'task',
    editions: [
      { id: 'asana-cloud', label: 'Asana', mode: 'cloud' },
    ],
  },
  {
    id: 'clickup',
    label: 'ClickUp',
    ticketNoun: 'task',
    editions: [
      { id: 'clickup-cloud', label: 'ClickUp', mode: 'cloud' },
    ],
  },
  {
    id: 'webhook',
    label: 'Webhook endpoint',
    ticketNoun: 'event',
    editions: [
      { id: 'webhook', label: 'Webhook endpoint', mode: 'webhook' },
    ],
  },
]);
