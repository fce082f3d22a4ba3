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

export const TARGET_STATES = ['connected', 'auth_required', 'blocked', 'revoked'] as const;
export type TargetState = (typeof TARGET_STATES)[number];
