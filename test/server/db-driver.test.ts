import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SqlDriver } from '../../src/backend/sql/driver.js';
import { stopTestPostgres, testEngines, type TestDatabase } from './fixtures/databases.js';

after(stopTestPostgres);

/**
 * Many concurrent transactions, spread over `drivers`, each counting the rows and inserting
 * one only while there are fewer than `cap`: the targets cap in miniature. The sleep between
 * the check and the insert leaves room for another transaction to slip in, if it can.
 */
async function checkThenInsert(drivers: SqlDriver[], { cap, attempts, locks }: { cap: number; attempts: number; locks?: string[] }) {
  const inserted = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      drivers[i % drivers.length]!.transaction(
        async (tx) => {
          const [row] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM probe');
          if (row!.n >= cap) return false;
          await tx.query('SELECT pg_sleep(0.01)');
          await tx.query('INSERT INTO probe (attempt) VALUES ($1)', [i]);
          return true;
        },
        locks ? { locks } : {},
      ),
    ),
  );
  const [row] = await drivers[0]!.query<{ n: number }>('SELECT count(*) AS n FROM probe');
  return { rows: row!.n, acknowledged: inserted.filter(Boolean).length };
}

for (const engine of await testEngines()) {
  describe(`SQL driver on ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let database: TestDatabase;
    let db: SqlDriver;
    before(async () => {
      database = await engine.create();
      db = await database.connect();
    });
    after(() => database?.close());

    it('hands back the same JavaScript values on every engine', async () => {
      const [row] = await db.query(
        `SELECT 7::int4 AS i4, 9007199254740991::int8 AS i8, count(*) AS n, 1.25::numeric AS num,
                true AS yes, NULL::text AS nothing, 'ünïcode'::text AS txt,
                $1::jsonb AS json, $2::bytea AS bytes, $3::timestamptz AS at
         FROM (VALUES (1), (2)) AS v(x)`,
        [JSON.stringify({ list: [1, 'two'], nested: { ok: true } }), new Uint8Array([0, 1, 254, 255]), new Date('2026-03-01T10:00:00.123Z')],
      );
      assert.deepEqual(row, {
        i4: 7,
        i8: 9007199254740991,
        n: 2,
        num: '1.25',
        yes: true,
        nothing: null,
        txt: 'ünïcode',
        json: { list: [1, 'two'], nested: { ok: true } },
        bytes: new Uint8Array([0, 1, 254, 255]),
        at: new Date('2026-03-01T10:00:00.123Z'),
      });
      assert.equal(Object.getPrototypeOf(row!.bytes), Uint8Array.prototype, 'a plain Uint8Array, not a Buffer');
    });

    it('commits a transaction and hands back what its work returned', async () => {
      await db.query('CREATE TABLE committed (id int PRIMARY KEY)');
      const result = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO committed VALUES (1), (2)');
        return (await tx.query<{ n: number }>('SELECT count(*) AS n FROM committed'))[0]!.n;
      });
      assert.equal(result, 2);
      assert.deepEqual(await db.query('SELECT id FROM committed ORDER BY id'), [{ id: 1 }, { id: 2 }]);
    });

    it('rolls back a transaction whose work throws, and rethrows the error', async () => {
      await db.query('CREATE TABLE rolled_back (id int PRIMARY KEY)');
      const failure = new Error('work failed');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO rolled_back VALUES (1)');
          await tx.exec('INSERT INTO rolled_back VALUES (2); INSERT INTO rolled_back VALUES (3);');
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.deepEqual(await db.query('SELECT id FROM rolled_back'), []);
    });

    it('rolls back when a statement fails, even if the work caught the failure', async () => {
      await db.query('CREATE TABLE caught (id int PRIMARY KEY)');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO caught VALUES (1)');
          await tx.query('INSERT INTO caught VALUES (1)').catch(() => undefined);
        }),
      );
      assert.deepEqual(await db.query('SELECT id FROM caught'), []);
    });

    it('reports a unique violation with its SQLSTATE and constraint', async () => {
      await db.query('CREATE TABLE uniq (k text CONSTRAINT uniq_k UNIQUE)');
      await db.query(`INSERT INTO uniq VALUES ('a')`);
      await assert.rejects(db.query(`INSERT INTO uniq VALUES ('a')`), { code: '23505', constraint: 'uniq_k' });
    });

    it('stays usable after more failed transactions than it has connections', async () => {
      for (let i = 0; i < 12; i++) {
        await assert.rejects(db.transaction(async (tx) => tx.query('SELECT * FROM no_such_table')), { code: '42P01' });
      }
      assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
    });

    it('a named lock serialises "check, then insert" across connections', async () => {
      const drivers = [db, await database.connect()];
      await db.query('CREATE TABLE probe (attempt int)');
      const result = await checkThenInsert(drivers, { cap: 5, attempts: 40, locks: ['probe'] });
      assert.deepEqual(result, { rows: 5, acknowledged: 5 });
    });

    it('a conditional update claims a row once, however many connections race for it', async () => {
      const drivers = [db, await database.connect()];
      await db.query('CREATE TABLE claims (id text PRIMARY KEY, used_by int)');
      await db.query(`INSERT INTO claims VALUES ('chk_1', NULL)`);
      const winners = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          drivers[i % 2]!.query('UPDATE claims SET used_by = $1 WHERE id = $2 AND used_by IS NULL RETURNING id', [i, 'chk_1']),
        ),
      );
      assert.equal(winners.filter((rows) => rows.length === 1).length, 1);
    });

    it('a unique constraint admits one of many racing inserts and names itself to the others', async () => {
      const drivers = [db, await database.connect()];
      await db.query('CREATE TABLE destinations (id serial, url text CONSTRAINT destinations_url UNIQUE)');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          drivers[i % 2]!.transaction((tx) => tx.query(`INSERT INTO destinations (url) VALUES ('https://a.example')`)),
        ),
      );
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        assert.deepEqual([o.reason.code, o.reason.constraint], ['23505', 'destinations_url']);
      }
    });

    if (engine.name.startsWith('PostgreSQL')) {
      it('without the lock, the same probe overshoots on a server (the probe can fail)', async () => {
        const drivers = [await database.connect(), await database.connect()];
        await db.query('TRUNCATE probe');
        const result = await checkThenInsert(drivers, { cap: 5, attempts: 40 });
        assert.ok(result.rows > 5, `expected more than 5 rows without a lock, got ${result.rows}`);
        assert.equal(result.acknowledged, result.rows);
      });
    } else {
      it('without the lock, PGlite still runs one transaction at a time', async () => {
        await db.query('TRUNCATE probe');
        const result = await checkThenInsert([db], { cap: 5, attempts: 40 });
        assert.deepEqual(result, { rows: 5, acknowledged: 5 });
      });
    }
  });
}
