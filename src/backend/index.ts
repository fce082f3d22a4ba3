/**
 * The backend for the element's contract, with no Node in it: Web Request in,
 * Response out, services injected. `provider-target-setup/server` runs it on
 * Node with the real URL check; the msw kit runs it in the browser.
 */
export { createBackend } from './handler.js';
export {
  BACKEND_DEFAULTS,
  type AuthorizeContext,
  type BackendOptions,
  type CheckUrl,
  type CompleteAuthorizationContext,
  type CompleteAuthorizationResult,
  type ProviderAdapters,
  type ProviderFetch,
  type PtsHandler,
  type VerifyCredential,
  type VerifyCredentialContext,
  type VerifyCredentialResult,
} from './options.js';
export { BodyTooLargeError, errorResponse, ProblemResponse, type BackendErrorCode } from './http.js';
export { createRateLimiter, type RateDecision, type RateLimit, type RateLimiter, type RateLimiterFactory } from './rate-limit.js';
export { redact, redactError, REDACT_MIN_RUN } from './redact.js';
export { targetKey } from './catalog.js';
export * from './store/index.js';
export { createCredentialVerifier, type CredentialVerifierOptions } from './verify/index.js';
export type { ProviderAdapter } from './providers/types.js';
export {
  runBaseUrlCheck,
  transportFromFetch,
  identityProbeFor,
  judgeIdentity,
  type LookupFunction,
  type ProbeRequest,
  type ProbeResponse,
  type Transport,
  type UrlCheckOptions,
} from './check/index.js';
