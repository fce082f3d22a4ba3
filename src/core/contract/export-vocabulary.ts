/**
 * The export part of the contract as plain words and rules, without zod, so
 * the element's later steps and the flow machine never load the schemas.
 * The schemas in export.ts are built from these same lists.
 */
import type { ProviderId } from '../providers/types.js';
import type { ExportSettings } from './export.js';

/** Every kind of place a ticket can go, by its wire name. */
export const DESTINATION_LEVELS = [
  'workspace',
  'project',
  'issue_type',
  'repository',
  'board',
  'list',
  'team',
  'work_item_type',
  'space',
  'folder',
  'label',
] as const;
export type DestinationLevel = (typeof DESTINATION_LEVELS)[number];

/**
 * What the customer chooses, per provider, in order. The last level is where the
 * ticket is created; every earlier one narrows the next list.
 */
export const DESTINATION_PATHS: Readonly<Record<ProviderId, readonly DestinationLevel[]>> = {
  jira: ['project', 'issue_type'],
  github: ['repository'],
  gitlab: ['project'],
  bitbucket: ['repository'],
  trello: ['board', 'list'],
  linear: ['team'],
  'azure-devops': ['project', 'work_item_type'],
  youtrack: ['project'],
  asana: ['workspace', 'project'],
  clickup: ['workspace', 'space', 'folder', 'list'],
  webhook: [],
};

/** Levels a path may skip: a ClickUp list can sit directly in a space. */
export const OPTIONAL_LEVELS: ReadonlySet<DestinationLevel> = new Set<DestinationLevel>(['folder']);

/** Lists that refine a destination without being part of it (GitHub labels of a repository). */
export const EXTRA_LEVELS: Readonly<Partial<Record<ProviderId, DestinationLevel>>> = { github: 'label' };

/** What happens when a finding that already has a ticket is exported again. */
export const DUPLICATE_HANDLING = ['update', 'comment', 'skip'] as const;
export type DuplicateHandling = (typeof DUPLICATE_HANDLING)[number];

/** Webhook event types, Standard Webhooks style (dot-separated). */
export const WEBHOOK_EVENTS = ['finding.created', 'finding.updated', 'finding.resolved'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The event type of the one signed delivery a test export sends. */
export const WEBHOOK_TEST_EVENT = 'export.test';

/** Whether `levels` walks the provider's path from its first level to its last, skipping only optional levels. */
export function isCompletePath(provider: ProviderId, levels: readonly DestinationLevel[]): boolean {
  const path = DESTINATION_PATHS[provider];
  let at = 0;
  for (const level of path) {
    if (levels[at] === level) at++;
    else if (!OPTIONAL_LEVELS.has(level)) return false;
  }
  return at === levels.length;
}

/**
 * The wire name of the field at fault when settings do not fit the provider (a
 * webhook without events, a path that stops early, labels where there are none),
 * or undefined when they fit.
 */
export function exportSettingsProblem(provider: ProviderId, settings: ExportSettings): string | undefined {
  if (provider === 'webhook') {
    if (settings.destination.length > 0) return 'destination';
    return settings.events?.length ? undefined : 'events';
  }
  if (settings.events !== undefined) return 'events';
  if (settings.labels?.length && EXTRA_LEVELS[provider] !== 'label') return 'labels';
  if (settings.destination.length === 0 || !isCompletePath(provider, settings.destination.map((s) => s.level))) {
    return 'destination';
  }
  return undefined;
}
