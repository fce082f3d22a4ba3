/**
 * What every simulated product shares: the one rule for which credentials are
 * refused, and matching paths under a context path. Reading the credential and
 * answering JSON are the provider APIs' own helpers (provider-apis/shared.ts).
 */
export { json, presentedSecret } from '../provider-apis/shared.js';

/** A request as a simulated product sees it. */
export interface SimulatedRequest {
  request: Request;
  url: URL;
  /** The credential the request carries, however the product expects it; undefined when anonymous. */
  credential: string | undefined;
}

/**
 * One product's API. `answer` returns undefined for requests that are not
 * its own, so products can be asked in turn.
 */
export interface SimulatedProduct {
  readonly name: string;
  answer(request: SimulatedRequest): Response | undefined | Promise<Response | undefined>;
}

/** The word that makes every simulated provider refuse a credential, in any case. */
export const REFUSED_CREDENTIAL_MARK = 'invalid';

/** How a simulated product treats the credential: none sent, refused, or accepted. */
export function credentialState(credential: string | undefined): 'anonymous' | 'refused' | 'accepted' {
  if (!credential) return 'anonymous';
  return credential.toLowerCase().includes(REFUSED_CREDENTIAL_MARK) ? 'refused' : 'accepted';
}

/** True when `path` is `suffix` under any context path (`/jira/rest/api/2/myself`). */
export const endsWithPath = (url: URL, suffix: string) => url.pathname === suffix || url.pathname.endsWith(suffix);

/** The part of the path before `suffix`: the context path a server runs under. */
export const contextPath = (url: URL, suffix: string) => url.pathname.slice(0, url.pathname.length - suffix.length);
