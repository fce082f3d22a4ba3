/**
 * The backend as its routes see it: options resolved to their defaults, the
 * store seeded, and the small helpers several routes share.
 */
import { TargetRecordSchema, type TargetRecord } from '../core/contract/index.js';
import { PROVIDERS } from '../core/providers/index.js';
import type { DeploymentMode, EditionId, Provider, ProviderId } from '../core/providers/types.js';
import { targetKey } from './catalog.js';
import { createCorsPolicy, type CorsPolicy } from './cors.js';
import { createRecordWriter, createStatusWriter, type RecordWriter } from './listing.js';
import { createHostPolicy, type HostPolicy } from './host.js';
import { ProblemResponse } from './http.js';
import { BACKEND_DEFAULTS, type BackendOptions } from './options.js';
import { resolveRateLimiter, type RateLimiter } from './rate-limit.js';
import { createMemoryStore } from './store/memory.js';
import type { StoredCheck, TargetStore } from './store/types.js';

export interface BackendContext {
  readonly options: BackendOptions;
  readonly store: TargetStore;
  readonly providers: readonly Provider[];
  readonly basePath: string;
  readonly cors: CorsPolicy;
  readonly hosts: HostPolicy;
  readonly urlCheckLimiter: RateLimiter;
  /** Keyed by target: a test export creates a real ticket each time. */
  readonly testExportLimiter: RateLimiter;
  /** Where a request came from: its Origin, unless the options say otherwise. */
  requestOrigin(request: Request): string | null;
  readonly limits: {
    maxBodyBytes: number;
    checkTtlMs: number;
    authTtlMs: number;
    idempotencyTtlMs: number;
    maxTargets: number;
    maxListed: number;
  };
  /** Stored records as the contract lets them out. */
  readonly records: RecordWriter;
  /** The text of a `GET /status` answer from checked record texts. */
  statusBody(records: string[], omitted: number): string;
  now(): number;
  iso(ms?: number): string;
  clientKey(request: Request): string;
  /** Puts the seed targets into the store once (again after `reseed`). */
  ensureSeeded(): Promise<void>;
  /** Forgets that the seed was written, for a demo reset. */
  reseed(): void;
  /** The authorisation callback's absolute URL. */
  callbackUrl(url: URL): string;
}

export interface RequestScope {
  request: Request;
  url: URL;
  /** The `{id}` of `/targets/{id}` routes. */
  id?: string;
  /** Secrets this request carries; removed from any error passed to `onError`. */
  secrets: string[];
}

export type Route = (ctx: BackendContext, scope: RequestScope) => Promise<Response>;

function normaliseBasePath(value: string | undefined): string {
  if (!value || value === '/') return '';
  const trimmed = value.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function createContext(options: BackendOptions): BackendContext {
  const basePath = normaliseBasePath(options.basePath);
  const now = options.now ?? Date.now;
  const seed: TargetRecord[] = (options.seed ?? []).map((r) => TargetRecordSchema.parse(r));
  const store = options.store ?? createMemoryStore();
  const cors = createCorsPolicy({
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHeaders: options.allowedHeaders ?? [],
    allowCredentials: options.allowCredentials ?? true,
  });
  const requestOrigin = options.requestOrigin ?? ((request: Request) => request.headers.get('origin'));
  const hosts = createHostPolicy({ publicUrl: options.publicUrl, allowedHosts: options.allowedHosts, basePath, cors, requestOrigin });
  let seeded: Promise<void> | undefined = seed.length ? undefined : Promise.resolve();

  return {
    options,
    store,
    providers: options.providers ?? PROVIDERS,
    basePath,
    cors,
    hosts,
    requestOrigin,
    urlCheckLimiter: resolveRateLimiter(options.rateLimiter, 'url-checks', options.rateLimit?.urlChecks ?? BACKEND_DEFAULTS.urlCheckLimit, now),
    testExportLimiter: resolveRateLimiter(
      options.rateLimiter,
      'test-exports',
      options.rateLimit?.testExports ?? BACKEND_DEFAULTS.testExportLimit,
      now,
    ),
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? BACKEND_DEFAULTS.maxBodyBytes,
      checkTtlMs: options.checkTtlMs ?? BACKEND_DEFAULTS.checkTtlMs,
      authTtlMs: options.authTtlMs ?? BACKEND_DEFAULTS.authTtlMs,
      idempotencyTtlMs: options.idempotencyTtlMs ?? BACKEND_DEFAULTS.idempotencyTtlMs,
      maxTargets: options.maxTargets ?? BACKEND_DEFAULTS.maxTargets,
      maxListed: options.maxListed ?? BACKEND_DEFAULTS.maxListed,
    },
    records: createRecordWriter((record) => {
      const id = typeof record?.id === 'string' ? record.id.slice(0, 100) : '(no id)';
      options.onError?.(new Error(`The stored target ${id} does not match the contract and is left out of answers.`));
    }),
    statusBody: createStatusWriter({
      egress_addresses: options.egressAddresses ?? [],
      portable_export: options.portableExport ?? { available: false, formats: [] },
    }),
    now,
    iso: (ms = now()) => new Date(ms).toISOString(),
    clientKey: (request) => options.clientKey?.(request) || 'anonymous',
    ensureSeeded() {
      seeded ??= (async () => {
        // Insert-if-absent: two instances seeding one database write each record once.
        for (const record of seed) await store.importTarget({ record, uniqueKey: targetKey(record) });
      })().catch((error: unknown) => {
        seeded = undefined;
        throw error;
      });
      return seeded;
    },
    reseed() {
      seeded = seed.length ? undefined : Promise.resolve();
    },
    callbackUrl(url) {
      return `${hosts.publicBase(url).href.replace(/\/$/, '')}/auth/callback`;
    },
  };
}

/**
 * The check that admits this exact URL for this provider, edition and mode:
 * a URL_CHECK_REQUIRED when there is none (or it expired, or a save already
 * consumed it), a PROVIDER_BASE_URL_BLOCKED with its checks when it failed.
 */
export async function requirePassedCheck(
  ctx: BackendContext,
  input: { checkId: string | undefined; baseUrl: string; provider: ProviderId; edition: EditionId; mode: DeploymentMode },
): Promise<StoredCheck> {
  const check = input.checkId ? await ctx.store.getCheck(input.checkId) : undefined;
  const matches =
    check !== undefined &&
    check.consumed_at === undefined &&
    Date.parse(check.expires_at) > ctx.now() &&
    check.provider === input.provider &&
    check.edition === input.edition &&
    check.deployment_mode === input.mode &&
    (input.baseUrl === check.outcome.normalized_url || input.baseUrl === check.requested_url);
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

/** Counts one hit against `limiter`; over the limit, RATE_LIMITED with the wait in the body and in Retry-After. */
export async function requireWithinLimit(limiter: RateLimiter, key: string, message: string): Promise<void> {
  const decision = await limiter.hit(key);
  if (decision.allowed) return;
  const seconds = decision.retryAfterSeconds;
  throw new ProblemResponse('RATE_LIMITED', message, { retry_after: seconds }, { 'retry-after': String(seconds) });
}
