/** URL checks: remembered as they are, consumed once by the save that uses them. */
import type { SqlSession, SqlTransaction } from '../../sql/driver.js';
import type { StoredCheck, TargetWriteRefusal } from '../types.js';
import { pruneExpired, Refusal, type SqlStoreContext } from './shared.js';

/** The record column holds the check without `consumed_at`, which has a column of its own. */
export async function saveCheck({ db }: SqlStoreContext, check: StoredCheck): Promise<void> {
  const { consumed_at, ...record } = check;
  await pruneExpired(db, 'pts_url_checks', 'id', new Date(check.created_at));
  await db.query('INSERT INTO pts_url_checks (id, record, expires_at, consumed_at) VALUES ($1, $2::jsonb, $3, $4)', [
    check.id,
    JSON.stringify(record),
    new Date(check.expires_at),
    consumed_at === undefined ? null : new Date(consumed_at),
  ]);
}

export async function getCheck(db: SqlSession, id: string): Promise<StoredCheck | undefined> {
  const [row] = await db.query<{ record: StoredCheck; consumed_at: Date | null }>(
    'SELECT record, consumed_at FROM pts_url_checks WHERE id = $1',
    [id],
  );
  if (!row) return undefined;
  return row.consumed_at ? { ...row.record, consumed_at: row.consumed_at.toISOString() } : row.record;
}

/** Consumes an unexpired, unconsumed check, or refuses with `check_unavailable`. */
export async function consumeCheck(tx: SqlTransaction, id: string, now: Date): Promise<void> {
  const consumed = await tx.query(
    'UPDATE pts_url_checks SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL AND expires_at > $2 RETURNING id',
    [id, now],
  );
  if (!consumed.length) throw new Refusal<TargetWriteRefusal>({ ok: false, reason: 'check_unavailable' });
}
