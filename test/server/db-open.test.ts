import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createSecretBox, decodeSecretKey, secretKeyId } from '../../src/backend/secrets/secret-box.js';
import { openDatabase } from '../../src/server/db/open.js';
import { GENERATED_KEY_FILE, isProduction, MISSING_KEY_MESSAGE, resolveSecretKeys } from '../../src/server/db/secret-key.js';
import { testPostgres } from './fixtures/postgres.js';

const KEY = btoa('k'.repeat(32));
const PREVIOUS = btoa('p'.repeat(32));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pts-data-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const idOf = async (key: string | Uint8Array) => secretKeyId(typeof key === 'string' ? decodeSecretKey(key) : key);

describe('resolveSecretKeys', () => {
  it('uses PTS_SECRET_KEY, with PTS_SECRET_KEY_PREVIOUS as keys that only open', () => {
    const keys = resolveSecretKeys({ env: { PTS_SECRET_KEY: KEY, PTS_SECRET_KEY_PREVIOUS: ` ${PREVIOUS} ,` } });
    assert.deepEqual(keys, { current: decodeSecretKey(KEY), previous: [decodeSecretKey(PREVIOUS)] });
  });

  it('refuses to start in production without a key, and writes nothing', () => {
    const dataDir = tempDir();
    for (const env of [{ DATABASE_URL: 'postgres://db.internal/pts' }, { NODE_ENV: 'production' }]) {
      assert.equal(isProduction(env), true);
      assert.throws(() => resolveSecretKeys({ env, dataDir, warn: assert.fail }), { message: MISSING_KEY_MESSAGE });
    }
    assert.throws(() => statSync(join(dataDir, GENERATED_KEY_FILE)), { code: 'ENOENT' });
  });

  it('on the embedded default, generates a key once into the data folder, with a warning', () => {
    const dataDir = tempDir();
    const warnings: string[] = [];
    const first = resolveSecretKeys({ env: {}, dataDir, warn: (m) => warnings.push(m) });
    const file = join(dataDir, GENERATED_KEY_FILE);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /PTS_SECRET_KEY is not set: generated a key in .*secret-key/);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'readable by its owner only');
    assert.deepEqual(decodeSecretKey(readFileSync(file, 'utf8')), first.current);
    assert.ok(!warnings[0]!.includes(readFileSync(file, 'utf8').trim()), 'the warning does not print the key');

    const again = resolveSecretKeys({ env: {}, dataDir, warn: (m) => warnings.push(m) });
    assert.deepEqual(again.current, first.current);
    assert.equal(warnings.length, 1);
  });

  it('keeps a generated key as a previous key once PTS_SECRET_KEY is set, so nothing sealed is lost', () => {
    const dataDir = tempDir();
    const generated = resolveSecretKeys({ env: {}, dataDir, warn: () => {} }).current;
    const keys = resolveSecretKeys({ env: { PTS_SECRET_KEY: KEY }, dataDir });
    assert.deepEqual(keys, { current: decodeSecretKey(KEY), previous: [generated] });
  });

  it('refuses a key that is not 32 bytes of base64', () => {
    assert.throws(() => resolveSecretKeys({ env: { PTS_SECRET_KEY: 'short' } }), { reason: 'bad-key' });
    assert.throws(() => resolveSecretKeys({ env: { PTS_SECRET_KEY: KEY, PTS_SECRET_KEY_PREVIOUS: 'x' } }), {
      reason: 'bad-key',
    });
  });
});

const { server, skip } = await testPostgres();

describe('openDatabase', () => {
  it('without DATABASE_URL: an embedded database and a generated key that both survive a restart', async () => {
    const dataDir = tempDir();
    const warnings: string[] = [];
    const first = await openDatabase({ env: {}, dataDir, warn: (m) => warnings.push(m) });
    try {
      assert.equal(first.db.engine, 'pglite');
      assert.deepEqual(first.migrated, { applied: ['0001_initial'], unknown: [] });
      const sealed = await first.secrets.seal('CANARY-open-db', 'target:t1');
      await first.db.query(`INSERT INTO pts_rate_limits (bucket, window_start, hits) VALUES ('b', now(), 3)`);
      await first.db.query('CREATE TABLE kept (ciphertext bytea, key_id text)');
      await first.db.query('INSERT INTO kept VALUES ($1, $2)', [sealed.ciphertext, sealed.keyId]);
    } finally {
      await first.db.close();
    }
    assert.equal(warnings.length, 1);

    const second = await openDatabase({ env: {}, dataDir, warn: (m) => warnings.push(m) });
    try {
      assert.deepEqual(second.migrated, { applied: [], unknown: [] });
      assert.equal(second.secrets.currentKeyId, first.secrets.currentKeyId);
      const [row] = await second.db.query<{ ciphertext: Uint8Array; key_id: string }>('SELECT * FROM kept');
      assert.equal(await second.secrets.open({ keyId: row!.key_id, ciphertext: row!.ciphertext }, 'target:t1'), 'CANARY-open-db');
      assert.deepEqual(await second.db.query('SELECT bucket, hits FROM pts_rate_limits'), [{ bucket: 'b', hits: 3 }]);
    } finally {
      await second.db.close();
    }
    assert.equal(warnings.length, 1, 'the second start finds the key and says nothing');
  });

  it('with DATABASE_URL and no key: refuses before connecting', async () => {
    // Nothing listens on port 9: a connection attempt would fail differently.
    await assert.rejects(openDatabase({ env: { DATABASE_URL: 'postgres://127.0.0.1:9/pts' } }), {
      message: MISSING_KEY_MESSAGE,
    });
  });

  it('with DATABASE_URL and a key: PostgreSQL, migrated, sealing under that key', { skip: skip ?? false }, async () => {
    const url = await server!.createDatabase();
    const env = { DATABASE_URL: url, PTS_SECRET_KEY: KEY, PTS_SECRET_KEY_PREVIOUS: PREVIOUS };
    const { db, secrets, migrated, dataDir } = await openDatabase({ env, warn: assert.fail });
    try {
      assert.equal(db.engine, 'postgres');
      assert.equal(dataDir, undefined);
      assert.deepEqual(migrated.applied, ['0001_initial']);
      assert.equal(secrets.currentKeyId, await idOf(KEY));
      const old = await (await createSecretBox({ current: PREVIOUS })).seal('CANARY-old', 'target:t');
      assert.equal(await secrets.open(old, 'target:t'), 'CANARY-old');
    } finally {
      await db.close();
      await server!.stop();
    }
  });
});
