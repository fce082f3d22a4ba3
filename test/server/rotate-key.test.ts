/**
 * `npm run rotate-key`: every credential and grant sealed again under the new key, while
 * the backend keeps reading old rows (PostgreSQL), and the move from the embedded
 * default's generated key to a configured one (PGlite).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createSecretBox, SecretBoxError } from '../../src/backend/secrets/secret-box.js';
import { GENERATED_KEY_FILE } from '../../src/server/db/secret-key.js';
import { openStore, type OpenedStore } from '../../src/server/db/store.js';
import { sampleAuthorization, sampleRecord } from '../backend/store-conformance.js';
import { freshDataDir, stopTestPostgres } from './fixtures/databases.js';
import { testPostgres } from './fixtures/postgres.js';

after(stopTestPostgres);

const ROTATE_CLI = new URL('../../src/server/cli/rotate-key.ts', import.meta.url).pathname;
const OLD = btoa('o'.repeat(32));
const NEW = btoa('n'.repeat(32));
const credential = (i: number) => `CANARY-rotate-${i}-token`;

function rotate(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', ROTATE_CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** `count` targets with credentials and two waiting grants, sealed under the store's current key. */
async function fill(stored: OpenedStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const record = sampleRecord(`tgt_rotate_${i}`);
    const result = await stored.store.createTarget({ record, secret: { credential: credential(i) }, uniqueKey: `k-${i}`, maxTargets: 10_000, now });
    assert.equal(result.ok, true);
    ids.push(record.id);
  }
  for (const i of [0, 1]) {
    const auth = { ...sampleAuthorization(`auth_rotate_${i}`), expires_at: new Date(Date.now() + 3_600_000).toISOString() };
    await stored.store.saveAuthorization(auth);
    await stored.store.completeAuthorization({ id: auth.id, status: 'authorized', grant: { credential: `grant-${i}` }, now });
  }
  return ids;
}

async function keyIds(stored: OpenedStore): Promise<Set<string>> {
  const rows = await stored.database.db.query<{ key_id: string }>('SELECT key_id FROM pts_secrets UNION ALL SELECT key_id FROM pts_grants');
  return new Set(rows.map((r) => r.key_id));
}

describe('npm run rotate-key', () => {
  it('on PostgreSQL, moves every row to the new key while instances keep reading old ones', async (t) => {
    const { server, skip } = await testPostgres();
    if (skip) return t.skip(skip);
    const url = await server!.createDatabase();
    const oldId = (await createSecretBox({ current: OLD })).currentKeyId;
    const newId = (await createSecretBox({ current: NEW })).currentKeyId;
    const before = await openStore({ env: { DATABASE_URL: url, PTS_SECRET_KEY: OLD } });
    const ids = await fill(before, 300);
    await before.close();

    // An instance restarted for the rotation: the new key seals, the old one still opens.
    const rotating = await openStore({ env: { DATABASE_URL: url, PTS_SECRET_KEY: NEW, PTS_SECRET_KEY_PREVIOUS: OLD } });
    try {
      const run = rotate({ DATABASE_URL: url, PTS_SECRET_KEY: NEW, PTS_SECRET_KEY_PREVIOUS: OLD }, ['--batch-size', '1']);
      let finished = false;
      void run.then(() => (finished = true));
      let rounds = 0;
      let roundsWithBothKeys = 0;
      while (!finished) {
        const seen = await keyIds(rotating);
        const opened = await Promise.all(ids.map((id) => rotating.store.getSecret(id)));
        assert.deepEqual(opened.map((s) => s?.credential), ids.map((_, i) => credential(i)));
        rounds += 1;
        if (seen.has(oldId) && seen.has(newId)) roundsWithBothKeys += 1;
      }
      const { code, output } = await run;
      assert.equal(code, 0, output);
      assert.match(output, new RegExp(`302 row\\(s\\) sealed again under key ${newId} \\(pts_secrets 300, pts_grants 2\\)`));
      t.diagnostic(`${rounds} full reads during the rotation, ${roundsWithBothKeys} of them with old and new keys in the table`);
      assert.ok(roundsWithBothKeys > 0, 'some reads happened mid-rotation');
      assert.deepEqual(await keyIds(rotating), new Set([newId]));
    } finally {
      await rotating.close();
    }

    // The old key can go now.
    const after = await openStore({ env: { DATABASE_URL: url, PTS_SECRET_KEY: NEW } });
    try {
      assert.equal((await after.store.getSecret(ids[299]!))?.credential, credential(299));
      assert.equal((await after.store.getGrant('auth_rotate_1'))?.credential, 'grant-1');
    } finally {
      await after.close();
    }
    const stale = await openStore({ env: { DATABASE_URL: url, PTS_SECRET_KEY: OLD } });
    try {
      await assert.rejects(stale.store.getSecret(ids[0]!), (e) => e instanceof SecretBoxError && e.reason === 'unknown-key');
    } finally {
      await stale.close();
    }
  });

  it('on the embedded database, moves rows from the generated key to PTS_SECRET_KEY, and waits for the folder', async () => {
    const { dataDir, remove } = await freshDataDir();
    const folder = join(dataDir, '..');
    try {
      const generated = await openStore({ env: {}, dataDir: folder, warn: () => {} });
      const ids = await fill(generated, 5);
      // The backend holds the folder: the rotation refuses rather than open it twice.
      const busy = await rotate({ PTS_DATA_DIR: folder, PTS_SECRET_KEY: NEW });
      assert.equal(busy.code, 1);
      assert.match(busy.output, /in use by process/);
      await generated.close();

      const { code, output } = await rotate({ PTS_DATA_DIR: folder, PTS_SECRET_KEY: NEW });
      assert.equal(code, 0, output);
      assert.match(output, /7 row\(s\) sealed again/);
      // Without the generated key, the configured one opens everything.
      rmSync(join(folder, GENERATED_KEY_FILE));
      const configured = await openStore({ env: { PTS_SECRET_KEY: NEW }, dataDir: folder });
      try {
        const opened = await Promise.all(ids.map((id) => configured.store.getSecret(id)));
        assert.deepEqual(opened.map((s) => s?.credential), ids.map((_, i) => credential(i)));
        assert.equal((await configured.store.getGrant('auth_rotate_0'))?.credential, 'grant-0');
      } finally {
        await configured.close();
      }
    } finally {
      remove();
    }
  });
});
