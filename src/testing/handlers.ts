import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { z } from 'zod/mini';
import {
  AuthStartRequestSchema,
  AuthStartResponseSchema,
  CHECK_NAMES,
  ERROR_STATUS,
  ErrorBodySchema,
  RevokeRequestSchema,
  ROUTES,
  SaveTargetRequestSchema,
  StatusResponseSchema,
  TargetRecordSchema,
  UrlCheckRequestSchema,
  UrlCheckResponseSchema,
} from '../core/contract/index.js';
import type {
  AuthResultMessage,
  AuthStartRequest,
  CheckName,
  ErrorBody,
  ErrorCode,
  SaveTargetRequest,
  TargetRecord,
  UrlCheckEntry,
  UrlCheckRequest,
  UrlCheckResponse,
} from '../core/contract/index.js';
import { SAMPLE_EGRESS_ADDRESSES, SAMPLE_PORTABLE_EXPORT, SAMPLE_PUBLIC_ADDRESSES, SAMPLE_TARGETS } from './samples.js';
import type { ScenarioId } from './scenarios.js';
import { describeAuthMethod, describeEdition } from './catalog.js';

/** Where the mocks listen unless told otherwise; relative, so it follows the page's origin. */
export const DEFAULT_MOCK_ENDPOINT = '/api/provider-targets';
/** Page the mock authorisation URL points to (same origin as the page that opens it). */
export const MOCK_AUTH_PAGE_PATH = '/pts-mock-auth.html';
/** Latency of the `slow-backend` scenario unless `latencyMs` says otherwise. */
export const SLOW_LATENCY_MS = 4000;

const CHECK_TTL_MS = 10 * 60_000;
const AUTH_TTL_MS = 10 * 60_000;
const MAX_BODY_CHARS = 64 * 1024;

export interface HandlerOptions {
  scenario: ScenarioId;
  /** Base URL the contract routes hang off; absolute in Node. Default `/api/provider-targets`. */
  endpoint?: string;
  /** Added before every answer. Default 0, or SLOW_LATENCY_MS in `slow-backend`. */
  latencyMs?: number;
  /** How `backend-down` fails: a bare 503 (default) or a network error. */
  downAs?: 'http-503' | 'network-error';
}

/** The authorisation id the mock callback page reports for a given `state`. */
export function mockAuthorizationId(state: string): string {
  return `authz_${state}`;
}

/** The message the mock callback page posts to its opener. */
export function mockAuthResultMessage(
  state: string,
  status: AuthResultMessage['status'] = 'authorized',
): AuthResultMessage {
  return status === 'authorized'
    ? { type: 'pts-auth-result', state, status, authorization_id: mockAuthorizationId(state) }
    : { type: 'pts-auth-result', state, status, code: 'AUTH_CANCELLED', message: 'The authorisation was denied.' };
}

/** An answer thrown out of a resolver to end it early. */
class Reply {
  constructor(readonly response: Response) {}
}

type Route = (typeof ROUTES)[keyof typeof ROUTES];
type AnySchema = z.ZodMiniType;

function answer<S extends AnySchema>(schema: S, data: z.input<S>, status = 200): Response {
  // Parsing our own answer keeps the mocks honest: a contract drift fails loudly here.
  return HttpResponse.json(schema.parse(data) as Record<string, unknown>, { status });
}

function fail(code: ErrorCode, message: string, extra: Omit<ErrorBody, 'code' | 'message'> = {}): Reply {
  const body = ErrorBodySchema.parse({ code, message, ...extra });
  return new Reply(HttpResponse.json(body, { status: ERROR_STATUS[code] ?? 400 }));
}

