/**
 * The backend's way out to providers on Node: every request goes through the
 * connect-time guard (src/server/guard), which resolves the host itself and refuses
 * a private, reserved or otherwise non-public address at the moment it connects, so
 * neither a stored target nor a provider's answer can steer a call inward.
 * Redirects are never followed; the adapters read them as the provider's answer.
 */
import type { ProviderFetch } from '../backend/options.js';
import { createSafeDispatcher, safeFetch, type SafeFetchOptions } from './guard/index.js';

export interface GuardedFetchOptions extends SafeFetchOptions {
  /** Longest wait for a whole provider answer, in milliseconds. Default 20000. */
  requestTimeoutMs?: number;
}

export function createGuardedFetch(options: GuardedFetchOptions = {}): ProviderFetch {
  const { requestTimeoutMs = 20_000, ...guard } = options;
  // One dispatcher for every call, so connections to a provider are kept alive between pages.
  let dispatcher = guard.dispatcher;
  return async (request) => {
    dispatcher ??= createSafeDispatcher(guard);
    const body = request.body ? await request.text() : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await safeFetch(
      request.url,
      {
        method: request.method,
        headers,
        redirect: 'manual',
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(requestTimeoutMs)]),
        ...(body !== undefined ? { body } : {}),
      },
      { ...guard, dispatcher },
    );
    const responseHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    const status = answer.status;
    const payload = status === 204 || status === 304 ? null : await answer.arrayBuffer();
    return new Response(payload, { status, headers: responseHeaders });
  };
}
