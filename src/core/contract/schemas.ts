/**
 * The backend contract: one zod schema per wire shape (snake_case), shared by
 * the client, the reference backend, the msw handlers and the published JSON
 * Schema. Written with zod/mini so the browser bundle stays small.
 */
// A namespace import lets every bundler drop the zod/mini parts we do not use.
import * as z from 'zod/mini';
import { DEPLOYMENT_MODES, PROVIDER_IDS, WEBHOOK_SIGNING_IDS } from '../providers/types.js';
import { ERROR_CODES } from './errors.js';
import { ALLOWLIST_STATUSES, CHECK_NAMES, TARGET_STATES } from './vocabulary.js';
import { ActionSchema, httpUrl, text, timestamp } from './primitives.js';
import { ExportSettingsSchema, TestExportResultSchema } from './export.js';

export const ProviderIdSchema = z.enum(PROVIDER_IDS);
export const DeploymentModeSchema = z.enum(DEPLOYMENT_MODES);
/** Catalog edition id, e.g. `github-com`, `ghes`, `jira-dc`. */
export const EditionIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,40}$/));
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export { ALLOWLIST_STATUSES, CHECK_NAMES, CHECK_REASONS, TARGET_STATES } from './vocabulary.js';
export type { AllowlistStatus, CheckName, CheckReason, TargetState } from './vocabulary.js';
export const AllowlistStatusSchema = z.enum(ALLOWLIST_STATUSES);

export const CheckNameSchema = z.enum(CHECK_NAMES);

export const CheckStatusSchema = z.enum(['passed', 'failed', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/**
 * One server-side check and its outcome; `detail` names the offending address
 * or hop in the backend's words, `reason` says why it failed or was skipped as
 * a code (`CHECK_REASONS`; open-ended, so a newer backend's reason still parses).
 */
export const UrlCheckEntrySchema = z.object({
  name: CheckNameSchema,
  status: CheckStatusSchema,
  reason: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/))),
  detail: z.optional(z.string().check(z.maxLength(1000))),
  /** The address or hop that failed, when one did. */
  offender: z.optional(z.string().check(z.maxLength(2048))),
});
export type UrlCheckEntry = z.infer<typeof UrlCheckEntrySchema>;

export { ActionSchema } from './primitives.js';
export type { Action } from './primitives.js';

export const WebhookSigningSchema = z.enum(WEBHOOK_SIGNING_IDS);

export const TargetStateSchema = z.enum(TARGET_STATES);


// ---------------------------------------------------------------- errors

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: text(1000),
  action: z.optional(ActionSchema),
  /** For PROVIDER_BASE_URL_BLOCKED: the checks, failed ones included. */
  checks: z.optional(z.array(UrlCheckEntrySchema)),
  /** For VALIDATION_FAILED: the wire name of the field at fault. */
  field: z.optional(z.string().check(z.maxLength(100))),
  /** For RATE_LIMITED: seconds to wait. */
  retry_after: z.optional(z.number().check(z.nonnegative())),
  /** For TARGET_EXISTS: the id of the target that already holds this provider, edition and URL or tenant. */
  target_id: z.optional(text(100)),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ---------------------------------------------------------------- status

