/**
 * Targets and their sealed secrets. A create or reconnect is one transaction
 * that takes its decisions in the order the interface gives (key, check,
 * grant, unique key, cap) and writes the record, the secret and the answer
 * together; any refusal rolls all of it back.
 */
import type { TargetRecord } from '../../../core/contract/index.js';
import type { SqlTransaction } from '../../sql/driver.js';
import type {
  CreateTargetInput,
  CreateTargetResult,
  ReconnectTargetInput,
  ReconnectTargetResult,
  RevokeTargetInput,
  RevokeTargetResult,
  StoredSecret,
  TargetUpdate,
  TargetUpdateResult,
  TargetWrite,
  TargetWriteRefusal,
} from '../types.js';
import { consumeCheck } from './checks.js';
import { takeGrant } from './authorizations.js';
import { answerKey, claimKey } from './idempotency.js';
import { decide, openSecret, Refusal, sealSecret, type SealedRow, type SqlStoreContext } from './shared.js';

/** Held by every create from its first statement to its commit: the cap is "count, then insert". */
export const TARGETS_LOCK = 'pts:targets';

export async function getTarget({ db, records }: SqlStoreContext, id: string): Promise<TargetRecord | undefined> {
  const [row] = await db.query<{ record: string }>('SELECT record::text AS record FROM pts_targets WHERE id = $1', [id]);
  return row && records(id, row.record);
}

export async function listTargets({ db, records }: SqlStoreContext, limit: number): Promise<{ targets: TargetRecord[]; total: number }> {
  const rows = await db.query<{ id: string; record: string; total: number }>(
    'SELECT id, record::text AS record, (SELECT count(*) FROM pts_targets) AS total FROM pts_targets ORDER BY seq LIMIT $1',
    [Math.max(0, Math.floor(limit))],
  );
  if (rows.length) return { targets: rows.map((r) => records(r.id, r.record)), total: rows[0]!.total };
  const [count] = await db.query<{ total: number }>('SELECT count(*) AS total FROM pts_targets');
  return { targets: [], total: count!.total };
}

/** Decisions 2 and 3, shared by create and reconnect: the check and the grant. */
async function spend(tx: SqlTransaction, input: TargetWrite, now: Date): Promise<void> {
  if (input.checkId !== undefined) await consumeCheck(tx, input.checkId, now);
  if (input.authorizationId !== undefined) await takeGrant(tx, input.authorizationId, now);
}

/** Decision 4: refuses when a target other than `selfId` holds the unique key. */
async function requireFreeKey(tx: SqlTransaction, uniqueKey: string, selfId?: string): Promise<void> {
  const [holder] = await tx.query<{ id: string }>('SELECT id FROM pts_targets WHERE unique_key = $1', [uniqueKey]);
  if (holder && holder.id !== selfId) {
    throw new Refusal<TargetWriteRefusal>({ ok: false, reason: 'target_exists', targetId: holder.id });
  }
}

/** The writes of a successful create or reconnect, after every decision. */
async function writeSecretAndAnswer(tx: SqlTransaction, input: TargetWrite, id: string, sealed: SealedRow, record: TargetRecord, status: 200 | 201) {
  await tx.query(
    `INSERT INTO pts_secrets (target_id, key_id, ciphertext) VALUES ($1, $2, $3)
     ON CONFLICT (target_id) DO UPDATE SET key_id = EXCLUDED.key_id, ciphertext = EXCLUDED.ciphertext`,
    [id, sealed.key_id, sealed.ciphertext],
  );
  if (input.idempotency) await answerKey(tx, input.idempotency, status, record);
}

export async function createTarget(ctx: SqlStoreContext, input: CreateTargetInput): Promise<CreateTargetResult> {
  const { record } = input;
  const now = new Date(input.now);
  // Sealed before the transaction: nothing slower than a query runs while it holds locks.
  const sealed = await sealSecret(ctx, 'pts_secrets', record.id, input.secret);
  return decide<CreateTargetResult, CreateTargetResult>(
    ctx.db,
    async (tx) => {
      if (input.idempotency) await claimKey(tx, input.idempotency, now);
      await spend(tx, input, now);
      await requireFreeKey(tx, input.uniqueKey);
      const [count] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM pts_targets');
      if (count!.n >= input.maxTargets) throw new Refusal<CreateTargetResult>({ ok: false, reason: 'limit_reached' });
      await tx.query('INSERT INTO pts_targets (id, unique_key, record) VALUES ($1, $2, $3::jsonb)', [
        record.id,
        input.uniqueKey,
        JSON.stringify(record),
      ]);
      await writeSecretAndAnswer(tx, input, record.id, sealed, record, 201);
      return { ok: true, record };
    },
    { locks: [TARGETS_LOCK] },
  );
}

