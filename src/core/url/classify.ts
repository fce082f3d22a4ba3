/**
 * Classifies one IP address against the range tables; every policy decision comes
 * from the rows in ranges.ts. Matching runs on 32-bit words.
 *
 * Reading: the two forms resolvers and the URL parser emit (a dotted quad without
 * leading zeros, IPv6 in hex groups) are read and written here directly, since they
 * are most of the check's work; every other spelling goes through the WHATWG host
 * parser and ipaddr.js, exactly as a URL would read it. Tests hold the direct path to
 * ipaddr.js's answers.
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
  /**
   * True only for public unicast: outside every special-purpose block, whatever the
   * registries' own "globally reachable" column says about a block.
   */
  globallyReachable: boolean;
  /** Registry name of the deciding range; for embedded forms, `outer → inner`. */
  range: string;
  scope: AddressScope;
  /** CIDR of the deciding row, when a row decided. */
  cidr?: string;
  /** The document defining that row (an RFC, or the vendor for cloud platform addresses). */
  source?: string;
  /** The IPv4 address carried inside an IPv6 one; for Teredo the one that decided. */
  embeddedIPv4?: string;
  /** True when the embedded IPv4 address, not public itself, named the check. */
  decidedByEmbedded?: boolean;
}

/**
 * An address as 32-bit words: one for IPv4, four (most significant first) for IPv6.
 * Internal to the policy; `parseIp` gives the ipaddr.js object for everything else.
 */
export interface Address {
  family: 4 | 6;
  words: readonly number[];
  /** Canonical text. */
  text: string;
}

interface CompiledRow {
  family: 4 | 6;
  words: readonly number[];
  bits: number;
  cidr: string;
  name: string;
  scope: RangeScope;
  source: string;
  embeds?: Embedding;
}

function wordsOf(ip: IP): number[] {
  const b = ip.toByteArray();
  const words: number[] = [];
  for (let i = 0; i < b.length; i += 4) words.push(((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0);
  return words;
}

/** True when `words` lies in the `bits`-long prefix `net`; both of one family. */
export function wordsMatch(words: readonly number[], net: readonly number[], bits: number): boolean {
  let i = 0;
  for (; bits >= 32; bits -= 32, i++) if (words[i] !== net[i]) return false;
  return bits === 0 || (words[i]! ^ net[i]!) >>> (32 - bits) === 0;
}

function compile(rows: readonly RangeRow[]): CompiledRow[] {
  return rows
    .map(([cidr, name, scope, source, embeds]) => {
      const [net, bits] = ipaddr.parseCIDR(cidr);
      const family = net.kind() === 'ipv4' ? 4 : 6;
      return { family, words: wordsOf(net), bits, cidr, name, scope, source, ...(embeds ? { embeds } : {}) } as CompiledRow;
    })
    .sort((a, b) => b.bits - a.bits);
}

/**
 * Rows by the address's top byte, most specific first: a lookup tries only the few
 * rows that can hold an address starting with that byte.
 */
function buckets(rows: readonly RangeRow[]): CompiledRow[][] {
  const compiled = compile(rows);
  return Array.from({ length: 256 }, (_, top) =>
    compiled.filter((row) => row.bits === 0 || (top ^ (row.words[0]! >>> 24)) >>> Math.max(0, 8 - row.bits) === 0),
  );
}

let tables: { v4: CompiledRow[][]; v6: CompiledRow[][] } | undefined;

function mostSpecific(addr: Address): CompiledRow | undefined {
  tables ??= { v4: buckets(IPV4_RANGES), v6: buckets(IPV6_RANGES) };
  const rows = (addr.family === 4 ? tables.v4 : tables.v6)[addr.words[0]! >>> 24]!;
  for (const row of rows) if (wordsMatch(addr.words, row.words, row.bits)) return row;
  return undefined;
}

const IPV4_SERIALISED = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Hex groups of one to four digits and colons only: a spelling ipaddr.js and WHATWG read alike. */
const PLAIN_IPV6 = /^(?:[0-9a-f]{1,4}|:)(?::[0-9a-f]{0,4})*$/i;

/** A dotted quad without leading zeros (which a URL parser reads as octal), as a word. */
function readDottedQuad(text: string): number | undefined {
  const n = text.length;
  if (n < 7 || n > 15) return undefined;
  let word = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || ++dots > 3) return undefined;
      word = word * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + c - 0x30;
      if (++digits > 3 || octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  return dots === 3 && digits > 0 ? word * 256 + octet : undefined;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** Eight 16-bit groups from hex groups and at most one `::`, or undefined for any other spelling. */
function readHexIPv6(text: string): number[] | undefined {
  const groups: number[] = [];
  let gap = -1;
  let value = 0;
  let digits = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 0x3a) {
        if (gap !== -1) return undefined;
        if (digits > 0) groups.push(value);
        else if (i !== 0) return undefined;
        gap = groups.length;
        i++;
      } else {
        if (digits === 0) return undefined;
        groups.push(value);
      }
      value = 0;
      digits = 0;
      continue;
    }
    const h = hexValue(c);
    if (h < 0 || ++digits > 4) return undefined;
    value = value * 16 + h;
  }
  if (digits > 0) groups.push(value);
  else if (n === 0 || text.charCodeAt(n - 1) !== 0x3a || gap === -1 || (gap !== groups.length)) return undefined;
  if (gap === -1) return groups.length === 8 ? groups : undefined;
  if (groups.length > 7) return undefined;
  const full = new Array<number>(8).fill(0);
  const tail = groups.length - gap;
  for (let i = 0; i < gap; i++) full[i] = groups[i]!;
  for (let i = 0; i < tail; i++) full[8 - tail + i] = groups[gap + i]!;
  return full;
}

