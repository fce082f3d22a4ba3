import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSecretBox, SecretBoxError } from '../../src/backend/secrets/secret-box.js';
import { createRateLimiter, type RateLimiter } from '../../src/backend/rate-limit.js';
import { createSqlRateLimiter, createSqlStore, STORE_TABLES } from '../../src/backend/store/sql/index.js';
import { CONFORMANCE_CANARY, describeStoreConformance, sampleAuthorization, sampleCheck, sampleRecord } from '../backend/store-conformance.js';
import { stopTestPostgres, testEngines, type TestEngine } from './fixtures/databases.js';
import { openTestStores, type TestStores } from './fixtures/stores.js';

after(stopTestPostgres);

const engines = await testEngines();

// One migrated database per engine for the whole file: every case builds its own rows.
const opened = new Map<string, Promise<TestStores>>();
function storesOn(engine: TestEngine): Promise<TestStores> {
  let stores = opened.get(engine.name);
  if (!stores) opened.set(engine.name, (stores = openTestStores(engine)));
  return stores;
}
after(async () => {
  for (const stores of opened.values()) await (await stores).close();
});

for (const engine of engines) {
  const stores = () => storesOn(engine);
  describeStoreConformance(`SQL on ${engine.name}`, {
    ...(engine.skip && { skip: engine.skip }),
    create: async () => (await stores()).store,
    second: async () => (await (await stores()).another()).store,
  });
}

/** Text of every row of every table the store writes, for leak checks. */
async function everyRowAsText(t: TestStores): Promise<string> {
  const parts: string[] = [];
  for (const table of STORE_TABLES) {
    const rows = await t.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

/** The same rules for a rate limiter in memory and in SQL; `clock.t` is the time. */
function describeLimiter(name: string, make: (limit: { max: number; windowMs: number }, clock: { t: number }) => Promise<RateLimiter[]>) {
  describe(`rate limiter: ${name}`, () => {
    it('admits max hits per window, refuses the next with the seconds to wait, and slides', async () => {
      const clock = { t: Date.parse('2026-03-01T10:00:00.000Z') };
      const [limiter] = await make({ max: 3, windowMs: 60_000 }, clock);
      const key = `client-${Math.random()}`;
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await limiter!.hit(key), { allowed: true });
        clock.t += 10_000;
      }
      assert.deepEqual(await limiter!.hit(key), { allowed: false, retryAfterSeconds: 30 });
      assert.deepEqual(await limiter!.hit(`other-${key}`), { allowed: true }, 'another client has its own count');
      clock.t += 30_000;
      assert.deepEqual(await limiter!.hit(key), { allowed: true }, 'the oldest hit left the window');
      assert.equal((await limiter!.hit(key)).allowed, false);
    });

    it('counts one limit across instances: concurrent hits admit exactly max', async () => {
      const clock = { t: Date.parse('2026-03-01T10:00:00.000Z') };
      const limiters = await make({ max: 5, windowMs: 60_000 }, clock);
      const key = `client-${Math.random()}`;
      const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => limiters[i % limiters.length]!.hit(key)));
      assert.equal(decisions.filter((d) => d.allowed).length, 5);
    });
  });
}

describeLimiter('in memory (one process)', async (limit, clock) => {
  const one = createRateLimiter(limit, () => clock.t);
  return [one, one];
});

for (const engine of engines) {
  if (engine.skip) continue;
  describeLimiter(`SQL on ${engine.name}`, async (limit, clock) => {
    const stores = await storesOn(engine);
    const other = await stores.another();
    return [stores.db, other.db].map((db) => createSqlRateLimiter({ db, name: 'test', limit, now: () => clock.t }));
  });
}

