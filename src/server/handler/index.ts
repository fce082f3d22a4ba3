/**
 * The reference backend for the element's contract, as a standard
 * `(Request) => Promise<Response>` so it mounts on node:http, a dev server,
 * or any runtime with the Fetch API.
 *
 * Routes (relative to `basePath`):
 *   GET  /status                  targets, egress addresses, portable export
 *   POST /url-checks              run the base_url check, remember it under a check_id
 *   POST /targets                 save (or reconnect) a target
 *   GET  /targets/{id}            one target
 *   POST /targets/{id}/revoke     drop credentials, keep the record and its history
 *   POST /auth/start              start an OAuth or app-install grant
 *   GET  /auth/callback           the popup page that reports the grant to the opener
 *   GET  /auth/simulate           simulated consent screen (only with `simulateAuth`)
 *
 * Unknown routes, and known paths with the wrong method, answer 404
 * TARGET_NOT_FOUND: the vocabulary has no "no such route" code, and 404 is
 * what a client needs to know.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  AuthStartRequestSchema,
  AuthStartResponseSchema,
  RevokeRequestSchema,
  SaveTargetRequestSchema,
  StatusResponseSchema,
  TargetRecordSchema,
  UrlCheckOutcomeSchema,
  UrlCheckRequestSchema,
  UrlCheckResponseSchema,
  type Action,
  type AuthResultMessage,
  type ErrorCode,
  type HistoryEntry,
  type SaveTargetRequest,
  type StatusResponse,
  type TargetRecord,
  type UrlCheckOutcome,
} from '../../core/contract/index.js';
import {
  blockingLimitation,
  findAuthMethod,
  getEdition,
  getProvider,
  isGrantKind,
  PROVIDERS,
  testPattern,
  validateTenant,
} from '../../core/providers/index.js';
import type {
  AuthMethod,
  DeploymentMode,
  Edition,
  EditionId,
  Provider,
  ProviderId,
  WebhookSigningId,
} from '../../core/providers/types.js';
import { checkBaseUrl, type CheckBaseUrlOptions } from '../check/index.js';
import {
  createMemoryStore,
  type StoredAuthorization,
  type StoredCheck,
  type StoredSecret,
  type TargetStore,
} from '../store/index.js';
import { callbackPage, simulatedConsentPage, staleCallbackPage } from './auth-pages.js';
import { getClientAddress } from './client-address.js';
import { createCorsPolicy, type CorsPolicy } from './cors.js';
import { errorResponse, jsonResponse, parseBody, ProblemResponse, readJson } from './http.js';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit.js';

export { BodyTooLargeError, ProblemResponse } from './http.js';
export { getClientAddress, setClientAddress } from './client-address.js';
export type { RateLimit } from './rate-limit.js';

/** What the handler asks of a base URL check; `checkBaseUrl` from the server's check module fits. */
export type CheckUrl = (
  url: string,
  context: { provider: ProviderId; edition: EditionId; deploymentMode: DeploymentMode; signal?: AbortSignal },
) => Promise<UrlCheckOutcome>;


export interface AuthorizeContext {
  provider: Provider;
  edition: Edition;
  method: AuthMethod;
  tenant?: string;
  /** Normalised, checked base URL for self-hosted editions. */
  baseUrl?: string;
  /** Opaque value to send to the provider and receive back on the callback. */
  state: string;
  /** The callback page's absolute URL, to register as the redirect URI. */
  redirectUri: string;
  request: Request;
}

export interface CompleteAuthorizationContext {
  authorization: StoredAuthorization;
  /** Query parameters the provider sent back (`code`, `error`, `installation_id`…). */
  params: URLSearchParams;
  redirectUri: string;
  request: Request;
}

export type CompleteAuthorizationResult =
  | { status: 'authorized'; grant: StoredSecret }
  | { status: 'denied' }
  | { status: 'error'; code?: ErrorCode; message?: string };

export interface VerifyCredentialContext {
  provider: Provider;
  edition: Edition;
  method: AuthMethod;
  tenant?: string;
  baseUrl?: string;
  /** Addresses the URL check approved, in order; connect to these only. */
  addresses: string[];
  secret: StoredSecret;
  /** Set on reconnect. */
  targetId?: string;
}

export type VerifyCredentialResult = {
  code: 'CREDENTIALS_REJECTED' | 'NETWORK_UNREACHABLE' | 'PROVIDER_AUTH_REQUIRED';
  message?: string;
};

