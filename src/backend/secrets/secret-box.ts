/**
 * Secrets at rest: AES-256-GCM through Web Crypto, so it runs wherever the backend does.
 *
 * - Each sealed value names the key that sealed it (`keyId`, stored beside the ciphertext).
 *   A key id is derived from the key itself, so it cannot be configured wrong.
 * - A box holds one current key, which seals, and any number of previous keys, which only
 *   open: during a key rotation old rows still read, and `needsReseal` tells which to redo.
 * - Every value is sealed for a context (e.g. `target:tgt_123`), authenticated but not
 *   stored: a ciphertext copied to another row fails to open there.
 *
 * Layout of a sealed value: one version byte, the 12-byte random IV, then the GCM
 * ciphertext with its 16-byte tag. Random IVs keep a key safe for about 2^32 seals.
 */

const VERSION = 1;
const IV_BYTES = 12;
const KEY_BYTES = 32;
const TAG_BYTES = 16;

type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export interface SealedSecret {
  keyId: string;
  ciphertext: Uint8Array;
}

export type SecretBoxErrorReason =
  /** The key is missing, not base64, or not 32 bytes. */
  | 'bad-key'
  /** The value was sealed under a key this box does not hold. */
  | 'unknown-key'
  /** The value was changed, belongs to another context, or is not a sealed value. */
  | 'not-authentic';

/** Never carries key material or plaintext in its message. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
  constructor(
    readonly reason: SecretBoxErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface SecretBox {
  /** Id of the key new values are sealed under. */
  readonly currentKeyId: string;
  seal(plaintext: string, context: string): Promise<SealedSecret>;
  /** Opens a value sealed under the current or a previous key, for the same context. */
  open(sealed: SealedSecret, context: string): Promise<string>;
  /** True when the value was sealed under a previous key and should be sealed again. */
  needsReseal(keyId: string): boolean;
}

/** Decodes a base64 (or base64url) key and checks that it is 32 bytes. */
export function decodeSecretKey(base64: string): Uint8Array {
  const text = base64.trim().replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new SecretBoxError('bad-key', 'The secret key is not valid base64.');
  }
  if (binary.length !== KEY_BYTES) {
    throw new SecretBoxError('bad-key', `The secret key must be ${KEY_BYTES} bytes; this one is ${binary.length}.`);
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A fresh random key, base64, for a generated default or a new rotation. */
export function generateSecretKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(KEY_BYTES))));
}

/** The first 8 bytes of SHA-256("pts-secret-key-id:" + key), in hex: names a key, reveals nothing of it. */
export async function secretKeyId(key: Uint8Array): Promise<string> {
  const label = new TextEncoder().encode('pts-secret-key-id:');
  const input = new Uint8Array(label.length + key.length);
  input.set(label);
  input.set(key, label.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SecretBoxKeys {
  /** Seals and opens. Base64 text or the 32 raw bytes. */
  current: string | Uint8Array;
  /** Open only: keys being rotated away from. */
  previous?: ReadonlyArray<string | Uint8Array>;
}

export async function createSecretBox(keys: SecretBoxKeys): Promise<SecretBox> {
  const load = async (key: string | Uint8Array) => {
    const raw = typeof key === 'string' ? decodeSecretKey(key) : key;
    if (raw.length !== KEY_BYTES) {
      throw new SecretBoxError('bad-key', `The secret key must be ${KEY_BYTES} bytes; this one is ${raw.length}.`);
    }
    const id = await secretKeyId(raw);
    // A copy: Web Crypto wants memory of its own, not a view that may share a buffer.
    const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
    return [id, cryptoKey] as const;
  };
  const [currentKeyId, currentKey] = await load(keys.current);
  const byId = new Map<string, AesKey>([[currentKeyId, currentKey]]);
  for (const key of keys.previous ?? []) {
    const [id, cryptoKey] = await load(key);
    if (!byId.has(id)) byId.set(id, cryptoKey);
  }
  const aad = (context: string) => new TextEncoder().encode(`pts-secret:v${VERSION}:${context}`);

  return {
    currentKeyId,
    async seal(plaintext, context) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const encrypted = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aad(context) },
        currentKey,
        new TextEncoder().encode(plaintext),
      );
      const ciphertext = new Uint8Array(1 + IV_BYTES + encrypted.byteLength);
      ciphertext[0] = VERSION;
      ciphertext.set(iv, 1);
      ciphertext.set(new Uint8Array(encrypted), 1 + IV_BYTES);
      return { keyId: currentKeyId, ciphertext };
    },
    async open({ keyId, ciphertext }, context) {
      const key = byId.get(keyId);
      if (!key) {
        throw new SecretBoxError('unknown-key', `No key with id ${keyId} is configured; add it as a previous key.`);
      }
      if (ciphertext.length < 1 + IV_BYTES + TAG_BYTES || ciphertext[0] !== VERSION) {
        throw new SecretBoxError('not-authentic', 'The stored secret is not a sealed value of a known version.');
      }
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: ciphertext.slice(1, 1 + IV_BYTES), additionalData: aad(context) },
          key,
          ciphertext.slice(1 + IV_BYTES),
        );
        return new TextDecoder('utf-8', { fatal: true }).decode(plain);
      } catch {
        throw new SecretBoxError('not-authentic', 'The stored secret failed authentication: changed, or moved from another record.');
      }
    },
    needsReseal(keyId) {
      return keyId !== currentKeyId;
    },
  };
}
