/**
 * Schema migrations: plain SQL scripts applied in name order, each recorded with a checksum
 * in `pts_migrations`. Running again applies nothing; two instances starting at once take
 * turns on one lock, so each script runs exactly once.
 */
import type { SqlDriver } from './driver.js';

export interface Migration {
  /** `NNNN_words`, e.g. `0001_initial`; the number orders them. */
  name: string;
  sql: string;
}

export interface MigrateResult {
  /** Scripts this call applied, in order. */
  applied: string[];
  /**
   * Scripts recorded in the database that this code does not know (a newer version ran
   * here). Not an error, so an older instance can still start during a rolling deploy.
   */
  unknown: string[];
}

export const MIGRATIONS_LOCK = 'pts:migrations';
const NAME = /^\d{4}_[a-z0-9_]+$/;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** SHA-256 of the script with line endings made uniform, so a checkout on Windows matches. */
export async function migrationChecksum(sql: string): Promise<string> {
  const bytes = new TextEncoder().encode(sql.replace(/\r\n?/g, '\n'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Applies the scripts not yet recorded, all in one transaction: the schema is either at the
 * new version or unchanged. Scripts therefore cannot use statements that refuse to run in a
 * transaction (`CREATE INDEX CONCURRENTLY`). A recorded script whose text has since changed
 * stops the run: the database would no longer match what the code expects.
 */
export async function migrate(db: SqlDriver, migrations: readonly Migration[]): Promise<MigrateResult> {
  const ordered = [...migrations].sort((a, b) => a.name.localeCompare(b.name));
  for (const [i, m] of ordered.entries()) {
    if (!NAME.test(m.name)) throw new MigrationError(`Migration name "${m.name}" is not NNNN_words.`);
    if (i > 0 && ordered[i - 1]!.name.slice(0, 4) === m.name.slice(0, 4)) {
      throw new MigrationError(`Migrations "${ordered[i - 1]!.name}" and "${m.name}" share a number.`);
    }
  }
  const checksums = await Promise.all(ordered.map((m) => migrationChecksum(m.sql)));

  return db.transaction(
    async (tx) => {
      await tx.exec(`CREATE TABLE IF NOT EXISTS pts_migrations (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const rows = await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM pts_migrations');
      const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
      const applied: string[] = [];
      for (const [i, m] of ordered.entries()) {
        const checksum = checksums[i]!;
        const before = recorded.get(m.name);
        if (before !== undefined) {
          if (before !== checksum) {
            throw new MigrationError(`Migration ${m.name} changed after it was applied; add a new migration instead.`);
          }
          continue;
        }
        await tx.exec(m.sql);
        await tx.query('INSERT INTO pts_migrations (name, checksum) VALUES ($1, $2)', [m.name, checksum]);
        applied.push(m.name);
      }
      const known = new Set(ordered.map((m) => m.name));
      const unknown = [...recorded.keys()].filter((name) => !known.has(name)).sort();
      return { applied, unknown };
    },
    { locks: [MIGRATIONS_LOCK] },
  );
}
