/**
 * Reads the migration scripts shipped with the package. They sit beside this module in the
 * source (`./migrations/`) and are copied by the build to `dist/server/db/migrations/`, which
 * a bundled chunk one folder below `dist/` reaches as `../server/db/migrations/`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Migration } from '../../backend/sql/migrate.js';

const CANDIDATES = ['./migrations/', '../server/db/migrations/'];
const FILE = /^(\d{4}_[a-z0-9_]+)\.sql$/;

/** The folder the shipped scripts are in. */
export function migrationsDir(): string {
  for (const candidate of CANDIDATES) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('The migration scripts are missing from this installation (migrations/*.sql).');
}

/** Every `NNNN_words.sql` in `dir` (default: the shipped ones), in name order. */
export async function loadMigrations(dir: string = migrationsDir()): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((f) => FILE.test(f)).sort();
  if (!names.length) throw new Error(`No migration scripts (NNNN_words.sql) in ${dir}.`);
  return Promise.all(
    names.map(async (file) => ({ name: FILE.exec(file)![1]!, sql: await readFile(`${dir}/${file}`, 'utf8') })),
  );
}
