/**
 * The guided path as a pure state machine: `transition(state, event)` returns
 * the next immutable state. No Lit, no DOM, no timers; catalog data enters with
 * the events (`select-provider` and `open-target` carry the `Provider`), so the
 * machine needs no lookups of its own. The credential never enters the state:
 * only whether the input holds one.
 *
 * Phases (`state.phase`) and the visible step (`currentStep`) they belong to:
 *
 * | phase                | step           | what it means |
 * |----------------------|----------------|---------------|
 * | `status`             | status         | integration status; start of add, reconnect and revoke |
 * | `existing-target`    | target         | a saved target opened: for a connected one, the ticket export overview |
 * | `revoke-at-provider` | target         | revoke, step 1: revoke the grant at the provider |
 * | `revoke-disconnect`  | target         | revoke, step 2: confirm the disconnect |
 * | `revoking`           | target         | disconnect request in flight |
 * | `revoked`            | target         | backend confirmed: credentials dropped, record kept |
 * | `edition`            | deployment     | provider chosen; deployment mode (edition) not yet |
 * | `limitation-blocked` | deployment     | the edition has a blocking limitation; stops before credentials |
 * | `tenant`             | network        | cloud: confirm the tenant (shape checked by the edition's pattern) |
 * | `ownership`          | network        | URL editions: confirm ownership and scan/export authorisation |
 * | `base-url`           | network        | URL editions: enter `base_url` (only after both confirmations) |
 * | `checking`           | network        | URL check in flight for one normalised URL |
 * | `url-blocked`        | network        | PROVIDER_BASE_URL_BLOCKED: ways on are the fallback, a cloud edition, or editing the URL |
 * | `allowlist`          | network        | check passed; record `allowlist_status` (`unreachable` opens nothing) |
 * | `auth`               | network        | auth method, then credential input or OAuth/app grant |
 * | `auth-required`      | network        | PROVIDER_AUTH_REQUIRED: shows the provider action; never saved |
 * | `saving`             | network        | save request in flight |
 * | `saved`              | target         | backend stored a connected target; the end when the host runs export setup itself |
 * | `export-setup`       | provider-setup | after save: where tickets go, duplicate handling (webhook: events) |
 * | `export-saving`      | provider-setup | export settings save in flight |
 * | `testing`            | target         | a test export in flight from the overview |
 * | `fallback`           | target         | portable export chosen; `back` returns to where it was chosen |
 *
 * Events (`event.type`): `status-loaded`, `select-provider`, `select-edition`,
 * `confirm-tenant`, `confirm-ownership`, `edit-base-url`, `check-requested`,
 * `check-result`, `check-failed`, `record-allowlist`, `choose-auth-method`,
 * `credential-changed`, `credential-field-changed`, `select-signing`,
 * `authorization-started`, `authorization-completed`, `authorization-failed`,
 * `retry-auth`, `save-requested`, `saved`, `save-failed`, `fallback-chosen`,
 * `open-target`, `reconnect`, `revoke-started`, `revoked-at-provider-confirmed`,
 * `disconnect-requested`, `revoke-completed`, `revoke-failed`, `configure-export`,
 * `export-settings-requested`, `export-settings-saved`, `export-settings-failed`,
 * `test-requested`, `test-completed`, `test-failed`, `back`, `cancel`.
 * See `FlowEvent` for their payloads.
 *
 * A refused event returns the same data with `rejected: { event, reason }`;
 * the next accepted event clears it.
 *
 * @module
 */
export * from './types.js';
export { DRAFT_PHASES, initialState, keptFor, withStatus } from './phases.js';
export { isGrantKind, transition } from './machine.js';
export { canExport } from './export.js';
export { normalizeBaseUrl } from '../url/parse.js';
export {
  BLOCKED_REASONS,
  READY_IDS,
  blockedReason,
  canSave,
  canShowBaseUrlField,
  canShowCredentialField,
  credentialBoundary,
  currentStep,
  exportSettingsRequest,
  isBusy,
  limitationWarnings,
  readiness,
  saveRequest,
  selectedEdition,
  selectedProvider,
  urlCheckRequest,
} from './selectors.js';
export type {
  BlockedReason,
  CredentialBoundary,
  ReadyId,
  ReadyItem,
  ReadyReason,
  ReadyStatus,
} from './selectors.js';
