/**
 * Static parsing of a customer-typed base URL with the WHATWG URL parser, which
 * also normalises host names (IDNA to punycode) and every IPv4 spelling
 * (`0x7f.1`, `2130706433`, `0177.0.0.1` all become `127.0.0.1`). Text that an
 * RFC 3986 parser would read as another host is refused before that normalisation
 * can hide it.
 */

export const MAX_URL_LENGTH = 2048;

export interface ParseOptions {
  /** Accept `http:` as well as `https:`. Default false. */
  allowHttp?: boolean;
  /** Ports a target may use (the scheme's default counts as its number). Default: any. */
  ports?: readonly number[];
  /**
   * true: keep the path as a context path (trailing slashes, query and fragment dropped);
   * false: keep the origin only; unset: keep the whole URL but the fragment (webhooks).
   */
  keepsContextPath?: boolean;
}

export interface ParsedBaseUrl {
  /** The URL the target is saved and checked under. */
  normalized: string;
  /** The parsed URL without its fragment, for requests. */
  href: string;
  protocol: 'https:' | 'http:';
  /** Host name or address as the parser serialised it, without IPv6 brackets. */
  hostname: string;
  /** The port connections use (the scheme's default when none is written). */
  port: number;
  /** Set when the host is an IP literal. */
  literal?: { address: string; family: 4 | 6 };
}

/** `ambiguous`: WHATWG and RFC 3986 parsers would read the host differently. */
export type ParseFailureReason = 'invalid' | 'scheme' | 'userinfo' | 'ambiguous' | 'port' | 'host';

export interface ParseFailure {
  reason: ParseFailureReason;
  detail: string;
  offender?: string;
  /** The parsed URL without fragment and user info, when it parsed at all. */
  normalized?: string;
}

export type ParseResult = { ok: true; url: ParsedBaseUrl } | { ok: false; failure: ParseFailure };

function fail(reason: ParseFailureReason, detail: string, offender?: string, url?: URL): ParseResult {
  const failure: ParseFailure = { reason, detail };
  if (offender !== undefined) failure.offender = offender;
  if (url) {
    url.username = '';
    url.password = '';
    url.hash = '';
    failure.normalized = url.href.slice(0, MAX_URL_LENGTH);
  }
  return { ok: false, failure };
}

const IPV4_SERIALISED = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Characters WHATWG URL parsers (browsers, Node, undici) and RFC 3986 parsers (many
 * HTTP clients, proxies, allowlists and log tools) read differently in an authority,
 * with what each side does. `@` is not here: any `@` is user info (refused anyway),
 * and the two disagree on which `@` ends it.
 */
const AMBIGUOUS_IN_AUTHORITY: Readonly<Record<string, string>> = {
  '\\': 'a backslash (\\): WHATWG parsers end the host there and read it as a path separator, RFC 3986 parsers keep it in the authority',
  '%': 'a percent sign (%): WHATWG parsers decode escapes in a host name before reading it, RFC 3986 parsers often keep them as typed',
  '"': 'a double quote ("): WHATWG parsers accept it in a host name, RFC 3986 allows it nowhere in a host',
  '`': 'a backtick (`): WHATWG parsers accept it in a host name, RFC 3986 allows it nowhere in a host',
  '{': 'a brace ({): WHATWG parsers accept it in a host name, RFC 3986 allows it nowhere in a host',
  '}': 'a brace (}): WHATWG parsers accept it in a host name, RFC 3986 allows it nowhere in a host',
};

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export interface Ambiguity {
  /** The character, or its code point for a control character. */
  character: string;
  detail: string;
}

/**
 * The first character that WHATWG and RFC 3986 parsers read differently in `text`:
 * a control character anywhere (WHATWG drops tab and newlines and escapes the rest
 * silently; RFC 3986 allows none), or one of `AMBIGUOUS_IN_AUTHORITY` between the
 * scheme and the end of the authority as RFC 3986 reads it (the first `/`, `?` or `#`).
 * Also reads relative references that start with two slashes or backslashes.
 */
