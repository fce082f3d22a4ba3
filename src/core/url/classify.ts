/**
 * Classifies one IP address against the range tables. ipaddr.js parses and
 * matches; every policy decision comes from the rows in ranges.ts.
 */
import ipaddr from 'ipaddr.js';
import { IPV4_RANGES, IPV6_RANGES, type Embedding, type RangeRow, type RangeScope } from './ranges.js';

type IP = ipaddr.IPv4 | ipaddr.IPv6;

/** The scope that decided, after any embedded IPv4 address was looked at. */
export type AddressScope = Exclude<RangeScope, 'embedded'>;

export interface AddressClass {
  /** Canonical text: dotted quad for IPv4, RFC 5952 for IPv6. */
  address: string;
  family: 4 | 6;
  globallyReachable: boolean;
  /** Registry name of the deciding range; for embedded forms, `outer → inner`. */
  range: string;
  scope: AddressScope;
  /** CIDR of the deciding row, when a row decided. */
  cidr?: string;
  /** The IPv4 address carried inside an IPv6 one; for Teredo the one that decided. */
  embeddedIPv4?: string;
  /** True when the embedded IPv4 address, not the IPv6 range, decided. */
  decidedByEmbedded?: boolean;
}

interface CompiledRow {
  net: IP;
  bits: number;
  cidr: string;
  name: string;
  scope: RangeScope;
  embeds?: Embedding;
}

function compile(rows: readonly RangeRow[]): CompiledRow[] {
  return rows
    .map(([cidr, name, scope, embeds]) => {
      const [net, bits] = ipaddr.parseCIDR(cidr);
      return { net, bits, cidr, name, scope, ...(embeds ? { embeds } : {}) };
    })
    .sort((a, b) => b.bits - a.bits);
}

let tables: { v4: CompiledRow[]; v6: CompiledRow[] } | undefined;
function rowsFor(kind: 'ipv4' | 'ipv6'): CompiledRow[] {
  tables ??= { v4: compile(IPV4_RANGES), v6: compile(IPV6_RANGES) };
  return kind === 'ipv4' ? tables.v4 : tables.v6;
}

function mostSpecific(ip: IP): CompiledRow | undefined {
  return rowsFor(ip.kind()).find((row) => ip.match(row.net, row.bits));
}

const IPV4_SERIALISED = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Parses an address as written (brackets and an IPv6 zone are tolerated), or undefined.
 * The WHATWG host parser canonicalises first, so odd IPv4 spellings and dotted tails in
 * IPv6 (`::127.0.0.1`, IPv4-compatible, not mapped) read exactly as a URL would read them.
 */
export function parseIp(text: string): IP | undefined {
  let bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = bare.indexOf('%');
  if (zone !== -1 && bare.includes(':')) bare = bare.slice(0, zone);
  try {
    if (/^[0-9a-f:.]+$/i.test(bare) && bare.includes(':')) {
      return ipaddr.IPv6.parse(new URL(`http://[${bare}]/`).hostname.slice(1, -1));
    }
    if (/^[0-9a-fx.]+$/i.test(bare)) {
      const host = new URL(`http://${bare}/`).hostname;
      return IPV4_SERIALISED.test(host) ? ipaddr.IPv4.parse(host) : undefined;
    }
  } catch {
    // Not an address.
  }
  return undefined;
}

export function formatIp(ip: IP): string {
  return ip.kind() === 'ipv6' ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
}

function v4From(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** The IPv4 addresses a row says the IPv6 address carries; Teredo carries server and client. */
function embedded(ip: ipaddr.IPv6, how: Embedding): ipaddr.IPv4[] {
  const p = ip.parts as [number, number, number, number, number, number, number, number];
  switch (how) {
    case 'low32':
      return [v4From(p[6], p[7])];
    case '6to4':
      return [v4From(p[1], p[2])];
    case 'teredo':
      // Server in bits 32-63; client address stored inverted in the low 32 bits.
      return [v4From(p[2], p[3]), v4From(p[6] ^ 0xffff, p[7] ^ 0xffff)];
  }
}

function classifyIp(ip: IP): AddressClass {
  const family = ip.kind() === 'ipv4' ? 4 : 6;
  const address = formatIp(ip);
  const row = mostSpecific(ip);
  if (!row) return { address, family, globallyReachable: true, range: 'Public unicast', scope: 'global' };
  const base = { address, family, range: row.name, cidr: row.cidr } as const;
  if (family === 6 && row.embeds) {
    const inner = embedded(ip as ipaddr.IPv6, row.embeds).map(classifyIp);
    if (row.scope === 'embedded') {
      const decider = inner.find((c) => !c.globallyReachable) ?? inner[inner.length - 1]!;
      return {
        ...base,
        globallyReachable: decider.globallyReachable,
        range: `${row.name} → ${decider.range}`,
        scope: decider.scope,
        embeddedIPv4: decider.address,
        decidedByEmbedded: true,
      };
    }
    const scope = row.scope as AddressScope;
    return { ...base, globallyReachable: scope === 'global', scope, embeddedIPv4: inner[inner.length - 1]!.address };
  }
  const scope = row.scope === 'embedded' ? 'reserved' : row.scope;
  return { ...base, globallyReachable: scope === 'global', scope };
}

/**
 * Classifies an address against the special-purpose registries. Text that is not an
 * address is reported as not reachable, so callers fail closed.
 */
export function classifyAddress(text: string): AddressClass {
  const ip = parseIp(text.trim());
  if (!ip) return { address: text, family: text.includes(':') ? 6 : 4, globallyReachable: false, range: 'Not an IP address', scope: 'reserved' };
  return classifyIp(ip);
}

/** True when `address` lies in `cidr` (both already parsed); families never match each other. */
export function inCidr(ip: IP, net: IP, bits: number): boolean {
  return ip.kind() === net.kind() && ip.match(net, bits);
}
