/** The reference backend's public API (Node only). */
export {
  checkBaseUrl,
  createPinnedTransport,
  identityProbeFor,
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
export {
  createHandler,
  ProblemResponse,
  BodyTooLargeError,
  getClientAddress,
  setClientAddress,
  type HandlerOptions,
  type PtsHandler,
  type CheckUrl,
  type CheckOptions,
  type RateLimit,
  type AuthorizeContext,
  type CompleteAuthorizationContext,
  type CompleteAuthorizationResult,
  type VerifyCredentialContext,
  type VerifyCredentialResult,
} from './handler/index.js';
export {
  createMemoryStore,
  type TargetStore,
  type StoredSecret,
  type StoredCheck,
  type StoredAuthorization,
  type AuthorizationStatus,
  type MemoryStoreOptions,
} from './store/index.js';
export { toNodeListener, toRequest, type FetchHandler, type NodeListener, type NodeListenerOptions } from './adapters/node.js';
export { ptsMiddleware, type MiddlewareOptions, type ConnectMiddleware } from './adapters/connect.js';
export { ptsVitePlugin, type PtsVitePluginOptions } from './adapters/vite.js';