for (const engine of engines) {
  describe(`SQL store specifics on ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let t: TestStores;
    before(async () => {
      t = await storesOn(engine);
    });

    it('keeps credentials and grants sealed, with the key id beside each ciphertext', async () => {
      const record = sampleRecord(`tgt_sealed_${Date.now()}`);
      await t.store.createTarget({ record, secret: { credential: CONFORMANCE_CANARY }, uniqueKey: `k-${record.id}`, maxTargets: 100, now: record.created_at });
      const auth = sampleAuthorization(`auth_sealed_${Date.now()}`);
      await t.store.saveAuthorization(auth);
      await t.store.completeAuthorization({ id: auth.id, status: 'authorized', grant: { credential: `${CONFORMANCE_CANARY}-grant` }, now: auth.created_at });

      assert.ok(!(await everyRowAsText(t)).includes(CONFORMANCE_CANARY), 'no table holds the credential in clear');
      const [secret] = await t.db.query<{ key_id: string }>('SELECT key_id FROM pts_secrets WHERE target_id = $1', [record.id]);
      const [grant] = await t.db.query<{ key_id: string }>('SELECT key_id FROM pts_grants WHERE authorization_id = $1', [auth.id]);
      assert.equal(secret!.key_id, t.secrets.currentKeyId);
      assert.equal(grant!.key_id, t.secrets.currentKeyId);
      assert.equal((await t.store.getSecret(record.id))?.credential, CONFORMANCE_CANARY);
      assert.equal((await t.store.getGrant(auth.id))?.credential, `${CONFORMANCE_CANARY}-grant`);
    });

    it('refuses to open a secret without its key, rather than hand out something else', async () => {
      const record = sampleRecord(`tgt_keyless_${Date.now()}`);
      await t.store.createTarget({ record, secret: { credential: 'x' }, uniqueKey: `k-${record.id}`, maxTargets: 100, now: record.created_at });
      const stranger = createSqlStore({ db: t.db, secrets: await createSecretBox({ current: btoa('z'.repeat(32)) }) });
      await assert.rejects(stranger.getSecret(record.id), (e) => e instanceof SecretBoxError && e.reason === 'unknown-key');
    });

    it('forgets expired checks, authorisations and idempotency keys as new ones are written', async () => {
      const stale = sampleCheck(`chk_stale_${Date.now()}`, 1000);
      await t.store.saveCheck(stale);
      const staleAuth = sampleAuthorization(`auth_stale_${Date.now()}`, 1000);
      await t.store.saveAuthorization(staleAuth);
      await t.store.completeAuthorization({ id: staleAuth.id, status: 'authorized', grant: { credential: 'g' }, now: staleAuth.created_at });
      const later = new Date(Date.parse(stale.created_at) + 5000).toISOString();
      await t.store.saveCheck({ ...sampleCheck(`chk_new_${Date.now()}`), created_at: later });
      await t.store.saveAuthorization({ ...sampleAuthorization(`auth_new_${Date.now()}`), created_at: later });
      const key = (name: string, expiresAt: string) => ({ key: `${name}-${Date.now()}`, fingerprint: 'f', expiresAt });
      const staleKey = key('stale', new Date(Date.parse(stale.created_at) + 1000).toISOString());
      const save = (idempotency: { key: string; fingerprint: string; expiresAt: string }, now: string) => {
        const record = sampleRecord(`tgt_${idempotency.key}`);
        return t.store.createTarget({ record, secret: { credential: 'c' }, uniqueKey: `k-${record.id}`, maxTargets: 1000, idempotency, now });
      };
      await save(staleKey, stale.created_at);
      await save(key('new', new Date(Date.parse(later) + 60_000).toISOString()), later);
      assert.deepEqual(await t.db.query('SELECT 1 FROM pts_idempotency_keys WHERE key = $1', [staleKey.key]), []);
      assert.equal(await t.store.getCheck(stale.id), undefined);
      assert.equal(await t.store.getAuthorization(staleAuth.id), undefined);
      assert.deepEqual(await t.db.query('SELECT 1 FROM pts_grants WHERE authorization_id = $1', [staleAuth.id]), [], 'the grant went with it');
    });

    it('clears every table for a demo reset', async () => {
      await t.store.importTarget({ record: sampleRecord(`tgt_clear_${Date.now()}`), uniqueKey: `k-clear-${Date.now()}` });
      await t.store.saveCheck(sampleCheck(`chk_clear_${Date.now()}`));
      await t.store.clear!();
      assert.deepEqual(await t.store.listTargets({ limit: 10 }), { targets: [], total: 0 });
      for (const table of STORE_TABLES) assert.deepEqual(await t.db.query(`SELECT 1 FROM ${table}`), [], table);
    });
  });
}
