/**
 * Two backend instances, each with its own connection pool, on one database: the
 * guarantees that must hold across instances, raced through the real handler. On PGlite,
 * which is one connection in one process, the two handlers share it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthStartResponseSchema, ErrorBodySchema, UrlCheckResponseSchema } from '../../src/core/contract/index.js';
import { createSqlStore, sqlRateLimiters } from '../../src/backend/store/sql/index.js';
import type { BackendOptions } from '../../src/backend/index.js';
import { BASE, ghesCheck, ghesSave, harness, type Harness } from '../backend/handler-helpers.js';
import { memoryEngine, postgresEngine, stopTestPostgres } from './fixtures/databases.js';
import { openTestStores, type TestStores } from './fixtures/stores.js';

after(stopTestPostgres);

const APP = 'https://app.partner.example';
const RACE = 200;

/** Codes (or 2xx statuses) of the answers, counted. */
async function tally(responses: Response[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const text = await response.text();
    const label = response.ok ? String(response.status) : (ErrorBodySchema.parse(JSON.parse(text)).code as string);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

const show = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${v} × ${k}`)
    .join(', ');

for (const engine of [memoryEngine, await postgresEngine()]) {
  describe(`two backend instances on ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let stores: TestStores;
    let a: Harness;
    let b: Harness;
    const instance = (i: number) => (i % 2 ? a : b);

    before(async () => {
      stores = await openTestStores(engine);
      const other = await stores.another();
      const options = (db: typeof stores.db): Partial<BackendOptions> => ({
        store: createSqlStore({ db, secrets: stores.secrets }),
        rateLimiter: sqlRateLimiters(db),
        simulateAuth: true,
        allowedOrigins: [APP],
        maxTargets: 1000,
      });
      a = harness(options(stores.db));
      b = harness(options(other.db));
    });
    after(() => stores?.close());

    const countTargets = async () => (await stores.db.query<{ n: number }>('SELECT count(*) AS n FROM pts_targets'))[0]!.n;

    it(`${RACE} concurrent saves with one URL check make one target`, async () => {
      const url = 'https://one-check.example.com/';
      const check = await a.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(url));
      const before = await countTargets();
      const answers = await Promise.all(
        Array.from({ length: RACE }, (_, i) =>
          instance(i).call('POST', `${BASE}/targets`, ghesSave(check.check_id, url, { credential: `token-one-check-${i}` }), {
            'idempotency-key': `one-check-${i}`,
          }),
        ),
      );
      const counts = await tally(answers);
      console.log(`# ${engine.name}: ${RACE} saves with one check → ${show(counts)}`);
      assert.equal(counts['201'], 1);
      assert.equal((counts.URL_CHECK_REQUIRED ?? 0) + (counts.TARGET_EXISTS ?? 0), RACE - 1);
      assert.equal(await countTargets(), before + 1);
      assert.ok((await a.store.getCheck(check.check_id))?.consumed_at);
    });

    it(`${RACE} concurrent retries of one idempotency key make one target and one answer`, async () => {
      const url = 'https://one-key.example.com/';
      const check = await b.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(url));
      const before = await countTargets();
      const save = ghesSave(check.check_id, url);
      const answers = await Promise.all(
        Array.from({ length: RACE }, (_, i) => instance(i).call('POST', `${BASE}/targets`, save, { 'idempotency-key': 'one-key' })),
      );
      const ids = new Set(await Promise.all(answers.map(async (r) => `${r.status} ${(JSON.parse(await r.text()) as { id?: string }).id}`)));
      console.log(`# ${engine.name}: ${RACE} retries of one key → ${[...ids].join(', ')}`);
      assert.equal(ids.size, 1);
      assert.match([...ids][0]!, /^201 tgt_/);
      assert.equal(await countTargets(), before + 1);
    });

    it(`${RACE} concurrent saves with one grant make one target`, async () => {
      // Started on one instance, completed on the other: the grant lives in the database.
      const started = await a.json(AuthStartResponseSchema, 200, 'POST', `${BASE}/auth/start`, {
        provider: 'jira',
        edition: 'jira-cloud',
        auth_method: 'oauth2_3lo',
        return_origin: APP,
      }, { origin: APP });
      const callback = await b.call('GET', `${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&code=granted`);
      const authorizationId = /"authorization_id":"([^"]+)"/.exec(await callback.text())?.[1];
      assert.ok(authorizationId);
      const before = await countTargets();
      const answers = await Promise.all(
        Array.from({ length: RACE }, (_, i) =>
          instance(i).call('POST', `${BASE}/targets`, {
            provider: 'jira',
            edition: 'jira-cloud',
            deployment_mode: 'cloud',
            tenant: `grant-race-${i}`,
            ownership_confirmed: true,
            export_authorized: true,
            auth_method: 'oauth2_3lo',
            token_type: 'oauth2_3lo',
            authorization_id: authorizationId,
          }),
        ),
      );
      const counts = await tally(answers);
      console.log(`# ${engine.name}: ${RACE} saves with one grant → ${show(counts)}`);
      assert.deepEqual(counts, { 201: 1, PROVIDER_AUTH_REQUIRED: RACE - 1 });
      assert.equal(await countTargets(), before + 1);
      assert.equal((await a.store.getAuthorization(authorizationId))?.status, 'used');
    });

    it('the targets cap holds across instances', async () => {
      await a.store.clear!();
      const capped = (db: typeof stores.db) => harness({ store: createSqlStore({ db, secrets: stores.secrets }), maxTargets: 25 });
      const pair = [capped(stores.db), capped((await stores.another()).db)];
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          pair[i % 2]!.call('POST', `${BASE}/targets`, {
            provider: 'github',
            edition: 'github-com',
            deployment_mode: 'cloud',
            tenant: `cap-${i}`,
            ownership_confirmed: true,
            export_authorized: true,
            auth_method: 'fine_grained_pat',
            token_type: 'github_fine_grained_pat',
            credential: `token-cap-${i}`,
          }),
        ),
      );
      const counts = await tally(answers);
      console.log(`# ${engine.name}: 100 saves under a cap of 25 → ${show(counts)}`);
      assert.deepEqual(counts, { 201: 25, TARGET_LIMIT_REACHED: 75 });
      assert.equal(await countTargets(), 25);
    });

    it('a URL-check rate limit is one limit across instances', async () => {
      const limited = (db: typeof stores.db) =>
        harness({ store: createSqlStore({ db, secrets: stores.secrets }), rateLimiter: sqlRateLimiters(db), rateLimit: { urlChecks: { max: 10, windowMs: 60_000 } } });
      const pair = [limited(stores.db), limited((await stores.another()).db)];
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => pair[i % 2]!.call('POST', `${BASE}/url-checks`, ghesCheck(`https://limited-${i}.example.com/`))),
      );
      const counts = await tally(answers);
      console.log(`# ${engine.name}: 40 URL checks from one client, limit 10 a minute → ${show(counts)}`);
      assert.deepEqual(counts, { 200: 10, RATE_LIMITED: 30 });
    });
  });
}
