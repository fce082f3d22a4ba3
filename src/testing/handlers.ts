/**
 * The msw kit: every request under the endpoint goes to the real backend
 * (src/backend), configured for one scenario (see scenario-backend.ts). What
 * is left here is what only a test double does: added latency, a backend that
 * is down or breaks the contract, a proxy that loses a field, and the mock
 * consent page's way of reporting a grant.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { ROUTES, type AuthResultMessage } from '../core/contract/index.js';
import { createScenarioBackend, MOCK_AUTH_PAGE_PATH, type BackendOverrides, type ScenarioBackend } from './scenario-backend.js';
import type { ScenarioId } from './scenarios.js';

export { MOCK_AUTH_PAGE_PATH };

/** Where the mocks listen unless told otherwise; relative, so it follows the page's origin. */
export const DEFAULT_MOCK_ENDPOINT = '/api/provider-targets';
/** Latency of the `slow-backend` scenario unless `latencyMs` says otherwise. */
export const SLOW_LATENCY_MS = 4000;

export interface HandlerOptions {
  scenario: ScenarioId;
  /** Base URL the contract routes hang off; absolute in Node. Default `/api/provider-targets`. */
  endpoint?: string;
  /** Added before every answer. Default 0, or SLOW_LATENCY_MS in `slow-backend`. */
  latencyMs?: number;
  /** How `backend-down` fails: a bare 503 (default) or a network error. */
  downAs?: 'http-503' | 'network-error';
  /** Backend options over the scenario's, e.g. `{ maxTargets: 1 }` or `{ rateLimit: … }`. */
  backend?: BackendOverrides;
}

const MOCK_GRANT_PREFIX = 'authz_';

/** The authorisation id the mock consent page reports for a given `state`. */
export function mockAuthorizationId(state: string): string {
  return `${MOCK_GRANT_PREFIX}${state}`;
}

/** The message the mock consent page posts to its opener. */
export function mockAuthResultMessage(state: string, status: AuthResultMessage['status'] = 'authorized'): AuthResultMessage {
  return status === 'authorized'
    ? { type: 'pts-auth-result', state, status, authorization_id: mockAuthorizationId(state) }
    : { type: 'pts-auth-result', state, status, code: 'AUTH_CANCELLED', message: 'The authorisation was denied.' };
}

type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** Which contract route a path under the endpoint is, for the scenarios that answer per route. */
function routeOf(method: string, path: string): Route | undefined {
  return Object.values(ROUTES).find(
    (r) => r.method === method && new RegExp(`^${r.path.replace('{id}', '[^/]+')}$`).test(path),
  );
}

function down(as: HandlerOptions['downAs']): Response {
  if (as === 'network-error') return HttpResponse.error();
  return new HttpResponse('<!doctype html><title>503 Service Unavailable</title><h1>Service Unavailable</h1>', {
    status: 503,
    headers: { 'content-type': 'text/html' },
  });
}

/** Answers that break the contract, one kind per route. */
function malformed(route: Route | undefined): Response {
  const json = (body: string, type = 'application/json') => new HttpResponse(body, { status: 200, headers: { 'content-type': type } });
  switch (route) {
    case ROUTES.status:
      return json(JSON.stringify({ targets: 'none', egress_addresses: [42] }));
    case ROUTES.urlChecks:
      return json('{"status":"passed","checks":[');
    case ROUTES.revoke:
      return json('<!doctype html><title>Sign in</title><form></form>', 'text/html');
    case ROUTES.authStart:
      return json(JSON.stringify({ authorization_url: 'javascript:alert(document.domain)', state: 'x', result_origin: '*', expires_at: 'soon' }));
    default:
      return json(JSON.stringify({ id: 'tgt_mystery', provider: 'jira', state: 'mystery' }));
  }
}

/** A save body's JSON, or undefined when it is not JSON (the backend will say so). */
async function saveBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await request.clone().json();
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function withBody(request: Request, body: Record<string, unknown>): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(body), signal: request.signal });
}

/**
 * msw handlers that answer every route of the contract from the real backend,
 * configured for one scenario, over a store of their own: two calls give two
 * independent backends. In `backend-down` and `malformed-response` the backend
 * is not reached at all. No credential is ever logged.
 */
export function createHandlers(options: HandlerOptions): HttpHandler[] {
  const { scenario } = options;
  const base = (options.endpoint ?? DEFAULT_MOCK_ENDPOINT).replace(/\/+$/, '');
  const latencyMs = options.latencyMs ?? (scenario === 'slow-backend' ? SLOW_LATENCY_MS : 0);
  const pageOrigin = (globalThis as { location?: { origin?: string } }).location?.origin;
  let backend: ScenarioBackend | undefined;

  /**
   * The mock consent page reports `authz_<state>` to the element itself; the
   * provider's callback for that state reaches the backend here, and the save
   * goes on with the grant's real id.
   */
  async function claimMockGrant(kit: ScenarioBackend, request: Request, body: Record<string, unknown>): Promise<Request> {
    const reported = body.authorization_id;
    if (typeof reported !== 'string' || !reported.startsWith(MOCK_GRANT_PREFIX)) return request;
    const state = reported.slice(MOCK_GRANT_PREFIX.length);
    const authorization = await kit.store.getAuthorizationByState(state);
    if (!authorization) return request;
    if (authorization.status === 'pending') {
      const callback = new URL(`${kit.basePath}/auth/callback`, request.url);
      callback.search = new URLSearchParams({ state, code: 'mock-consent' }).toString();
      await kit.handler(new Request(callback));
    }
    return withBody(request, { ...body, authorization_id: authorization.id });
  }

  /** Requests as the scenario's world delivers them to the backend. */
  async function deliver(kit: ScenarioBackend, request: Request, route: Route | undefined): Promise<Request> {
    if (route !== ROUTES.targets && route !== ROUTES.urlChecks) return request;
    const body = await saveBody(request);
    if (!body) return request;
    if (scenario === 'ownership-unclear') {
      // Played as a host whose confirmation never reaches the backend.
      return withBody(request, { ...body, ownership_confirmed: false, export_authorized: false });
    }
    if (route !== ROUTES.targets) return request;
    if (scenario === 'allowlist-missing') {
      // Played as a proxy that drops the network path from saves.
      const { allowlist_status: _lost, ...rest } = body;
      return claimMockGrant(kit, withBody(request, rest), rest);
    }
    return claimMockGrant(kit, request, body);
  }

  const answer = async ({ request }: { request: Request }): Promise<Response> => {
    if (latencyMs > 0) await delay(latencyMs);
    const basePath = new URL(base, request.url).pathname;
    const route = routeOf(request.method, new URL(request.url).pathname.slice(basePath.length));
    if (scenario === 'backend-down') return down(options.downAs);
    if (scenario === 'malformed-response') return malformed(route);
    backend ??= createScenarioBackend(scenario, new URL(base, request.url).href, pageOrigin, options.backend);
    return backend.handler(await deliver(backend, request, route));
  };

  return [http.all(base, answer), http.all(`${base}/*`, answer)];
}
