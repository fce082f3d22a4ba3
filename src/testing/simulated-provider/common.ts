/**
 * What every simulated product shares: reading the credential a request
 * carries, the one rule for which credentials are refused, and JSON answers.
 */

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

function decodeBasic(value: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    return text.slice(text.indexOf(':') + 1) || undefined;
  } catch {
    return undefined;
  }
}

/** The credential in Authorization (Bearer, Basic, or bare), PRIVATE-TOKEN, or a `token` query value. */
export function readCredential(request: Request, url: URL): string | undefined {
  const authorization = request.headers.get('authorization')?.trim();
  if (authorization) {
    const [scheme = '', rest = ''] = authorization.split(/\s+(.*)/s);
    if (/^bearer$/i.test(scheme)) return rest || undefined;
    if (/^basic$/i.test(scheme)) return decodeBasic(rest);
    return authorization;
  }
  return request.headers.get('private-token') ?? url.searchParams.get('token') ?? undefined;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** True when `path` is `suffix` under any context path (`/jira/rest/api/2/myself`). */
export const endsWithPath = (url: URL, suffix: string) => url.pathname === suffix || url.pathname.endsWith(suffix);

/** The part of the path before `suffix`: the context path a server runs under. */
export const contextPath = (url: URL, suffix: string) => url.pathname.slice(0, url.pathname.length - suffix.length);
