import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SqlDriver } from '../../src/backend/sql/driver.js';
import { migrate, MigrationError, type Migration } from '../../src/backend/sql/migrate.js';
import { loadMigrations } from '../../src/server/db/migrations.js';
import { memoryEngine, stopTestPostgres, testEngines } from './fixtures/databases.js';

after(stopTestPostgres);

const shipped = await loadMigrations();

const TABLES = [
  'pts_authorizations',
  'pts_grants',
  'pts_idempotency_keys',
  'pts_migrations',
  'pts_rate_limits',
  'pts_secrets',
  'pts_targets',
  'pts_url_checks',
];

async function tables(db: SqlDriver): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_name LIKE 'pts\\_%' ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

const recorded = async (db: SqlDriver) =>
  (await db.query<{ name: string }>('SELECT name FROM pts_migrations ORDER BY name')).map((r) => r.name);

describe('loadMigrations', () => {
  it('reads the shipped scripts in order', () => {
    assert.deepEqual(
      shipped.map((m) => m.name),
      ['0001_initial'],
    );
    assert.match(shipped[0]!.sql, /CREATE TABLE pts_targets/);
  });

  it('reads NNNN_words.sql from a folder, in name order, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pts-migrations-'));
    try {
      writeFileSync(join(dir, '0002_second.sql'), 'SELECT 2;');
      writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
      writeFileSync(join(dir, 'notes.txt'), 'not a migration');
      writeFileSync(join(dir, '3_bad_name.sql'), 'SELECT 3;');
      assert.deepEqual(await loadMigrations(dir), [
        { name: '0001_first', sql: 'SELECT 1;' },
        { name: '0002_second', sql: 'SELECT 2;' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const engine of await testEngines()) {
  describe(`migrate on ${engine.name}`, { skip: engine.skip ?? false }, () => {
    it('applies every script once; a second run applies nothing', async () => {
      const database = await engine.create();
      try {
        const db = await database.connect();
        assert.deepEqual(await migrate(db, shipped), { applied: ['0001_initial'], unknown: [] });
        assert.deepEqual(await tables(db), TABLES);
        assert.deepEqual(await migrate(db, shipped), { applied: [], unknown: [] });
        assert.deepEqual(await recorded(db), ['0001_initial']);
      } finally {
        await database.close();
      }
    });

    it('two migrators starting at once apply each script exactly once', async () => {
      const database = await engine.create();
      try {
        const [a, b] = [await database.connect(), await database.connect()];
        const results = await Promise.all([migrate(a, shipped), migrate(b, shipped)]);
        assert.deepEqual(results.map((r) => r.applied).sort(), [[], ['0001_initial']]);
        assert.deepEqual(await recorded(a), ['0001_initial']);
        assert.deepEqual(await tables(b), TABLES);
      } finally {
        await database.close();
      }
    });
  });
}

describe('migrate rules', () => {
  let database: Awaited<ReturnType<typeof memoryEngine.create>>;
  let db: SqlDriver;
  before(async () => {
    database = await memoryEngine.create();
    db = await database.connect();
  });
  after(() => database?.close());

  const first: Migration = { name: '0001_first', sql: 'CREATE TABLE first_t (id int);' };

  it('applies scripts in number order, whatever order they are given in', async () => {
    const second = { name: '0002_second', sql: 'ALTER TABLE first_t ADD COLUMN label text;' };
    assert.deepEqual((await migrate(db, [second, first])).applied, ['0001_first', '0002_second']);
    await db.query(`INSERT INTO first_t (id, label) VALUES (1, 'ok')`);
  });

  it('refuses a script changed after it was applied', async () => {
    await assert.rejects(
      migrate(db, [{ ...first, sql: 'CREATE TABLE first_t (id bigint);' }]),
      (e) => e instanceof MigrationError && /0001_first changed/.test(e.message),
    );
  });

  it('treats line endings alike, so a checkout with CRLF is the same script', async () => {
    const crlf = { name: '0003_crlf', sql: 'CREATE TABLE crlf_t (\n  id int\n);\n' };
    await migrate(db, [first, crlf]);
    const again = await migrate(db, [first, { ...crlf, sql: crlf.sql.replace(/\n/g, '\r\n') }]);
    assert.deepEqual(again.applied, []);
  });

  it('reports scripts recorded by a newer version instead of failing', async () => {
    assert.deepEqual(await migrate(db, [first]), { applied: [], unknown: ['0002_second', '0003_crlf'] });
  });

  it('rolls back every script of a run when one fails', async () => {
    const good = { name: '0004_good', sql: 'CREATE TABLE good_t (id int);' };
    const bad = { name: '0005_bad', sql: 'CREATE TABLE bad_t (id int); SELECT * FROM no_such_table;' };
    await assert.rejects(migrate(db, [first, good, bad]), { code: '42P01' });
    const names = (await db.query<{ name: string }>('SELECT name FROM pts_migrations')).map((r) => r.name);
    assert.ok(!names.includes('0004_good'));
    assert.deepEqual(await db.query(`SELECT to_regclass('good_t') AS t, to_regclass('bad_t') AS u`), [{ t: null, u: null }]);
  });

  it('refuses badly named or equally numbered scripts before touching the database', async () => {
    await assert.rejects(migrate(db, [{ name: 'initial', sql: '' }]), MigrationError);
    await assert.rejects(
      migrate(db, [first, { name: '0001_again', sql: 'SELECT 1;' }]),
      (e) => e instanceof MigrationError && /share a number/.test(e.message),
    );
  });
});
