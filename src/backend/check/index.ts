/**
 * The base URL check, with its two contacts with the world as services: the
 * resolver (`lookup`) and the probe's `transport`. The Node server runs it as
 * `checkBaseUrl` over the system resolver and a pinned socket (the
 * authoritative check); the msw kit and the demo run the very same check over
 * simulated DNS and a simulated provider. It never throws for bad input: every
 * outcome, including unparseable text, is a `UrlCheckOutcome`.
 *
 * What each check asserts:
 * - `scheme`: the URL parses (WHATWG), uses https (or http when allowed), carries no
 *   user info, and uses an allowed, non-zero port.
 * - `private_network` / `reserved_ip`: the host is not a special-use name, resolves
 *   (failure or an empty answer blocks), and every address, A and AAAA, is globally
 *   reachable or admitted by `allow`. One bad address among good ones blocks.
 * - `redirect`: the probe followed redirects by hand; every hop stayed on the typed host
 *   (unless `allowCrossHostRedirects`), passed the same scheme, user info, port, name and
 *   address rules as the typed URL, within `maxRedirects`, and the chain ended in an
 *   answer (a host that cannot be reached fails here).
 * - `dns_rebinding`: every connection went to an address approved before it was made
 *   (the probe never resolves on its own), and a second, independent lookup of every
 *   host name involved still returns only approved addresses. A host whose answers turn
 *   private between lookups fails, although the probe itself could not be swapped.
 * - `ownership`: the provider's identity endpoint under its API root answers as that
 *   product. Skipped for webhooks, without a provider, or with `probe: false`.
 */
import type { CheckName, CheckReason, UrlCheckEntry, UrlCheckOutcome } from '../../core/contract/schemas.js';
import { CHECK_NAMES } from '../../core/contract/schemas.js';
import type { DeploymentMode, EditionId, ProviderId } from '../../core/providers/types.js';
import {
  canonicalHostName,
  compileAllow,
  findAmbiguity,
  judgeAddress,
  staticUrlCheck,
  type AddressVerdict,
  type AllowList,
  type ParsedBaseUrl,
  type StaticFailureReason,
} from '../../core/url/index.js';
import { identityProbeFor, judgeIdentity, keepsContextPathFor, type IdentityProbe } from './identity.js';
import type { ProbeResponse, Transport } from './probe.js';
import { resolveAll, ResolveError, type LookupFunction } from './resolve.js';

export type { IdentityMarker, IdentityProbe } from './identity.js';
export { identityProbeFor, judgeIdentity } from './identity.js';
export { resolveAll, ResolveError, type LookupError, type LookupFunction, type ResolvedAddress } from './resolve.js';
export { transportFromFetch, type ProbeRequest, type ProbeResponse, type Transport } from './probe.js';

export interface UrlCheckOptions {
  /** Node's `dns.lookup` signature, called with `{ all: true }`. */
  lookup: LookupFunction;
  /** One pinned, non-following HTTP request to the checked address. */
  transport: Transport;
  /** false: parsing, DNS and address checks only, no HTTP request. Default true. */
  probe?: boolean;
  /** Operator exceptions: addresses, CIDRs and host names that may pass although not public. */
  allow?: readonly string[] | AllowList;
  /** Accept `http:` URLs. Default false. */
  allowHttp?: boolean;
  /** Ports a target may use. Default: any (self-hosted servers often use 8443, 9443, 9000). */
  ports?: readonly number[];
  /** Redirects the probe follows before giving up. Default 5. */
  maxRedirects?: number;
  /**
   * Let redirects leave the typed host (each hop is still checked in full). Default false:
   * a credential saved for the typed host would otherwise follow a hop to another one.
   */
  allowCrossHostRedirects?: boolean;
  /** Limit for each DNS lookup and each request, in milliseconds. Default 5000. */
  timeoutMs?: number;
  provider?: ProviderId;
  deploymentMode?: DeploymentMode;
  edition?: EditionId;
  /** Replaces the built-in identity endpoint for the provider; null disables the ownership probe. */
  identity?: IdentityProbe | null;
  /** Whether the base URL keeps its path. Default: from the catalog edition; without one the whole URL is kept. */
  keepsContextPath?: boolean;
  /** Cancels the whole check. */
  signal?: AbortSignal;
}

export const URL_CHECK_DEFAULTS = { maxRedirects: 5, timeoutMs: 5000 };
const USER_AGENT = 'provider-target-setup-url-check';
const IDENTITY_BODY_LIMIT = 64 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Address = { address: string; family: 4 | 6 };

