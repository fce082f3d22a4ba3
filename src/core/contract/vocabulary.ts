/**
 * The contract's plain word lists, without zod, so code that only needs the
 * words (element layouts, loops over check names) never loads the schemas.
 * The schemas in schemas.ts are built from these same lists.
 */

/** How the backend reaches a self-hosted target, in display order. */
export const ALLOWLIST_STATUSES = ['direct', 'tunnel', 'allowlist', 'unreachable'] as const;
export type AllowlistStatus = (typeof ALLOWLIST_STATUSES)[number];

/** The server-side checks of a base URL, in the order they run and are shown. */
export const CHECK_NAMES = ['scheme', 'private_network', 'reserved_ip', 'redirect', 'dns_rebinding', 'ownership'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/**
 * Why a check failed or was skipped, so a client can word each outcome in its
 * own language; `detail` says the same in the backend's words. Open-ended on
 * the wire (a newer backend may send a reason this list lacks): a client
 * words an unknown reason by the check's name and status.
 */
export const CHECK_REASONS = [
  // scheme
  'invalid',
  'not_https',
  'userinfo',
  'port',
  'ambiguous',
  // private_network and reserved_ip
  'private_address',
  'special_name',
  'dns_failed',
  'reserved_address',
  // redirect
  'cross_host',
  'too_many_redirects',
  'bad_location',
  'hop_refused',
  'no_answer',
  // dns_rebinding
  'unchecked_connection',
  'lookup_unstable',
  'answer_changed',
  // ownership
  'identity_mismatch',
  'identity_unusable',
  'no_identity',
  // skipped
  'not_run',
  'not_probed',
] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];

export const TARGET_STATES = ['connected', 'auth_required', 'blocked', 'revoked'] as const;
export type TargetState = (typeof TARGET_STATES)[number];
