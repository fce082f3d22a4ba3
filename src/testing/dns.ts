/**
 * Simulated DNS for the URL check: a world of host names and their answers.
 * The demo runs the real check over `DEMO_DNS`; each kit scenario over a
 * world of its own.
 */
import type { LookupFunction } from '../backend/check/index.js';
import { SAMPLE_PUBLIC_ADDRESSES } from './samples.js';

/**
 * One host's answer: addresses, or answers that alternate lookup by lookup
 * (a rebinding name: the first lookup of a check and the second differ).
 */
export type DnsAnswer = readonly string[] | { alternate: readonly [readonly string[], readonly string[]] };

/** Host name (lowercase) → answer; `*` answers every other name. Names not found fail with ENOTFOUND. */
export type DnsWorld = Readonly<Record<string, DnsAnswer>>;

/** A private address the samples resolve to, in 10.0.0.0/8. */
export const SAMPLE_PRIVATE_ADDRESS = '10.0.0.12';
/** A reserved (benchmarking, 198.18.0.0/15) address some DNS proxies hand out. */
export const SAMPLE_RESERVED_ADDRESS = '198.18.0.10';
/** Where the redirecting sample host sends every request: plain http, on a private address. */
export const SAMPLE_REDIRECT_TARGET = 'http://192.168.10.5/login';
/** What the rebinding sample name answers on every second lookup. */
export const SAMPLE_REBOUND_ADDRESS = '127.0.0.1';

/** The sample host names of the demo, by what they show. */
export const DEMO_HOSTS = {
  /** Public; answers as Jira (or any self-hosted product, by path). */
  ready: 'jira.example.com',
  /** Resolves to 10.0.0.12: blocked at private_network. */
  privateNetwork: 'jira.corp.example.com',
  /** Resolves to 198.18.0.10: blocked at reserved_ip. */
  reservedIp: 'jira.example.org',
  /** Public, but redirects to http://192.168.10.5/login: blocked at redirect. */
  redirect: 'tickets.example.com',
  /** Public on the first lookup, 127.0.0.1 on the second: blocked at dns_rebinding. */
  rebinding: 'jira.example.net',
  /** Public, but a plain web server rather than the product: blocked at ownership. */
  impostor: 'intranet.example.com',
} as const;

/** Other public sample hosts, for the other self-hosted products and webhooks. */
export const DEMO_PUBLIC_HOSTS = ['github.example.com', 'gitlab.example.com', 'devops.example.com', 'youtrack.example.com', 'hooks.example.com'] as const;

/** The demo's DNS: every name in DEMO_HOSTS and DEMO_PUBLIC_HOSTS; anything else is not found. */
export const DEMO_DNS: DnsWorld = {
  ...Object.fromEntries([DEMO_HOSTS.ready, DEMO_HOSTS.redirect, DEMO_HOSTS.impostor, ...DEMO_PUBLIC_HOSTS].map((h) => [h, SAMPLE_PUBLIC_ADDRESSES])),
  [DEMO_HOSTS.privateNetwork]: [SAMPLE_PRIVATE_ADDRESS],
  [DEMO_HOSTS.reservedIp]: [SAMPLE_RESERVED_ADDRESS],
  [DEMO_HOSTS.rebinding]: { alternate: [SAMPLE_PUBLIC_ADDRESSES, [SAMPLE_REBOUND_ADDRESS]] },
};

/** A resolver (Node's `dns.lookup` shape) answering from `world`, asynchronously, like the real one. */
export function createSampleLookup(world: DnsWorld): LookupFunction {
  const lookups = new Map<string, number>();
  return (hostname, _options, callback) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    const answer = world[name] ?? world['*'];
    const n = lookups.get(name) ?? 0;
    lookups.set(name, n + 1);
    const addresses = answer === undefined ? undefined : 'alternate' in answer ? answer.alternate[n % 2]! : answer;
    queueMicrotask(() => {
      if (!addresses) {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        return;
      }
      callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    });
  };
}