let sequence = 0;
function newId(prefix: string): string {
  sequence += 1;
  return `${prefix}_${Date.now().toString(36)}${sequence.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

const nowIso = () => new Date().toISOString();

/** Scheme, host, port and path without a trailing slash; never the userinfo, query or fragment. */
function normalize(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function parseBaseUrl(raw: string): URL {
  try {
    return new URL(raw.trim());
  } catch {
    throw fail('VALIDATION_FAILED', 'The base URL is not a valid absolute URL.', { field: 'base_url' });
  }
}

interface Failure {
  check: CheckName;
  detail: string;
  offender?: string;
}

function entries(
  passed: Partial<Record<CheckName, string>>,
  failure?: Failure,
  skipped: Partial<Record<CheckName, string>> = {},
): UrlCheckEntry[] {
  let seenFailure = false;
  return CHECK_NAMES.map((name): UrlCheckEntry => {
    if (seenFailure) return { name, status: 'skipped' };
    const why = skipped[name];
    if (why !== undefined && failure?.check !== name) return { name, status: 'skipped', detail: why };
    if (failure && failure.check === name) {
      seenFailure = true;
      return {
        name,
        status: 'failed',
        detail: failure.detail,
        ...(failure.offender !== undefined ? { offender: failure.offender } : {}),
      };
    }
    const detail = passed[name];
    return detail === undefined ? { name, status: 'passed' } : { name, status: 'passed', detail };
  });
}

interface StoredCheck {
  response: UrlCheckResponse;
  provider: string;
  edition: string;
  expiresAt: number;
}

interface StoredAuth {
  request: AuthStartRequest;
  expiresAt: number;
  used: boolean;
}

function initialTargets(scenario: ScenarioId): TargetRecord[] {
  switch (scenario) {
    case 'reconnect':
      return [SAMPLE_TARGETS.authRequired];
    case 'revoke':
      return [SAMPLE_TARGETS.cloudConnected, SAMPLE_TARGETS.selfHostedConnected];
    case 'slow-backend':
      return [SAMPLE_TARGETS.cloudConnected];
    default:
      return [];
  }
}

/**
 * msw handlers implementing the whole backend contract for one scenario, over
 * a store of their own: two calls give two independent backends. Requests are
 * checked with the contract schemas and every answer is parsed before it is
 * sent, except in `malformed-response`, whose point is to break the contract.
 * No credential is ever stored or echoed.
 */
export function createHandlers(options: HandlerOptions): HttpHandler[] {
  const { scenario } = options;
  const base = (options.endpoint ?? DEFAULT_MOCK_ENDPOINT).replace(/\/+$/, '');
  const latencyMs = options.latencyMs ?? (scenario === 'slow-backend' ? SLOW_LATENCY_MS : 0);
  const targets = new Map<string, TargetRecord>(initialTargets(scenario).map((t) => [t.id, structuredClone(t)]));
  const checks = new Map<string, StoredCheck>();
  const auths = new Map<string, StoredAuth>();

  async function readJson(request: Request): Promise<unknown> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw fail('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
    }
    const text = await request.text();
    if (text.length > MAX_BODY_CHARS) throw fail('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    try {
      return JSON.parse(text);
    } catch {
      throw fail('VALIDATION_FAILED', 'The request body is not valid JSON.');
    }
  }

  function validate<S extends AnySchema>(schema: S, value: unknown): z.output<S> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<S>;
    // Name the field, never its value: the value may be a credential.
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw fail('VALIDATION_FAILED', field ? `The field ${field} is missing or invalid.` : 'The request body is invalid.', {
      ...(field ? { field } : {}),
    });
  }

  function requireOwnership(value: unknown): void {
    const body = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (scenario === 'ownership-unclear' || body.ownership_confirmed !== true || body.export_authorized !== true) {
      throw fail(
        'OWNERSHIP_UNCONFIRMED',
        'Confirm that your organisation owns this server and authorises scanning and ticket export for it.',
        { field: 'ownership_confirmed' },
      );
    }
  }

  function runCheck(request: UrlCheckRequest): UrlCheckResponse {
    const url = parseBaseUrl(request.base_url);
    const normalized = normalize(url);
    const host = url.hostname;
    const edition = describeEdition(request.provider, request.edition);
    const identityUrl = edition.identityUrl?.(normalized) ?? normalized;
    let addresses = [...SAMPLE_PUBLIC_ADDRESSES];
    let failure: Failure | undefined;

    if (url.protocol !== 'https:') {
      addresses = [];
      failure = {
        check: 'scheme',
        detail: `Only https is allowed; the URL uses ${url.protocol.slice(0, -1)}.`,
        offender: url.protocol.slice(0, -1),
      };
    } else if (url.username || url.password) {
      // Never echo userinfo: it is often a credential typed into the URL.
      addresses = [];
      failure = { check: 'scheme', detail: 'The URL must not contain a user name or password.' };
    } else {
      switch (scenario) {
        case 'url-blocked-private-network':
          addresses = ['10.0.0.12'];
          failure = {
            check: 'private_network',
            detail: `${host} resolves to 10.0.0.12, a private-network address (10.0.0.0/8).`,
            offender: '10.0.0.12',
          };
          break;
        case 'url-blocked-reserved-ip':
          // Reserved, not private, by the URL policy's own table (link-local and metadata addresses fail private_network).
          addresses = ['198.18.0.10'];
          failure = {
            check: 'reserved_ip',
            detail: `${host} resolves to 198.18.0.10, in the benchmarking range 198.18.0.0/15, which is not globally reachable.`,
            offender: '198.18.0.10',
          };
          break;
        case 'url-blocked-redirect':
          failure = {
            check: 'redirect',
            detail: `${normalized} redirects (hop 1) to http://192.168.10.5/login, which is not https and resolves to a private-network address.`,
            offender: 'http://192.168.10.5/login',
          };
          break;
        case 'url-blocked-dns-rebinding':
          failure = {
            check: 'dns_rebinding',
            detail: `A second lookup of ${host} answered 127.0.0.1 instead of the checked ${addresses[0]}.`,
            offender: '127.0.0.1',
          };
          break;
        case 'url-blocked-ownership':
          // Nothing to probe without an identity endpoint: the check is skipped, as in the reference backend.
          if (edition.noIdentity) break;
          failure = {
            check: 'ownership',
            detail: `${identityUrl} did not answer as ${edition.label}.`,
            offender: identityUrl,
          };
          break;
        default:
          break;
      }
    }

    const passed: Partial<Record<CheckName, string>> = {
      scheme: 'https, with no user name or password.',
      private_network: `No private-network address among ${addresses.join(', ')}.`,
      reserved_ip: 'No reserved or special-purpose address.',
      redirect: 'The host answered without a redirect.',
      dns_rebinding: `The probe connected to the checked address ${addresses[0]}.`,
      ownership: `${identityUrl} answered as ${edition.label}.`,
    };
    // Like the reference check: without an identity endpoint (webhooks) ownership is skipped, not passed.
    const skipped: Partial<Record<CheckName, string>> = edition.noIdentity ? { ownership: edition.noIdentity } : {};
    const response: UrlCheckResponse = {
      status: failure ? 'blocked' : 'passed',
      ...(failure ? { code: 'PROVIDER_BASE_URL_BLOCKED' as const } : {}),
      normalized_url: normalized,
      addresses,
      checks: entries(passed, failure, skipped),
      check_id: newId('chk'),
      expires_at: new Date(Date.now() + CHECK_TTL_MS).toISOString(),
    };
    checks.set(response.check_id, {
      response,
      provider: request.provider,
      edition: request.edition,
      expiresAt: Date.now() + CHECK_TTL_MS,
    });
    return response;
  }

  /** The passed check a self-hosted save or auth start refers to, or an error. */
  function requirePassedCheck(provider: string, edition: string, baseUrl: string | undefined, checkId: string | undefined): StoredCheck {
    if (!baseUrl) throw fail('VALIDATION_FAILED', 'A base URL is required for this edition.', { field: 'base_url' });
    const normalized = normalize(parseBaseUrl(baseUrl));
    const check = checkId ? checks.get(checkId) : undefined;
    if (
      !check ||
      check.expiresAt < Date.now() ||
      check.response.normalized_url !== normalized ||
      check.provider !== provider ||
      check.edition !== edition
    ) {
      throw fail('URL_CHECK_REQUIRED', 'Run the URL check again for this exact base URL before saving.', {
        field: 'check_id',
      });
    }
    if (check.response.status !== 'passed') {
      throw fail('PROVIDER_BASE_URL_BLOCKED', 'This base URL failed a safety check; no credential will be sent to it.', {
        checks: check.response.checks,
      });
    }
    return check;
  }

  function authRequired(request: SaveTargetRequest, message: string): Reply {
    const method = describeAuthMethod(request.provider, request.edition, request.auth_method);
    return fail('PROVIDER_AUTH_REQUIRED', message, {
      action: { label: method.authRequiredAction, ...(method.createUrl ? { url: method.createUrl } : {}) },
    });
  }

  function save(request: SaveTargetRequest): { record: TargetRecord; created: boolean } {
    const edition = describeEdition(request.provider, request.edition);
    if (scenario === 'provider-limitation' || edition.blockingLimitation) {
      // In this scenario an edition's warning is found true for the account (e.g. no issue tracker switched on).
      const limitation = edition.blockingLimitation ?? edition.warning;
      throw fail('PROVIDER_LIMITATION', limitation?.message ?? `${edition.label} cannot hold tickets.`, {
        ...(limitation?.alternative ? { action: { label: limitation.alternative } } : {}),
      });
    }
    // Like the reference backend: only targets with a customer URL need the ownership confirmation.
    const selfHosted = edition.urlTarget ?? request.deployment_mode !== 'cloud';
    if (selfHosted) requireOwnership(request);

    const existing = request.target_id !== undefined ? targets.get(request.target_id) : undefined;
    if (request.target_id !== undefined) {
      if (!existing) throw fail('TARGET_NOT_FOUND', 'No target with that id.', { field: 'target_id' });
      if (existing.provider !== request.provider || existing.edition !== request.edition) {
        throw fail('VALIDATION_FAILED', 'A reconnect keeps the provider and edition of the target.', {
          field: 'target_id',
        });
      }
    }

    let baseUrl: string | null = null;
    let checkId: string | null = null;
    let tenant: string | undefined;
    if (selfHosted) {
      if (existing && request.base_url === undefined) {
        baseUrl = existing.base_url ?? null;
        checkId = existing.check_id ?? null;
      } else {
        const check = requirePassedCheck(request.provider, request.edition, request.base_url, request.check_id);
        baseUrl = check.response.normalized_url;
        checkId = check.response.check_id;
      }
      if (scenario === 'allowlist-missing' || !request.allowlist_status) {
        throw fail('ALLOWLIST_STATUS_MISSING', 'Record how the backend reaches this server before saving.', {
          field: 'allowlist_status',
        });
      }
    } else if (!existing && !request.tenant) {
      throw fail('VALIDATION_FAILED', 'Confirm the tenant this target belongs to.', { field: 'tenant' });
    } else if (request.tenant) {
      // Stored as the reference backend stores it: the catalog's tenant URL, so one site typed two ways is one tenant.
      const canonical = edition.canonicalTenant?.(request.tenant);
      if (canonical && !canonical.ok) throw fail('VALIDATION_FAILED', canonical.reason, { field: 'tenant' });
      tenant = canonical?.url ?? request.tenant;
    }

    if (scenario === 'auth-required') {
      throw authRequired(request, `${edition.label} asks for authorisation before this target can be saved.`);
    }
    if (request.authorization_id !== undefined) {
      const start = [...auths.entries()].find(([state]) => mockAuthorizationId(state) === request.authorization_id)?.[1];
      if (
        !start ||
        start.used ||
        start.expiresAt < Date.now() ||
        start.request.provider !== request.provider ||
        start.request.edition !== request.edition
      ) {
        throw authRequired(request, 'The authorisation is missing, expired or already used; authorise again.');
      }
      start.used = true;
    } else if (!request.credential) {
      throw authRequired(request, 'A credential or a completed authorisation is needed before saving.');
    }

    const at = nowIso();
    const method = describeAuthMethod(request.provider, request.edition, request.auth_method);
    const common = {
      auth_method: request.auth_method,
      token_type: request.token_type,
      scopes: method.scopes,
      state: 'connected' as const,
      has_credentials: true,
      error: null,
      updated_at: at,
      revoked_at: null,
      ...(selfHosted
        ? { base_url: baseUrl, check_id: checkId, allowlist_status: request.allowlist_status ?? null }
        : {}),
      ...(request.display_name !== undefined ? { display_name: request.display_name } : {}),
      ...(request.provider === 'webhook' ? { signing: request.signing ?? 'standard-webhooks' } : {}),
    };
    if (existing) {
      const record: TargetRecord = {
        ...existing,
        ...common,
        ...(tenant !== undefined ? { tenant } : {}),
        history: [...existing.history, { at, event: 'reconnected' }],
      };
      targets.set(record.id, record);
      return { record, created: false };
    }
    const record: TargetRecord = {
      id: newId('tgt'),
      provider: request.provider,
      edition: request.edition,
      deployment_mode: request.deployment_mode,
      tenant: tenant ?? null,
      base_url: null,
      allowlist_status: null,
      check_id: null,
      ...common,
      created_at: at,
      history: [
        { at, event: 'created' },
        { at, event: 'connected' },
      ],
    };
    targets.set(record.id, record);
    return { record, created: true };
  }

  function requireTarget(id: string | undefined): TargetRecord {
    const target = id === undefined ? undefined : targets.get(id);
    if (!target) throw fail('TARGET_NOT_FOUND', 'No target with that id.');
    return target;
  }

  function startAuth(request: AuthStartRequest): Response {
    if (request.base_url !== undefined || request.check_id !== undefined) {
      requirePassedCheck(request.provider, request.edition, request.base_url, request.check_id);
    }
    // The callback page lives on the opener's own origin, so the result origin is that origin.
    const origin = globalThis.location?.origin ?? new URL(request.return_origin).origin;
    const state = newId('st');
    auths.set(state, { request, expiresAt: Date.now() + AUTH_TTL_MS, used: false });
    return answer(AuthStartResponseSchema, {
      authorization_url: `${origin}${MOCK_AUTH_PAGE_PATH}?state=${encodeURIComponent(state)}`,
      state,
      result_origin: origin,
      expires_at: new Date(Date.now() + AUTH_TTL_MS).toISOString(),
    });
  }

  function down(): Response {
    if (options.downAs === 'network-error') return HttpResponse.error();
    return new HttpResponse('<!doctype html><title>503 Service Unavailable</title><h1>Service Unavailable</h1>', {
      status: 503,
      headers: { 'content-type': 'text/html' },
    });
  }

  function malformed(route: Route): Response {
    const json = (body: string, type = 'application/json') =>
      new HttpResponse(body, { status: 200, headers: { 'content-type': type } });
    switch (route) {
      case ROUTES.status:
        return json(JSON.stringify({ targets: 'none', egress_addresses: [42] }));
      case ROUTES.urlChecks:
        return json('{"status":"passed","checks":[');
      case ROUTES.revoke:
        return json('<!doctype html><title>Sign in</title><form></form>', 'text/html');
      case ROUTES.authStart:
        return json(
          JSON.stringify({
            authorization_url: 'javascript:alert(document.domain)',
            state: 'x',
            result_origin: '*',
            expires_at: 'soon',
          }),
        );
      default:
        return json(JSON.stringify({ id: 'tgt_mystery', provider: 'jira', state: 'mystery' }));
    }
  }

  const on = (
    route: Route,
    resolve: (request: Request, id: string | undefined) => Response | Promise<Response>,
  ): HttpHandler => {
    const path = base + route.path.replace('{id}', ':id');
    const method = route.method === 'GET' ? http.get : http.post;
    return method(path, async ({ request, params }) => {
      if (latencyMs > 0) await delay(latencyMs);
      if (scenario === 'backend-down') return down();
      if (scenario === 'malformed-response') return malformed(route);
      try {
        const id = typeof params.id === 'string' ? params.id : undefined;
        return await resolve(request, id);
      } catch (error) {
        if (error instanceof Reply) return error.response;
        throw error;
      }
    });
  };

  return [
    on(ROUTES.status, () =>
      answer(StatusResponseSchema, {
        targets: [...targets.values()],
        egress_addresses: [...SAMPLE_EGRESS_ADDRESSES],
        portable_export: SAMPLE_PORTABLE_EXPORT,
      }),
    ),
    on(ROUTES.urlChecks, async (request) => {
      const json = await readJson(request);
      requireOwnership(json);
      return answer(UrlCheckResponseSchema, runCheck(validate(UrlCheckRequestSchema, json)));
    }),
    on(ROUTES.targets, async (request) => {
      const { record, created } = save(validate(SaveTargetRequestSchema, await readJson(request)));
      return answer(TargetRecordSchema, record, created ? 201 : 200);
    }),
    on(ROUTES.target, (_request, id) => answer(TargetRecordSchema, requireTarget(id))),
    on(ROUTES.revoke, async (request, id) => {
      const body = validate(RevokeRequestSchema, await readJson(request));
      const target = requireTarget(id);
      if (target.state === 'revoked') return answer(TargetRecordSchema, target);
      const at = nowIso();
      const record: TargetRecord = {
        ...target,
        state: 'revoked',
        has_credentials: false,
        error: null,
        updated_at: at,
        revoked_at: at,
        history: [
          ...target.history,
          {
            at,
            event: 'revoked',
            detail: body.revoked_at_provider
              ? 'Revoked at the provider, then disconnected.'
              : 'Disconnected; revoking at the provider was not confirmed.',
          },
        ],
      };
      targets.set(record.id, record);
      return answer(TargetRecordSchema, record);
    }),
    on(ROUTES.authStart, async (request) => startAuth(validate(AuthStartRequestSchema, await readJson(request)))),
  ];
}
