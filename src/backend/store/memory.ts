/**
 * The in-memory `TargetStore`: the default of the demo, the msw kit and the
 * tests. Runs anywhere (no Node, no DOM). Every method body runs without an
 * `await` between its reads and its writes, so each call is atomic, as the
 * interface asks of every store.
 *
 * Records are frozen when written and handed out as they are (no copy per
 * read, so a listing costs what the listing holds); secrets are copied.
 */
import type { TargetRecord } from '../../core/contract/index.js';
import { deepFreeze } from '../../core/providers/freeze.js';
import { ExpiringMap } from './expiring.js';
import type {
  CompleteAuthorizationInput,
  CreateTargetInput,
  CreateTargetResult,
  IdempotentAnswer,
  ReconnectTargetInput,
  ReconnectTargetResult,
  RevokeTargetInput,
  RevokeTargetResult,
  StoredAuthorization,
  StoredCheck,
  StoredSecret,
  TargetStore,
  TargetUpdate,
  TargetUpdateResult,
  TargetWrite,
  TargetWriteRefusal,
} from './types.js';

export interface MemoryStoreOptions {
  /** Most URL checks remembered at once; the oldest go first. Default 10,000. */
  maxChecks?: number;
  /** Most authorisations (with their grants) remembered at once. Default 10,000. */
  maxAuthorizations?: number;
  /** Most idempotency keys remembered at once. Default 10,000. */
  maxIdempotencyKeys?: number;
}

export const MEMORY_STORE_DEFAULTS = { maxChecks: 10_000, maxAuthorizations: 10_000, maxIdempotencyKeys: 10_000 } as const;

/** A frozen copy: what the caller passed stays theirs to change. */
const snapshot = <T>(value: T): T => deepFreeze(structuredClone(value));
const ms = (iso: string) => Date.parse(iso);

