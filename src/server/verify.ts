/**
 * The credential check on Node: each provider's "who am I" endpoint (see
 * src/backend/verify), reached through the connect-time guard, so the check
 * itself cannot be pointed at a private address.
 */
import type { VerifyCredential } from '../backend/index.js';
import { createCredentialVerifier } from '../backend/verify/index.js';
import type { SafeFetchOptions } from './guard/index.js';
import { createGuardedFetch } from './provider-fetch.js';

export function createNodeCredentialVerifier(options: SafeFetchOptions = {}): VerifyCredential {
  return createCredentialVerifier({ fetch: createGuardedFetch(options) });
}
