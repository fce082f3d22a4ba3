/**
 * What the backend keeps, and the one interface a store implements: targets
 * with their secrets, URL checks, authorisations with their grants, and the
 * answers remembered under idempotency keys.
 *
 * Integrators implement `TargetStore` over their own database. The rule for
 * every method that writes: **one call is one transaction**. Each decision
 * that must hold across several backend instances on one database (a check
 * admits one save, a grant backs one target, one target per provider, edition
 * and URL or tenant, the targets cap, an idempotency key answers once) is
 * taken inside a single call, so a SQL store can take it with constraints and
 * one transaction, and the handler never reads, decides and writes in steps
 * that a second instance could interleave.
 *
 * Records and secrets live in separate slots: `getTarget` and `listTargets`
 * can never hand a secret to a response, because a record has nowhere to hold
 * one. Methods may return frozen objects; callers never change what a store
 * returns.
 */
import type { TargetRecord, UrlCheckOutcome } from '../../core/contract/index.js';
import type { DeploymentMode, EditionId, ProviderId, WebhookSigningId } from '../../core/providers/types.js';

/** The live credential of a target, plus the non-secret values needed to use it. */
export interface StoredSecret {
  /** API token, PAT, signing secret, or the grant an OAuth/app-install flow produced. */
  credential: string;
  /** Non-secret extras the auth method needs (e.g. the Atlassian account email). */
  fields?: Record<string, string>;
  /** Webhook signing scheme chosen for this secret. */
  signing?: WebhookSigningId;
}

/** A URL check as the backend remembers it, bound to what it was run for. */
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
  /** Set once a save consumed the check; a consumed check admits no further save. */
  consumed_at?: string;
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

/** What a save asks the store to remember under its idempotency key. */
export interface IdempotencyClaim {
  /** The client's `Idempotency-Key`. */
  key: string;
  /** Identifies the request the key was first used with (never derived from the credential). */
  fingerprint: string;
  /** ISO instant after which the key is forgotten and may be used again. */
  expiresAt: string;
}

/** The first answer given under an idempotency key, replayed to every retry with that key. */
export interface IdempotentAnswer {
  fingerprint: string;
  /** 201 for a created target, 200 for a reconnected one. */
  status: 200 | 201;
  /** The record as it was answered then (later changes to the target do not alter a replay). */
  record: TargetRecord;
  expires_at: string;
}

/** What a create and a reconnect have in common. */
export interface TargetWrite {
  /** Written together with the record, in the same transaction. */
  secret: StoredSecret;
  /**
   * `provider|edition|normalised URL or tenant`: at most one target holds a
   * key (a unique constraint in SQL). Revoked targets keep theirs.
   */
  uniqueKey: string;
  /** The check this save consumes: unexpired and not consumed, else `check_unavailable`. */
  checkId?: string;
  /** An authorisation whose waiting grant this save takes: `authorized` and unexpired, else `grant_unavailable`. */
  authorizationId?: string;
  /** Present when the request carried an `Idempotency-Key`. */
  idempotency?: IdempotencyClaim;
  /** The backend's clock (ISO) for every expiry this call compares. */
  now: string;
}

export interface CreateTargetInput extends TargetWrite {
  /** The complete record to insert, id included. */
  record: TargetRecord;
  /** Refuse with `limit_reached` when this many targets (revoked ones included) are stored. */
  maxTargets: number;
}

export interface ReconnectTargetInput extends TargetWrite {
  id: string;
  /**
   * Builds the reconnected record from the stored one. Pure and synchronous:
   * a store calls it inside its transaction, with the row locked, and may call
   * it again if it retries the transaction.
   */
  reconnect(current: TargetRecord): TargetRecord;
}

/** Why a create or reconnect wrote nothing. */
export type TargetWriteRefusal =
  /** The key answered before with the same request: give that answer again. */
  | { ok: false; reason: 'replay'; answer: IdempotentAnswer }
  /** The key answered before, for a different request. */
  | { ok: false; reason: 'key_reused' }
  | { ok: false; reason: 'check_unavailable' }
  | { ok: false; reason: 'grant_unavailable' }
  /** Another target holds the unique key. */
  | { ok: false; reason: 'target_exists'; targetId: string };

export type CreateTargetResult = { ok: true; record: TargetRecord } | TargetWriteRefusal | { ok: false; reason: 'limit_reached' };

export type ReconnectTargetResult = { ok: true; record: TargetRecord } | TargetWriteRefusal | { ok: false; reason: 'not_found' };

export interface RevokeTargetInput {
  id: string;
  /**
   * Builds the revoked record from the stored one, after the secret was
   * dropped; undefined keeps the record as it is (already revoked). Pure and
   * synchronous, like `reconnect`.
   */
  revoke(current: TargetRecord, hadSecret: boolean): TargetRecord | undefined;
}

export type RevokeTargetResult = { ok: true; record: TargetRecord } | { ok: false; reason: 'not_found' };

/**
 * A change to one target's record after it was saved (its export settings, its
 * last test) that leaves its secret, id, provider, edition, URL or tenant, and
 * unique key as they are.
 */
