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
