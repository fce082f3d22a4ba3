/**
 * Where the reference handler keeps targets, their secrets, URL checks and
 * pending authorisations. Integrators implement `TargetStore` over their own
 * database; `createMemoryStore()` is the default for the demo and tests.
 *
 * Records and secrets live in separate slots on purpose: `get` and `list` can
 * never hand a secret to a response, because a record has nowhere to hold one.
 */
import type {
  DeploymentMode,
  EditionId,
  ProviderId,
} from '../../core/providers/types.js';
import type { TargetRecord, UrlCheckOutcome } from '../../core/contract/index.js';
import type { WebhookSigningId } from '../../core/providers/types.js';

/** The live credential of a target, plus the non-secret values needed to use it. */
export interface StoredSecret {
  /** API token, PAT, signing secret, or the grant an OAuth/app-install flow produced. */
  credential: string;
  /** Non-secret extras the auth method needs (e.g. the Atlassian account email). */
  fields?: Record<string, string>;
  /** Webhook signing scheme chosen for this secret. */
  signing?: WebhookSigningId;
}

/** A URL check as the handler remembers it, bound to what it was run for. */
export interface StoredCheck {
  id: string;
  provider: ProviderId;
  edition: EditionId;
  deployment_mode: DeploymentMode;
  /** The URL exactly as submitted to the check. */
  requested_url: string;
  outcome: UrlCheckOutcome;
  created_at: string;
  /** ISO instant after which the check no longer admits a save. */
  expires_at: string;
}

export type AuthorizationStatus = 'pending' | 'authorized' | 'denied' | 'error' | 'used';

/** An OAuth or app-install grant started with /auth/start. */
export interface StoredAuthorization {
  /** Opaque id handed to the element once the grant completed; a save names it. */
  id: string;
  /** Opaque value that travels through the provider and back to the callback. */
  state: string;
  provider: ProviderId;
  edition: EditionId;
  auth_method: string;
  tenant?: string;
  /** Normalised, checked URL for self-hosted editions. */
  base_url?: string;
  check_id?: string;
  /** The only origin the callback page posts its result to. */
  return_origin: string;
  status: AuthorizationStatus;
  created_at: string;
  expires_at: string;
}

export interface TargetStore {
  get(id: string): Promise<TargetRecord | undefined>;
  /** Every target, oldest first. */
  list(): Promise<TargetRecord[]>;
  put(record: TargetRecord): Promise<void>;
  putSecret(targetId: string, secret: StoredSecret): Promise<void>;
  /**
   * For the integrator's exporter, which needs the credential to call the
   * provider. The handler never calls it.
   */
  getSecret(targetId: string): Promise<StoredSecret | undefined>;
  /** Removes the secret; true when there was one. */
  dropSecret(targetId: string): Promise<boolean>;
  hasSecret(targetId: string): Promise<boolean>;
  saveCheck(check: StoredCheck): Promise<void>;
  getCheck(id: string): Promise<StoredCheck | undefined>;
  saveAuthorization(authorization: StoredAuthorization): Promise<void>;
  getAuthorization(id: string): Promise<StoredAuthorization | undefined>;
  getAuthorizationByState(state: string): Promise<StoredAuthorization | undefined>;
  /** Keeps the grant a completed authorisation produced until a save claims it. */
  putGrant(authorizationId: string, secret: StoredSecret): Promise<void>;
  /** Returns the grant and forgets it, so one grant backs at most one target. */
  takeGrant(authorizationId: string): Promise<StoredSecret | undefined>;
}

export interface MemoryStoreOptions {
  /** Targets present from the start (the demo shows a connected and an auth-required one). */
  seed?: TargetRecord[];
  /** Upper bound on remembered checks and authorisations; the oldest go first. */
  maxEntries?: number;
  /** Clock used to drop expired checks and authorisations. */
  now?: () => number;
}

/** In-memory store. Returns copies, so callers cannot change what is stored by accident. */
export function createMemoryStore(options: MemoryStoreOptions = {}): TargetStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const targets = new Map<string, TargetRecord>();
  const secrets = new Map<string, StoredSecret>();
  const checks = new Map<string, StoredCheck>();
  const authorizations = new Map<string, StoredAuthorization>();
  const byState = new Map<string, string>();
  const grants = new Map<string, StoredSecret>();

  for (const record of options.seed ?? []) targets.set(record.id, structuredClone(record));

  const expired = (iso: string) => Date.parse(iso) <= now();

  // Bounded maps: expired entries go first, then the oldest, so a flood of
  // checks cannot grow memory without limit.
  function prune<T extends { expires_at: string }>(map: Map<string, T>, onDelete?: (v: T) => void) {
    if (map.size < maxEntries) return;
    for (const [key, value] of map) {
      if (expired(value.expires_at)) {
        map.delete(key);
        onDelete?.(value);
      }
    }
    while (map.size >= maxEntries) {
      const first = map.entries().next();
      if (first.done) break;
      map.delete(first.value[0]);
      onDelete?.(first.value[1]);
    }
  }

  const dropAuthorization = (a: StoredAuthorization) => {
    byState.delete(a.state);
    grants.delete(a.id);
  };

  return {
    async get(id) {
      const record = targets.get(id);
      return record && structuredClone(record);
    },
    async list() {
      return [...targets.values()]
        .map((r) => structuredClone(r))
        .sort((a, b) => a.created_at.localeCompare(b.created_at));
    },
    async put(record) {
      targets.set(record.id, structuredClone(record));
    },
    async putSecret(targetId, secret) {
      secrets.set(targetId, structuredClone(secret));
    },
    async getSecret(targetId) {
      const secret = secrets.get(targetId);
      return secret && structuredClone(secret);
    },
    async dropSecret(targetId) {
      return secrets.delete(targetId);
    },
    async hasSecret(targetId) {
      return secrets.has(targetId);
    },
    async saveCheck(check) {
      prune(checks);
      checks.set(check.id, structuredClone(check));
    },
    async getCheck(id) {
      const check = checks.get(id);
      return check && structuredClone(check);
    },
    async saveAuthorization(authorization) {
      if (!authorizations.has(authorization.id)) prune(authorizations, dropAuthorization);
      authorizations.set(authorization.id, structuredClone(authorization));
      byState.set(authorization.state, authorization.id);
    },
    async getAuthorization(id) {
      const a = authorizations.get(id);
      return a && structuredClone(a);
    },
    async getAuthorizationByState(state) {
      const id = byState.get(state);
      const a = id === undefined ? undefined : authorizations.get(id);
      return a && structuredClone(a);
    },
    async putGrant(authorizationId, secret) {
      grants.set(authorizationId, structuredClone(secret));
    },
    async takeGrant(authorizationId) {
      const grant = grants.get(authorizationId);
      grants.delete(authorizationId);
      return grant;
    },
  };
}