export interface HandlerOptions {
  /** Path prefix the routes live under, e.g. `/api/pts`. Default: none. */
  basePath?: string;
  /**
   * The backend's public URL including the base path (`https://api.example.com/api/pts`),
   * when a proxy makes the request URL differ from what browsers see. Used for
   * the authorisation redirect URI and the origin the popup result comes from.
   */
  publicUrl?: string;
  store?: TargetStore;
  /** Targets added to the store when the handler first runs. */
  seed?: TargetRecord[];
  /**
   * The provider catalog; the shipped one by default. Pass
   * `withDocOverrides(overrides)` so errors link to the host's own pages.
   */
  providers?: readonly Provider[];
  /** The base URL check. Default: `checkBaseUrl` with `checkOptions`. */
  checkUrl?: CheckUrl;
  /** Options for the default `checkBaseUrl` (lookup, transport, allow, allowHttp, ports…). */
  checkOptions?: CheckOptions;
  /** Addresses the backend connects from, shown for firewall and VPN allowlists. */
  egressAddresses?: string[];
  portableExport?: StatusResponse['portable_export'];
  /** Exact origins allowed to call cross-origin. No wildcard. */
  allowedOrigins?: readonly string[];
  /** Extra request headers allowed cross-origin (e.g. a CSRF header name). */
  allowedHeaders?: readonly string[];
  /** Whether cross-origin calls may carry cookies. Default true. */
  allowCredentials?: boolean;
  /** Largest accepted request body in bytes. Default 32 KiB. */
  maxBodyBytes?: number;
  rateLimit?: { urlChecks?: RateLimit };
  /**
   * The rate-limit key of a request. Default: the peer address our adapters
   * saw, else one shared 'anonymous' bucket. Behind a trusted proxy, read its
   * forwarding header here.
   */
  clientKey?: (request: Request) => string | undefined;
  /** How long a URL check admits a save. Default 10 minutes. */
  checkTtlMs?: number;
  /** How long a started authorisation stays usable. Default 10 minutes. */
  authTtlMs?: number;
  now?: () => number;
  /** Builds the provider's authorisation URL for an OAuth or app-install start. */
  authorize?: (context: AuthorizeContext) => Promise<{ authorizationUrl: string }> | { authorizationUrl: string };
  /** Finishes a grant on the callback (exchange the code, keep the token). */
  completeAuthorization?: (
    context: CompleteAuthorizationContext,
  ) => Promise<CompleteAuthorizationResult> | CompleteAuthorizationResult;
  /**
   * Demo only: answer /auth/start with a simulated consent page on this
   * backend instead of a real provider. Ignored when `authorize` is set.
   */
  simulateAuth?: boolean;
  /** Checks a credential with the provider before it is saved. */
  verifyCredential?: (
    context: VerifyCredentialContext,
  ) => Promise<VerifyCredentialResult | void> | VerifyCredentialResult | void;
  /** Unexpected errors, for the integrator's logging. Never receives a credential from us. */
  onError?: (error: unknown) => void;
}

export type PtsHandler = (request: Request) => Promise<Response>;

/** Options for the default check; the handler fills in provider, edition, mode and signal. */
export type CheckOptions = Omit<CheckBaseUrlOptions, 'provider' | 'edition' | 'deploymentMode' | 'signal'>;

const DEFAULT_MAX_BODY = 32 * 1024;
const DEFAULT_TTL = 10 * 60 * 1000;
const DEFAULT_URL_CHECK_LIMIT: RateLimit = { max: 10, windowMs: 60_000 };

/** The catalog's default webhook signing scheme (Standard Webhooks). */
function defaultSigning(provider: Provider): WebhookSigningId {
  return provider.webhookSigning?.find((s) => s.isDefault)?.id ?? 'standard-webhooks';
}

