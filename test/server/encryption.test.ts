/**
 * Credentials at rest: canaries saved through the API (a cloud token, a self-hosted token
 * saved under an idempotency key, an OAuth grant waiting for its save) appear nowhere in the database's
 * files or a dump of it, and still open through the store.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AuthStartResponseSchema, TargetRecordSchema, UrlCheckResponseSchema } from '../../src/core/contract/index.js';
import { STORE_TABLES } from '../../src/backend/store/sql/index.js';
import { openStore, type OpenedStore } from '../../src/server/db/store.js';
import { BASE, ghesCheck, ghesSave, githubCloudSave, harness } from '../backend/handler-helpers.js';
import { freshDataDir, stopTestPostgres } from './fixtures/databases.js';
import { findBinDir, testPostgres } from './fixtures/postgres.js';

after(stopTestPostgres);

const APP = 'https://app.partner.example';
const CANARIES = ['CANARY-at-rest-cloud-91f0', 'CANARY-at-rest-ghes-27ab'];

/** Saves through the API; returns every secret that went in, the grant's included. */
async function saveCanaries(stored: OpenedStore): Promise<string[]> {
  const h = harness({ store: stored.store, rateLimiter: stored.rateLimiter, simulateAuth: true, allowedOrigins: [APP] });
  await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, githubCloudSave({ credential: CANARIES[0] }));
  const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck());
  const ghes = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, ghesSave(check.check_id, undefined, { credential: CANARIES[1] }), {
    'idempotency-key': 'at-rest-1',
  });
  assert.equal((await stored.store.getSecret(ghes.id))?.credential, CANARIES[1]);
  const started = await h.json(
    AuthStartResponseSchema,
    200,
    'POST',
    `${BASE}/auth/start`,
    { provider: 'jira', edition: 'jira-cloud', auth_method: 'oauth2_3lo', return_origin: APP },
    { origin: APP },
  );
  const callback = await h.call('GET', `${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&code=c`);
  const authorizationId = /"authorization_id":"([^"]+)"/.exec(await callback.text())![1]!;
  const grant = (await stored.store.getGrant(authorizationId))!.credential;
  assert.match(grant, /^simulated-grant-/);
  for (const body of h.bodies) for (const secret of [...CANARIES, grant]) assert.ok(!body.includes(secret), 'no answer carries a secret');
  return [...CANARIES, grant];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('credentials at rest', () => {
  it('appear in no file of the embedded data folder', async () => {
    const { dataDir, remove } = await freshDataDir();
    const folder = join(dataDir, '..');
    try {
      // The embedded default: no PTS_SECRET_KEY, a generated key in the folder.
      const stored = await openStore({ env: {}, dataDir: folder, warn: () => {} });
      const secrets = await saveCanaries(stored);
      await stored.close();
      const files = filesUnder(folder);
      assert.ok(files.length > 100, 'the cluster is on disk');
      const holding = files.filter((file) => {
        const bytes = readFileSync(file);
        return secrets.some((secret) => bytes.includes(secret));
      });
      assert.deepEqual(holding, []);
      // And they are all there: reopened with the generated key, every secret opens.
      const again = await openStore({ env: {}, dataDir: folder, warn: () => {} });
      try {
        const { targets } = await again.store.listTargets({ limit: 10 });
        const opened = await Promise.all(targets.map(async (t) => (await again.store.getSecret(t.id))?.credential));
        assert.deepEqual(opened.sort(), CANARIES.slice().sort());
      } finally {
        await again.close();
      }
    } finally {
      remove();
    }
  });

  it('appear nowhere in a dump of the PostgreSQL database', async (t) => {
    const { server, skip } = await testPostgres();
    if (skip) return t.skip(skip);
    const url = await server!.createDatabase();
    const stored = await openStore({ env: { DATABASE_URL: url, PTS_SECRET_KEY: btoa('e'.repeat(32)) } });
    try {
      const secrets = await saveCanaries(stored);
      // Every row of every table as text, then pg_dump where the client matches the server.
      const rows: string[] = [];
      for (const table of [...STORE_TABLES, 'pts_migrations']) {
        rows.push(...(await stored.database.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`)).map((r) => r.row));
      }
      assert.ok(rows.length >= 6);
      const dumps = [rows.join('\n')];
      const bin = findBinDir();
      if (bin && existsSync(join(bin, 'pg_dump'))) {
        const dump = spawnSync(join(bin, 'pg_dump'), ['--data-only', url], { encoding: 'utf8' });
        if (dump.status === 0) {
          assert.match(dump.stdout, /COPY public\.pts_secrets/);
          dumps.push(dump.stdout);
        } else {
          t.diagnostic(`pg_dump did not run (${dump.stderr.trim().split('\n').at(-1)}); checked the table text only`);
        }
      }
      for (const dump of dumps) for (const secret of secrets) assert.ok(!dump.includes(secret));
    } finally {
      await stored.close();
    }
  });
});
