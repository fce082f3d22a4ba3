/**
 * The authoritative base URL check: the check's rules (see
 * src/backend/check) over the system resolver and a transport that connects
 * to exactly the address that was checked.
 */
import type { UrlCheckOutcome } from '../../core/contract/schemas.js';
import { runBaseUrlCheck, URL_CHECK_DEFAULTS, type Transport, type UrlCheckOptions } from '../../backend/check/index.js';
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

/** A pinned transport made on first use: a probe-off check never needs one. */
function lazyPinnedTransport(connectTimeoutMs: number): Transport {
  let transport: Transport | undefined;
  return (request) => (transport ??= createPinnedTransport({ connectTimeoutMs }))(request);
}

/**
 * Checks a customer-typed base URL. `lookup` defaults to the system resolver
 * and `transport` to undici over the checked address. Resolves to the
 * contract's URL-check outcome; option errors (an invalid `allow` entry)
 * reject, bad input never does.
 */
export function checkBaseUrl(url: unknown, options: CheckBaseUrlOptions = {}): Promise<UrlCheckOutcome> {
  // Object.assign, not a spread that overrides keys it copied: in V8 that object made
  // the whole probe-off check run at half its rate (measured with npm run bench).
  const services: Pick<UrlCheckOptions, 'lookup' | 'transport'> = {
    lookup: options.lookup ?? defaultLookup,
    transport: options.transport ?? lazyPinnedTransport(options.timeoutMs ?? URL_CHECK_DEFAULTS.timeoutMs),
  };
  return runBaseUrlCheck(url, Object.assign({}, options, services));
}