/** The contract's reason for each way the static check refuses a URL. */
const STATIC_REASONS: Record<StaticFailureReason, CheckReason> = {
  invalid: 'invalid',
  host: 'invalid',
  scheme: 'not_https',
  userinfo: 'userinfo',
  ambiguous: 'ambiguous',
  port: 'port',
  'special-name': 'special_name',
  address: 'private_address',
};

class Recorder {
  private readonly entries = new Map<CheckName, UrlCheckEntry>();
  readonly addresses: string[] = [];

  get blocked(): boolean {
    return [...this.entries.values()].some((e) => e.status === 'failed');
  }

  private put(name: CheckName, status: UrlCheckEntry['status'], reason: CheckReason | undefined, detail: string, offender?: string): void {
    if (this.entries.has(name)) return;
    const entry: UrlCheckEntry = { name, status, ...(reason ? { reason } : {}), detail: clip(detail, 1000) };
    if (offender !== undefined) entry.offender = clip(offender, 2048);
    this.entries.set(name, entry);
  }

  pass(name: CheckName, detail: string): void {
    this.put(name, 'passed', undefined, detail);
  }
  fail(name: CheckName, reason: CheckReason, detail: string, offender?: string): void {
    this.put(name, 'failed', reason, detail, offender);
  }
  skip(name: CheckName, reason: CheckReason, detail: string): void {
    this.put(name, 'skipped', reason, detail);
  }
  note(addresses: readonly Address[]): void {
    for (const { address } of addresses) if (!this.addresses.includes(address)) this.addresses.push(address);
  }

  outcome(normalized: string): UrlCheckOutcome {
    const blocked = this.blocked;
    const checks = CHECK_NAMES.map(
      (name) =>
        this.entries.get(name) ?? {
          name,
          status: 'skipped' as const,
          reason: 'not_run' as const,
          detail: blocked ? 'Not run: an earlier check blocked the URL.' : 'Not run.',
        },
    );
    const outcome: UrlCheckOutcome = {
      status: blocked ? 'blocked' : 'passed',
      normalized_url: clip(normalized, 2048),
      addresses: [...this.addresses],
      checks,
    };
    if (blocked) outcome.code = 'PROVIDER_BASE_URL_BLOCKED';
    return outcome;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A hop as shown in details: never with user info, never overlong. */
function showUrl(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return clip(url.href, 300);
  } catch {
    return '(not a valid URL)';
  }
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown }; name?: string; message?: string };
  const code = e?.code ?? e?.cause?.code;
  if (typeof code === 'string') return code;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'timeout';
  return e?.message ? clip(String(e.message), 120) : 'error';
}

interface Context {
  lookup: LookupFunction;
  transport: Transport;
  allow: AllowList;
  allowHttp: boolean;
  ports: readonly number[] | undefined;
  maxRedirects: number;
  allowCrossHost: boolean;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  rec: Recorder;
  /** First answer per host name: later hops to the same host reuse it, never a fresh lookup. */
  answers: Map<string, Address[]>;
  /** Every address a connection was opened to. */
  connected: Address[];
}

type HopResult =
  | { ok: true; addresses: Address[]; admitted: AddressVerdict[] }
  | { ok: false; dns: true; detail: string; offender: string }
  | { ok: false; dns: false; failures: AddressVerdict[] };

/** Resolves (once per host) and judges every address of a parsed URL. */
async function resolveHop(ctx: Context, url: ParsedBaseUrl): Promise<HopResult> {
  let addresses: Address[];
  if (url.literal) {
    addresses = [url.literal];
  } else {
    const key = canonicalHostName(url.hostname);
    const cached = ctx.answers.get(key);
    if (cached) {
      addresses = cached;
    } else {
      try {
        addresses = await resolveAll(ctx.lookup, url.hostname, ctx.timeoutMs, ctx.signal);
      } catch (err) {
        const code = err instanceof ResolveError ? err.code : errorCode(err);
        return {
          ok: false,
          dns: true,
          detail: `${url.hostname} could not be resolved (${code}), so it cannot be shown to be public.`,
          offender: url.hostname,
        };
      }
      ctx.answers.set(key, addresses);
    }
  }
  const verdicts = addresses.map((a) => judgeAddress(a.address, url.literal ? undefined : url.hostname, ctx.allow));
  ctx.rec.note(verdicts.map((v) => ({ address: v.address, family: v.family })));
  const failures = verdicts.filter((v) => !v.ok);
  if (failures.length > 0) return { ok: false, dns: false, failures };
  return {
    ok: true,
    addresses: verdicts.map((v) => ({ address: v.address, family: v.family })),
    admitted: verdicts.filter((v) => v.admittedBy !== undefined),
  };
}