interface Slot {
  record: TargetRecord;
  uniqueKey: string;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): TargetStore {
  const limits = { ...MEMORY_STORE_DEFAULTS, ...options };
  const targets = new Map<string, Slot>();
  const byKey = new Map<string, string>();
  const secrets = new Map<string, StoredSecret>();
  const checks = new ExpiringMap<StoredCheck>(limits.maxChecks);
  const grants = new Map<string, StoredSecret>();
  const byState = new Map<string, string>();
  const authorizations = new ExpiringMap<StoredAuthorization>(limits.maxAuthorizations, (id, a) => {
    byState.delete(a.state);
    grants.delete(id);
  });
  const answers = new ExpiringMap<IdempotentAnswer>(limits.maxIdempotencyKeys);

  /** Steps 1–4 of a write, in the interface's order; undefined when the write may go ahead. */
  function refuse(input: TargetWrite, selfId: string | undefined, isReconnect: boolean): TargetWriteRefusal | { ok: false; reason: 'not_found' } | undefined {
    const now = ms(input.now);
    if (input.idempotency) {
      const answer = answers.get(input.idempotency.key, now);
      if (answer) {
        return answer.fingerprint === input.idempotency.fingerprint ? { ok: false, reason: 'replay', answer } : { ok: false, reason: 'key_reused' };
      }
    }
    if (isReconnect && (selfId === undefined || !targets.has(selfId))) return { ok: false, reason: 'not_found' };
    if (input.checkId !== undefined) {
      const check = checks.get(input.checkId, now);
      if (!check || check.consumed_at !== undefined) return { ok: false, reason: 'check_unavailable' };
    }
    if (input.authorizationId !== undefined) {
      const authorization = authorizations.get(input.authorizationId, now);
      if (!authorization || authorization.status !== 'authorized' || !grants.has(authorization.id)) {
        return { ok: false, reason: 'grant_unavailable' };
      }
    }
    const holder = byKey.get(input.uniqueKey);
    if (holder !== undefined && holder !== selfId) return { ok: false, reason: 'target_exists', targetId: holder };
    return undefined;
  }

  /** The writes every successful create or reconnect makes. */
  function commit(input: TargetWrite, record: TargetRecord, status: 200 | 201, previousKey?: string): TargetRecord {
    const now = ms(input.now);
    if (input.checkId !== undefined) {
      const check = checks.peek(input.checkId)!;
      checks.update(input.checkId, snapshot({ ...check, consumed_at: input.now }));
    }
    if (input.authorizationId !== undefined) {
      const authorization = authorizations.peek(input.authorizationId)!;
      authorizations.update(input.authorizationId, snapshot({ ...authorization, status: 'used' }));
      grants.delete(input.authorizationId);
    }
    const frozen = snapshot(record);
    if (previousKey !== undefined && previousKey !== input.uniqueKey) byKey.delete(previousKey);
    targets.set(frozen.id, { record: frozen, uniqueKey: input.uniqueKey });
    byKey.set(input.uniqueKey, frozen.id);
    secrets.set(frozen.id, structuredClone(input.secret));
    if (input.idempotency) {
      const { key, fingerprint, expiresAt } = input.idempotency;
      answers.set(key, deepFreeze({ fingerprint, status, record: frozen, expires_at: expiresAt }), ms(expiresAt), now);
    }
    return frozen;
  }

  /** A change after save: the record rewritten, the secret and unique key kept. */
  function update({ id, apply }: TargetUpdate): TargetUpdateResult {
    const slot = targets.get(id);
    if (!slot) return { ok: false, reason: 'not_found' };
    const next = apply(slot.record, secrets.has(id));
    if (!next) return { ok: false, reason: 'declined', record: slot.record };
    const frozen = snapshot(next);
    targets.set(id, { record: frozen, uniqueKey: slot.uniqueKey });
    return { ok: true, record: frozen };
  }

  return {
    async getTarget(id) {
      return targets.get(id)?.record;
    },

    async listTargets({ limit }) {
      const out: TargetRecord[] = [];
      for (const slot of targets.values()) {
        if (out.length >= limit) break;
        out.push(slot.record);
      }
      return { targets: out, total: targets.size };
    },

    async createTarget(input: CreateTargetInput): Promise<CreateTargetResult> {
      const refused = refuse(input, undefined, false);
      if (refused) return refused as TargetWriteRefusal;
      if (targets.size >= input.maxTargets) return { ok: false, reason: 'limit_reached' };
      return { ok: true, record: commit(input, input.record, 201) };
    },

    async reconnectTarget(input: ReconnectTargetInput): Promise<ReconnectTargetResult> {
      const refused = refuse(input, input.id, true);
      if (refused) return refused;
      const slot = targets.get(input.id)!;
      return { ok: true, record: commit(input, input.reconnect(slot.record), 200, slot.uniqueKey) };
    },

    async revokeTarget(input: RevokeTargetInput): Promise<RevokeTargetResult> {
      const slot = targets.get(input.id);
      if (!slot) return { ok: false, reason: 'not_found' };
      const hadSecret = secrets.delete(input.id);
      const next = input.revoke(slot.record, hadSecret);
      if (!next) return { ok: true, record: slot.record };
      const frozen = snapshot(next);
      targets.set(input.id, { record: frozen, uniqueKey: slot.uniqueKey });
      return { ok: true, record: frozen };
    },

    async saveExportSettings(input) {
      return update(input);
    },

    async recordTestResult(input) {
      return update(input);
    },

    async importTarget({ record, uniqueKey }) {
      if (targets.has(record.id) || byKey.has(uniqueKey)) return false;
      targets.set(record.id, { record: snapshot(record), uniqueKey });
      byKey.set(uniqueKey, record.id);
      return true;
    },

    async getSecret(targetId) {
      const secret = secrets.get(targetId);
      return secret && structuredClone(secret);
    },

    async saveCheck(check) {
      checks.set(check.id, snapshot(check), ms(check.expires_at), ms(check.created_at));
    },

    async getCheck(id) {
      return checks.peek(id);
    },

    async saveAuthorization(authorization) {
      const frozen = snapshot(authorization);
      authorizations.set(frozen.id, frozen, ms(frozen.expires_at), ms(frozen.created_at));
      byState.set(frozen.state, frozen.id);
    },

    async getAuthorization(id) {
      return authorizations.peek(id);
    },

    async getAuthorizationByState(state) {
      const id = byState.get(state);
      return id === undefined ? undefined : authorizations.peek(id);
    },

    async completeAuthorization({ id, status, grant, now }: CompleteAuthorizationInput) {
      const authorization = authorizations.get(id, ms(now));
      if (!authorization || authorization.status !== 'pending') return false;
      if (status === 'authorized' && !grant) throw new TypeError('An authorized grant needs its secret.');
      authorizations.update(id, snapshot({ ...authorization, status }));
      if (status === 'authorized') grants.set(id, structuredClone(grant!));
      return true;
    },

    async getGrant(authorizationId) {
      const authorization = authorizations.peek(authorizationId);
      const grant = authorization?.status === 'authorized' ? grants.get(authorizationId) : undefined;
      return grant && structuredClone(grant);
    },

    async getIdempotentAnswer(key, now) {
      return answers.get(key, ms(now));
    },

    async clear() {
      for (const map of [targets, byKey, secrets, grants, byState]) map.clear();
      checks.clear();
      authorizations.clear();
      answers.clear();
    },
  };
}
