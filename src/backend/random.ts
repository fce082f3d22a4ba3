/**
 * Ids, opaque tokens and request fingerprints from Web Crypto. Only
 * `getRandomValues` is required: unlike `randomUUID` and `subtle`, browsers
 * offer it on plain-http pages too, where the msw kit may run.
 */

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A random RFC 4122 version 4 UUID. */
export function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `bytes` random bytes as base64url, for states and nonces. */
export function randomToken(bytes = 24): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of b) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 64-bit FNV-1a over UTF-16 code units, for runtimes without `crypto.subtle`. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
}

/**
 * A fingerprint of `text`: SHA-256 where Web Crypto offers it (Node, secure
 * browser pages), else FNV-1a. It only tells one request from another under
 * the same idempotency key, which the client chose at random.
 */
export async function fingerprint(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return fnv1a64(text);
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${hex(new Uint8Array(digest))}`;
}