function normaliseBasePath(value: string | undefined): string {
  if (!value || value === '/') return '';
  const trimmed = value.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function defaultCheckUrl(checkOptions: CheckOptions): CheckUrl {
  return (url, context) => checkBaseUrl(url, { ...checkOptions, ...context });
}

const VERIFY_MESSAGES: Record<VerifyCredentialResult['code'], string> = {
  CREDENTIALS_REJECTED: 'The provider refused this credential. Check it and its permissions, then try again.',
  NETWORK_UNREACHABLE: 'The backend could not reach the provider host. Check the network path (tunnel, allowlist, VPN).',
  PROVIDER_AUTH_REQUIRED: 'The provider needs a new authorisation before this target can be saved.',
};

export function createHandler(options: HandlerOptions = {}): PtsHandler {
  const basePath = normaliseBasePath(options.basePath);
  const now = options.now ?? Date.now;
  const iso = (ms = now()) => new Date(ms).toISOString();
  const providers = options.providers ?? PROVIDERS;
  const seed = (options.seed ?? []).map((r) => TargetRecordSchema.parse(r));
  const store = options.store ?? createMemoryStore({ seed, now });
  let seeded: Promise<void> | undefined =
    options.store && seed.length ? undefined : Promise.resolve();
  const ensureSeeded = () =>
    (seeded ??= (async () => {
      for (const record of seed) if (!(await store.get(record.id))) await store.put(record);
    })());

  const checkUrl = options.checkUrl ?? defaultCheckUrl(options.checkOptions ?? {});
  const cors: CorsPolicy = createCorsPolicy({
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHeaders: options.allowedHeaders ?? [],
    allowCredentials: options.allowCredentials ?? true,
  });
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const checkTtl = options.checkTtlMs ?? DEFAULT_TTL;
  const authTtl = options.authTtlMs ?? DEFAULT_TTL;
  const urlCheckLimiter: RateLimiter = createRateLimiter(options.rateLimit?.urlChecks ?? DEFAULT_URL_CHECK_LIMIT, now);
  const clientKey = (request: Request) =>
    options.clientKey?.(request) || getClientAddress(request) || 'anonymous';
  const publicUrl = options.publicUrl ? new URL(options.publicUrl.replace(/\/+$/, '')) : undefined;
  const portableExport = options.portableExport ?? { available: false, formats: [] };
  const egressAddresses = options.egressAddresses ?? [];

  // ------------------------------------------------------------ catalog helpers

  function lookupEdition(providerId: ProviderId, editionId: string): { provider: Provider; edition: Edition } {
    const provider = getProvider(providerId, providers);
    const edition = getEdition(providerId, editionId, providers);
    if (!provider || !edition) {
      throw new ProblemResponse('VALIDATION_FAILED', `edition is not an edition of ${providerId}.`, { field: 'edition' });
    }
    return { provider, edition };
  }

  function refuseBlockingLimitation(edition: Edition): void {
    const limitation = blockingLimitation(edition);
    if (!limitation) return;
    let action: Action | undefined;
    const alt = limitation.alternative;
    if (alt) {
      const altEdition = getEdition(alt.provider, alt.edition, providers);
      if (altEdition) action = { label: `Use ${altEdition.label} instead.` };
    }
    throw new ProblemResponse('PROVIDER_LIMITATION', limitation.message, action ? { action } : {});
  }

  function authRequired(method: AuthMethod, message?: string): ProblemResponse {
    const action: Action = { label: method.authRequiredAction };
    if (method.create?.url) action.url = method.create.url;
    return new ProblemResponse(
      'PROVIDER_AUTH_REQUIRED',
      message ?? `${method.label} is required before this target can be saved.`,
      { action },
    );
  }

  /** The confirmed tenant in its canonical URL form, so one site typed two ways is one tenant. */
  function checkTenant(edition: Edition, tenant: string | undefined): string | undefined {
    const value = tenant?.trim() || undefined;
    if (!edition.tenant) {
      if (value !== undefined) {
        throw new ProblemResponse('VALIDATION_FAILED', 'tenant is not used by this edition.', { field: 'tenant' });
      }
      return undefined;
    }
    const result = validateTenant(edition, value ?? '');
    if (!result.ok) throw new ProblemResponse('VALIDATION_FAILED', result.reason, { field: 'tenant' });
    return result.url;
  }

  /** The passed check that admits this exact URL for this provider and edition. */
  async function requirePassedCheck(
    checkId: string | undefined,
    baseUrl: string,
    provider: ProviderId,
    edition: EditionId,
    mode: DeploymentMode,
  ): Promise<StoredCheck> {
    const check = checkId ? await store.getCheck(checkId) : undefined;
    const matches =
      check !== undefined &&
      Date.parse(check.expires_at) > now() &&
      check.provider === provider &&
      check.edition === edition &&
      check.deployment_mode === mode &&
      (baseUrl === check.outcome.normalized_url || baseUrl === check.requested_url);
    if (!matches) {
      throw new ProblemResponse(
        'URL_CHECK_REQUIRED',
        'Run the URL check for this exact base URL first; there is no current passed check for it.',
        { field: 'check_id' },
      );
    }
    if (check.outcome.status !== 'passed') {
      throw new ProblemResponse('PROVIDER_BASE_URL_BLOCKED', 'The base URL failed the safety checks.', {
        checks: check.outcome.checks,
      });
    }
    return check;
  }

  // ------------------------------------------------------------ routes

  async function status(): Promise<Response> {
    await ensureSeeded();
    return jsonResponse(StatusResponseSchema, {
      targets: await store.list(),
      egress_addresses: egressAddresses,
      portable_export: portableExport,
    });
  }

  async function urlCheck(request: Request): Promise<Response> {
    const limited = urlCheckLimiter.hit(clientKey(request));
    if (!limited.allowed) {
      throw new ProblemResponse(
        'RATE_LIMITED',
        'Too many URL checks from this client. Wait a moment and try again.',
        { retry_after: limited.retryAfterSeconds },
        { 'retry-after': String(limited.retryAfterSeconds) },
      );
    }
    const raw = await readJson(request, maxBody);
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const r = raw as Record<string, unknown>;
      if (r.ownership_confirmed !== true || r.export_authorized !== true) {
        throw new ProblemResponse(
          'OWNERSHIP_UNCONFIRMED',
          'Confirm that you own this host and may export scan findings to it before it is checked.',
        );
      }
    }
    const body = parseBody(UrlCheckRequestSchema, raw);
    const { edition } = lookupEdition(body.provider, body.edition);
    if (edition.mode !== body.deployment_mode) {
      throw new ProblemResponse('VALIDATION_FAILED', `deployment_mode must be ${edition.mode} for this edition.`, {
        field: 'deployment_mode',
      });
    }
    if (!edition.baseUrl) {
      throw new ProblemResponse('VALIDATION_FAILED', 'This edition takes no base URL.', { field: 'base_url' });
    }
    refuseBlockingLimitation(edition);

    let outcome: UrlCheckOutcome;
    try {
      const result = await checkUrl(body.base_url, {
        provider: body.provider,
        edition: body.edition,
        deploymentMode: body.deployment_mode,
        signal: request.signal,
      });
      outcome = UrlCheckOutcomeSchema.parse(result);
    } catch (error) {
      options.onError?.(error);
      throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The URL check could not run. Try again later.');
    }
    const created = now();
    const check: StoredCheck = {
      id: `chk_${randomUUID()}`,
      provider: body.provider,
      edition: body.edition,
      deployment_mode: body.deployment_mode,
      requested_url: body.base_url,
      outcome,
      created_at: iso(created),
      expires_at: iso(created + checkTtl),
    };
    await store.saveCheck(check);
    return jsonResponse(UrlCheckResponseSchema, { ...outcome, check_id: check.id, expires_at: check.expires_at });
  }

  function checkExtraFields(method: AuthMethod, fields: Record<string, string> | undefined): Record<string, string> | undefined {
    const wanted = method.extraFields ?? [];
    const given = fields ?? {};
    for (const name of Object.keys(given)) {
      if (!wanted.some((f) => f.name === name)) {
        // Key names come from the client: name them only when they look like a field name.
        const field = /^[A-Za-z0-9_]{1,60}$/.test(name) ? `credential_fields.${name}` : 'credential_fields';
        throw new ProblemResponse('VALIDATION_FAILED', `${field} is not used by this method.`, { field });
      }
    }
    const out: Record<string, string> = {};
    for (const f of wanted) {
      const value = given[f.name]?.trim();
      const field = `credential_fields.${f.name}`.slice(0, 100);
      if (!value) throw new ProblemResponse('VALIDATION_FAILED', `${f.label} is required.`, { field });
      if (f.pattern && !testPattern(f.pattern, value)) {
        throw new ProblemResponse('VALIDATION_FAILED', `${f.label} has the wrong format.`, { field });
      }
      out[f.name] = value;
    }
    return wanted.length ? out : undefined;
  }

  async function saveTarget(request: Request): Promise<Response> {
    const body: SaveTargetRequest = parseBody(SaveTargetRequestSchema, await readJson(request, maxBody));
    await ensureSeeded();
    const { provider, edition } = lookupEdition(body.provider, body.edition);
    if (edition.mode !== body.deployment_mode) {
      throw new ProblemResponse('VALIDATION_FAILED', `deployment_mode must be ${edition.mode} for this edition.`, {
        field: 'deployment_mode',
      });
    }
    refuseBlockingLimitation(edition);

    // Only what the catalog lists for this edition; never a broader method.
    const method = findAuthMethod(edition, body.auth_method);
    if (!method) {
      throw new ProblemResponse('VALIDATION_FAILED', 'auth_method is not offered for this edition.', {
        field: 'auth_method',
      });
    }
    if (body.token_type !== method.tokenType) {
      throw new ProblemResponse('VALIDATION_FAILED', 'token_type does not belong to this auth_method.', {
        field: 'token_type',
      });
    }

    const existing = body.target_id ? await store.get(body.target_id) : undefined;
    if (body.target_id && !existing) {
      throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id to reconnect.', {
        field: 'target_id',
      });
    }
    if (existing && (existing.provider !== body.provider || existing.edition !== body.edition)) {
      throw new ProblemResponse('VALIDATION_FAILED', 'A reconnect keeps the provider and edition of the target.', {
        field: 'target_id',
      });
    }

    if (body.signing !== undefined) {
      const offered = provider.webhookSigning?.some((s) => s.id === body.signing) ?? false;
      if (!offered || method.kind !== 'signing-secret') {
        throw new ProblemResponse('VALIDATION_FAILED', 'signing is not offered for this target.', { field: 'signing' });
      }
    }

    // Where the target lives: a checked URL, or a confirmed cloud tenant.
    let baseUrl: string | undefined;
    let check: StoredCheck | undefined;
    let allowlist: TargetRecord['allowlist_status'] = null;
    if (edition.baseUrl) {
      if (!body.ownership_confirmed || !body.export_authorized) {
        throw new ProblemResponse(
          'OWNERSHIP_UNCONFIRMED',
          'Confirm that you own this host and may export scan findings to it.',
        );
      }
      if (!body.base_url) {
        throw new ProblemResponse('VALIDATION_FAILED', 'base_url is required for this edition.', { field: 'base_url' });
      }
      check = await requirePassedCheck(body.check_id, body.base_url, body.provider, body.edition, body.deployment_mode);
      baseUrl = check.outcome.normalized_url;
      if (!body.allowlist_status) {
        throw new ProblemResponse(
          'ALLOWLIST_STATUS_MISSING',
          'Say how the backend reaches this host: direct, tunnel or allowlist.',
          { field: 'allowlist_status' },
        );
      }
      if (body.allowlist_status === 'unreachable') {
        throw new ProblemResponse(
          'NETWORK_UNREACHABLE',
          'The backend cannot reach this host yet. Open a tunnel or allowlist the egress addresses, or use portable export.',
          { field: 'allowlist_status' },
        );
      }
      allowlist = body.allowlist_status;
    } else if (body.base_url !== undefined || body.check_id !== undefined) {
      const field = body.base_url !== undefined ? 'base_url' : 'check_id';
      throw new ProblemResponse('VALIDATION_FAILED', `${field} is not used by this edition.`, { field });
    }
    const tenant = checkTenant(edition, body.tenant);

    // The credential: typed by the customer, or the grant of a completed authorisation.
    let secret: StoredSecret | undefined;
    let authorization: StoredAuthorization | undefined;
    let fields: Record<string, string> | undefined;
    if (method.kind === 'token' || method.kind === 'signing-secret') {
      if (body.authorization_id !== undefined) {
        throw new ProblemResponse('VALIDATION_FAILED', 'authorization_id is not used by this method.', {
          field: 'authorization_id',
        });
      }
      const credential = body.credential?.trim();
      if (!credential) throw authRequired(method);
      fields = checkExtraFields(method, body.credential_fields);
      secret = { credential };
    } else {
      if (body.credential !== undefined) {
        throw new ProblemResponse('VALIDATION_FAILED', 'This method takes no typed credential.', { field: 'credential' });
      }
      if (!body.authorization_id) throw authRequired(method);
      // Fields first: taking the grant is final.
      fields = checkExtraFields(method, body.credential_fields);
      authorization = await store.getAuthorization(body.authorization_id);
      const usable =
        authorization !== undefined &&
        authorization.status === 'authorized' &&
        Date.parse(authorization.expires_at) > now() &&
        authorization.provider === body.provider &&
        authorization.edition === body.edition &&
        authorization.auth_method === method.id &&
        (authorization.base_url ?? undefined) === baseUrl &&
        (authorization.tenant === undefined || authorization.tenant === tenant);
      const grant = usable ? await store.takeGrant(body.authorization_id) : undefined;
      if (!grant) {
        throw authRequired(method, 'The authorisation is missing, expired or already used. Start it again.');
      }
      secret = grant;
    }
    if (fields) secret.fields = fields;
    if (body.signing) secret.signing = body.signing;

    if (options.verifyCredential) {
      let verdict: VerifyCredentialResult | void;
      try {
        verdict = await options.verifyCredential({
          provider,
          edition,
          method,
          ...(tenant !== undefined ? { tenant } : {}),
          ...(baseUrl !== undefined ? { baseUrl } : {}),
          addresses: check?.outcome.addresses ?? [],
          secret: structuredClone(secret),
          ...(existing ? { targetId: existing.id } : {}),
        });
      } catch (error) {
        options.onError?.(error);
        if (authorization) await store.putGrant(authorization.id, secret);
        throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The credential could not be checked. Try again later.');
      }
      if (verdict) {
        if (authorization && verdict.code === 'NETWORK_UNREACHABLE') await store.putGrant(authorization.id, secret);
        const credential = secret.credential;
        const offered = verdict.message?.trim();
        // A hook's own wording is kept unless it quotes the secret.
        const message =
          offered && !offered.includes(credential) ? offered.slice(0, 1000) : VERIFY_MESSAGES[verdict.code];
        if (verdict.code === 'PROVIDER_AUTH_REQUIRED') throw authRequired(method, message);
        throw new ProblemResponse(verdict.code, message);
      }
    }

    const at = iso();
    const history: HistoryEntry[] = existing
      ? [...existing.history, { at, event: 'reconnected', detail: method.label }]
      : [
          { at, event: 'created' },
          { at, event: 'connected', detail: method.label },
        ];
    const record: TargetRecord = {
      id: existing?.id ?? `tgt_${randomUUID()}`,
      provider: body.provider,
      edition: body.edition,
      deployment_mode: body.deployment_mode,
      state: 'connected',
      tenant: tenant ?? null,
      base_url: baseUrl ?? null,
      allowlist_status: allowlist,
      check_id: check?.id ?? null,
      auth_method: method.id,
      token_type: method.tokenType,
      scopes: [...method.scopes],
      ...(method.kind === 'signing-secret' ? { signing: body.signing ?? defaultSigning(provider) } : {}),
      has_credentials: true,
      error: null,
      created_at: existing?.created_at ?? at,
      updated_at: at,
      revoked_at: null,
      history,
    };
    const displayName = body.display_name?.trim() || existing?.display_name;
    if (displayName) record.display_name = displayName;

    await store.putSecret(record.id, secret);
    await store.put(record);
    if (authorization) await store.saveAuthorization({ ...authorization, status: 'used' });
    return jsonResponse(TargetRecordSchema, record, existing ? 200 : 201);
  }

  async function getTarget(id: string): Promise<Response> {
    await ensureSeeded();
    const record = await store.get(id);
    if (!record) throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id.');
    return jsonResponse(TargetRecordSchema, record);
  }

  async function revokeTarget(request: Request, id: string): Promise<Response> {
    const body = parseBody(RevokeRequestSchema, await readJson(request, maxBody));
    await ensureSeeded();
    const record = await store.get(id);
    if (!record) throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id.');
    if (!body.revoked_at_provider) {
      const edition = getEdition(record.provider, record.edition, providers);
      const method = edition && findAuthMethod(edition, record.auth_method);
      const action: Action | undefined = method
        ? { label: method.revoke.label, ...(method.revoke.url ? { url: method.revoke.url } : {}) }
        : undefined;
      throw new ProblemResponse(
        'VALIDATION_FAILED',
        'Revoke the grant at the provider first, then confirm it here.',
        { field: 'revoked_at_provider', ...(action ? { action } : {}) },
      );
    }
    const hadSecret = await store.dropSecret(id);
    if (record.state === 'revoked' && !hadSecret) return jsonResponse(TargetRecordSchema, record);
    const at = iso();
    const revoked: TargetRecord = {
      ...record,
      state: 'revoked',
      has_credentials: false,
      error: null,
      updated_at: at,
      revoked_at: at,
      history: [...record.history, { at, event: 'revoked' }],
    };
    await store.put(revoked);
    return jsonResponse(TargetRecordSchema, revoked);
  }

  function publicBase(request: Request): URL {
    if (publicUrl) return new URL(publicUrl.href);
    const url = new URL(request.url);
    return new URL(`${url.origin}${basePath}`);
  }
  const callbackUrl = (request: Request) => `${publicBase(request).href.replace(/\/$/, '')}/auth/callback`;

  async function authStart(request: Request): Promise<Response> {
    const body = parseBody(AuthStartRequestSchema, await readJson(request, maxBody));
    const { provider, edition } = lookupEdition(body.provider, body.edition);
    refuseBlockingLimitation(edition);
    const method = findAuthMethod(edition, body.auth_method);
    if (!method || !isGrantKind(method)) {
      throw new ProblemResponse('VALIDATION_FAILED', 'auth_method has no authorisation flow for this edition.', {
        field: 'auth_method',
      });
    }

    // The result is posted to return_origin: it must be the page that called us
    // (browsers always send Origin on a POST), and one we serve or list.
    const returnOrigin = new URL(body.return_origin).origin;
    const callerOrigin = request.headers.get('origin');
    const self = publicBase(request).origin;
    if (callerOrigin !== returnOrigin || (returnOrigin !== self && !cors.isAllowed(returnOrigin))) {
      throw new ProblemResponse('VALIDATION_FAILED', 'return_origin must be the origin of the calling page.', {
        field: 'return_origin',
      });
    }

    let baseUrl: string | undefined;
    let checkId: string | undefined;
    if (edition.baseUrl) {
      if (!body.base_url) {
        throw new ProblemResponse('VALIDATION_FAILED', 'base_url is required for this edition.', { field: 'base_url' });
      }
      const check = await requirePassedCheck(body.check_id, body.base_url, body.provider, body.edition, edition.mode);
      baseUrl = check.outcome.normalized_url;
      checkId = check.id;
    } else if (body.base_url !== undefined) {
      throw new ProblemResponse('VALIDATION_FAILED', 'base_url is not used by this edition.', { field: 'base_url' });
    }
    const tenant = body.tenant === undefined ? undefined : checkTenant(edition, body.tenant);

    const state = randomBytes(24).toString('base64url');
    const created = now();
    const authorization: StoredAuthorization = {
      id: `auth_${randomUUID()}`,
      state,
      provider: body.provider,
      edition: body.edition,
      auth_method: method.id,
      ...(tenant !== undefined ? { tenant } : {}),
      ...(baseUrl !== undefined ? { base_url: baseUrl } : {}),
      ...(checkId !== undefined ? { check_id: checkId } : {}),
      return_origin: returnOrigin,
      status: 'pending',
      created_at: iso(created),
      expires_at: iso(created + authTtl),
    };

    const redirectUri = callbackUrl(request);
    let authorizationUrl: string;
    if (options.authorize) {
      ({ authorizationUrl } = await options.authorize({
        provider,
        edition,
        method,
        ...(tenant !== undefined ? { tenant } : {}),
        ...(baseUrl !== undefined ? { baseUrl } : {}),
        state,
        redirectUri,
        request,
      }));
    } else if (options.simulateAuth) {
      authorizationUrl = `${redirectUri.replace(/\/callback$/, '/simulate')}?state=${encodeURIComponent(state)}`;
    } else {
      throw new ProblemResponse('BACKEND_UNAVAILABLE', 'This backend has no authorisation flow configured.');
    }
    await store.saveAuthorization(authorization);
    return jsonResponse(AuthStartResponseSchema, {
      authorization_url: authorizationUrl,
      state,
      result_origin: new URL(redirectUri).origin,
      expires_at: authorization.expires_at,
    });
  }

  async function pendingAuthorization(url: URL): Promise<StoredAuthorization | undefined> {
    const state = url.searchParams.get('state');
    if (!state || state.length > 200) return undefined;
    const authorization = await store.getAuthorizationByState(state);
    if (!authorization || authorization.status !== 'pending' || Date.parse(authorization.expires_at) <= now()) {
      return undefined;
    }
    return authorization;
  }

  async function authSimulate(url: URL): Promise<Response> {
    const authorization = await pendingAuthorization(url);
    if (!authorization) return staleCallbackPage();
    const provider = getProvider(authorization.provider, providers);
    const edition = getEdition(authorization.provider, authorization.edition, providers);
    const method = edition && findAuthMethod(edition, authorization.auth_method);
    if (!provider || !method) return staleCallbackPage();
    return simulatedConsentPage({
      state: authorization.state,
      providerLabel: provider.label,
      methodLabel: method.label,
      grants: method.grants,
      scopes: method.scopes,
    });
  }

  async function authCallback(request: Request, url: URL): Promise<Response> {
    const authorization = await pendingAuthorization(url);
    if (!authorization) return staleCallbackPage();
    let result: CompleteAuthorizationResult;
    if (options.completeAuthorization) {
      try {
        result = await options.completeAuthorization({
          authorization,
          params: url.searchParams,
          redirectUri: callbackUrl(request),
          request,
        });
      } catch (error) {
        options.onError?.(error);
        result = { status: 'error', code: 'BACKEND_UNAVAILABLE' };
      }
    } else if (options.simulateAuth && !options.authorize) {
      result = url.searchParams.has('error')
        ? { status: 'denied' }
        : { status: 'authorized', grant: { credential: `simulated-grant-${randomBytes(16).toString('hex')}` } };
    } else {
      result = { status: 'error', code: 'BACKEND_UNAVAILABLE' };
    }

    const message: AuthResultMessage = { type: 'pts-auth-result', state: authorization.state, status: result.status };
    if (result.status === 'authorized') {
      await store.putGrant(authorization.id, result.grant);
      message.authorization_id = authorization.id;
    } else if (result.status === 'error') {
      if (result.code) message.code = result.code;
      if (result.message) message.message = result.message.slice(0, 1000);
    }
    await store.saveAuthorization({ ...authorization, status: result.status });
    return callbackPage(message, authorization.return_origin);
  }

  // ------------------------------------------------------------ dispatch

  type Route = { methods: readonly string[]; run: (request: Request, url: URL) => Promise<Response> };

  function route(path: string): Route | undefined {
    switch (path) {
      case '/status':
        return { methods: ['GET'], run: () => status() };
      case '/url-checks':
        return { methods: ['POST'], run: (r) => urlCheck(r) };
      case '/targets':
        return { methods: ['POST'], run: (r) => saveTarget(r) };
      case '/auth/start':
        return { methods: ['POST'], run: (r) => authStart(r) };
      case '/auth/callback':
        return { methods: ['GET'], run: (r, u) => authCallback(r, u) };
      case '/auth/simulate':
        return options.simulateAuth && !options.authorize ? { methods: ['GET'], run: (_r, u) => authSimulate(u) } : undefined;
    }
    const m = /^\/targets\/([^/]+)(\/revoke)?$/.exec(path);
    if (!m) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      return undefined;
    }
    if (id.length === 0 || id.length > 100) return undefined;
    return m[2]
      ? { methods: ['POST'], run: (r) => revokeTarget(r, id) }
      : { methods: ['GET'], run: () => getTarget(id) };
  }

  function originAccepted(request: Request, origin: string): boolean {
    return (
      origin === publicBase(request).origin ||
      cors.isAllowed(origin) ||
      request.headers.get('sec-fetch-site') === 'same-origin'
    );
  }

  return async function handle(request: Request): Promise<Response> {
    const origin = request.headers.get('origin');
    const cross = origin !== null && cors.isAllowed(origin) ? cors.responseHeaders(origin) : {};
    let response: Response;
    try {
      const url = new URL(request.url);
      const inBase = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      const found = inBase ? route(url.pathname.slice(basePath.length) || '/') : undefined;
      if (request.method === 'OPTIONS') return cors.preflight(request, found?.methods ?? []);
      if (!found || !found.methods.includes(request.method)) {
        throw new ProblemResponse('TARGET_NOT_FOUND', `No route for ${request.method} ${url.pathname}.`);
      }
      // A page on an origin that is not listed gets no side effects, even where
      // the browser would only hide the answer.
      if (origin !== null && !originAccepted(request, origin)) {
        throw new ProblemResponse('VALIDATION_FAILED', 'Requests from this origin are not accepted.');
      }
      response = await found.run(request, url);
    } catch (error) {
      if (!(error instanceof ProblemResponse)) options.onError?.(error);
      response = errorResponse(
        error instanceof ProblemResponse
          ? error
          : new ProblemResponse('BACKEND_UNAVAILABLE', 'The backend hit an unexpected error.'),
      );
    }
    for (const [name, value] of Object.entries(cross)) response.headers.set(name, value);
    return response;
  };
}
