/**
 * The backend's throughput on each store, served by node:http over loopback with a stub
 * URL check: saves/s (a self-hosted save consuming its URL check, with an idempotency key:
 * the full save transaction) from 1 client and from 8 at once, and GET /status/s with as
 * many targets as an installation may hold. Memory, PGlite in a data folder (what npm start
 * uses), PGlite in memory, and PostgreSQL (a throw-away local cluster; skipped with a note
 * where none can start). Run: node --import tsx scripts/bench-store.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKEND_DEFAULTS, createMemoryStore, targetKey, type TargetStore } from '../src/backend/index.js';
import { createSecretBox, generateSecretKey } from '../src/backend/secrets/secret-box.js';
import type { SqlDriver } from '../src/backend/sql/driver.js';
import { migrate } from '../src/backend/sql/migrate.js';
import { createSqlStore } from '../src/backend/store/sql/index.js';
import { loadMigrations, openPglite, openPostgres } from '../src/server/db/index.js';
import { testPostgres } from '../test/server/fixtures/postgres.js';
import { fmt, rate, record, saveBody, serve, storeChecks } from './bench-http.js';

const SAVES = 400;
const ROUNDS = 2;
const STATUS_RUNS = 1_000;
const CLIENTS = 8;

interface Engine {
  name: string;
  open(): Promise<{ store: TargetStore; close(): Promise<void> }>;
}

async function sqlStore(db: SqlDriver, close: () => Promise<void>) {
  await migrate(db, await loadMigrations());
  const secrets = await createSecretBox({ current: generateSecretKey() });
  return { store: createSqlStore({ db, secrets }), close };
}

const engines: Engine[] = [
  { name: 'memory', open: async () => ({ store: createMemoryStore(), close: async () => {} }) },
  {
    name: 'PGlite, data folder',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'pts-bench-'));
      const db = await openPglite({ dataDir: join(dir, 'pglite') });
      return sqlStore(db, async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      });
    },
  },
  {
    name: 'PGlite, in memory',
    async open() {
      const db = await openPglite();
      return sqlStore(db, () => db.close());
    },
  },
];

const { server: postgres, skip } = await testPostgres();
if (postgres) {
  engines.push({
    name: `PostgreSQL (local, fsync off)`,
    async open() {
      const db = await openPostgres({ connectionString: await postgres.createDatabase(), max: CLIENTS });
      return sqlStore(db, () => db.close());
    },
  });
}

console.log(`${'store'.padEnd(30)} ${'saves/s, 1 client'.padStart(18)} ${`saves/s, ${CLIENTS} clients`.padStart(19)} ${`GET /status/s (${BACKEND_DEFAULTS.maxTargets} targets)`.padStart(28)}`);
for (const engine of engines) {
  const { store, close } = await engine.open();
  try {
    const total = (ROUNDS * 2 + 1) * SAVES;
    await storeChecks(store, total, 'chk');
    const saving = await serve(store, { maxTargets: total + 10, sockets: CLIENTS });
    let n = 0;
    const save = () => {
      const i = n++;
      return saving.send('POST', '/targets', saveBody('chk', i), { 'idempotency-key': `bench-${i}` });
    };
    await rate(save, 201, SAVES); // warm-up
    let one = 0;
    let many = 0;
    for (let r = 0; r < ROUNDS; r++) {
      one = Math.max(one, await rate(save, 201, SAVES));
      many = Math.max(many, await rate(save, 201, SAVES, CLIENTS));
    }
    saving.close();

    // The status listing: a fresh store of the same kind with exactly the cap's targets.
    await store.clear!();
    for (let i = 0; i < BACKEND_DEFAULTS.maxTargets; i++) await store.importTarget({ record: record(i), uniqueKey: targetKey(record(i)) });
    const listing = await serve(store);
    const status = () => listing.send('GET', '/status');
    await rate(status, 200, STATUS_RUNS / 4);
    let statuses = 0;
    for (let r = 0; r < ROUNDS; r++) statuses = Math.max(statuses, await rate(status, 200, STATUS_RUNS));
    listing.close();
    console.log(`${engine.name.padEnd(30)} ${fmt(one).padStart(18)} ${fmt(many).padStart(19)} ${fmt(statuses).padStart(28)}`);
  } finally {
    await close();
  }
}
if (skip) console.log(`PostgreSQL: ${skip}`);
await postgres?.stop();
