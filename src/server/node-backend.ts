/**
 * The backend on Node with the real services wired in: the authoritative
 * `checkBaseUrl` (system DNS, a socket pinned to the checked address) and the
 * peer address the Node adapters saw as the rate-limit key.
 */
import { createBackend, type BackendOptions, type PtsHandler } from '../backend/index.js';
import { getClientAddress } from './adapters/client-address.js';
import { checkBaseUrl, type CheckBaseUrlOptions } from './check/index.js';

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
  return createBackend({
    ...options,
    checkUrl: options.checkUrl ?? ((url, context) => checkBaseUrl(url, { ...checkOptions, ...context })),
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
