/**
 * The probe's transport as a service: one HTTP request to a URL over a
 * connection to exactly the address the check approved, never following
 * redirects. The Node server's transport pins the socket (undici); the kit and
 * the demo answer from a simulated provider.
 */

export interface ProbeRequest {
  url: string;
  /** The checked address to connect to. */
  address: string;
  family: 4 | 6;
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Read up to this many bytes of the body into `body` (the identity probe); 0 or unset: discard it. */
  bodyLimit?: number;
}

export interface ProbeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The start of the body, when `bodyLimit` asked for it. */
  body?: string;
}

/** Makes one HTTP request to `url` while connecting to exactly `address`; never follows redirects. */
export type Transport = (request: ProbeRequest) => Promise<ProbeResponse>;

/**
 * A transport that answers from a Web handler (a simulated provider) instead
 * of the network. The address the check approved travels along in the
 * `x-pts-connect-address` header, so a simulation can tell where it was reached.
 */
export function transportFromFetch(handler: (request: Request) => Promise<Response>): Transport {
  return async (probe) => {
    const response = await handler(
      new Request(probe.url, {
        method: probe.method,
        headers: { ...probe.headers, 'x-pts-connect-address': probe.address },
        signal: probe.signal,
        redirect: 'manual',
      }),
    );
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const limit = probe.bodyLimit ?? 0;
    if (limit <= 0) {
      await response.body?.cancel();
      return { status: response.status, headers };
    }
    return { status: response.status, headers, body: (await response.text()).slice(0, limit) };
  };
}
