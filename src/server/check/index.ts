/**
 * The authoritative base URL check: the check's rules (see
 * src/backend/check) over the system resolver and a transport that connects
 * to exactly the address that was checked.
 */
import type { UrlCheckOutcome } from '../../core/contract/schemas.js';
import { runBaseUrlCheck, URL_CHECK_DEFAULTS, type UrlCheckOptions } from '../../backend/check/index.js';
import { defaultLookup } from './resolve.js';
import { createPinnedTransport } from './transport.js';

export {
  identityProbeFor,
  judgeIdentity,
  transportFromFetch,
  type IdentityMarker,
  type IdentityProbe,
  type LookupFunction,
  type ProbeRequest,
  type ProbeResponse,
  type Transport,
} from '../../backend/check/index.js';
export { createPinnedTransport, type PinnedTransportOptions } from './transport.js';

export interface CheckBaseUrlOptions extends Partial<Pick<UrlCheckOptions, 'lookup' | 'transport'>>, Omit<UrlCheckOptions, 'lookup' | 'transport'> {}

/**
 * Checks a customer-typed base URL. `lookup` defaults to the system resolver
 * and `transport` to undici over the checked address. Resolves to the
 * contract's URL-check outcome; option errors (an invalid `allow` entry)
 * reject, bad input never does.
 */
export function checkBaseUrl(url: unknown, options: CheckBaseUrlOptions = {}): Promise<UrlCheckOutcome> {
  return runBaseUrlCheck(url, {
    ...options,
    lookup: options.lookup ?? defaultLookup,
    transport: options.transport ?? createPinnedTransport({ connectTimeoutMs: options.timeoutMs ?? URL_CHECK_DEFAULTS.timeoutMs }),
  });
}
