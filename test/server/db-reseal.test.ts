import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSecretBox, SecretBoxError, type SecretBox } from '../../src/backend/secrets/secret-box.js';
import type { SqlDriver } from '../../src/backend/sql/driver.js';
import { migrate } from '../../src/backend/sql/migrate.js';
import { resealSecrets, sealedContext } from '../../src/backend/sql/reseal.js';
import { loadMigrations } from '../../src/server/db/migrations.js';
import { stopTestPostgres, testEngines, type TestDatabase } from './fixtures/databases.js';

after(stopTestPostgres);

const OLD_KEY = btoa('o'.repeat(32));
const NEW_KEY = btoa('n'.repeat(32));
const OTHER_KEY = btoa('x'.repeat(32));
const AT = new Date('2026-03-01T10:00:00.000Z');
const LATER = new Date('2026-03-01T11:00:00.000Z');
const credential = (id: string) => `CANARY-reseal-${id}-ghp_0123456789`;

async function addTarget(db: SqlDriver, box: SecretBox, id: string) {
  const sealed = await box.seal(credential(id), sealedContext('pts_secrets', id));
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO pts_targets (id, provider, edition, destination, record, created_at, updated_at)
       VALUES ($1, 'github', 'ghes', $2, $3::jsonb, $4, $4)`,
      [id, `https://${id}.example`, JSON.stringify({ id }), AT],
    );
    await tx.query('INSERT INTO pts_secrets (target_id, key_id, ciphertext, updated_at) VALUES ($1, $2, $3, $4)', [
      id,
      sealed.keyId,
      sealed.ciphertext,
      AT,
    ]);
  });
}

async function addGrant(db: SqlDriver, box: SecretBox, id: string) {
  const sealed = await box.seal(credential(id), sealedContext('pts_grants', id));
  await db.query(
    `INSERT INTO pts_authorizations (id, state, status, record, created_at, expires_at)
     VALUES ($1, $2, 'authorized', '{}'::jsonb, $3, $4)`,
    [id, `state-${id}`, AT, LATER],
  );
  await db.query('INSERT INTO pts_grants (authorization_id, key_id, ciphertext, expires_at) VALUES ($1, $2, $3, $4)', [
    id,
    sealed.keyId,
    sealed.ciphertext,
    LATER,
  ]);
}

async function readAll(db: SqlDriver, box: SecretBox) {
  const secrets = await db.query<{ id: string; key_id: string; ciphertext: Uint8Array }>(
    'SELECT target_id AS id, key_id, ciphertext FROM pts_secrets ORDER BY target_id',
  );
  const grants = await db.query<{ id: string; key_id: string; ciphertext: Uint8Array }>(
    'SELECT authorization_id AS id, key_id, ciphertext FROM pts_grants ORDER BY authorization_id',
  );
  const open = (table: 'pts_secrets' | 'pts_grants') => (r: { id: string; key_id: string; ciphertext: Uint8Array }) =>
    box.open({ keyId: r.key_id, ciphertext: r.ciphertext }, sealedContext(table, r.id));
  return {
    keyIds: new Set([...secrets, ...grants].map((r) => r.key_id)),
    plaintexts: [...(await Promise.all(secrets.map(open('pts_secrets')))), ...(await Promise.all(grants.map(open('pts_grants'))))],
  };
}

for (const engine of await testEngines()) {
  describe(`key rotation on ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let database: TestDatabase;
    let db: SqlDriver;
    let oldBox: SecretBox;
    let rotating: SecretBox;
    const ids = ['tgt_1', 'tgt_2', 'tgt_3', 'tgt_4', 'tgt_5'];
    const expected = [...ids, 'auth_1', 'auth_2'].map(credential);

    before(async () => {
      database = await engine.create();
      db = await database.connect();
      await migrate(db, await loadMigrations());
      oldBox = await createSecretBox({ current: OLD_KEY });
      rotating = await createSecretBox({ current: NEW_KEY, previous: [OLD_KEY] });
      for (const id of ids) await addTarget(db, oldBox, id);
      await addGrant(db, oldBox, 'auth_1');
      await addGrant(db, oldBox, 'auth_2');
    });
    after(() => database?.close());

    it('reads rows sealed under the old key while the new key is current', async () => {
      const { keyIds, plaintexts } = await readAll(db, rotating);
      assert.deepEqual(keyIds, new Set([oldBox.currentKeyId]));
      assert.deepEqual(plaintexts, expected);
    });

    it('seals every secret and grant again under the new key, in batches', async () => {
      // Written during the rotation: already under the new key, left alone.
      await addTarget(db, rotating, 'tgt_6');
      assert.deepEqual(await resealSecrets(db, rotating, { batchSize: 2 }), { resealed: { pts_secrets: 5, pts_grants: 2 } });
      const newOnly = await createSecretBox({ current: NEW_KEY });
      const { keyIds, plaintexts } = await readAll(db, newOnly);
      assert.deepEqual(keyIds, new Set([newOnly.currentKeyId]));
      assert.deepEqual(plaintexts, [...ids, 'tgt_6', 'auth_1', 'auth_2'].map(credential));
    });

    it('has nothing left to do when run again', async () => {
      assert.deepEqual(await resealSecrets(db, rotating), { resealed: { pts_secrets: 0, pts_grants: 0 } });
    });

    it('stops at a row sealed under a key it does not hold, and leaves that row as it was', async () => {
      const stranger = await createSecretBox({ current: OTHER_KEY });
      await addTarget(db, stranger, 'tgt_7');
      await assert.rejects(
        resealSecrets(db, rotating),
        (e) => e instanceof SecretBoxError && e.reason === 'unknown-key',
      );
      const [row] = await db.query<{ key_id: string }>(`SELECT key_id FROM pts_secrets WHERE target_id = 'tgt_7'`);
      assert.equal(row!.key_id, stranger.currentKeyId);
      await db.query(`DELETE FROM pts_targets WHERE id = 'tgt_7'`);
    });

    it('a ciphertext copied into another row does not open there', async () => {
      await db.query(
        `UPDATE pts_secrets SET ciphertext = (SELECT ciphertext FROM pts_secrets WHERE target_id = 'tgt_1')
         WHERE target_id = 'tgt_2'`,
      );
      await assert.rejects(readAll(db, rotating), (e) => e instanceof SecretBoxError && e.reason === 'not-authentic');
    });
  });
}
