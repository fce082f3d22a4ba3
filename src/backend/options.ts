/**
 * What the backend takes: its services (URL check, credential verifier,
 * authoriser, store, clock, provider adapters) and its policies (hosts,
 * origins, limits). The backend decides the contract's rules; the services
 * answer questions about the world (DNS, the provider, the database, time).
 */
import type { ErrorCode, StatusResponse, TargetRecord, UrlCheckOutcome } from '../core/contract/index.js';
import type { AuthMethod, DeploymentMode, Edition, EditionId, Provider, ProviderId } from '../core/providers/types.js';
import type { ProviderAdapter } from './providers/types.js';
import type { RateLimit, RateLimiter, RateLimiterFactory } from './rate-limit.js';
import type { StoredAuthorization, StoredSecret, TargetStore } from './store/types.js';

/** Runs the base URL check. The Node server's `checkBaseUrl` fits; the msw kit runs the same check over simulated DNS. */
export type CheckUrl = (
  url: string,
  context: { provider: ProviderId; edition: EditionId; deploymentMode: DeploymentMode; signal?: AbortSignal },
) => Promise<UrlCheckOutcome>;

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
  signal?: AbortSignal;
}

/**
 * A refusal from the provider. Its message is shown to the customer after
 * every run of 8 or more characters of the credential is removed.
 * `PROVIDER_LIMITATION`: the account cannot hold tickets (an issue tracker
 * switched off); the catalog's warning and its alternative are used when the
 * verdict brings no message.
 */
export type VerifyCredentialResult = {
  code: 'CREDENTIALS_REJECTED' | 'NETWORK_UNREACHABLE' | 'PROVIDER_UNAVAILABLE' | 'PROVIDER_AUTH_REQUIRED' | 'PROVIDER_LIMITATION';
  message?: string;
};

/** Checks a credential with the provider before it is saved; nothing (or undefined) means it works. */
export type VerifyCredential = (
  context: VerifyCredentialContext,
) => Promise<VerifyCredentialResult | void> | VerifyCredentialResult | void;

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

/** One request to a provider, one answer; a failed connection rejects. */
export type ProviderFetch = (request: Request) => Promise<Response>;

/** At most one adapter per provider (src/backend/providers); the export path's routes call them. */
export type ProviderAdapters = Partial<Record<ProviderId, ProviderAdapter>>;

export interface BackendOptions {
  /** Path prefix the routes live under, e.g. `/api/pts`. Default: none. */
  basePath?: string;
  /**
   * The backend's public URL including the base path
   * (`https://api.example.com/api/pts`). Requests for any other host are
   * refused; it also gives the authorisation redirect URI and the origin the
   * popup result comes from. Without it, only loopback host names
   * (`localhost`, `127.0.0.1`, `[::1]`) are served, so a page on a rebinding
   * name that resolves to this backend gets nothing.
   */
  publicUrl?: string;
  /** Further host names (`name` or `name:port`) served besides `publicUrl` or the loopback names. */
  allowedHosts?: readonly string[];

  // ---------------------------------------------------------------- services

  /** The base URL check. */
  checkUrl: CheckUrl;
  /** Checks a typed credential or a grant with the provider before it is saved. Default: none. */
  verifyCredential?: VerifyCredential;
  /** The authoriser, first half: builds the provider's authorisation URL for an OAuth or app-install start. */
  authorize?: (context: AuthorizeContext) => Promise<{ authorizationUrl: string }> | { authorizationUrl: string };
  /** The authoriser, second half: finishes a grant on the callback (exchange the code, keep the token). */
  completeAuthorization?: (
    context: CompleteAuthorizationContext,
  ) => Promise<CompleteAuthorizationResult> | CompleteAuthorizationResult;
  /**
   * Demo only: answer /auth/start with a simulated consent page on this
   * backend instead of a real provider. Ignored when `authorize` is set.
   */
  simulateAuth?: boolean;
  /** Provider adapters for the export path's routes (the shipped ones are `ADAPTERS` in src/backend/providers). */
  adapters?: ProviderAdapters;
  /**
   * Sends one request to a provider's API for the export routes (destination
   * lists, the test export), with the saved credential on it; redirects are
   * not followed. The Node server passes the connect-time guard, so no call can
   * be steered to a private address; the msw kit and the demo pass a simulated
   * provider. Without it those routes answer BACKEND_UNAVAILABLE.
   */
  providerFetch?: ProviderFetch;
  /** Where targets, checks, grants and idempotency keys live. Default: a memory store. */
  store?: TargetStore;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /**
   * Limits URL checks per client and test exports per target. Default: counted
   * in this process's memory, `rateLimit`. A factory (`sqlRateLimiters(db)`) is
   * called with each limit's name (`url-checks`, `test-exports`), its limit and
   * the clock, so several instances count one limit; a limiter object is used
   * as it is for both (test exports hit it under `test-export:{id}`).
   */
  rateLimiter?: RateLimiter | RateLimiterFactory;

  // ---------------------------------------------------------------- data and policy

  /** Targets added to the store when the backend first runs (and again after a demo reset). */
  seed?: TargetRecord[];
  /**
   * The provider catalog; the shipped one by default. Pass
   * `withDocOverrides(overrides)` so errors link to the host's own pages.
   */
  providers?: readonly Provider[];
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
  /**
   * Default 10 URL checks per client per minute, and 5 test exports per target
   * per minute (each creates a ticket in the customer's tracker).
   */
  rateLimit?: { urlChecks?: RateLimit; testExports?: RateLimit };
  /**
   * Where a request came from. Default: its `Origin` header. The msw kit,
   * which lives inside the page, answers with the page's origin: browsers keep
   * `Origin` out of the headers of a Request a page builds.
   */
  requestOrigin?: (request: Request) => string | null;
  /**
   * The rate-limit key of a request. Default: one shared bucket. The Node
   * server keys on the peer address; behind a trusted proxy, read its
   * forwarding header here.
   */
  clientKey?: (request: Request) => string | undefined;
  /** How long a URL check admits a save. Default 10 minutes. */
  checkTtlMs?: number;
  /** How long a started authorisation stays usable. Default 10 minutes. */
  authTtlMs?: number;
  /** How long a save's answer is replayed to a retry with its Idempotency-Key. Default 24 hours. */
  idempotencyTtlMs?: number;
  /**
   * Targets one installation may hold, revoked ones included (their records
   * are kept). Default 50: one per provider, edition and URL or tenant leaves
   * that far beyond what a team connects.
   */
  maxTargets?: number;
  /** Most targets one `GET /status` lists; the rest are counted in `omitted`. Default 50, the cap. */
  maxListed?: number;
  /**
   * Demo only: `POST {basePath}/demo/reset` forgets every target, check and
   * grant and puts the seed back. Off unless set; never set it in production.
   */
  demoReset?: boolean;
  /** Unexpected errors, for the integrator's logging; credentials are redacted from them first. */
  onError?: (error: unknown) => void;
}

export const BACKEND_DEFAULTS = {
  maxBodyBytes: 32 * 1024,
  checkTtlMs: 10 * 60_000,
  authTtlMs: 10 * 60_000,
  idempotencyTtlMs: 24 * 60 * 60_000,
  maxTargets: 50,
  maxListed: 50,
  urlCheckLimit: { max: 10, windowMs: 60_000 },
  testExportLimit: { max: 5, windowMs: 60_000 },
} as const;

export type PtsHandler = (request: Request) => Promise<Response>;
