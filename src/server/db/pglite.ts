/**
 * The embedded driver: PostgreSQL compiled to WebAssembly (PGlite), in a data folder on disk
 * or in memory. PGlite is one connection: it runs one query or one transaction at a time, in
 * arrival order, so its transactions are serial by construction. The named locks are still
 * taken (see `takeLocks`), so the store's SQL is the same on both engines.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { takeLocks, type SqlDriver, type SqlSession, type SqlTransaction } from '../../backend/sql/driver.js';

export interface PgliteOptions {
  /** Folder of the database, created when missing. Omit it for a database in memory. */
  dataDir?: string;
}

/** Opens (and on first use creates) an embedded database. */
export async function openPglite(options: PgliteOptions = {}): Promise<SqlDriver> {
  const { PGlite } = await importPglite();
  if (!options.dataDir) return pgliteDriver(await PGlite.create());
  const dataDir = resolve(options.dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    return pgliteDriver(await PGlite.create({ dataDir }), unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

interface PgliteQueryable {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** The part of a PGlite instance the driver uses (kept structural: PGlite is an optional peer). */
export interface PgliteInstance extends PgliteQueryable {
  transaction<T>(work: (tx: PgliteQueryable & { exec(script: string): Promise<unknown> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Wraps a PGlite instance the caller created (tests start from a prepared copy). */
export function pgliteDriver(pg: PgliteInstance, onClose: () => void = () => {}): SqlDriver {
  const session = (q: PgliteQueryable): SqlSession => ({
    async query(text, params) {
      return (await q.query<never>(text, params as unknown[] | undefined)).rows;
    },
  });
  return {
    engine: 'pglite',
    ...session(pg),
    transaction(work, options) {
      return pg.transaction(async (raw) => {
        const tx: SqlTransaction = {
          ...session(raw),
          async exec(script) {
            await raw.exec(script);
          },
        };
        await takeLocks(tx, options?.locks);
        return work(tx);
      });
    },
    async close() {
      try {
        await pg.close();
      } finally {
        onClose();
      }
    },
  };
}

async function importPglite(): Promise<typeof import('@electric-sql/pglite')> {
  try {
    return await import('@electric-sql/pglite');
  } catch {
    throw new Error('The embedded database needs the @electric-sql/pglite package: npm install @electric-sql/pglite');
  }
}

const openHere = new Set<string>();

/**
 * PGlite does not stop a second process from opening the same folder, and two writers would
 * corrupt it. A lock file beside the folder holds the owner's process id; a file left by a
 * process that is gone (killed, crashed) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  if (openHere.has(path)) throw new Error(`The data folder ${dataDir} is already open in this process.`);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The data folder ${dataDir} is in use by process ${holder}. Stop it, or delete ${path} if no such process uses the folder.`,
        );
      }
      unlinkSync(path);
    }
  }
  openHere.add(path);
  const unlock = () => {
    if (!openHere.delete(path)) return;
    process.off('exit', unlock);
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', unlock);
  return unlock;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
