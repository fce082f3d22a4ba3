/** Idempotency keys: the first save under a key claims it, its retries replay its answer. */
import type { TargetRecord } from '../../../core/contract/index.js';
import type { SqlSession, SqlTransaction } from '../../sql/driver.js';
import type { IdempotencyClaim, IdempotentAnswer, TargetWriteRefusal } from '../types.js';
import { pruneExpired, Refusal } from './shared.js';

type AnswerRow = {
  fingerprint: string;
  status: number | null;
  record: TargetRecord | null;
  expires_at: Date;
};

const answerOf = (row: AnswerRow): IdempotentAnswer | undefined =>
  row.status === 200 || row.status === 201
    ? { fingerprint: row.fingerprint, status: row.status, record: row.record!, expires_at: row.expires_at.toISOString() }
    : undefined;

/**
 * Claims the key for this transaction, or refuses with the earlier answer.
 * The insert comes first: a concurrent save with the same key blocks on the
 * uncommitted row until this transaction ends, then finds the answer (or,
 * after a rollback, claims the key itself). A key that expired is taken over.
 */
export async function claimKey(tx: SqlTransaction, claim: IdempotencyClaim, now: Date): Promise<void> {
  const claimed = await tx.query(
    `INSERT INTO pts_idempotency_keys AS k (key, fingerprint, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = NULL, record = NULL, expires_at = EXCLUDED.expires_at
       WHERE k.expires_at <= $4
     RETURNING key`,
    [claim.key, claim.fingerprint, new Date(claim.expiresAt), now],
  );
  if (claimed.length) {
    await pruneExpired(tx, 'pts_idempotency_keys', 'key', now);
    return;
  }
  const [row] = await tx.query<AnswerRow>('SELECT fingerprint, status, record, expires_at FROM pts_idempotency_keys WHERE key = $1', [
    claim.key,
  ]);
  const answer = row && answerOf(row);
  // A committed key always holds its answer (it is written before the commit).
  if (!answer) throw new Error('An idempotency key was committed without its answer.');
  throw new Refusal<TargetWriteRefusal>(
    answer.fingerprint === claim.fingerprint ? { ok: false, reason: 'replay', answer } : { ok: false, reason: 'key_reused' },
  );
}

/** Stores the answer under the key this transaction claimed. */
export async function answerKey(tx: SqlTransaction, claim: IdempotencyClaim, status: 200 | 201, record: TargetRecord): Promise<void> {
  await tx.query('UPDATE pts_idempotency_keys SET status = $2, record = $3::jsonb WHERE key = $1', [claim.key, status, JSON.stringify(record)]);
}

export async function getIdempotentAnswer(db: SqlSession, key: string, now: string): Promise<IdempotentAnswer | undefined> {
  const [row] = await db.query<AnswerRow>(
    'SELECT fingerprint, status, record, expires_at FROM pts_idempotency_keys WHERE key = $1 AND expires_at > $2',
    [key, new Date(now)],
  );
  return row && answerOf(row);
}
