/**
 * The durable store and rate limits the reference backend runs on, opened in one call:
 * the database of `openDatabase` (PostgreSQL from DATABASE_URL, else the embedded one),
 * its SQL store and its SQL rate limiters.
 *
 *   const stored = await openStore();
 *   const handler = createNodeBackend({ store: stored.store, rateLimiter: stored.rateLimiter });
 *   // … on shutdown: await stored.close();
 */
import type { RateLimiterFactory } from '../../backend/rate-limit.js';
import { createSqlStore, sqlRateLimiters } from '../../backend/store/sql/index.js';
import type { TargetStore } from '../../backend/store/types.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from './open.js';

export interface OpenedStore {
  store: TargetStore;
  /** For the backend's `rateLimiter` option: limits counted in the same database. */
  rateLimiter: RateLimiterFactory;
  database: Database;
  /** Closes the database (and releases the embedded data folder); idempotent. */
  close(): Promise<void>;
}

export async function openStore(options: OpenDatabaseOptions = {}): Promise<OpenedStore> {
  const database = await openDatabase(options);
  let closing: Promise<void> | undefined;
  return {
    store: createSqlStore({ db: database.db, secrets: database.secrets }),
    rateLimiter: sqlRateLimiters(database.db),
    database,
    close: () => (closing ??= database.db.close()),
  };
}
