/**
 * The ticket export part of the contract: where tickets go (a destination chosen
 * from lists the provider itself answers), how a finding that already has a ticket
 * is handled, which webhook events are delivered, and the result of one test export.
 * Stored on the same target record as the credential, so export, duplicate handling
 * and revoke use one provider record.
 */
import * as z from 'zod/mini';
import type { ProviderId } from '../providers/types.js';
import { ActionSchema, httpUrl, text, timestamp } from './primitives.js';

// ---------------------------------------------------------------- destinations

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

export const DestinationLevelSchema = z.enum(DESTINATION_LEVELS);

/** One chosen step of a destination, with the name shown when it was chosen. */
export const DestinationStepSchema = z.object({
  level: DestinationLevelSchema,
  id: text(200),
  name: text(300),
});
export type DestinationStep = z.infer<typeof DestinationStepSchema>;

export const ListDestinationsRequestSchema = z.object({
  /**
   * What to list: absent for the next level of the provider's path below `parent`
   * (the first level without a parent), or an extra level such as `label`.
   */
  level: z.optional(DestinationLevelSchema),
  /** The item chosen one step up; absent for the first level. */
  parent: z.optional(z.object({ level: DestinationLevelSchema, id: text(200) })),
  /** `next_cursor` of the previous page, unchanged. */
  cursor: z.optional(text(2000)),
  /** Narrows the list by name (case-insensitive, as the provider matches it). */
  query: z.optional(z.string().check(z.maxLength(200))),
});
export type ListDestinationsRequest = z.infer<typeof ListDestinationsRequestSchema>;

export const DestinationItemSchema = z.object({
  id: text(200),
  name: text(300),
  level: DestinationLevelSchema,
  /** A key, path or owner that tells items with the same name apart. */
  detail: z.optional(z.string().check(z.maxLength(300))),
  /** True when choosing it opens a further list (a Jira project's issue types). */
  has_children: z.boolean(),
});
export type DestinationItem = z.infer<typeof DestinationItemSchema>;

/** Why a list is empty: nothing the credential can reach, or nothing matches the query. */
export const EmptyReasonSchema = z.object({
  reason: z.enum(['nothing_accessible', 'no_match']),
  message: text(1000),
  /** The provider's exact action that makes destinations appear. */
  action: z.optional(ActionSchema),
});
export type EmptyReason = z.infer<typeof EmptyReasonSchema>;

export const DestinationPageSchema = z.object({
  items: z.array(DestinationItemSchema).check(z.maxLength(500)),
  /** Pass back as `cursor` for the next page; null on the last page. */
  next_cursor: z.nullable(text(2000)),
  /** Present when `items` is empty and there is no next page. */
  empty: z.optional(EmptyReasonSchema),
});
export type DestinationPage = z.infer<typeof DestinationPageSchema>;

// ---------------------------------------------------------------- export settings

/** What happens when a finding that already has a ticket is exported again. */
export const DUPLICATE_HANDLING = ['update', 'comment', 'skip'] as const;
export type DuplicateHandling = (typeof DUPLICATE_HANDLING)[number];

/** Webhook event types, Standard Webhooks style (dot-separated). */
export const WEBHOOK_EVENTS = ['finding.created', 'finding.updated', 'finding.resolved'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The event type of the one signed delivery a test export sends. */
export const WEBHOOK_TEST_EVENT = 'export.test';

export const ExportSettingsSchema = z.object({
  /** The chosen path, first level first; empty for webhooks. */
  destination: z.array(DestinationStepSchema).check(z.maxLength(5)),
  /** Labels put on every ticket (GitHub). */
  labels: z.optional(z.array(text(100)).check(z.maxLength(20))),
  duplicates: z._default(z.enum(DUPLICATE_HANDLING), 'update'),
  /** Webhooks: which events are delivered. */
  events: z.optional(z.array(z.enum(WEBHOOK_EVENTS)).check(z.minLength(1), z.maxLength(WEBHOOK_EVENTS.length))),
});
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;
export type ExportSettingsInput = z.input<typeof ExportSettingsSchema>;

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

// ---------------------------------------------------------------- test export

/** The codes a test export can fail with, each shown with its action. */
export const TEST_EXPORT_ERROR_CODES = [
  'PROVIDER_AUTH_REQUIRED',
  'DESTINATION_NOT_WRITABLE',
  'NETWORK_UNREACHABLE',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_LIMITATION',
  'RATE_LIMITED',
] as const;
export type TestExportErrorCode = (typeof TEST_EXPORT_ERROR_CODES)[number];

export const TestExportErrorSchema = z.object({
  code: z.enum(TEST_EXPORT_ERROR_CODES),
  /** What went wrong, in words; provider text is included only with the credential removed. */
  message: text(1000),
  action: z.optional(ActionSchema),
  /** For RATE_LIMITED: seconds to wait. */
  retry_after: z.optional(z.number().check(z.nonnegative())),
});
export type TestExportError = z.infer<typeof TestExportErrorSchema>;

export const HeaderSchema = z.object({ name: text(200), value: z.string().check(z.maxLength(2000)) });

export const TestExportResultSchema = z.object({
  status: z.enum(['succeeded', 'failed']),
  at: timestamp,
  /** The test ticket that was created. */
  ticket: z.optional(
    z.object({
      url: httpUrl(),
      /** The provider's key or number, e.g. `OPS-12`, `#34`. */
      key: z.optional(z.string().check(z.maxLength(100))),
      title: text(300),
    }),
  ),
  /** Webhooks: what the receiver got and answered. */
  delivery: z.optional(
    z.object({
      http_status: z.number().check(z.int(), z.minimum(100), z.maximum(599)),
      /** The request headers the receiver got, signatures included, in the order sent. */
      headers: z.array(HeaderSchema).check(z.maxLength(30)),
      event: text(100),
    }),
  ),
  error: z.optional(TestExportErrorSchema),
});
export type TestExportResult = z.infer<typeof TestExportResultSchema>;

/** The export schemas by the name used in the published JSON Schema. */
export const EXPORT_CONTRACT_SCHEMAS = {
  ListDestinationsRequest: ListDestinationsRequestSchema,
  DestinationPage: DestinationPageSchema,
  ExportSettings: ExportSettingsSchema,
  TestExportResult: TestExportResultSchema,
} as const;
