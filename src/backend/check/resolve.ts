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

/** Resolves every A and AAAA address of `hostname`; rejects on failure, empty answers or timeout. */
export function resolveAll(lookup: LookupFunction, hostname: string, timeoutMs: number, signal?: AbortSignal): Promise<ResolvedAddress[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => finish(() => reject(new ResolveError(hostname, 'ABORTED', 'the lookup was cancelled')));
    const timer = setTimeout(
      () => finish(() => reject(new ResolveError(hostname, 'ETIMEOUT', `no DNS answer within ${timeoutMs} ms`))),
      timeoutMs,
    );
    if (signal?.aborted) return onAbort();
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