function requestSignal(ctx: Context): AbortSignal {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  return ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
}

type ChainResult =
  | { ok: true; response: ProbeResponse; hops: string[] }
  | { ok: false; unreachable: boolean; reason: CheckReason; detail: string; offender: string };

/**
 * Requests `start` and follows redirects by hand. Every hop after the first goes
 * through the static check and the address check before anything connects to it.
 */
async function follow(ctx: Context, start: ParsedBaseUrl, bodyLimit: number): Promise<ChainResult> {
  const typedHost = canonicalHostName(start.hostname);
  let current = start;
  const hops: string[] = [];
  for (;;) {
    const hopNo = hops.length;
    const hop = await resolveHop(ctx, current);
    if (!hop.ok) {
      const reason = hop.dns ? hop.detail : hop.failures.map((f) => f.reason).join('; ');
      const offender = hop.dns ? showUrl(current.href) : hop.failures[0]!.address;
      return { ok: false, unreachable: false, reason: 'hop_refused', detail: `Redirect hop ${hopNo} to ${showUrl(current.href)}: ${reason}.`, offender };
    }
    // Judged after the addresses, so a hop to private space is named as such.
    if (!ctx.allowCrossHost && canonicalHostName(current.hostname) !== typedHost) {
      return {
        ok: false,
        unreachable: false,
        reason: 'cross_host',
        detail: `Redirect hop ${hopNo} to ${showUrl(current.href)} leaves ${typedHost} for ${current.hostname}; a credential saved for ${typedHost} would follow it. Redirects must stay on the typed host unless the operator allows other hosts.`,
        offender: showUrl(current.href),
      };
    }
    let response: ProbeResponse | undefined;
    const errors: string[] = [];
    for (const target of hop.addresses) {
      try {
        ctx.connected.push(target);
        response = await ctx.transport({
          url: current.href,
          address: target.address,
          family: target.family,
          method: 'GET',
          headers: { 'user-agent': USER_AGENT, accept: 'application/json, */*;q=0.5' },
          signal: requestSignal(ctx),
          ...(bodyLimit > 0 ? { bodyLimit } : {}),
        });
        break;
      } catch (err) {
        errors.push(`${target.address}: ${errorCode(err)}`);
        if (ctx.signal?.aborted) break;
      }
    }
    if (!response) {
      return {
        ok: false,
        unreachable: true,
        reason: 'no_answer',
        detail: `No answer from ${showUrl(current.href)} (${errors.join(', ')}).`,
        offender: showUrl(current.href),
      };
    }
    const location = headerValue(response, 'location');
    if (!REDIRECT_STATUSES.has(response.status) || location === undefined) return { ok: true, response, hops };
    let next: string;
    try {
      next = new URL(location, current.href).href;
    } catch {
      return {
        ok: false,
        unreachable: false,
        reason: 'bad_location',
        detail: `Redirect hop ${hopNo + 1}: the Location header is not a valid URL.`,
        offender: clip(location, 300),
      };
    }
    const ambiguity = findAmbiguity(location);
    if (ambiguity) {
      return {
        ok: false,
        unreachable: false,
        reason: 'bad_location',
        detail: `Redirect hop ${hopNo + 1}: the Location header is ambiguous. ${ambiguity.detail}`,
        offender: ambiguity.character,
      };
    }
    hops.push(showUrl(next));
    if (hops.length > ctx.maxRedirects) {
      return {
        ok: false,
        unreachable: false,
        reason: 'too_many_redirects',
        detail: `More than ${ctx.maxRedirects} redirects; hop ${hops.length} went to ${showUrl(next)}.`,
        offender: showUrl(next),
      };
    }
    const checked = staticUrlCheck(next, { allowHttp: ctx.allowHttp, ...(ctx.ports ? { ports: ctx.ports } : {}), allow: ctx.allow });
    if (!checked.ok) {
      return {
        ok: false,
        unreachable: false,
        reason: 'hop_refused',
        detail: `Redirect hop ${hops.length} to ${showUrl(next)}: ${checked.detail}`,
        // Name the refused address or special-use name; otherwise the hop itself.
        offender: checked.offender && (checked.reason === 'address' || checked.reason === 'special-name') ? checked.offender : showUrl(next),
      };
    }
    current = checked.url;
  }
}

