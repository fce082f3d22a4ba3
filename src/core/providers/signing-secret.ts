/**
 * How strong a webhook signing secret must be, and how a strong one is made.
 * The element refuses a weak secret before Save and the backend's save route
 * refuses it again; both call `signingSecretProblem`, so the rule is written
 * once. The webhook adapter decodes Standard Webhooks secrets with
 * `standardWebhooksKey`, under the same bounds.
 */
import { fromBase64, toBase64, toHex } from '../bytes.js';
import type { WebhookSigningId } from './types.js';

/** Random bytes in a generated secret: 256 bits. */
export const GENERATED_SECRET_BYTES = 32;

/** The Standard Webhooks specification's range for the decoded key, in bytes. */
export const STANDARD_KEY_BYTES = { min: 24, max: 64 } as const;

/** GitHub-style secrets are used as typed: at least this many characters. */
export const TEXT_SECRET_MIN_LENGTH = 32;

/** Least estimated strength of a typed GitHub-style secret, in bits. */
const TEXT_SECRET_MIN_BITS = 128;

/**
 * Fewest different values a secret may be made of. Random keys of the allowed
 * lengths have far more; a key of one repeated byte or a word said over and
 * over has fewer.
 */
const MIN_DISTINCT = { bytes: 16, characters: 8 } as const;

export const STANDARD_SECRET_PREFIX = 'whsec_';

/**
 * Why a secret is refused:
 *   format  a Standard Webhooks secret that is not `whsec_` followed by base64,
 *           or a GitHub-style secret with spaces or line breaks in it
 *   length  too short (or, for Standard Webhooks, longer than 64 bytes)
 *   weak    long enough, but made of too few different values, or of too
 *           small an alphabet to reach 128 bits
 */
export type SigningSecretProblem = 'format' | 'length' | 'weak';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The HMAC key of a Standard Webhooks secret (`whsec_` and base64 of 24 to 64 bytes); undefined when it is not one. */
export function standardWebhooksKey(secret: string): Uint8Array<ArrayBuffer> | undefined {
  if (!secret.startsWith(STANDARD_SECRET_PREFIX)) return undefined;
  const encoded = secret.slice(STANDARD_SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const key = fromBase64(encoded);
  if (!key || key.length < STANDARD_KEY_BYTES.min || key.length > STANDARD_KEY_BYTES.max) return undefined;
  return key;
}

function distinct(values: Iterable<unknown>): number {
  return new Set(values).size;
}

/** Bits per character of the smallest alphabet of common character classes that holds the text. */
function bitsPerCharacter(text: string): number {
  if (/^[0-9a-f]+$/.test(text) || /^[0-9A-F]+$/.test(text)) return 4;
  let size = 0;
  if (/[0-9]/.test(text)) size += 10;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/[^0-9a-zA-Z]/.test(text)) size += 33;
  return Math.log2(size);
}

/** Why `secret` is too weak for `scheme`, or `null` when it is strong enough. Surrounding spaces are not part of it. */
export function signingSecretProblem(scheme: WebhookSigningId, secret: string): SigningSecretProblem | null {
  const value = secret.trim();
  if (scheme === 'standard-webhooks') {
    const encoded = value.startsWith(STANDARD_SECRET_PREFIX) ? value.slice(STANDARD_SECRET_PREFIX.length) : '';
    if (!encoded || !BASE64.test(encoded) || encoded.length % 4 !== 0) return 'format';
    const key = standardWebhooksKey(value);
    if (!key) return 'length';
    return distinct(key) < MIN_DISTINCT.bytes ? 'weak' : null;
  }
  if (/\s/.test(value)) return 'format';
  if (value.length < TEXT_SECRET_MIN_LENGTH) return 'length';
  const characters = [...value];
  if (distinct(characters) < MIN_DISTINCT.characters) return 'weak';
  return characters.length * bitsPerCharacter(value) < TEXT_SECRET_MIN_BITS ? 'weak' : null;
}

/**
 * A new secret of 32 random bytes from `crypto.getRandomValues`: `whsec_` and
 * base64 for Standard Webhooks, hex for the GitHub-style scheme.
 */
export function generateSigningSecret(scheme: WebhookSigningId): string {
  const bytes = crypto.getRandomValues(new Uint8Array(GENERATED_SECRET_BYTES));
  return scheme === 'standard-webhooks' ? STANDARD_SECRET_PREFIX + toBase64(bytes) : toHex(bytes);
}
