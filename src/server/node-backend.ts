/**
 * The backend on Node with the real services wired in: the authoritative
 * `checkBaseUrl` (system DNS, a socket pinned to the checked address), provider
 * calls through the connect-time guard under the same address policy, and the
 * peer address the Node adapters saw as the rate-limit key.
 */
import { createBackend, type BackendOptions, type PtsHandler } from '../backend/index.js';
import { getClientAddress } from './adapters/client-address.js';
import { checkBaseUrl, type CheckBaseUrlOptions } from './check/index.js';
import { createGuardedFetch } from './provider-fetch.js';

/** Options for the default check; the backend fills in provider, edition, mode and signal. */
export type CheckOptions = Omit<CheckBaseUrlOptions, 'provider' | 'edition' | 'deploymentMode' | 'signal'>;

export interface NodeBackendOptions extends Omit<BackendOptions, 'checkUrl'> {
  /** The base URL check. Default: `checkBaseUrl` with `checkOptions`. */
  checkUrl?: BackendOptions['checkUrl'];
  /** Options for the default `checkBaseUrl` (lookup, transport, allow, allowHttp, ports…). */
  checkOptions?: CheckOptions;
}

export function createNodeBackend(options: NodeBackendOptions = {}): PtsHandler {
  const checkOptions = options.checkOptions ?? {};
  const { lookup, allow, allowHttp, ports, timeoutMs } = checkOptions;
  return createBackend({
    ...options,
    checkUrl: options.checkUrl ?? ((url, context) => checkBaseUrl(url, { ...checkOptions, ...context })),
    // The URL check's own address policy (operator exceptions, http, ports, resolver) holds at every connect.
    providerFetch:
      options.providerFetch ??
      createGuardedFetch({
        ...(lookup ? { lookup } : {}),
        ...(allow ? { allow } : {}),
        ...(allowHttp !== undefined ? { allowHttp } : {}),
        ...(ports ? { ports } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      }),
    clientKey: (request) => options.clientKey?.(request) || getClientAddress(request),
  });
}

/**
 * The name this backend had before it ran outside Node too; the same
 * function as `createNodeBackend`.
 */
export const createHandler = createNodeBackend;
/** Former name of `NodeBackendOptions`. */
export type HandlerOptions = NodeBackendOptions;
