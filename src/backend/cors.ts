/**
 * CORS for an operator-written list of origins. No wildcard: a partner portal
 * on another origin is admitted by name, and every other origin gets no CORS
 * headers (the browser then withholds the answer) and no side effects.
 */

export interface CorsOptions {
  /** Exact origins (`https://portal.example.com`) whose pages may call the backend. */
  allowedOrigins?: readonly string[];
  /** Request headers a cross-origin page may send, besides `content-type`. */
  allowedHeaders?: readonly string[];
  /** Whether cross-origin calls may carry cookies (the host's session). Default true. */
  allowCredentials?: boolean;
}

export interface CorsPolicy {
  isAllowed(origin: string): boolean;
  /** Headers for an actual (non-preflight) answer to an allowed origin. */
  responseHeaders(origin: string): Record<string, string>;
  /** The answer to an OPTIONS preflight, for an allowed origin or not. */
  preflight(request: Request, methods: readonly string[]): Response;
}

const DEFAULT_HEADERS = ['content-type', 'authorization', 'x-csrf-token', 'x-requested-with'];

/** Turns configured origins into their canonical form; refuses anything that is not one origin. */
export function normaliseOrigin(value: string): string {
  if (value.trim() === '*' || value.trim() === 'null') {
    throw new TypeError(`CORS origin ${JSON.stringify(value)} is not allowed; list exact origins.`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`CORS origin ${JSON.stringify(value)} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`CORS origin ${JSON.stringify(value)} must be http or https.`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`CORS origin ${JSON.stringify(value)} must be an origin only, without a path.`);
  }
  return url.origin;
}

export function createCorsPolicy(options: CorsOptions = {}): CorsPolicy {
  const origins = new Set((options.allowedOrigins ?? []).map(normaliseOrigin));
  const headers = [...new Set([...DEFAULT_HEADERS, ...(options.allowedHeaders ?? []).map((h) => h.toLowerCase())])];
  const credentials = options.allowCredentials ?? true;

  const base = (origin: string): Record<string, string> => ({
    'access-control-allow-origin': origin,
    ...(credentials ? { 'access-control-allow-credentials': 'true' } : {}),
    vary: 'Origin',
  });

  return {
    isAllowed: (origin) => origins.has(origin),
    responseHeaders: (origin) => ({ ...base(origin), 'access-control-expose-headers': 'Retry-After' }),
    preflight(request, methods) {
      const origin = request.headers.get('origin');
      const method = request.headers.get('access-control-request-method')?.toUpperCase();
      const requested = (request.headers.get('access-control-request-headers') ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
      const ok =
        origin !== null &&
        origins.has(origin) &&
        method !== undefined &&
        methods.includes(method) &&
        requested.every((h) => headers.includes(h));
      if (!ok) {
        // No CORS headers: the browser refuses the real request and it is never sent.
        return new Response(null, { status: 204, headers: { vary: 'Origin', 'cache-control': 'no-store' } });
      }
      return new Response(null, {
        status: 204,
        headers: {
          ...base(origin),
          'access-control-allow-methods': methods.join(', '),
          'access-control-allow-headers': headers.join(', '),
          'access-control-max-age': '600',
          'cache-control': 'no-store',
        },
      });
    },
  };
}
