/**
 * The few things the SQL store asks of a PostgreSQL connection, so one store runs on the
 * embedded database (PGlite) and on a PostgreSQL server (node-postgres) alike.
 *
 * Values cross the boundary the same way on both drivers:
 * - parameters: string, number, boolean, null, Uint8Array (bytea) and Date (timestamptz).
 *   JSON goes in as a string cast in the SQL (`$1::jsonb`), never as an object, because the
 *   drivers serialise objects and arrays differently.
 * - results: jsonb parsed, bytea as Uint8Array, timestamptz as Date, int8 and count(*) as
 *   number (exact up to 2^53; the schema keeps int8 to counters), numeric as string.
 */

export type SqlParam = string | number | boolean | null | Uint8Array | Date;
export type SqlRow = Record<string, unknown>;

export interface SqlSession {
  /** Runs one statement with `$1`… placeholders and returns its rows (none for a plain write). */
  query<Row extends SqlRow = SqlRow>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface SqlTransaction extends SqlSession {
  /** Runs a script of several statements without parameters (a migration file). */
  exec(script: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * Names of locks held from the start of the transaction until it commits or rolls back,
   * across every connection and every instance on the same database. Two transactions that
   * name the same lock run one after the other, so a "check, then write" inside one (the
   * targets cap, a first use) cannot interleave with another. Taken in sorted order, so two
   * transactions naming the same locks never deadlock.
   */
  locks?: readonly string[];
}

export interface SqlDriver extends SqlSession {
  /** Which engine answers: the embedded one serialises everything, a server does not. */
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction at READ COMMITTED: committed when it resolves, rolled back
   * when it throws (the error is rethrown). Use only `tx` inside `work`; on the embedded
   * engine a query on the driver itself would wait for the transaction to end.
   */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Ends every connection; the driver cannot be used afterwards. */
  close(): Promise<void>;
}

/**
 * Advisory-lock key space of this package (`pts` in ASCII), so our locks never collide with
 * an application that uses advisory locks on the same database.
 */
export const LOCK_NAMESPACE = 0x707473;

/** FNV-1a over the UTF-8 bytes of a lock name, as a signed 32-bit integer (an `int4`). */
export function lockId(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Takes the named locks inside an open transaction. Both drivers call this first thing, so
 * the same SQL holds the same guarantee on both: on PostgreSQL it is what serialises the
 * transactions; on PGlite, which already runs one transaction at a time, it costs one query.
 * Two names with the same hash share a lock, which only serialises a little more.
 */
export async function takeLocks(tx: SqlSession, names: readonly string[] | undefined): Promise<void> {
  if (!names?.length) return;
  const ids = [...new Set(names.map(lockId))].sort((a, b) => a - b);
  for (const id of ids) {
    await tx.query('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [LOCK_NAMESPACE, id]);
  }
}
