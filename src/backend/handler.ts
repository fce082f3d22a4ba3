/**
 * The backend for the element's contract as a Web `(Request) => Promise<Response>`,
 * with no Node in it: it runs on Node's http server (see the server adapters), in a
 * dev server, in any runtime with the Fetch API, and inside the msw kit.
 *
 * Routes (relative to `basePath`), one file each under routes/:
 *   GET  /status                  targets (bounded, bad records left out), egress addresses, portable export
 *   POST /url-checks              run the base_url check, remember it under a check_id
 *   POST /targets                 save (or reconnect) a target; idempotent with an Idempotency-Key
 *   GET  /targets/{id}            one target
 *   POST /targets/{id}/revoke     drop credentials, keep the record and its history
 *   POST /targets/{id}/destinations     one page of places tickets can go, from the provider
 *   PUT  /targets/{id}/export-settings  where tickets go and how duplicates are handled
 *   POST /targets/{id}/test-export      one test ticket (or signed webhook delivery), kept as last_test
 *   POST /auth/start              start an OAuth or app-install grant
 *   GET  /auth/callback           the popup page that reports the grant to the opener
 *   GET  /auth/simulate           simulated consent screen (only with `simulateAuth`)
 *   POST /demo/reset              forget everything, seed again (only with `demoReset`)
 *
 * Unknown routes, and known paths with the wrong method, answer 404
 * TARGET_NOT_FOUND: the vocabulary has no "no such route" code, and 404 is
 * what a client needs to know. Every request must name a served Host first
 * (see host.ts), and any request with an Origin must come from the backend's
 * own origin or a listed one.
 */
import { createContext, type RequestScope, type Route } from './context.js';
import { errorResponse, ProblemResponse } from './http.js';
import type { BackendOptions, PtsHandler } from './options.js';
import { redactError } from './redact.js';
import { authCallback } from './routes/auth-callback.js';
import { authSimulate } from './routes/auth-simulate.js';
import { authStart } from './routes/auth-start.js';
import { demoReset } from './routes/demo-reset.js';
import { listDestinations } from './routes/destinations.js';
import { saveExportSettings } from './routes/export-settings.js';
import { revokeTarget } from './routes/revoke.js';
import { status } from './routes/status.js';
import { getTarget } from './routes/target.js';
import { saveTarget } from './routes/targets.js';
import { testExport } from './routes/test-export.js';
import { urlChecks } from './routes/url-checks.js';

/** The routes under `/targets/{id}/`, by their last segment. */
const TARGET_ROUTES: Record<string, Omit<Match, 'id'>> = {
  revoke: { methods: ['POST'], run: revokeTarget },
  destinations: { methods: ['POST'], run: listDestinations },
  'export-settings': { methods: ['PUT'], run: saveExportSettings },
  'test-export': { methods: ['POST'], run: testExport },
};

interface Match {
  methods: readonly string[];
  run: Route;
  id?: string;
}

export function createBackend(options: BackendOptions): PtsHandler {
  const ctx = createContext(options);
  const fixed: Record<string, Match | undefined> = {
    '/status': { methods: ['GET'], run: status },
    '/url-checks': { methods: ['POST'], run: urlChecks },
    '/targets': { methods: ['POST'], run: saveTarget },
    '/auth/start': { methods: ['POST'], run: authStart },
    '/auth/callback': { methods: ['GET'], run: authCallback },
    '/auth/simulate': options.simulateAuth && !options.authorize ? { methods: ['GET'], run: authSimulate } : undefined,
    '/demo/reset': options.demoReset ? { methods: ['POST'], run: demoReset } : undefined,
  };

  function route(path: string): Match | undefined {
    if (Object.hasOwn(fixed, path)) return fixed[path];
    const m = /^\/targets\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
    if (!m) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      return undefined;
    }
    if (id.length === 0 || id.length > 100) return undefined;
    if (m[2] === undefined) return { methods: ['GET'], run: getTarget, id };
    const sub = Object.hasOwn(TARGET_ROUTES, m[2]) ? TARGET_ROUTES[m[2]] : undefined;
    return sub ? { ...sub, id } : undefined;
  }

  return async function handle(request: Request): Promise<Response> {
    const origin = ctx.requestOrigin(request);
    const cross = origin !== null && ctx.cors.isAllowed(origin) ? ctx.cors.responseHeaders(origin) : {};
    const scope: RequestScope = { request, url: new URL(request.url), secrets: [] };
    let response: Response;
    try {
      const { pathname } = scope.url;
      const inBase = pathname === ctx.basePath || pathname.startsWith(`${ctx.basePath}/`);
      const found = inBase ? route(pathname.slice(ctx.basePath.length) || '/') : undefined;
      ctx.hosts.admit(request, scope.url);
      if (request.method === 'OPTIONS') return ctx.cors.preflight(request, found?.methods ?? []);
      if (!found || !found.methods.includes(request.method)) {
        throw new ProblemResponse('TARGET_NOT_FOUND', `No route for ${request.method} ${pathname.slice(0, 200)}.`);
      }
      if (found.id !== undefined) scope.id = found.id;
      response = await found.run(ctx, scope);
    } catch (error) {
      if (!(error instanceof ProblemResponse)) options.onError?.(redactError(error, scope.secrets));
      response = errorResponse(
        error instanceof ProblemResponse ? error : new ProblemResponse('BACKEND_UNAVAILABLE', 'The backend hit an unexpected error.'),
      );
    }
    for (const [name, value] of Object.entries(cross)) response.headers.set(name, value);
    return response;
  };
}
