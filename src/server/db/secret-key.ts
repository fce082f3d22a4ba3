/**
 * Where the key that seals secrets comes from.
 *
 * - `PTS_SECRET_KEY`: 32 random bytes, base64. Always wins.
 * - `PTS_SECRET_KEY_PREVIOUS`: keys being rotated away from (comma-separated); they only open.
 * - Neither, in production (`DATABASE_URL` set or `NODE_ENV=production`): refuse to start.
 *   A key generated on one instance would not open what another instance sealed, and a key
 *   lost with a container would lose every credential.
 * - Neither, on the embedded default: generate a key once into the data folder, with a
 *   warning, so `npm start` works on a fresh clone and survives restarts.
 *
 * A key generated earlier stays usable as a previous key once `PTS_SECRET_KEY` is set, so
 * moving from the default to a configured key loses nothing; `resealSecrets` then moves the
 * rows over.
 */
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSecretKey, generateSecretKey, type SecretBoxKeys } from '../../backend/secrets/secret-box.js';

export type Env = Record<string, string | undefined>;

export const GENERATED_KEY_FILE = 'secret-key';

export interface ResolveSecretKeysOptions {
  env: Env;
  /** The embedded database's data folder, where a generated key is kept. */
  dataDir?: string;
  warn?: (message: string) => void;
}

/** True where the backend must not invent its own key. */
export function isProduction(env: Env): boolean {
  return Boolean(env.DATABASE_URL) || env.NODE_ENV === 'production';
}

export const MISSING_KEY_MESSAGE =
  'PTS_SECRET_KEY is not set. Production (DATABASE_URL or NODE_ENV=production) needs a key of 32 random bytes in base64, ' +
  'kept in your secret manager and the same on every instance. Make one with: ' +
  `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`;

export function resolveSecretKeys({ env, dataDir, warn = console.warn }: ResolveSecretKeysOptions): SecretBoxKeys {
  const previous = (env.PTS_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map(decodeSecretKey);
  const file = dataDir ? join(dataDir, GENERATED_KEY_FILE) : undefined;
  const generated = file ? readKeyFile(file) : undefined;

  if (env.PTS_SECRET_KEY) {
    return { current: decodeSecretKey(env.PTS_SECRET_KEY), previous: generated ? [...previous, generated] : previous };
  }
  if (isProduction(env)) throw new Error(MISSING_KEY_MESSAGE);
  if (!file) throw new Error('PTS_SECRET_KEY is not set and there is no data folder to keep a generated key in.');
  if (generated) return { current: generated, previous };

  mkdirSync(dataDir!, { recursive: true });
  // Written whole under a private name, then linked into place: a process starting at the
  // same moment either finds no key or a complete one, and the first link wins.
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${generateSecretKey()}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    warn(
      `PTS_SECRET_KEY is not set: generated a key in ${file} to seal stored credentials. ` +
        'Keep it with the data folder; set PTS_SECRET_KEY in production.',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return { current: readKeyFile(file)!, previous };
}

function readKeyFile(file: string): Uint8Array | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return decodeSecretKey(text);
}
