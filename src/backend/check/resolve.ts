/**
 * Name resolution for the check and the guard: one callback-style lookup with the
 * signature of Node's `dns.lookup` (so the same function can go to the socket layer),
 * always asked for every address, with a timeout, failing closed. The lookup itself is
 * a service: the Node server passes the system resolver, the kit and the demo a
 * simulated one.
 */

/** What a lookup may fail with: an error carrying a resolver code such as `ENOTFOUND`. */
export type LookupError = Error & { code?: string };

/** Node's `dns.lookup`, as called with `{ all: true }`. */
export type LookupFunction = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (err: LookupError | null, addresses: Array<{ address: string; family: number }> | string, family?: number) => void,
) => void;

export type ResolvedAddress = { address: string; family: 4 | 6 };

export class ResolveError extends Error {
  readonly code: string;
  constructor(hostname: string, code: string, message: string) {
    super(`${hostname}: ${message}`);
    this.name = 'ResolveError';
    this.code = code;
  }
}

/**
 * Lookup deadlines share one timer rather than arming and clearing a timer per lookup,
 * which profiling showed to be a tenth of a probe-off check. The timer is armed for the
 * earliest pending deadline, keeps a Node process alive only while a lookup is pending,
 * and re-arms itself for the next one when it fires.
 */
interface Pending {
  deadline: number;
  expire(): void;
}
const pending = new Set<Pending>();
let sweeper: ReturnType<typeof setTimeout> | undefined;
let sweeperAt = Number.POSITIVE_INFINITY;

/** Node's timers can stop holding the process open; browser timers are plain numbers. */
function keepAlive(on: boolean): void {
  const timer = sweeper as unknown as { ref?: () => void; unref?: () => void } | undefined;
  if (on) timer?.ref?.();
  else timer?.unref?.();
}

function arm(at: number): void {
  if (sweeper !== undefined && at >= sweeperAt) {
    keepAlive(true);
    return;
  }
  if (sweeper !== undefined) clearTimeout(sweeper);
  sweeperAt = at;
  sweeper = setTimeout(sweep, Math.max(0, Math.ceil(at - performance.now())));
}

function sweep(): void {
  sweeper = undefined;
  sweeperAt = Number.POSITIVE_INFINITY;
  const now = performance.now();
  let next = Number.POSITIVE_INFINITY;
  for (const p of pending) {
    if (p.deadline <= now) {
      pending.delete(p);
      p.expire();
    } else if (p.deadline < next) {
      next = p.deadline;
    }
  }
  if (next !== Number.POSITIVE_INFINITY) arm(next);
}

function watch(p: Pending): void {
  pending.add(p);
  arm(p.deadline);
}

function unwatch(p: Pending): void {
  pending.delete(p);
  if (pending.size === 0) keepAlive(false);
}

/** Resolves every A and AAAA address of `hostname`; rejects on failure, empty answers or timeout. */
export function resolveAll(lookup: LookupFunction, hostname: string, timeoutMs: number, signal?: AbortSignal): Promise<ResolvedAddress[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      unwatch(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => finish(() => reject(new ResolveError(hostname, 'ABORTED', 'the lookup was cancelled')));
    const timer: Pending = {
      deadline: performance.now() + timeoutMs,
      expire: () => finish(() => reject(new ResolveError(hostname, 'ETIMEOUT', `no DNS answer within ${timeoutMs} ms`))),
    };
    if (signal?.aborted) return onAbort();
    watch(timer);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      lookup(hostname, { all: true }, (err, answer, family) => {
        if (err) return finish(() => reject(new ResolveError(hostname, err.code ?? 'EDNS', `DNS lookup failed (${err.code ?? err.message})`)));
        // Tolerate resolvers that ignore `all` and answer with one address.
        const list = typeof answer === 'string' ? [{ address: answer, family: family ?? 0 }] : Array.isArray(answer) ? answer : [];
        if (list.length === 0) return finish(() => reject(new ResolveError(hostname, 'ENODATA', 'DNS returned no address')));
        finish(() =>
          resolve(list.map((a) => ({ address: String(a.address), family: a.family === 6 || String(a.address).includes(':') ? 6 : 4 }))),
        );
      });
    } catch (err) {
      finish(() => reject(new ResolveError(hostname, 'EDNS', `DNS lookup failed (${(err as Error).message})`)));
    }
  });
}