/** RFC 5952 text of eight groups: lower case, no leading zeros, the longest zero run (two or more, leftmost) as `::`. */
function formatGroups(g: readonly number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      text += '::';
      i += bestLen - 1;
      continue;
    }
    if (text !== '' && !text.endsWith(':')) text += ':';
    text += g[i]!.toString(16);
  }
  return text;
}

function groupsToWords(g: readonly number[]): number[] {
  return [0, 2, 4, 6].map((i) => g[i]! * 0x10000 + g[i + 1]!);
}

function bare(text: string): string {
  let inner = text.length > 1 && text.charCodeAt(0) === 0x5b && text.charCodeAt(text.length - 1) === 0x5d ? text.slice(1, -1) : text;
  const zone = inner.indexOf('%');
  if (zone !== -1 && inner.includes(':')) inner = inner.slice(0, zone);
  return inner;
}

/**
 * Parses an address as written (brackets and an IPv6 zone are tolerated), or undefined.
 * Plain dotted quads and plain hex IPv6 go straight to ipaddr.js; any other spelling
 * (`0x7f.1`, `2130706433`, a dotted tail such as `::127.0.0.1`) is read by the WHATWG
 * host parser first, exactly as a URL would read it.
 */
export function parseIp(text: string): IP | undefined {
  const inner = bare(text);
  try {
    if (inner.includes(':')) {
      if (PLAIN_IPV6.test(inner)) return ipaddr.IPv6.parse(inner);
      if (/^[0-9a-f:.]+$/i.test(inner)) return ipaddr.IPv6.parse(new URL(`http://[${inner}]/`).hostname.slice(1, -1));
      return undefined;
    }
    if (ipaddr.IPv4.isValidFourPartDecimal(inner)) return ipaddr.IPv4.parse(inner);
    if (/^[0-9a-fx.]+$/i.test(inner)) {
      const host = new URL(`http://${inner}/`).hostname;
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

function v4(word: number): Address {
  const w = word >>> 0;
  return { family: 4, words: [w], text: `${w >>> 24}.${(w >>> 16) & 0xff}.${(w >>> 8) & 0xff}.${w & 0xff}` };
}

/** An address in word form, or undefined when the text is not an address. */
export function readAddress(text: string): Address | undefined {
  const inner = bare(text);
  if (inner.includes(':')) {
    const groups = readHexIPv6(inner);
    if (groups) return { family: 6, words: groupsToWords(groups), text: formatGroups(groups) };
  } else {
    const word = readDottedQuad(inner);
    if (word !== undefined) return v4(word);
  }
  const ip = parseIp(inner);
  if (!ip) return undefined;
  return { family: ip.kind() === 'ipv4' ? 4 : 6, words: wordsOf(ip), text: formatIp(ip) };
}

/** The IPv4 addresses a row says the IPv6 address carries; Teredo carries server and client. */
function embedded(words: readonly number[], how: Embedding): Address[] {
  switch (how) {
    case 'low32':
      return [v4(words[3]!)];
    case '6to4':
      // Bits 16-47.
      return [v4(((words[0]! & 0xffff) << 16) | (words[1]! >>> 16))];
    case 'teredo':
      // Server in bits 32-63; client address stored inverted in the low 32 bits.
      return [v4(words[1]!), v4(~words[3]!)];
  }
}

const PUBLIC = 'Public unicast';

/** Classifies an address already read with `readAddress`. */
export function classifyRead(addr: Address): AddressClass {
  const { family, text: address } = addr;
  const row = mostSpecific(addr);
  if (!row) return { address, family, globallyReachable: true, range: PUBLIC, scope: 'global' };
  if (row.embeds) {
    const inner = embedded(addr.words, row.embeds).map(classifyRead);
    if (row.scope === 'embedded') {
      // Refused whatever it carries; a carried address that is not public names the check.
      const decider = inner.find((c) => !c.globallyReachable);
      const shown = decider ?? inner[inner.length - 1]!;
      return {
        address,
        family,
        globallyReachable: false,
        range: `${row.name} → ${shown.range}`,
        scope: decider ? decider.scope : 'reserved',
        cidr: row.cidr,
        source: row.source,
        embeddedIPv4: shown.address,
        ...(decider ? { decidedByEmbedded: true } : {}),
      };
    }
    const scope = row.scope as AddressScope;
    return { address, family, globallyReachable: scope === 'global', range: row.name, scope, cidr: row.cidr, source: row.source, embeddedIPv4: inner[inner.length - 1]!.address };
  }
  const scope = row.scope === 'embedded' ? 'reserved' : row.scope;
  return { address, family, globallyReachable: scope === 'global', range: row.name, scope, cidr: row.cidr, source: row.source };
}

/**
 * Classifies an address against the special-purpose registries. Text that is not an
 * address is reported as not reachable, so callers fail closed.
 */
export function classifyAddress(text: string): AddressClass {
  const addr = readAddress(text.trim());
  if (!addr) return { address: text, family: text.includes(':') ? 6 : 4, globallyReachable: false, range: 'Not an IP address', scope: 'reserved' };
  return classifyRead(addr);
}