export function findAmbiguity(text: string): Ambiguity | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      const character = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        character,
        detail: `The URL contains the control character ${character}: WHATWG parsers drop or escape it silently, RFC 3986 parsers stop or fail there, so the two disagree on which server this is.`,
      };
    }
  }
  const scheme = SCHEME.exec(text);
  let i = scheme ? scheme[0].length : 0;
  const slashes = i;
  for (; i < text.length && (text[i] === '/' || text[i] === '\\'); i++);
  if (!scheme && i - slashes < 2) return undefined;
  for (let j = slashes; j < text.length; j++) {
    const ch = text[j]!;
    if (j >= i && (ch === '/' || ch === '?' || ch === '#')) break;
    const what = AMBIGUOUS_IN_AUTHORITY[ch];
    if (what !== undefined) return { character: ch, detail: `The host part contains ${what}, so the two disagree on which server this is.` };
  }
  return undefined;
}

/** True when the authority as RFC 3986 reads it holds an `@`, even with empty user info. */
function hasAt(text: string): boolean {
  const scheme = SCHEME.exec(text);
  let i = scheme ? scheme[0].length : 0;
  for (; i < text.length && text[i] === '/'; i++);
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '@') return true;
    if (ch === '/' || ch === '?' || ch === '#') return false;
  }
  return false;
}

export function parseBaseUrl(input: unknown, options: ParseOptions = {}): ParseResult {
  if (typeof input !== 'string') return fail('invalid', 'The URL must be text.');
  const text = input.trim();
  if (text === '') return fail('invalid', 'The URL is empty.');
  if (text.length > MAX_URL_LENGTH) return fail('invalid', `The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('invalid', 'This is not a valid absolute URL.');
  }
  const schemes = options.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    const allowed = options.allowHttp ? 'https or http' : 'https';
    return fail('scheme', `The scheme ${url.protocol} is not allowed; use ${allowed}.`, url.protocol, url);
  }
  if (url.username !== '' || url.password !== '') {
    // No offender: the user part may well be a token.
    return fail('userinfo', 'The URL must not carry a user name or password before the host.', undefined, url);
  }
  const ambiguity = findAmbiguity(text);
  // No normalised URL: the WHATWG reading may hold a token typed before the character.
  if (ambiguity) return fail('ambiguous', ambiguity.detail, ambiguity.character);
  if (hasAt(text)) return fail('userinfo', 'The URL must not carry user info before the host, not even an empty one.', undefined, url);
  const bare = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (bare === '') return fail('host', 'The URL has no host.');
  const protocol = url.protocol as 'https:' | 'http:';
  const port = url.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (port === 0) return fail('port', 'Port 0 cannot be connected to.', '0', url);
  if (options.ports && !options.ports.includes(port)) {
    return fail('port', `Port ${port} is not among the allowed ports (${options.ports.join(', ')}).`, String(port), url);
  }
  // Cut the fragment from the serialisation rather than through the hash setter, which
  // parses the URL again; a serialised URL has no other '#'.
  const full = url.href;
  const mark = full.indexOf('#');
  const href = mark === -1 ? full : full.slice(0, mark);
  let normalized: string;
  if (options.keepsContextPath === true) {
    normalized = url.origin + url.pathname.replace(/\/+$/, '');
  } else if (options.keepsContextPath === false) {
    normalized = url.origin;
  } else {
    normalized = href;
  }
  // IDNA can lengthen a name well beyond what was typed.
  if (normalized.length > MAX_URL_LENGTH) return fail('invalid', `The URL is longer than ${MAX_URL_LENGTH} characters once normalised.`);
  const parsed: ParsedBaseUrl = { normalized, href, protocol, hostname: bare, port };
  if (url.hostname.startsWith('[')) parsed.literal = { address: bare, family: 6 };
  else if (IPV4_SERIALISED.test(bare)) parsed.literal = { address: bare, family: 4 };
  return { ok: true, url: parsed };
}

/**
 * The comparison form of a base URL: `parseBaseUrl`'s normalisation with http
 * admitted (safety is judged elsewhere), or null when the URL is unusable or
 * carries user info, which would otherwise end up in state and logs.
 */
export function normalizeBaseUrl(raw: string, keepsContextPath?: boolean): string | null {
  const parsed = parseBaseUrl(raw, { allowHttp: true, ...(keepsContextPath === undefined ? {} : { keepsContextPath }) });
  return parsed.ok ? parsed.url.normalized : null;
}
