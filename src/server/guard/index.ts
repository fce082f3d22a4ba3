/**
 * The connect-time guard: every connection the backend opens to a provider goes
 * through the same address policy as the URL check, at the moment it is opened.
 * A target that passed once cannot later be rebound to a private address.
 */
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch, Headers, type Dispatcher, type RequestInit, type Response } from 'undici';
import type { CheckName } from '../../core/contract/schemas.js';
import { compileAllow, judgeAddress, staticUrlCheck, type AllowList } from '../../core/url/index.js';
import { defaultLookup, resolveAll, type LookupFunction } from '../check/resolve.js';
import type { PinnedTransportOptions } from '../check/transport.js';

/** Thrown (or passed to undici) when a destination fails the policy. */
export class BlockedDestinationError extends Error {
  readonly code = 'ERR_DESTINATION_BLOCKED';
  /** The check the destination failed, as in the URL-check contract. */
  readonly check: CheckName;
  /** The refused address, host or hop. */
  readonly offender: string | undefined;
  constructor(check: CheckName, message: string, offender?: string) {
    super(message);
    this.name = 'BlockedDestinationError';
    this.check = check;
    this.offender = offender;
  }
}

export interface SafeDispatcherOptions {
  /** Node's `dns.lookup` signature, called with `{ all: true }`. Default: the system resolver. */
  lookup?: LookupFunction;
  /** Operator exceptions: addresses, CIDRs and host names that may be reached although not public. */
  allow?: readonly string[] | AllowList;
  /** Limit for the lookup and for opening the connection, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** TLS settings such as `ca`. Host name verification stays on. */
  tls?: PinnedTransportOptions['tls'];
  /** Further undici Agent options (keep-alive, pipelining…); `connect` is ours. */
  agent?: Omit<Agent.Options, 'connect'>;
}

/**
 * A connector that resolves the host itself, refuses the connection when any address
 * fails the policy, and otherwise dials the approved addresses in order. Literal
 * addresses are judged too (the socket layer would skip a lookup for them).
 */
export function createSafeConnector(options: SafeDispatcherOptions = {}): buildConnector.connector {
  const lookup = options.lookup ?? defaultLookup;
  const allow = compileAllow(options.allow);
  const timeoutMs = options.timeoutMs ?? 5000;
  const base = buildConnector({ ...options.tls, rejectUnauthorized: true, timeout: timeoutMs });
  return (connectOptions, callback) => {
    const host = connectOptions.hostname;
    const family = isIP(host);
    const answer = family ? Promise.resolve([{ address: host, family: family as 4 | 6 }]) : resolveAll(lookup, host, timeoutMs);
    answer.then(
      (addresses) => {
        const verdicts = addresses.map((a) => judgeAddress(a.address, family ? undefined : host, allow));
        const bad = verdicts.find((v) => !v.ok);
        if (bad) {
          callback(new BlockedDestinationError(bad.check!, `Refused to connect to ${host}: ${bad.reason}.`, bad.address), null);
          return;
        }
        const servername = family ? {} : { servername: host };
        const attempt = (index: number): void => {
          base({ ...connectOptions, hostname: verdicts[index]!.address, ...servername }, (err, socket) => {
            if (err && index + 1 < verdicts.length) attempt(index + 1);
            else if (err) callback(err, null);
            else callback(null, socket!);
          });
        };
        attempt(0);
      },
      (err: Error) => callback(err, null),
    );
  };
}

/** An undici dispatcher whose every connection passes the address policy first. */
export function createSafeDispatcher(options: SafeDispatcherOptions = {}): Agent {
  return new Agent({ ...options.agent, connect: createSafeConnector(options) });
}

export interface SafeFetchOptions extends SafeDispatcherOptions {
  /** Accept `http:` URLs. Default false. */
  allowHttp?: boolean;
  /** Ports a request may use. Default: any. */
  ports?: readonly number[];
  /** Redirects followed (each hop checked) before failing. Default 5. */
  maxRedirects?: number;
  /** Reuse a dispatcher from `createSafeDispatcher` (keeps connections alive across calls). */
  dispatcher?: Dispatcher;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

function replayable(body: RequestInit['body']): boolean {
  return body == null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

/**
 * undici's fetch over the safe dispatcher. Redirects are followed by hand: each hop
 * passes the static URL rules before it is requested and the address policy when it
 * connects; credentials are dropped when a redirect leaves the origin.
 */
export async function safeFetch(input: string | URL, init: RequestInit = {}, options: SafeFetchOptions = {}): Promise<Response> {
  const allow = compileAllow(options.allow);
  const dispatcher = options.dispatcher ?? createSafeDispatcher({ ...options, allow });
  const policy = { allow, allowHttp: options.allowHttp ?? false, ...(options.ports ? { ports: options.ports } : {}) };
  const maxRedirects = options.maxRedirects ?? 5;
  const mode = init.redirect ?? 'follow';
  let url = String(input);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  const headers = new Headers(init.headers);
  for (let hops = 0; ; hops++) {
    const checked = staticUrlCheck(url, policy);
    if (!checked.ok) {
      const where = hops === 0 ? '' : ` (redirect hop ${hops})`;
      throw new BlockedDestinationError(hops === 0 ? checked.check : 'redirect', `${checked.detail}${where}`, checked.offender);
    }
    let response: Response;
    try {
      response = await fetch(checked.url.href, { ...init, method, body, headers, redirect: 'manual', dispatcher });
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      throw cause instanceof BlockedDestinationError ? cause : err;
    }
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null || mode === 'manual') return response;
    await response.body?.cancel();
    if (mode === 'error') throw new TypeError(`Redirect from ${checked.url.href} refused (redirect: 'error').`);
    if (hops + 1 > maxRedirects) throw new BlockedDestinationError('redirect', `More than ${maxRedirects} redirects.`, location);
    const next = new URL(location, checked.url.href);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      if (method !== 'HEAD') method = 'GET';
      body = null;
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
    } else if (!replayable(body)) {
      throw new TypeError('The request body is a stream and cannot be sent again after a redirect.');
    }
    if (next.origin !== new URL(checked.url.href).origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    url = next.href;
  }
}
