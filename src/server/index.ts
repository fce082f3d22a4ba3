/** The reference backend on Node: the backend with the real services, the URL check, the guard, and adapters. */
export {
  checkBaseUrl,
  createPinnedTransport,
  identityProbeFor,
  transportFromFetch,
  type CheckBaseUrlOptions,
  type IdentityMarker,
  type IdentityProbe,
  type LookupFunction,
  type PinnedTransportOptions,
  type ProbeRequest,
  type ProbeResponse,
  type Transport,
} from './check/index.js';
export {
  BlockedDestinationError,
  createSafeConnector,
  createSafeDispatcher,
  safeFetch,
  type SafeDispatcherOptions,
  type SafeFetchOptions,
} from './guard/index.js';
export { createNodeCredentialVerifier } from './verify.js';
export { createGuardedFetch, type GuardedFetchOptions } from './provider-fetch.js';
export { createCredentialVerifier, type CredentialVerifierOptions } from '../backend/index.js';
export { createNodeBackend, createHandler, type CheckOptions, type HandlerOptions, type NodeBackendOptions } from './node-backend.js';
export {
  createBackend,
  createMemoryStore,
  ProblemResponse,
  BodyTooLargeError,
  type AuthorizeContext,
  type BackendOptions,
  type CheckUrl,
  type CompleteAuthorizationContext,
  type CompleteAuthorizationResult,
  type MemoryStoreOptions,
  type ProviderFetch,
  type PtsHandler,
  type RateLimit,
  type RateLimiter,
  type StoredAuthorization,
  type StoredCheck,
  type StoredSecret,
  type TargetStore,
  type VerifyCredentialContext,
  type VerifyCredentialResult,
} from '../backend/index.js';
export { getClientAddress, setClientAddress } from './adapters/client-address.js';
export {
  MalformedRequestError,
  toNodeListener,
  toRequest,
  type FetchHandler,
  type NodeListener,
  type NodeListenerOptions,
} from './adapters/node.js';
export { ptsMiddleware, type MiddlewareOptions, type ConnectMiddleware } from './adapters/connect.js';
export { ptsVitePlugin, type PtsVitePluginOptions } from './adapters/vite.js';
export { startServer, serveUntilSignalled, type RunningServer, type StartServerOptions } from './serve.js';
