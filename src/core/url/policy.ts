/**
 * The URL policy: operator exceptions (`allow`), address verdicts and the static
 * check the element runs for instant feedback. The server runs the same code on
 * the typed URL and on every redirect hop before it resolves anything.
 */
import type { CheckName } from '../contract/schemas.js';
import { classifyRead, readAddress, wordsMatch, type Address, type AddressClass } from './classify.js';
import { parseBaseUrl, type ParseFailureReason, type ParseOptions, type ParsedBaseUrl } from './parse.js';
import { SPECIAL_USE_DOMAINS } from './ranges.js';

type AllowEntry =
  | { kind: 'cidr'; text: string; net: Address; bits: number; exact: boolean }
  | { kind: 'name'; text: string; name: string }
  | { kind: 'suffix'; text: string; suffix: string };

/** Compiled operator exceptions. Build once with `compileAllow`, reuse for every check. */
export interface AllowList {
  readonly entries: readonly AllowEntry[];
}

/** Lower-case, punycode, no trailing dot: the form names are compared in. */
export function canonicalHostName(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function hostOf(name: string): string | undefined {
  try {
    const url = new URL(`http://${name}/`);
    return url.pathname === '/' && url.host === url.hostname ? canonicalHostName(url.hostname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Accepts addresses, CIDRs (`10.20.0.0/16`, `fd00::/8`), host names (`jira.corp.example`)
 * and wildcards for every name below a domain (`*.corp.example`). Throws on anything else,
 * since a mistyped exception is an operator error, not customer input.
 */
const NO_EXCEPTIONS: AllowList = Object.freeze({ entries: Object.freeze([]) });

export function compileAllow(entries: readonly string[] | AllowList = []): AllowList {
  if (!Array.isArray(entries)) return entries as AllowList;
  if (entries.length === 0) return NO_EXCEPTIONS;
  const compiled: AllowEntry[] = [];
  for (const raw of entries as readonly string[]) {
    const text = String(raw).trim();
    const slash = text.indexOf('/');
    const ip = readAddress(slash === -1 ? text : text.slice(0, slash));
    if (ip) {
      const max = ip.family === 4 ? 32 : 128;
      const prefix = slash === -1 ? String(max) : text.slice(slash + 1);
      const bits = Number(prefix);
      if (!/^\d{1,3}$/.test(prefix) || bits > max) throw new TypeError(`allow entry "${text}" has an invalid prefix length`);
      compiled.push({ kind: 'cidr', text, net: ip, bits, exact: bits === max });
      continue;
    }
    const wildcard = text.startsWith('*.');
    const host = hostOf(wildcard ? text.slice(2) : text);
    if (!host || readAddress(host)) throw new TypeError(`allow entry "${text}" is neither an address, a CIDR nor a host name`);
    compiled.push(wildcard ? { kind: 'suffix', text, suffix: `.${host}` } : { kind: 'name', text, name: host });
  }
  return { entries: compiled };
}

/** The allow entry admitting this host name, if any. */
export function allowedName(allow: AllowList, hostname: string): string | undefined {
  const name = canonicalHostName(hostname);
  for (const entry of allow.entries) {
    if (entry.kind === 'name' && entry.name === name) return entry.text;
    if (entry.kind === 'suffix' && name.endsWith(entry.suffix)) return entry.text;
  }
  return undefined;
}

function covers(entry: Extract<AllowEntry, { kind: 'cidr' }>, ip: Address | undefined): boolean {
  return ip !== undefined && ip.family === entry.net.family && wordsMatch(ip.words, entry.net.words, entry.bits);
}

function allowedAddress(allow: AllowList, ip: Address, cls: AddressClass, hostname?: string): string | undefined {
  if (allow.entries.length === 0) return undefined;
  // An IPv4 address carried inside counts when it, not the IPv6 block, named the check.
  const inner = cls.decidedByEmbedded && cls.embeddedIPv4 ? readAddress(cls.embeddedIPv4) : undefined;
  for (const entry of allow.entries) {
    if (entry.kind !== 'cidr') continue;
    // Metadata services are admitted only by an entry naming that very address.
    if (cls.scope === 'metadata' && !entry.exact) continue;
    if (covers(entry, ip) || covers(entry, inner)) return entry.text;
  }
  if (hostname !== undefined && cls.scope !== 'metadata') return allowedName(allow, hostname);
  return undefined;
}

/** Which check reports a blocked address. */
export function checkForScope(cls: AddressClass): 'private_network' | 'reserved_ip' {
  return cls.scope === 'reserved' ? 'reserved_ip' : 'private_network';
}

export interface AddressVerdict {
  address: string;
  family: 4 | 6;
  ok: boolean;
  classification: AddressClass;
  /** The allow entry that admitted an address which is not public. */
  admittedBy?: string;
  /** The check a refused address fails. */
  check?: 'private_network' | 'reserved_ip';
  /** Why the address is refused, naming it and its range. */
  reason?: string;
}

export function describeAddress(cls: AddressClass): string {
  const carried = cls.embeddedIPv4 ? `, carrying ${cls.embeddedIPv4}` : '';
  const row = cls.cidr ? ` (${cls.cidr}${cls.source ? `, ${cls.source}` : ''})` : '';
  return `${cls.address} is in ${cls.range}${row}${carried}`;
}

const NOT_AN_ADDRESS: AddressClass = { address: '', family: 4, globallyReachable: false, range: 'Not an IP address', scope: 'reserved' };

/** Decides one resolved (or literal) address for a host under the policy. */
export function judgeAddress(address: string, hostname: string | undefined, allow: AllowList): AddressVerdict {
  const ip = readAddress(address.trim());
  if (!ip) {
    const cls = { ...NOT_AN_ADDRESS, address, family: address.includes(':') ? 6 : 4 } as AddressClass;
    return { address, family: cls.family, classification: cls, ok: false, check: 'reserved_ip', reason: `${address} is not an IP address` };
  }
  const cls = classifyRead(ip);
  if (cls.globallyReachable) return { address: cls.address, family: cls.family, classification: cls, ok: true };
  const admittedBy = allowedAddress(allow, ip, cls, hostname);
  if (admittedBy !== undefined) return { address: cls.address, family: cls.family, classification: cls, ok: true, admittedBy };
  return {
    address: cls.address,
    family: cls.family,
    classification: cls,
    ok: false,
    check: checkForScope(cls),
    reason: `${describeAddress(cls)}; only public unicast addresses are accepted`,
  };
}

/** The special-use domain a host name falls under, if any. */
export function specialUseDomain(hostname: string): string | undefined {
  const name = canonicalHostName(hostname);
  return SPECIAL_USE_DOMAINS.find((d) => name === d || name.endsWith(`.${d}`));
}

export interface UrlPolicyOptions extends ParseOptions {
  /** Operator exceptions: addresses, CIDRs and host names that may pass although not public. */
  allow?: readonly string[] | AllowList;
}

export type StaticFailureReason = ParseFailureReason | 'special-name' | 'address';

export type StaticCheck =
  | { ok: true; url: ParsedBaseUrl; literal?: AddressVerdict }
  | {
      ok: false;
      check: CheckName;
      reason: StaticFailureReason;
      detail: string;
      offender?: string;
      url?: ParsedBaseUrl;
      /** The normalised URL when the input parsed (without user info), else ''. */
      normalized: string;
    };

/**
 * Everything that can be decided without the network: parsing, scheme, user info,
 * port, special-use names and literal addresses. Host names still need the server.
 */
export function staticUrlCheck(input: unknown, options: UrlPolicyOptions = {}): StaticCheck {
  const parsed = parseBaseUrl(input, options);
  if (!parsed.ok) {
    const { reason, detail, offender, normalized = '' } = parsed.failure;
    return { ok: false, check: 'scheme', reason, detail, normalized, ...(offender === undefined ? {} : { offender }) };
  }
  const url = parsed.url;
  const allow = compileAllow(options.allow);
  if (url.literal) {
    const verdict = judgeAddress(url.literal.address, undefined, allow);
    if (!verdict.ok) {
      return { ok: false, check: verdict.check!, reason: 'address', detail: verdict.reason!, offender: verdict.address, url, normalized: url.normalized };
    }
    return { ok: true, url, literal: verdict };
  }
  const special = specialUseDomain(url.hostname);
  if (special !== undefined && allowedName(allow, url.hostname) === undefined) {
    return {
      ok: false,
      check: 'private_network',
      reason: 'special-name',
      detail: `${url.hostname} is under the special-use domain .${special}, which is never a public host.`,
      offender: url.hostname,
      url,
      normalized: url.normalized,
    };
  }
  return { ok: true, url };
}
