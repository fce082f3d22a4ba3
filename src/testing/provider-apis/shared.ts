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

/**
 * A failure the calls meet, for the error scenarios: the credential refused, a
 * rate limit, a server error, a dropped connection, or (on creates only) a
 * destination that cannot take the ticket.
 */
export type SimulatedFailure = 'auth' | 'rate-limit' | 'server-error' | 'network' | 'limitation';

export interface SimulationOptions {
  /**
   * The only credential the provider accepts (the token, key or secret; never the
   * email). Default: any credential without the word `invalid` (see `accepts`).
   */
  token?: string;
  /** How many destinations the main list holds: `small` 3, `large` 5,000, `empty` 0, or a number. */
  size?: 'small' | 'large' | 'empty' | number;
  /** Destination ids where creating a ticket is refused for lack of permission; `*` for every one. */
  readOnly?: readonly string[];
  /** Destination ids that exist but cannot take a ticket (issues turned off, a required field); `*` for every one. */
  limited?: readonly string[];
  failure?: SimulatedFailure;
  /**
   * Which calls meet `failure`: every call (default), or only the one that creates
   * a ticket, so the credential check and the lists work and the test export fails.
   */
  failOn?: 'every-call' | 'create';
  /** Seconds a rate-limited answer asks to wait. */
  retryAfter?: number;
}

export const SIMULATED_TOKEN = 'simulated-provider-token-0123456789';

/** The word that makes the simulated providers refuse a credential, in any case. */
export const REFUSED_CREDENTIAL_MARK = 'invalid';

/**
 * The one rule for which credentials a simulated provider accepts: with `expected`,
 * exactly that value; without, any value that does not contain `invalid` (in any
 * case), so a person can type any token into the demo and see one refused.
 */
export function accepts(presented: string | undefined, expected?: string): boolean {
  if (!presented) return false;
  return expected === undefined ? !presented.toLowerCase().includes(REFUSED_CREDENTIAL_MARK) : presented === expected;
}

/** Whether `id` is in a scenario's id list, where `*` stands for every id. */
export const listed = (ids: readonly string[] | undefined, id: string): boolean => ids !== undefined && (ids.includes('*') || ids.includes(id));

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
  /** Whether a request creates a ticket; default: any POST (Linear says by its mutation). */
  isCreate?: (request: Request, body: unknown) => boolean;
  created: Array<Record<string, unknown>>;
}

/** What a provider answers when the destination cannot take the ticket and it has no answer of its own. */
const cannotTake = () => json({ message: 'Validation Failed: this destination does not accept new tickets.' }, 422);

/** The scenario's failure for this call, as the provider answers it; undefined when the call goes on. */
export function failureAnswer(b: Pick<Behaviour, 'options' | 'unauthorized' | 'rateLimited'>, creates: boolean): Response | undefined {
  const { failure, failOn } = b.options;
  if (!failure || (failOn === 'create' && !creates)) return undefined;
  switch (failure) {
    case 'network':
      return Response.error();
    case 'server-error':
      return text('Service Unavailable', 503);
    case 'rate-limit':
      return b.rateLimited(b.options.retryAfter ?? 30);
    case 'auth':
      return b.unauthorized();
    case 'limitation':
      return creates ? cannotTake() : undefined;
  }
}

async function readBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const raw = request.method === 'GET' ? '' : await request.text();
  try {
    return { ok: true, body: raw ? JSON.parse(raw) : undefined };
  } catch {
    return { ok: false };
  }
}

/** Builds the handler: the scenario's failure first, then the credential, then the routes. */
export function simulate(b: Behaviour): ProviderApi {
  const handler = async (request: Request): Promise<Response> => {
    const read = await readBody(request);
    if (!read.ok) return json({ message: 'Problems parsing JSON' }, 400);
    const creates = b.isCreate ? b.isCreate(request, read.body) : request.method === 'POST';
    const failed = failureAnswer(b, creates);
    if (failed) return failed;
    if (!accepts(presentedSecret(request), b.options.token)) return b.unauthorized();
    const url = new URL(request.url);
    for (const [method, path, handle] of b.routes) {
      const match = path.exec(url.pathname);
      if (method !== request.method || !match) continue;
      return handle({ request, url, params: match.groups ?? {}, body: read.body });
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