export async function reconnectTarget(ctx: SqlStoreContext, input: ReconnectTargetInput): Promise<ReconnectTargetResult> {
  const now = new Date(input.now);
  const sealed = await sealSecret(ctx, 'pts_secrets', input.id, input.secret);
  return decide<ReconnectTargetResult, ReconnectTargetResult>(ctx.db, async (tx) => {
    if (input.idempotency) await claimKey(tx, input.idempotency, now);
    const [row] = await tx.query<{ record: TargetRecord }>('SELECT record FROM pts_targets WHERE id = $1 FOR UPDATE', [input.id]);
    if (!row) throw new Refusal<ReconnectTargetResult>({ ok: false, reason: 'not_found' });
    await spend(tx, input, now);
    await requireFreeKey(tx, input.uniqueKey, input.id);
    const record = input.reconnect(row.record);
    await tx.query('UPDATE pts_targets SET unique_key = $2, record = $3::jsonb WHERE id = $1', [
      input.id,
      input.uniqueKey,
      JSON.stringify(record),
    ]);
    await writeSecretAndAnswer(tx, input, input.id, sealed, record, 200);
    return { ok: true, record };
  });
}

export async function revokeTarget({ db }: SqlStoreContext, input: RevokeTargetInput): Promise<RevokeTargetResult> {
  return db.transaction(async (tx): Promise<RevokeTargetResult> => {
    const [row] = await tx.query<{ record: TargetRecord }>('SELECT record FROM pts_targets WHERE id = $1 FOR UPDATE', [input.id]);
    if (!row) return { ok: false, reason: 'not_found' };
    const dropped = await tx.query('DELETE FROM pts_secrets WHERE target_id = $1 RETURNING target_id', [input.id]);
    const next = input.revoke(row.record, dropped.length > 0);
    if (!next) return { ok: true, record: row.record };
    await tx.query('UPDATE pts_targets SET record = $2::jsonb WHERE id = $1', [input.id, JSON.stringify(next)]);
    return { ok: true, record: next };
  });
}

/**
 * A change after save (export settings, the last test): the record rewritten with
 * its row locked, so a revoke or another change waits for it or goes first, never
 * between its read and its write. The secret and unique key are not touched.
 */
export async function updateTarget({ db }: SqlStoreContext, input: TargetUpdate): Promise<TargetUpdateResult> {
  return db.transaction(async (tx): Promise<TargetUpdateResult> => {
    const [row] = await tx.query<{ record: TargetRecord; has_secret: boolean }>(
      `SELECT t.record, EXISTS (SELECT 1 FROM pts_secrets s WHERE s.target_id = t.id) AS has_secret
         FROM pts_targets t WHERE t.id = $1 FOR UPDATE OF t`,
      [input.id],
    );
    if (!row) return { ok: false, reason: 'not_found' };
    const next = input.apply(row.record, row.has_secret);
    if (!next) return { ok: false, reason: 'declined', record: row.record };
    await tx.query('UPDATE pts_targets SET record = $2::jsonb WHERE id = $1', [input.id, JSON.stringify(next)]);
    return { ok: true, record: next };
  });
}

/** Inserts unless the id or the unique key is taken (by a concurrent import too). */
export async function importTarget({ db }: SqlStoreContext, record: TargetRecord, uniqueKey: string): Promise<boolean> {
  const inserted = await db.query('INSERT INTO pts_targets (id, unique_key, record) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING RETURNING id', [
    record.id,
    uniqueKey,
    JSON.stringify(record),
  ]);
  return inserted.length > 0;
}

export async function getSecret(ctx: SqlStoreContext, targetId: string): Promise<StoredSecret | undefined> {
  const [row] = await ctx.db.query<SealedRow>('SELECT key_id, ciphertext FROM pts_secrets WHERE target_id = $1', [targetId]);
  return row && openSecret(ctx, 'pts_secrets', targetId, row);
}
