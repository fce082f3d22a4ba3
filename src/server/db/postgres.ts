/**
 * The production driver: a PostgreSQL server through a node-postgres pool. Unlike PGlite,
 * transactions from different connections (and instances) run at the same time, so the
 * guarantees the store needs come from constraints, row locks and the named advisory locks
 * of `takeLocks`, never from this process.
 */
import type { Pool, PoolClient, QueryResult } from 'pg';
import { takeLocks, type SqlDriver, type SqlSession, type SqlTransaction } from '../../backend/sql/driver.js';

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database?sslmode=…`, usually from DATABASE_URL. */
  connectionString: string;
  /** Connections in the pool; default 10. */
  max?: number;
  /** How long to wait for a connection, in ms; default 10 s. */
  connectionTimeoutMillis?: number;
}

const INT8 = 20;
const BYTEA = 17;

/** Opens a pool and checks that the server answers, so a wrong URL fails at start. */
export async function openPostgres(options: PostgresOptions): Promise<SqlDriver> {
  const pg = await importPg();
  const pool: Pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    application_name: 'provider-target-setup',
    // Same JavaScript values as PGlite: int8 as number, bytea as a plain Uint8Array.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return (value: string) => Number(value);
        if (oid === BYTEA) {
          const parse = pg.types.getTypeParser(BYTEA, 'text');
          return (value: string) => new Uint8Array(parse(value));
        }
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that dies while idle is dropped and replaced by the pool; without a
  // listener the error would end the process.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresDriver(pool);
}

function session(q: Pick<Pool | PoolClient, 'query'>): SqlSession {
  return {
    async query(text, params) {
      const result: QueryResult = await q.query(text, params as unknown[] | undefined);
      return result.rows;
    },
  };
}

function postgresDriver(pool: Pool): SqlDriver {
  return {
    engine: 'postgres',
    ...session(pool),
    async transaction(work, options) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const tx: SqlTransaction = {
          ...session(client),
          async exec(script) {
            await client.query(script);
          },
        };
        await takeLocks(tx, options?.locks);
        const result = await work(tx);
        // A failed statement that `work` caught leaves the transaction aborted; COMMIT then
        // rolls back without an error. PGlite throws there; so do we.
        const commit = await client.query('COMMIT');
        if (commit.command === 'ROLLBACK') throw new Error('The transaction was rolled back: a statement in it failed.');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        // A connection that could not roll back is closed, not handed to the next caller.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function importPg(): Promise<(typeof import('pg'))['default']> {
  try {
    return (await import('pg')).default;
  } catch {
    throw new Error('A DATABASE_URL needs the pg package: npm install pg');
  }
}