export const HistoryEntrySchema = z.object({
  at: timestamp,
  event: z.enum(['created', 'connected', 'auth_required', 'blocked', 'reconnected', 'revoked']),
  detail: z.optional(z.string().check(z.maxLength(500))),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A saved target as the backend returns it. It never carries a secret. */
export const TargetRecordSchema = z.object({
  id: text(100),
  provider: ProviderIdSchema,
  edition: EditionIdSchema,
  deployment_mode: DeploymentModeSchema,
  display_name: z.optional(z.string().check(z.maxLength(200))),
  state: TargetStateSchema,
  /** Cloud editions: the confirmed tenant (site URL, organisation, workspace…). */
  tenant: z.optional(z.nullable(z.string().check(z.maxLength(2048)))),
  /** Self-hosted and webhook editions: the normalised, checked URL. */
  base_url: z.optional(z.nullable(z.string().check(z.maxLength(2048)))),
  allowlist_status: z.optional(z.nullable(AllowlistStatusSchema)),
  check_id: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  auth_method: z.string().check(z.maxLength(100)),
  token_type: z.string().check(z.maxLength(100)),
  scopes: z.array(z.string().check(z.maxLength(200))),
  /** Webhook targets: the signing scheme receivers verify (the secret itself is never returned). */
  signing: z.optional(z.nullable(WebhookSigningSchema)),
  /** Whether live credentials are held. False after revoke. */
  has_credentials: z.boolean(),
  /** Why the target is blocked or needs auth, when it does. */
  error: z.optional(z.nullable(ErrorBodySchema)),
  created_at: timestamp,
  updated_at: timestamp,
  revoked_at: z.optional(z.nullable(timestamp)),
  history: z.array(HistoryEntrySchema),
  /** Where tickets go and how duplicates are handled, once the customer chose it. */
  export_settings: z.optional(z.nullable(ExportSettingsSchema)),
  /** The outcome of the last test export. */
  last_test: z.optional(z.nullable(TestExportResultSchema)),
});
export type TargetRecord = z.infer<typeof TargetRecordSchema>;

export const StatusResponseSchema = z.object({
  targets: z.array(TargetRecordSchema),
  /**
   * How many stored targets are not in `targets`: records that could not be
   * shown (the client counts the ones it had to leave out here too) or that
   * fall beyond the listing's bounded size.
   */
  omitted: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Addresses the backend connects from, for firewall and VPN allowlists. */
  egress_addresses: z.array(z.string().check(z.maxLength(64))),
  portable_export: z.object({
    available: z.boolean(),
    formats: z.array(z.string().check(z.maxLength(40))),
    url: z.optional(z.string().check(z.maxLength(2048))),
  }),
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;

// ---------------------------------------------------------------- url checks

export const UrlCheckRequestSchema = z.object({
  provider: ProviderIdSchema,
  edition: EditionIdSchema,
  deployment_mode: DeploymentModeSchema,
  base_url: text(2048),
  ownership_confirmed: z.literal(true),
  export_authorized: z.literal(true),
});
export type UrlCheckRequest = z.infer<typeof UrlCheckRequestSchema>;

/** What `checkBaseUrl` decides, before the backend gives it an id. */
export const UrlCheckOutcomeSchema = z.object({
  status: z.enum(['passed', 'blocked']),
  code: z.optional(z.literal('PROVIDER_BASE_URL_BLOCKED')),
  normalized_url: z.string().check(z.maxLength(2048)),
  /** Every address that was checked, in the order connections will use them. */
  addresses: z.array(z.string().check(z.maxLength(64))),
  checks: z.array(UrlCheckEntrySchema),
});
export type UrlCheckOutcome = z.infer<typeof UrlCheckOutcomeSchema>;

// Spread rather than z.extend, whose helpers cost the browser bundle about 0.4 kB.
export const UrlCheckResponseSchema = z.object({
  ...UrlCheckOutcomeSchema.shape,
  check_id: text(200),
  /** After this instant the check no longer admits a save. */
  expires_at: timestamp,
});
export type UrlCheckResponse = z.infer<typeof UrlCheckResponseSchema>;

// ---------------------------------------------------------------- targets

export const SaveTargetRequestSchema = z.object({
  provider: ProviderIdSchema,
  edition: EditionIdSchema,
  deployment_mode: DeploymentModeSchema,
  display_name: z.optional(z.string().check(z.maxLength(200))),
  tenant: z.optional(z.string().check(z.maxLength(2048))),
  base_url: z.optional(z.string().check(z.maxLength(2048))),
  check_id: z.optional(z.string().check(z.maxLength(200))),
  allowlist_status: z.optional(AllowlistStatusSchema),
  ownership_confirmed: z.boolean(),
  export_authorized: z.boolean(),
  auth_method: text(100),
  token_type: text(100),
  /** The secret. Sent once, in this request only; never returned. */
  credential: z.optional(z.string().check(z.maxLength(8192))),
  // An object of strings rather than z.record, which costs the browser bundle about 0.5 kB;
  // on JSON the two accept and return the same.
  /** Non-secret extras a method needs (e.g. the Atlassian account email). */
  credential_fields: z.optional(z.catchall(z.object({}), z.string().check(z.maxLength(500)))),
  /** Result of an OAuth or app-install grant started with /auth/start. */
  authorization_id: z.optional(z.string().check(z.maxLength(200))),
  /** Webhook signing scheme; Standard Webhooks when absent. */
  signing: z.optional(WebhookSigningSchema),
  /** Reconnect: the existing target whose credentials are replaced. */
  target_id: z.optional(z.string().check(z.maxLength(100))),
});
export type SaveTargetRequest = z.infer<typeof SaveTargetRequestSchema>;

export const RevokeRequestSchema = z.object({
  /** The customer says they revoked the grant at the provider first. */
  revoked_at_provider: z.boolean(),
});
export type RevokeRequest = z.infer<typeof RevokeRequestSchema>;

// ---------------------------------------------------------------- auth start

export const AuthStartRequestSchema = z.object({
  provider: ProviderIdSchema,
  edition: EditionIdSchema,
  auth_method: text(100),
  tenant: z.optional(z.string().check(z.maxLength(2048))),
  base_url: z.optional(z.string().check(z.maxLength(2048))),
  check_id: z.optional(z.string().check(z.maxLength(200))),
  /** Origin of the page that opens the popup; the callback posts its result there only. */
  return_origin: httpUrl(),
});
export type AuthStartRequest = z.infer<typeof AuthStartRequestSchema>;

export const AuthStartResponseSchema = z.object({
  authorization_url: httpUrl(),
  /** Opaque value echoed by the popup's message; binds the result to this start. */
  state: text(200),
  /** Origin the result message must come from; compared exactly. */
  result_origin: httpUrl(),
  expires_at: timestamp,
});
export type AuthStartResponse = z.infer<typeof AuthStartResponseSchema>;

/** The message the authorisation callback page posts to the opener. Never a token. */
export const AuthResultMessageSchema = z.object({
  type: z.literal('pts-auth-result'),
  state: text(200),
  status: z.enum(['authorized', 'denied', 'error']),
  authorization_id: z.optional(text(200)),
  code: z.optional(ErrorCodeSchema),
  message: z.optional(z.string().check(z.maxLength(1000))),
});
export type AuthResultMessage = z.infer<typeof AuthResultMessageSchema>;

/** Every schema of the contract, by the name used in the published JSON Schema. */
export const CONTRACT_SCHEMAS = {
  ErrorBody: ErrorBodySchema,
  TargetRecord: TargetRecordSchema,
  StatusResponse: StatusResponseSchema,
  UrlCheckRequest: UrlCheckRequestSchema,
  UrlCheckOutcome: UrlCheckOutcomeSchema,
  UrlCheckResponse: UrlCheckResponseSchema,
  SaveTargetRequest: SaveTargetRequestSchema,
  RevokeRequest: RevokeRequestSchema,
  AuthStartRequest: AuthStartRequestSchema,
  AuthStartResponse: AuthStartResponseSchema,
  AuthResultMessage: AuthResultMessageSchema,
} as const;

/** Routes relative to the configured endpoint. */
export const ROUTES = {
  status: { method: 'GET', path: '/status' },
  urlChecks: { method: 'POST', path: '/url-checks' },
  targets: { method: 'POST', path: '/targets' },
  target: { method: 'GET', path: '/targets/{id}' },
  revoke: { method: 'POST', path: '/targets/{id}/revoke' },
  authStart: { method: 'POST', path: '/auth/start' },
  /** Body `ListDestinationsRequest` → `DestinationPage`: one page of a list the provider answers with the saved credential. */
  destinations: { method: 'POST', path: '/targets/{id}/destinations' },
  /** Body `ExportSettings` → the target record carrying them. */
  exportSettings: { method: 'PUT', path: '/targets/{id}/export-settings' },
  /** No body → `TestExportResult`, also kept on the record as `last_test`. */
  testExport: { method: 'POST', path: '/targets/{id}/test-export' },
} as const;
