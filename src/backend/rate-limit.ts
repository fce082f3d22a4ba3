/**
 * Sliding-window limit per client key. URL checks make DNS lookups and
 * outbound requests, so one client must not be able to run them without bound.
 * The limiter is a service: this one counts in memory, per process; several
 * backend instances share a limit by passing one over their database.
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

export function createRateLimiter(limit: RateLimit, now: () => number, maxKeys = 10_000): { hit(key: string): RateDecision } {
  if (!(limit.max >= 1) || !(limit.windowMs > 0)) {
    throw new TypeError('A rate limit needs max >= 1 and windowMs > 0.');
  }
  const hits = new Map<string, number[]>();

  const forget = (t: number) => {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? 0) <= t - limit.windowMs) hits.delete(key);
    }
  };

  return {
    hit(key) {
      const t = now();
      let times = hits.get(key)?.filter((at) => at > t - limit.windowMs) ?? [];
      if (times.length >= limit.max) {
        hits.set(key, times);
        const retryMs = times[0]! + limit.windowMs - t;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
      }
      if (!hits.has(key) && hits.size >= maxKeys) {
        forget(t);
        // Still full of live keys: start over rather than grow (a key loses its history,
        // which errs towards letting a client through, never towards unbounded memory).
        if (hits.size >= maxKeys) hits.clear();
      }
      times = [...times, t];
      hits.set(key, times);
      return { allowed: true };
    },
  };
}
