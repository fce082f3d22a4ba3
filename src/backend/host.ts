/**
 * Which Host the backend answers for, and which Origin may cause side effects.
 *
 * A page on `rebind.attacker.test` whose name the attacker points at the
 * backend's address sends `Host: rebind.attacker.test` and a matching
 * `Origin`, so "Origin equals Host" proves nothing. The Host itself must be
 * one the operator named: the public URL's host, listed extra hosts, or, with
 * no public URL, the loopback names a local demo is opened under.
 */
import { ProblemResponse } from './http.js';
import type { CorsPolicy } from './cors.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export interface HostPolicy {
  /** Refuses the request when its Host is not served, or its Origin may not act here. */
  admit(request: Request, url: URL): void;
  /** The backend's public base URL (origin and base path) as a browser sees it. */
  publicBase(url: URL): URL;
}

export function createHostPolicy(options: {
  publicUrl?: string | undefined;
  allowedHosts?: readonly string[] | undefined;
  basePath: string;
  cors: CorsPolicy;
  requestOrigin: (request: Request) => string | null;
}): HostPolicy {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl.replace(/\/+$/, '')) : undefined;
  const named = (options.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
  const hosts = new Set(publicUrl ? [publicUrl.host, ...named] : [...LOOPBACK_NAMES, ...named]);
  // A bare name admits it on any port; `name:port` only on that port.
  const servesHost = (url: URL) => hosts.has(url.host) || hosts.has(url.hostname);

  const publicBase = (url: URL): URL => (publicUrl ? new URL(publicUrl.href) : new URL(`${url.origin}${options.basePath}`));

  return {
    publicBase,
    admit(request, url) {
      if (!servesHost(url)) {
        throw new ProblemResponse('VALIDATION_FAILED', 'This backend does not answer for that host name.');
      }
      const origin = options.requestOrigin(request);
      if (origin === null) return;
      // A page on an origin that is not listed gets no side effects, even where
      // the browser would only hide the answer.
      const sameOrigin = origin === publicBase(url).origin || request.headers.get('sec-fetch-site') === 'same-origin';
      if (!sameOrigin && !options.cors.isAllowed(origin)) {
        throw new ProblemResponse('VALIDATION_FAILED', 'Requests from this origin are not accepted.');
      }
    },
  };
}
