/**
 * The credential check on Node: each provider's "who am I" endpoint (see
 * src/backend/verify), reached through the connect-time guard, so the check
 * itself cannot be pointed at a private address.
 */
import type { VerifyCredential } from '../backend/index.js';
import { createCredentialVerifier } from '../backend/verify/index.js';
import { safeFetch, type SafeFetchOptions } from './guard/index.js';

export function createNodeCredentialVerifier(options: SafeFetchOptions = {}): VerifyCredential {
  return createCredentialVerifier({
    async fetch(request) {
      const body = request.body ? await request.text() : undefined;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const answer = await safeFetch(
        request.url,
        { method: request.method, headers, redirect: 'manual', signal: request.signal, ...(body !== undefined ? { body } : {}) },
        options,
      );
      const responseHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      return new Response(await answer.arrayBuffer(), { status: answer.status, headers: responseHeaders });
    },
  });
}