export interface TargetUpdate {
  id: string;
  /**
   * Builds the new record from the stored one; `hasSecret` says whether a live
   * secret is still held (a revoke may have come first). Undefined declines:
   * nothing is written. Pure and synchronous, like `reconnect`: a store calls
   * it inside its transaction, with the row locked, and may call it again if
   * it retries the transaction.
   */
  apply(current: TargetRecord, hasSecret: boolean): TargetRecord | undefined;
}

export type TargetUpdateResult =
  | { ok: true; record: TargetRecord }
  | { ok: false; reason: 'not_found' }
  /** `apply` declined; `record` is the stored one, unchanged. */
  | { ok: false; reason: 'declined'; record: TargetRecord };

export interface CompleteAuthorizationInput {
  id: string;
  status: 'authorized' | 'denied' | 'error';
  /** Kept until a save takes it; required with `authorized`. */
  grant?: StoredSecret;
  now: string;
}

export interface TargetStore {
  // ------------------------------------------------------------ targets

  getTarget(id: string): Promise<TargetRecord | undefined>;

  /**
   * At most `limit` targets, oldest first, and how many are stored in all.
   * A record may come back in a shape the contract no longer accepts (edited
   * by hand, written by an older version): the backend checks each one.
   */
  listTargets(options: { limit: number }): Promise<{ targets: TargetRecord[]; total: number }>;

  /**
   * One transaction, deciding in this order:
   * 1. the idempotency key: a live key with the same fingerprint is a
   *    `replay`, with another fingerprint `key_reused`. A concurrent call with
   *    the same key waits for the first and then replays it (in SQL: insert the
   *    key first, so the second insert blocks on it);
   * 2. the check (`checkId`): unexpired and not consumed, then consumed (the
   *    backend has already matched its provider, edition, URL and outcome,
   *    which never change);
   * 3. the grant (`authorizationId`): waiting, then taken (status `used`);
   * 4. the unique key: held by another target is `target_exists`;
   * 5. the cap: `maxTargets` stored already is `limit_reached`;
   * then writes the record, its secret and, with a key, the answer
   * `{ status: 201, record }`. A refusal writes nothing.
   */
  createTarget(input: CreateTargetInput): Promise<CreateTargetResult>;

  /**
   * One transaction, in the order of `createTarget` with `not_found` after
   * the key and no cap: replaces the record with `reconnect(current)` and the
   * secret with `secret`, moves the target to `uniqueKey` (refused when
   * another target holds it), and remembers `{ status: 200, record }`.
   */
  reconnectTarget(input: ReconnectTargetInput): Promise<ReconnectTargetResult>;

  /** One transaction: drops the secret and writes `revoke(current, hadSecret)`. */
  revokeTarget(input: RevokeTargetInput): Promise<RevokeTargetResult>;

  /**
   * One transaction: writes the record with its new export settings (where
   * tickets go, duplicate handling, webhook events), as `apply` builds it from
   * the stored one. The backend declines for a revoked target.
   */
  saveExportSettings(input: TargetUpdate): Promise<TargetUpdateResult>;

  /**
   * One transaction: writes the record carrying a test export's result as
   * `last_test`, with any change of state the result implies (a refused
   * credential makes a connected target `auth_required`), as `apply` builds it
   * from the stored one. A revoke that came first is seen by `apply`, so the
   * result never brings a revoked target back.
   */
  recordTestResult(input: TargetUpdate): Promise<TargetUpdateResult>;

  /**
   * Inserts a record as it is (seed data, an import), without a secret,
   * unless a target with its id or unique key exists; true when it was
   * inserted. Not bound by the cap. The save path never calls it.
   */
  importTarget(input: { record: TargetRecord; uniqueKey: string }): Promise<boolean>;

  /** For the integrator's exporter, which needs the credential. The backend itself never reads it back. */
  getSecret(targetId: string): Promise<StoredSecret | undefined>;

  // ------------------------------------------------------------ URL checks

  /** Remembers a new check; expired checks may be forgotten from then on. */
  saveCheck(check: StoredCheck): Promise<void>;
  /** A remembered check, consumed or not; undefined once forgotten. */
  getCheck(id: string): Promise<StoredCheck | undefined>;

  // ------------------------------------------------------------ authorisations

  /** Remembers a new, pending authorisation; expired ones may be forgotten from then on. */
  saveAuthorization(authorization: StoredAuthorization): Promise<void>;
  getAuthorization(id: string): Promise<StoredAuthorization | undefined>;
  getAuthorizationByState(state: string): Promise<StoredAuthorization | undefined>;
  /**
   * One transaction: moves a pending, unexpired authorisation to `status`
   * and keeps `grant` with it. False, writing nothing, when it was not
   * pending (a replayed callback) or has expired.
   */
  completeAuthorization(input: CompleteAuthorizationInput): Promise<boolean>;
  /**
   * The grant of an `authorized` authorisation, without taking it, so the
   * credential can be checked before a save takes it atomically.
   */
  getGrant(authorizationId: string): Promise<StoredSecret | undefined>;

  // ------------------------------------------------------------ idempotency

  /** The answer remembered under a live key. */
  getIdempotentAnswer(key: string, now: string): Promise<IdempotentAnswer | undefined>;

  // ------------------------------------------------------------ demo

  /** Forgets everything. For demos and tests; a production store may leave it out. */
  clear?(): Promise<void>;
}
