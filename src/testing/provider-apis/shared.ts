/**
 * What every simulated provider API shares: the options a scenario sets (how many
 * destinations, which refuse writes or cannot take tickets, which failure every call
 * meets), a small router, and answers in Web `Response`s. Browser-safe: no Node.
 */

/** A simulated provider: a Web request handler, as msw and a node:http bridge both call it. */
export type ProviderApi = ((request: Request) => Promise<Response>) & {
  /** Tickets created so far, newest last, as the simulated provider stored them. */
  readonly created: ReadonlyArray<Record<string, unknown>>;
};

/** A failure that every call meets, for the error scenarios. */
export type SimulatedFailure = 'auth' | 'rate-limit' | 'server-error' | 'network';

export interface SimulationOptions {
  /** The credential the provider accepts (the token, key or secret; never the email). */
  token?: string;
  /** How many destinations the main list holds: `small` 3, `large` 5,000, `empty` 0, or a number. */
  size?: 'small' | 'large' | 'empty' | number;
  /** Destination ids where creating a ticket is refused for lack of permission. */
  readOnly?: readonly string[];
  /** Destination ids that exist but cannot take a ticket (issues turned off, a required field). */
  limited?: readonly string[];
  failure?: SimulatedFailure;
  /** Seconds a rate-limited answer asks to wait. */
  retryAfter?: number;
}

export const SIMULATED_TOKEN = 'simulated-provider-token-0123456789';

export const SIZES = { small: 3, large: 5000, empty: 0 } as const;

export function sizeOf(options: SimulationOptions): number {
  const size = options.size ?? 'small';
  return typeof size === 'number' ? size : SIZES[size];
}

/** `Name 0001` … with a fixed width, so sorting by name keeps creation order. */
export const numbered = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix} ${String(i + 1).padStart(4, '0')}`);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/**
 * The secret a request presents, wherever a provider takes one: a Bearer or raw
 * Authorization value, the password of Basic, a PRIVATE-TOKEN header or a `token`
 * query parameter.
 */
export function presentedSecret(request: Request): string | undefined {
  const url = new URL(request.url);
  const auth = request.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  if (auth?.startsWith('Basic ')) {
    try {
      const decoded = atob(auth.slice(6));
      return decoded.slice(decoded.indexOf(':') + 1);
    } catch {
      return undefined;
    }
  }
  return auth ?? request.headers.get('private-token') ?? url.searchParams.get('token') ?? undefined;
}

/**
 * A simulated provider as a `fetch`-like service: `Response.error()` (the
 * `network` failure) rejects with a TypeError, as a failed connection does in
 * every runtime, instead of resolving to a status-0 answer.
 */
export function asFetch(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await handler(request);
    if (response.type === 'error') throw new TypeError('fetch failed: the simulated provider dropped the connection');
    return response;
  };
}

export interface Match {
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The parsed JSON body, when there is one. */
  body: unknown;
}

export type Route = [method: string, path: RegExp, handle: (m: Match) => Response | Promise<Response>];

export interface Behaviour {
  options: SimulationOptions;
  routes: Route[];
  /** The provider's answer to a credential it does not accept. */
  unauthorized: () => Response;
  /** The provider's answer when the caller must slow down. */
  rateLimited: (seconds: number) => Response;
  created: Array<Record<string, unknown>>;
}

/** Builds the handler: the scenario's failure first, then the credential, then the routes. */
export function simulate(b: Behaviour): ProviderApi {
  const token = b.options.token ?? SIMULATED_TOKEN;
  const handler = async (request: Request): Promise<Response> => {
    const failure = b.options.failure;
    if (failure === 'network') return Response.error();
    if (failure === 'server-error') return text('Service Unavailable', 503);
    if (failure === 'rate-limit') return b.rateLimited(b.options.retryAfter ?? 30);
    if (failure === 'auth' || presentedSecret(request) !== token) return b.unauthorized();
    const url = new URL(request.url);
    for (const [method, path, handle] of b.routes) {
      const match = path.exec(url.pathname);
      if (method !== request.method || !match) continue;
      const raw = method === 'GET' ? '' : await request.text();
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return json({ message: 'Problems parsing JSON' }, 400);
      }
      return handle({ request, url, params: match.groups ?? {}, body });
    }
    return json({ message: 'Not Found' }, 404);
  };
  return Object.assign(handler, { created: b.created });
}

/** A page of `items` from `offset`, and the offset after it (undefined on the last page). */
export function slice<T>(items: readonly T[], offset: number, size: number): { page: T[]; next: number | undefined } {
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? offset + size : undefined;
  return { page, next };
}

export const includes = (name: string, query: string | null | undefined) => !query || name.toLowerCase().includes(query.toLowerCase());

export function intParam(url: URL, name: string, fallback: number, max?: number): number {
  const value = Number(url.searchParams.get(name) ?? fallback);
  const n = Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
  return max === undefined ? n : Math.min(n, max);
}

/** RFC 8288 Link header with next and last page URLs, as GitHub sends it. */
export function linkHeader(url: URL, page: number, lastPage: number, param = 'page'): Record<string, string> {
  if (page >= lastPage) return {};
  const at = (n: number) => {
    const u = new URL(url);
    u.searchParams.set(param, String(n));
    return u.href;
  };
  return { link: `<${at(page + 1)}>; rel="next", <${at(lastPage)}>; rel="last"` };
}
