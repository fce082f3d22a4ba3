/**
 * The error-code vocabulary shared by the backend, the client and the element.
 * Two codes are fixed by the product (`PROVIDER_AUTH_REQUIRED`,
 * `PROVIDER_BASE_URL_BLOCKED`); the rest are ours.
 */
export const ERROR_CODES = [
  /** The provider wants an OAuth grant, app install, API token or PAT before anything is saved. */
  'PROVIDER_AUTH_REQUIRED',
  /** The base URL failed a server-side safety check; no credential may be sent to it. */
  'PROVIDER_BASE_URL_BLOCKED',
  /** A self-hosted or webhook target was sent without `allowlist_status`. */
  'ALLOWLIST_STATUS_MISSING',
  /** Ownership and scan/export authorisation were not confirmed. */
  'OWNERSHIP_UNCONFIRMED',
  /** The provider or edition cannot serve as a ticket target (e.g. Bitbucket Data Center). */
  'PROVIDER_LIMITATION',
  /** No passed URL check for this exact normalised URL, or it expired. */
  'URL_CHECK_REQUIRED',
  /** The request body or a field is invalid (including malformed JSON). */
  'VALIDATION_FAILED',
  /** The request body is larger than the backend accepts. */
  'PAYLOAD_TOO_LARGE',
  /** The request was not sent as JSON. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** The host session behind the backend expired; the customer signs in again. */
  'SESSION_EXPIRED',
  /** Too many requests; retry after `retry_after` seconds. */
  'RATE_LIMITED',
  /** The backend answered 5xx or could not be reached. */
  'BACKEND_UNAVAILABLE',
  /** The backend could not open a connection to the provider host (firewall, VPN, DNS). */
  'NETWORK_UNREACHABLE',
  /**
   * The provider was reached and answered with a server error (5xx): neither the
   * network path nor the credential is at fault; trying again later may succeed.
   */
  'PROVIDER_UNAVAILABLE',
  /** The provider was reached and refused the credential (401/403). */
  'CREDENTIALS_REJECTED',
  /** No target with that id. */
  'TARGET_NOT_FOUND',
  /** A target for this provider, edition and normalised URL or tenant already exists; `target_id` names it. */
  'TARGET_EXISTS',
  /** The installation holds as many targets as its backend allows; none was added. */
  'TARGET_LIMIT_REACHED',
  /** The credential works but cannot create tickets in the chosen destination (project, repository, list…). */
  'DESTINATION_NOT_WRITABLE',
  /** The backend's answer did not match the contract. Client-side only. */
  'MALFORMED_RESPONSE',
  /** The request took longer than the configured timeout. Client-side only. */
  'REQUEST_TIMEOUT',
  /** The caller aborted the request. Client-side only. */
  'REQUEST_ABORTED',
  /** The browser blocked the authorisation popup. Client-side only. */
  'AUTH_POPUP_BLOCKED',
  /** The customer closed the authorisation popup or denied the grant. Client-side only. */
  'AUTH_CANCELLED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes after which repeating the same request may succeed. */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'RATE_LIMITED',
  'BACKEND_UNAVAILABLE',
  'REQUEST_TIMEOUT',
  'NETWORK_UNREACHABLE',
  'PROVIDER_UNAVAILABLE',
]);

/** HTTP status the reference backend answers with for each code it can send. */
export const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  PROVIDER_AUTH_REQUIRED: 401,
  PROVIDER_BASE_URL_BLOCKED: 422,
  ALLOWLIST_STATUS_MISSING: 422,
  OWNERSHIP_UNCONFIRMED: 422,
  PROVIDER_LIMITATION: 422,
  URL_CHECK_REQUIRED: 409,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SESSION_EXPIRED: 419,
  RATE_LIMITED: 429,
  BACKEND_UNAVAILABLE: 503,
  NETWORK_UNREACHABLE: 502,
  PROVIDER_UNAVAILABLE: 502,
  CREDENTIALS_REJECTED: 403,
  TARGET_NOT_FOUND: 404,
  TARGET_EXISTS: 409,
  TARGET_LIMIT_REACHED: 409,
  DESTINATION_NOT_WRITABLE: 403,
};

/**
 * Request header that makes a save idempotent: the client sends a fresh value per
 * save attempt and the same value on a retry of that attempt; the backend replays
 * its first answer for a key it has seen.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
