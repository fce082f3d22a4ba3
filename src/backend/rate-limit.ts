/**
 * Sliding-window limit per client key. URL checks make DNS lookups and
 * outbound requests, so one client must not be able to run them without bound.
 *
 * The limiter is a service. `createRateLimiter` counts in this process's
 * memory (the default, and the msw kit's); several backend instances share a
 * limit through a limiter over their database (`createSqlRateLimiter`), passed
 * as a factory so it gets the backend's limit and clock. Both decide with
 * `admit`, so they refuse the same hits.
 */

export interface RateLimit {
  max: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Records one hit; returns the seconds to wait when the client is over the limit. */
  hit(key: string): RateDecision | Promise<RateDecision>;
}

/**
 * Makes the limiter for one of the backend's limits: `name` tells the limits
 * apart (`url-checks`), `limit` and `now` are the backend's.
 */
export type RateLimiterFactory = (name: string, limit: RateLimit, now: () => number) => RateLimiter;

export function checkRateLimit(limit: RateLimit): void {
  if (!(limit.max >= 1) || !(limit.windowMs > 0)) {
    throw new TypeError('A rate limit needs max >= 1 and windowMs > 0.');
  }
}

/**
 * One hit at `t` against the times of the hits admitted before: the decision,
 * and the admitted times still inside the window afterwards (with `t` when it
 * was admitted). A refused hit is not counted, so a client that keeps trying
 * is let in again one window after its oldest admitted hit.
 */
export function admit(times: readonly number[], t: number, limit: RateLimit): { decision: RateDecision; times: number[] } {
  const live = times.filter((at) => at > t - limit.windowMs);
  if (live.length >= limit.max) {
    const retryMs = live[0]! + limit.windowMs - t;
    return { decision: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) }, times: live };
  }
  return { decision: { allowed: true }, times: [...live, t] };
}

export function createRateLimiter(limit: RateLimit, now: () => number, maxKeys = 10_000): { hit(key: string): RateDecision } {
  checkRateLimit(limit);
  const hits = new Map<string, number[]>();

  const forget = (t: number) => {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? 0) <= t - limit.windowMs) hits.delete(key);
    }
  };

  return {
    hit(key) {
      const t = now();
      if (!hits.has(key) && hits.size >= maxKeys) {
        forget(t);
        // Still full of live keys: start over rather than grow (a key loses its history,
        // which errs towards letting a client through, never towards unbounded memory).
        if (hits.size >= maxKeys) hits.clear();
      }
      const { decision, times } = admit(hits.get(key) ?? [], t, limit);
      hits.set(key, times);
      return decision;
    },
  };
}

/** The limiter a backend option names: a limiter as it is, or one made by a factory. */
export function resolveRateLimiter(
  option: RateLimiter | RateLimiterFactory | undefined,
  name: string,
  limit: RateLimit,
  now: () => number,
): RateLimiter {
  if (option === undefined) return createRateLimiter(limit, now);
  if (typeof option === 'function') {
    checkRateLimit(limit);
    return option(name, limit, now);
  }
  return option;
}
