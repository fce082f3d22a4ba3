/**
 * The ticket export part of the contract: where tickets go (a destination chosen
 * from lists the provider itself answers), how a finding that already has a ticket
 * is handled, which webhook events are delivered, and the result of one test export.
 * Stored on the same target record as the credential, so export, duplicate handling
 * and revoke use one provider record.
 */
import * as z from 'zod/mini';
import { ActionSchema, httpUrl, text, timestamp } from './primitives.js';
import { DESTINATION_LEVELS, DUPLICATE_HANDLING, WEBHOOK_EVENTS } from './export-vocabulary.js';

export {
  DESTINATION_LEVELS,
  DESTINATION_PATHS,
  DUPLICATE_HANDLING,
  EXTRA_LEVELS,
  OPTIONAL_LEVELS,
  WEBHOOK_EVENTS,
  WEBHOOK_TEST_EVENT,
  exportSettingsProblem,
  isCompletePath,
} from './export-vocabulary.js';
export type { DestinationLevel, DuplicateHandling, WebhookEvent } from './export-vocabulary.js';

// ---------------------------------------------------------------- destinations

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