function headerValue(response: ProbeResponse, name: string): string | undefined {
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (key.toLowerCase() === name && value !== undefined) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function describePass(hostname: string, result: { addresses: Address[]; admitted: AddressVerdict[] }, literal: boolean): string {
  const list = result.addresses.map((a) => a.address).join(', ');
  const what = literal
    ? `The address ${list} is`
    : result.addresses.length === 1
      ? `The only address of ${hostname} (${list}) is`
      : `All ${result.addresses.length} addresses of ${hostname} (${list}) are`;
  if (result.admitted.length === 0) return `${what} public unicast.`;
  const admitted = result.admitted.map((v) => `${v.address} by "${v.admittedBy}"`).join(', ');
  return `${what} public unicast or admitted by the operator (${admitted}).`;
}

/** Second, independent lookups of every host name involved; see the module comment. */
async function rebindingCheck(ctx: Context, probed: boolean): Promise<void> {
  const stray = ctx.connected.find((c) => !ctx.rec.addresses.includes(c.address));
  if (stray) {
    ctx.rec.fail('dns_rebinding', 'unchecked_connection', `A connection went to ${stray.address}, which was not checked.`, stray.address);
    return;
  }
  const notes: string[] = [];
  for (const [host, first] of ctx.answers) {
    let second: Address[];
    try {
      second = await resolveAll(ctx.lookup, host, ctx.timeoutMs, ctx.signal);
    } catch (err) {
      const code = err instanceof ResolveError ? err.code : errorCode(err);
      ctx.rec.fail('dns_rebinding', 'lookup_unstable', `A second lookup of ${host} failed (${code}) after the first succeeded; the answers are not stable.`, host);
      return;
    }
    // The same answer again (the usual case) has the same verdicts as the first.
    if (second.length === first.length && second.every((a, i) => a.address === first[i]!.address)) continue;
    const verdicts = second.map((a) => judgeAddress(a.address, host, ctx.allow));
    ctx.rec.note(verdicts);
    const bad = verdicts.find((v) => !v.ok);
    if (bad) {
      const firstList = first.map((a) => a.address).join(', ');
      ctx.rec.fail(
        'dns_rebinding',
        'answer_changed',
        `${host} resolved to ${firstList} when checked but to ${bad.address} on a second lookup (${bad.reason}).`,
        bad.address,
      );
      return;
    }
    const changed = verdicts.filter((v) => !first.some((a) => a.address === v.address)).map((v) => v.address);
    if (changed.length > 0) notes.push(`${host} also answered ${changed.join(', ')}, which passed too`);
  }
  const used = [...new Set(ctx.connected.map((c) => c.address))];
  const head = probed
    ? `Every connection went to an address checked before it was opened (${used.join(', ')}).`
    : 'No connection was made; later calls should go through the connect-time guard.';
  const tail = ctx.answers.size === 0 ? ' The host is a literal address; no DNS is involved.' : ' A second lookup returned only allowed addresses.';
  ctx.rec.pass('dns_rebinding', `${head}${tail}${notes.length ? ` Note: ${notes.join('; ')}.` : ''}`);
}

/**
 * Checks a customer-typed base URL. Resolves to the contract's URL-check outcome;
 * option errors (an invalid `allow` entry) reject, bad input never does.
 */
export async function runBaseUrlCheck(url: unknown, options: UrlCheckOptions): Promise<UrlCheckOutcome> {
  const allow = compileAllow(options.allow);
  const rec = new Recorder();
  const identity =
    options.identity === null ? undefined : (options.identity ?? identityProbeFor(options.provider, options.deploymentMode, options.edition));
  const keepsContextPath =
    options.keepsContextPath ?? identity?.keepsContextPath ?? keepsContextPathFor(options.provider, options.deploymentMode, options.edition);
  const ctx: Context = {
    lookup: options.lookup,
    transport: options.transport,
    allow,
    allowHttp: options.allowHttp ?? false,
    ports: options.ports,
    maxRedirects: options.maxRedirects ?? URL_CHECK_DEFAULTS.maxRedirects,
    allowCrossHost: options.allowCrossHostRedirects ?? false,
    timeoutMs: options.timeoutMs ?? URL_CHECK_DEFAULTS.timeoutMs,
    signal: options.signal,
    rec,
    answers: new Map(),
    connected: [],
  };

  const first = staticUrlCheck(url, {
    allow,
    allowHttp: ctx.allowHttp,
    ...(ctx.ports ? { ports: ctx.ports } : {}),
    ...(keepsContextPath === undefined ? {} : { keepsContextPath }),
  });
  if (!first.ok) {
    if (first.check !== 'scheme') rec.pass('scheme', 'The URL parses, uses an allowed scheme and port, and carries no user info.');
    if (first.url?.literal) rec.note([first.url.literal]);
    const reason = first.reason === 'address' && first.check === 'reserved_ip' ? 'reserved_address' : STATIC_REASONS[first.reason];
    rec.fail(first.check, reason, first.detail, first.offender);
    if (first.reason === 'address') {
      const other = first.check === 'private_network' ? 'reserved_ip' : 'private_network';
      rec.pass(other, `The address is not in ${other === 'reserved_ip' ? 'reserved' : 'private or local'} space.`);
    }
    return rec.outcome(first.normalized);
  }
  const base = first.url;
  rec.pass('scheme', `${base.protocol.slice(0, -1)} on port ${base.port}, no user info.`);

  const hop0 = await resolveHop(ctx, base);
  if (!hop0.ok) {
    if (hop0.dns) {
      rec.fail('private_network', 'dns_failed', hop0.detail, hop0.offender);
    } else {
      for (const name of ['private_network', 'reserved_ip'] as const) {
        const bad = hop0.failures.filter((f) => f.check === name);
        if (bad.length > 0) rec.fail(name, name === 'reserved_ip' ? 'reserved_address' : 'private_address', `${bad.map((f) => f.reason).join('; ')}.`, bad[0]!.address);
        else rec.pass(name, `No address of ${base.hostname} is in ${name === 'reserved_ip' ? 'reserved' : 'private or local'} space.`);
      }
    }
    return rec.outcome(base.normalized);
  }
  const passText = describePass(base.hostname, hop0, Boolean(base.literal));
  rec.pass('private_network', passText);
  rec.pass('reserved_ip', passText);

  const probe = options.probe ?? true;
  if (!probe) {
    rec.skip('redirect', 'not_probed', 'Probe disabled: no request was made, so no redirect was followed.');
    rec.skip('ownership', 'not_probed', 'Probe disabled: the identity endpoint was not called.');
    await rebindingCheck(ctx, false);
    return rec.outcome(base.normalized);
  }

  // Probe what will be saved: the normalised URL, not the text as typed.
  const chain = await follow(ctx, { ...base, href: new URL(base.normalized).href }, 0);
  if (!chain.ok) {
    rec.fail('redirect', chain.reason, chain.detail, chain.offender);
    return rec.outcome(base.normalized);
  }
  const hops = [...chain.hops];

  if (!identity) {
    const why =
      options.deploymentMode === 'webhook'
        ? 'Webhook targets have no product identity to confirm.'
        : options.provider === undefined
          ? 'No provider given, so there is no identity endpoint to call.'
          : `No identity endpoint is known for ${options.provider} ${options.edition ?? options.deploymentMode ?? ''}`.trimEnd() + '.';
    rec.skip('ownership', options.deploymentMode === 'webhook' ? 'no_identity' : 'not_probed', why);
  } else {
    const target = staticUrlCheck(base.normalized.replace(/\/$/, '') + identity.apiRoot + identity.identityPath, {
      allow,
      allowHttp: ctx.allowHttp,
      ...(ctx.ports ? { ports: ctx.ports } : {}),
    });
    if (!target.ok) {
      rec.fail('ownership', 'identity_unusable', `The identity endpoint URL is not usable: ${target.detail}`, target.offender);
    } else {
      const answer = await follow(ctx, target.url, IDENTITY_BODY_LIMIT);
      if (!answer.ok && !answer.unreachable) {
        rec.fail('redirect', answer.reason, answer.detail, answer.offender);
        return rec.outcome(base.normalized);
      }
      if (!answer.ok) {
        rec.fail('ownership', 'no_answer', `The identity endpoint did not answer: ${answer.detail}`, answer.offender);
      } else {
        hops.push(...answer.hops);
        const verdict = judgeIdentity(identity, answer.response);
        if (verdict.ok) rec.pass('ownership', verdict.detail);
        else rec.fail('ownership', 'identity_mismatch', verdict.detail, showUrl(target.url.href));
      }
    }
  }
  rec.pass(
    'redirect',
    hops.length === 0
      ? 'No redirect.'
      : `${hops.length} redirect${hops.length === 1 ? '' : 's'}, every hop checked: ${hops.join(' → ')}.`,
  );
  if (!rec.blocked) await rebindingCheck(ctx, true);
  return rec.outcome(base.normalized);
}
