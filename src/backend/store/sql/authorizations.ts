/** OAuth and app-install authorisations, and the sealed grant a completed one waits with. */
import type { SqlSession, SqlTransaction } from '../../sql/driver.js';
import type { AuthorizationStatus, CompleteAuthorizationInput, StoredAuthorization, StoredSecret, TargetWriteRefusal } from '../types.js';
import { openSecret, pruneExpired, Refusal, sealSecret, type SealedRow, type SqlStoreContext } from './shared.js';

type AuthorizationRow = {
  record: Omit<StoredAuthorization, 'status'>;
  status: AuthorizationStatus;
};

const authorizationOf = (row: AuthorizationRow | undefined): StoredAuthorization | undefined =>
  row && { ...row.record, status: row.status };

/** The record column holds the authorisation without `status`, which has a column of its own. */
export async function saveAuthorization({ db }: SqlStoreContext, authorization: StoredAuthorization): Promise<void> {
  const { status, ...record } = authorization;
  await pruneExpired(db, 'pts_authorizations', 'id', new Date(authorization.created_at));
  await db.query('INSERT INTO pts_authorizations (id, state, status, record, expires_at) VALUES ($1, $2, $3, $4::jsonb, $5)', [
    authorization.id,
    authorization.state,
    status,
    JSON.stringify(record),
    new Date(authorization.expires_at),
  ]);
}

export async function getAuthorization(db: SqlSession, id: string): Promise<StoredAuthorization | undefined> {
  const [row] = await db.query<AuthorizationRow>('SELECT record, status FROM pts_authorizations WHERE id = $1', [id]);
  return authorizationOf(row);
}

export async function getAuthorizationByState(db: SqlSession, state: string): Promise<StoredAuthorization | undefined> {
  const [row] = await db.query<AuthorizationRow>('SELECT record, status FROM pts_authorizations WHERE state = $1', [state]);
  return authorizationOf(row);
}

/** Moves a pending, unexpired authorisation once; the grant is written in the same transaction. */
export async function completeAuthorization(ctx: SqlStoreContext, { id, status, grant, now }: CompleteAuthorizationInput): Promise<boolean> {
  if (status === 'authorized' && !grant) throw new TypeError('An authorized grant needs its secret.');
  const sealed = status === 'authorized' ? await sealSecret(ctx, 'pts_grants', id, grant!) : undefined;
  return ctx.db.transaction(async (tx) => {
    const moved = await tx.query(
      `UPDATE pts_authorizations SET status = $2 WHERE id = $1 AND status = 'pending' AND expires_at > $3 RETURNING id`,
      [id, status, new Date(now)],
    );
    if (!moved.length) return false;
    if (sealed) {
      await tx.query('INSERT INTO pts_grants (authorization_id, key_id, ciphertext) VALUES ($1, $2, $3)', [id, sealed.key_id, sealed.ciphertext]);
    }
    return true;
  });
}

export async function getGrant(ctx: SqlStoreContext, authorizationId: string): Promise<StoredSecret | undefined> {
  const [row] = await ctx.db.query<SealedRow>(
    `SELECT g.key_id, g.ciphertext FROM pts_grants g JOIN pts_authorizations a ON a.id = g.authorization_id
     WHERE g.authorization_id = $1 AND a.status = 'authorized'`,
    [authorizationId],
  );
  return row && openSecret(ctx, 'pts_grants', authorizationId, row);
}

/** Takes the waiting grant of an authorized, unexpired authorisation, or refuses with `grant_unavailable`. */
export async function takeGrant(tx: SqlTransaction, authorizationId: string, now: Date): Promise<void> {
  const used = await tx.query(
    `UPDATE pts_authorizations SET status = 'used' WHERE id = $1 AND status = 'authorized' AND expires_at > $2 RETURNING id`,
    [authorizationId, now],
  );
  const taken = used.length ? await tx.query('DELETE FROM pts_grants WHERE authorization_id = $1 RETURNING authorization_id', [authorizationId]) : [];
  if (!taken.length) throw new Refusal<TargetWriteRefusal>({ ok: false, reason: 'grant_unavailable' });
}
