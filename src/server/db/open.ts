/**
 * The database the reference backend starts with: PostgreSQL when `DATABASE_URL` is set,
 * otherwise the embedded one in a data folder (`PTS_DATA_DIR`, default `.pts-data`).
 * Keys are settled before any connection, so production without a key stops at once.
 */
import { join, resolve } from 'node:path';
import { createSecretBox, type SecretBox } from '../../backend/secrets/secret-box.js';
import type { SqlDriver } from '../../backend/sql/driver.js';
import { migrate, type MigrateResult, type Migration } from '../../backend/sql/migrate.js';
import { loadMigrations } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { resolveSecretKeys, type Env } from './secret-key.js';

export interface OpenDatabaseOptions {
  /** Default: process.env (DATABASE_URL, PTS_DATA_DIR, PTS_SECRET_KEY, PTS_SECRET_KEY_PREVIOUS, NODE_ENV). */
  env?: Env;
  /** Embedded data folder; wins over PTS_DATA_DIR. Ignored with a DATABASE_URL. */
  dataDir?: string;
  /** Default: the scripts shipped with the package. */
  migrations?: readonly Migration[];
  warn?: (message: string) => void;
}

export interface Database {
  db: SqlDriver;
  secrets: SecretBox;
  /** What the start-up migration did. */
  migrated: MigrateResult;
  /** The embedded data folder, when there is one. */
  dataDir?: string;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const env = options.env ?? process.env;
  const url = env.DATABASE_URL;
  const dataDir = url ? undefined : resolve(options.dataDir ?? env.PTS_DATA_DIR ?? '.pts-data');
  const keys = resolveSecretKeys({ env, dataDir, ...(options.warn && { warn: options.warn }) });
  const secrets = await createSecretBox(keys);
  const migrations = options.migrations ?? (await loadMigrations());
  const db = url ? await openPostgres({ connectionString: url }) : await openPglite({ dataDir: join(dataDir!, 'pglite') });
  try {
    const migrated = await migrate(db, migrations);
    return { db, secrets, migrated, ...(dataDir && { dataDir }) };
  } catch (error) {
    await db.close();
    throw error;
  }
}
