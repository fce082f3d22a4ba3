/**
 * Rate limits counted in the database, so every backend instance on it sees
 * the same hits. One row per limit and client holds the times of the hits it
 * admitted; a hit locks that row, decides with the same `admit` as the
 * in-memory limiter, and writes the times back, all in one transaction.
 */
import { admit, checkRateLimit, type RateDecision, type RateLimit, type RateLimiter, type RateLimiterFactory } from '../../rate-limit.js';
import type { SqlDriver } from '../../sql/driver.js';
import { pruneExpired } from './shared.js';

export interface SqlRateLimiterOptions {
  db: SqlDriver;
  /** Tells this limit's rows from another's (`url-checks`). */
  name: string;
  limit: RateLimit;
  /** Epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

export function createSqlRateLimiter({ db, name, limit, now = Date.now }: SqlRateLimiterOptions): RateLimiter {
  checkRateLimit(limit);
  return {
    hit(key): Promise<RateDecision> {
      const t = now();
      const bucket = `${name}:${key}`;
      return db.transaction(async (tx) => {
        // Creates the row or locks the one there is: concurrent hits on one bucket take turns.
        const [row] = await tx.query<{ hits: unknown }>(
          `INSERT INTO pts_rate_limits AS r (bucket, hits, expires_at) VALUES ($1, '[]'::jsonb, $2)
           ON CONFLICT (bucket) DO UPDATE SET bucket = r.bucket
           RETURNING hits`,
          [bucket, new Date(t)],
        );
        const before = Array.isArray(row!.hits) ? row!.hits.filter((x): x is number => typeof x === 'number') : [];
        const { decision, times } = admit(before, t, limit);
        const expires = new Date((times.at(-1) ?? t) + limit.windowMs);
        await tx.query('UPDATE pts_rate_limits SET hits = $2::jsonb, expires_at = $3 WHERE bucket = $1', [bucket, JSON.stringify(times), expires]);
        await pruneExpired(tx, 'pts_rate_limits', 'bucket', new Date(t));
        return decision;
      });
    },
  };
}

/** The backend's `rateLimiter` option for limits kept in `db`. */
export function sqlRateLimiters(db: SqlDriver): RateLimiterFactory {
  return (name, limit, now) => createSqlRateLimiter({ db, name, limit, now });
}
