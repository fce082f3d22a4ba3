/**
 * What every part of the SQL store shares: its database and secret box, the
 * transaction runner that turns a refusal into a rollback, and the sealing of
 * `StoredSecret`s.
 */
import type { SecretBox } from '../../secrets/secret-box.js';
import type { SqlDriver, SqlSession, SqlTransaction, TransactionOptions } from '../../sql/driver.js';
import { sealedContext, type SealedTableName } from '../../sql/reseal.js';
import type { StoredSecret } from '../types.js';
import type { RecordReader } from './records.js';

export interface SqlStoreContext {
  db: SqlDriver;
  secrets: SecretBox;
  /** Turns a stored record's text into its (shared, frozen) object. */
  records: RecordReader;
}

/**
 * Thrown inside a transaction to refuse: the transaction rolls back (a check
 * consumed or a key claimed a moment earlier is released) and the caller gets
 * `result` as the method's answer.
 */
export class Refusal<R> {
  constructor(readonly result: R) {}
}

/** SQLSTATEs after which running the same transaction again is the answer. */
const RETRY = new Set([
  // A concurrent transaction committed the unique key this one wrote: a second run sees it
  // and refuses with `target_exists`.
  '23505',
  // serialization_failure, deadlock_detected: PostgreSQL chose this transaction to give way.
  '40001',
  '40P01',
]);
const ATTEMPTS = 3;

/**
 * Runs `work` in one transaction and returns what it returned, or the result
 * of the `Refusal` it threw. `work` may run again (after a rollback) when a
 * concurrent transaction got in its way, so it must do nothing outside the
 * transaction but compute.
 */
export async function decide<T, R>(
  db: SqlDriver,
  work: (tx: SqlTransaction) => Promise<T>,
  options?: TransactionOptions,
): Promise<T | R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work, options);
    } catch (error) {
      if (error instanceof Refusal) return error.result as R;
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt < ATTEMPTS && typeof code === 'string' && RETRY.has(code)) continue;
      throw error;
    }
  }
}

/** At most this many expired rows are deleted per write, so no write does unbounded work. */
export const PRUNE_BATCH = 100;

/**
 * Forgets up to `PRUNE_BATCH` rows of `table` that expired by `now`. Rows
 * another transaction holds are skipped, so pruning never waits or deadlocks.
 */
export async function pruneExpired(db: SqlSession, table: string, idColumn: string, now: Date): Promise<void> {
  await db.query(
    `DELETE FROM ${table} WHERE ${idColumn} IN (
       SELECT ${idColumn} FROM ${table} WHERE expires_at <= $1 LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
    [now],
  );
}

export type SealedRow = {
  key_id: string;
  ciphertext: Uint8Array;
};

/** Seals a secret (credential and its non-secret extras, as one JSON text) for one row. */
export async function sealSecret(ctx: SqlStoreContext, table: SealedTableName, id: string, secret: StoredSecret): Promise<SealedRow> {
  const { keyId, ciphertext } = await ctx.secrets.seal(JSON.stringify(secret), sealedContext(table, id));
  return { key_id: keyId, ciphertext };
}

/** Opens what `sealSecret` sealed for the same row. */
export async function openSecret(ctx: SqlStoreContext, table: SealedTableName, id: string, row: SealedRow): Promise<StoredSecret> {
  const text = await ctx.secrets.open({ keyId: row.key_id, ciphertext: row.ciphertext }, sealedContext(table, id));
  const secret = JSON.parse(text) as StoredSecret;
  if (typeof secret?.credential !== 'string') throw new Error(`The sealed secret of ${table} row ${id} has no credential.`);
  return secret;
}
