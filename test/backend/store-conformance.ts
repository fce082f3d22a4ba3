/**
 * What every `TargetStore` must do, as a suite any store can run:
 *
 *   describeStoreConformance('memory', { create: () => createMemoryStore() });
 *
 * `create` returns an empty store. `second`, when given, returns another
 * handle on the same data (a second backend instance on one database); the
 * concurrency cases then race the two handles. Every case builds its data
 * from scratch, so a store may be shared or fresh per case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_NAMES, type TargetRecord } from '../../src/core/contract/index.js';
import type {
  CreateTargetInput,
  StoredAuthorization,
  StoredCheck,
  StoredSecret,
  TargetStore,
} from '../../src/backend/store/index.js';

export interface ConformanceOptions {
  create(): TargetStore | Promise<TargetStore>;
  second?(store: TargetStore): TargetStore | Promise<TargetStore>;
  /** Why this store cannot run here (no database server): the suite is skipped with it. */
  skip?: string;
}

export const CONFORMANCE_CANARY = 'CANARY-store-91c2-secret';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (offsetMs = 0) => new Date(T0 + offsetMs).toISOString();
let counter = 0;
const unique = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${(counter += 1)}`;

export function sampleRecord(id: string, overrides: Partial<TargetRecord> = {}): TargetRecord {
  return {
    id,
    provider: 'github',
    edition: 'github-com',
    deployment_mode: 'cloud',
    state: 'connected',
    tenant: `https://github.com/${id}`,
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    scopes: ['Issues: Read and write'],
    has_credentials: true,
    created_at: at(),
    updated_at: at(),
    history: [{ at: at(), event: 'created' }],
    ...overrides,
  };
}

export function sampleCheck(id: string, expiresInMs = 600_000): StoredCheck {
  return {
    id,
    provider: 'github',
    edition: 'ghes',
    deployment_mode: 'self-hosted',
    requested_url: 'https://github.acme.example/',
    outcome: {
      status: 'passed',
      normalized_url: 'https://github.acme.example',
      addresses: ['93.184.215.14'],
      checks: CHECK_NAMES.map((name) => ({ name, status: 'passed' })),
    },
    created_at: at(),
    expires_at: at(expiresInMs),
  };
}

export function sampleAuthorization(id: string, expiresInMs = 600_000): StoredAuthorization {
  return {
    id,
    state: `state-${id}`,
    provider: 'jira',
    edition: 'jira-cloud',
    auth_method: 'oauth2_3lo',
    return_origin: 'https://app.example',
    status: 'pending',
    created_at: at(),
    expires_at: at(expiresInMs),
  };
}

const secret = (credential = CONFORMANCE_CANARY): StoredSecret => ({ credential, fields: { email: 'ops@acme.example' } });

function createInput(record: TargetRecord, extra: Partial<CreateTargetInput> = {}): CreateTargetInput {
  return { record, secret: secret(), uniqueKey: `github|github-com|${record.tenant}`, maxTargets: 1000, now: at(1000), ...extra };
}

export function describeStoreConformance(name: string, options: ConformanceOptions): void {
  const fresh = async () => options.create();
  const pair = async (): Promise<[TargetStore, TargetStore]> => {
    const a = await fresh();
    return [a, options.second ? await options.second(a) : a];
  };

  describe(`TargetStore conformance: ${name}`, { skip: options.skip ?? false }, () => {
    describe('targets', () => {
      it('creates a target with its secret in a separate slot, and reads it back', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        const result = await store.createTarget(createInput(record));
        assert.deepEqual(result, { ok: true, record });
        assert.deepEqual(await store.getTarget(record.id), record);
        assert.ok(!JSON.stringify(await store.getTarget(record.id)).includes(CONFORMANCE_CANARY));
        assert.ok(!JSON.stringify(await store.listTargets({ limit: 1000 })).includes(CONFORMANCE_CANARY));
        assert.deepEqual(await store.getSecret(record.id), secret());
        assert.equal(await store.getTarget(unique('missing')), undefined);
        assert.equal(await store.getSecret(unique('missing')), undefined);
      });

      it('keeps what it returns apart from what the caller passed', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        const given = createInput(record);
        await store.createTarget(given);
        record.state = 'revoked';
        given.secret.credential = 'changed';
        assert.equal((await store.getTarget(record.id))?.state, 'connected');
        assert.equal((await store.getSecret(record.id))?.credential, CONFORMANCE_CANARY);
      });

      it('lists at most `limit` targets, oldest first, with the total', async () => {
        const store = await fresh();
        const ids = [unique('a'), unique('b'), unique('c')];
        for (const [i, id] of ids.entries()) {
          await store.createTarget(createInput(sampleRecord(id, { created_at: at(i * 1000), updated_at: at(i * 1000) })));
        }
        const all = await store.listTargets({ limit: 100 });
        assert.deepEqual(all.targets.map((t) => t.id).filter((id) => ids.includes(id)), ids);
        const some = await store.listTargets({ limit: 2 });
        assert.equal(some.targets.length, 2);
        assert.equal(some.total, all.total);
        assert.ok(all.total >= 3);
      });

      it('refuses a second target with the same unique key, naming the first', async () => {
        const store = await fresh();
        const first = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(first));
        const second = sampleRecord(unique('tgt'), { tenant: first.tenant });
        const result = await store.createTarget(createInput(second));
        assert.deepEqual(result, { ok: false, reason: 'target_exists', targetId: first.id });
        assert.equal(await store.getTarget(second.id), undefined);
      });

      it('refuses over the cap and counts revoked targets in it', async () => {
        const store = await fresh();
        const before = (await store.listTargets({ limit: 1 })).total;
        const a = sampleRecord(unique('tgt'));
        assert.equal((await store.createTarget(createInput(a, { maxTargets: before + 1 }))).ok, true);
        await store.revokeTarget({ id: a.id, revoke: (r) => ({ ...r, state: 'revoked', has_credentials: false }) });
        const b = sampleRecord(unique('tgt'));
        assert.deepEqual(await store.createTarget(createInput(b, { maxTargets: before + 1 })), { ok: false, reason: 'limit_reached' });
        assert.equal((await store.createTarget(createInput(b, { maxTargets: before + 2 }))).ok, true);
      });

      it('imports a record as it is, unless its id or unique key is taken', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('seed'));
        const key = `github|github-com|${record.tenant}`;
        assert.equal(await store.importTarget({ record, uniqueKey: key }), true);
        assert.equal(await store.importTarget({ record: { ...record, state: 'revoked' }, uniqueKey: key }), false);
        assert.equal(await store.importTarget({ record: sampleRecord(unique('other')), uniqueKey: key }), false);
        assert.equal((await store.getTarget(record.id))?.state, 'connected');
        assert.equal(await store.getSecret(record.id), undefined);
        const clash = await store.createTarget(createInput(sampleRecord(unique('tgt'), { tenant: record.tenant })));
        assert.deepEqual(clash, { ok: false, reason: 'target_exists', targetId: record.id });
      });
    });

    describe('reconnect and revoke', () => {
      it('reconnects from the stored record, replaces the secret and may move the unique key', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(record));
        const moved = `github|github-com|https://github.com/${unique('moved')}`;
        const result = await store.reconnectTarget({
          id: record.id,
          secret: secret('second-secret'),
          uniqueKey: moved,
          now: at(2000),
          reconnect: (current) => ({ ...current, history: [...current.history, { at: at(2000), event: 'reconnected' }] }),
        });
        assert.equal(result.ok, true);
        assert.deepEqual((await store.getTarget(record.id))?.history.map((h) => h.event), ['created', 'reconnected']);
        assert.equal((await store.getSecret(record.id))?.credential, 'second-secret');
        // The old key is free again, the new one is held.
        const again = sampleRecord(unique('tgt'), { tenant: record.tenant });
        assert.equal((await store.createTarget(createInput(again))).ok, true);
        const clash = await store.createTarget(createInput(sampleRecord(unique('tgt')), { uniqueKey: moved }));
        assert.deepEqual(clash, { ok: false, reason: 'target_exists', targetId: record.id });
      });

      it('refuses a reconnect of an unknown target, or onto a key another target holds', async () => {
        const store = await fresh();
        const a = sampleRecord(unique('tgt'));
        const b = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(a));
        await store.createTarget(createInput(b));
        const base = { secret: secret(), now: at(2000), reconnect: (r: TargetRecord) => r };
        assert.deepEqual(await store.reconnectTarget({ ...base, id: unique('missing'), uniqueKey: 'k' }), { ok: false, reason: 'not_found' });
        const clash = await store.reconnectTarget({ ...base, id: b.id, uniqueKey: `github|github-com|${a.tenant}` });
        assert.deepEqual(clash, { ok: false, reason: 'target_exists', targetId: a.id });
        assert.equal((await store.getSecret(b.id))?.credential, CONFORMANCE_CANARY);
      });

      it('revokes in one call: the secret goes, the record is rewritten and kept', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(record));
        const seen: boolean[] = [];
        const revoke = (current: TargetRecord, hadSecret: boolean) => {
          seen.push(hadSecret);
          return current.state === 'revoked' ? undefined : { ...current, state: 'revoked' as const, has_credentials: false };
        };
        const first = await store.revokeTarget({ id: record.id, revoke });
        assert.equal(first.ok && first.record.state, 'revoked');
        assert.equal(await store.getSecret(record.id), undefined);
        const second = await store.revokeTarget({ id: record.id, revoke });
        assert.deepEqual(second, first);
        assert.deepEqual(seen, [true, false]);
        assert.equal((await store.getTarget(record.id))?.state, 'revoked');
        assert.deepEqual(await store.revokeTarget({ id: unique('missing'), revoke }), { ok: false, reason: 'not_found' });
      });
    });

    describe('export settings and test results', () => {
      const settings = { destination: [{ level: 'repository' as const, id: 'acme/api', name: 'acme/api' }], duplicates: 'comment' as const };
      const result = { status: 'succeeded' as const, at: at(3000), ticket: { url: 'https://github.com/acme/api/issues/1', key: '#1', title: '[Test] ticket' } };

      it('saves export settings in one call, keeping the secret, and declines without writing', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(record));
        const seen: boolean[] = [];
        const saved = await store.saveExportSettings({
          id: record.id,
          apply: (current, hasSecret) => {
            seen.push(hasSecret);
            return { ...current, export_settings: settings, updated_at: at(3000) };
          },
        });
        assert.equal(saved.ok, true);
        assert.deepEqual(seen, [true]);
        assert.deepEqual((await store.getTarget(record.id))?.export_settings, settings);
        assert.equal((await store.getTarget(record.id))?.updated_at, at(3000));
        assert.equal((await store.getSecret(record.id))?.credential, CONFORMANCE_CANARY);
        assert.ok(!JSON.stringify(saved).includes(CONFORMANCE_CANARY));

        const declined = await store.saveExportSettings({ id: record.id, apply: () => undefined });
        assert.deepEqual(declined, { ok: false, reason: 'declined', record: await store.getTarget(record.id) });
        assert.deepEqual(await store.saveExportSettings({ id: unique('missing'), apply: (r) => r }), { ok: false, reason: 'not_found' });
      });

      it('records a test result and sees a revoke that came first', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(record));
        const recorded = await store.recordTestResult({ id: record.id, apply: (current) => ({ ...current, last_test: result }) });
        assert.equal(recorded.ok && recorded.record.last_test?.status, 'succeeded');
        assert.deepEqual((await store.getTarget(record.id))?.last_test, result);

        await store.revokeTarget({ id: record.id, revoke: (r) => ({ ...r, state: 'revoked', has_credentials: false }) });
        const seen: Array<[string, boolean]> = [];
        await store.recordTestResult({
          id: record.id,
          apply: (current, hasSecret) => {
            seen.push([current.state, hasSecret]);
            return { ...current, last_test: { ...result, status: 'failed', ticket: undefined } };
          },
        });
        assert.deepEqual(seen, [['revoked', false]]);
        assert.equal((await store.getTarget(record.id))?.state, 'revoked');
        assert.deepEqual(await store.recordTestResult({ id: unique('missing'), apply: (r) => r }), { ok: false, reason: 'not_found' });
      });

      it('loses no change when settings and test results race on one target', async () => {
        const [a, b] = await pair();
        const record = sampleRecord(unique('tgt'));
        await a.createTarget(createInput(record));
        // Each write appends to the history it read: a lost update would drop an entry.
        const append = (n: number) => (current: TargetRecord) => ({
          ...current,
          history: [...current.history, { at: at(n), event: 'connected' as const, detail: String(n) }],
        });
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            i % 2 ? a.saveExportSettings({ id: record.id, apply: append(i) }) : b.recordTestResult({ id: record.id, apply: append(i) }),
          ),
        );
        const details = (await a.getTarget(record.id))?.history.map((h) => h.detail).filter(Boolean);
        assert.deepEqual([...(details ?? [])].sort(), Array.from({ length: 10 }, (_, i) => String(i)).sort());
      });
    });

    describe('URL checks', () => {
      it('remembers a check and lets one save consume it', async () => {
        const store = await fresh();
        const check = sampleCheck(unique('chk'));
        await store.saveCheck(check);
        assert.deepEqual(await store.getCheck(check.id), check);
        const a = await store.createTarget(createInput(sampleRecord(unique('tgt')), { checkId: check.id }));
        assert.equal(a.ok, true);
        assert.equal((await store.getCheck(check.id))?.consumed_at, at(1000));
        const b = await store.createTarget(createInput(sampleRecord(unique('tgt')), { checkId: check.id }));
        assert.deepEqual(b, { ok: false, reason: 'check_unavailable' });
      });

      it('refuses an expired or unknown check, and a refused save leaves the check unused', async () => {
        const store = await fresh();
        const check = sampleCheck(unique('chk'), 60_000);
        await store.saveCheck(check);
        const late = await store.createTarget(createInput(sampleRecord(unique('tgt')), { checkId: check.id, now: at(60_000) }));
        assert.deepEqual(late, { ok: false, reason: 'check_unavailable' });
        const unknown = await store.createTarget(createInput(sampleRecord(unique('tgt')), { checkId: unique('chk') }));
        assert.deepEqual(unknown, { ok: false, reason: 'check_unavailable' });

        const live = sampleCheck(unique('chk'));
        await store.saveCheck(live);
        const holder = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(holder));
        const clash = await store.createTarget(createInput(sampleRecord(unique('tgt'), { tenant: holder.tenant }), { checkId: live.id }));
        assert.equal(clash.ok, false);
        assert.equal((await store.getCheck(live.id))?.consumed_at, undefined);
        assert.equal((await store.createTarget(createInput(sampleRecord(unique('tgt')), { checkId: live.id }))).ok, true);
      });
    });

    describe('authorisations and grants', () => {
      it('finds an authorisation by id and state, completes it once and hands its grant to one save', async () => {
        const store = await fresh();
        const auth = sampleAuthorization(unique('auth'));
        await store.saveAuthorization(auth);
        assert.equal((await store.getAuthorizationByState(auth.state))?.id, auth.id);
        assert.equal(await store.getGrant(auth.id), undefined);
        const grant = { credential: CONFORMANCE_CANARY };
        assert.equal(await store.completeAuthorization({ id: auth.id, status: 'authorized', grant, now: at(1000) }), true);
        assert.equal(await store.completeAuthorization({ id: auth.id, status: 'denied', now: at(1000) }), false);
        assert.equal((await store.getAuthorization(auth.id))?.status, 'authorized');
        assert.deepEqual(await store.getGrant(auth.id), grant);

        const first = await store.createTarget(createInput(sampleRecord(unique('tgt')), { authorizationId: auth.id, secret: grant }));
        assert.equal(first.ok, true);
        assert.equal((await store.getAuthorization(auth.id))?.status, 'used');
        assert.equal(await store.getGrant(auth.id), undefined);
        const second = await store.createTarget(createInput(sampleRecord(unique('tgt')), { authorizationId: auth.id, secret: grant }));
        assert.deepEqual(second, { ok: false, reason: 'grant_unavailable' });
        assert.equal(await store.getAuthorizationByState(unique('state')), undefined);
      });

      it('completes no authorisation after it expired, and denies without a grant', async () => {
        const store = await fresh();
        const late = sampleAuthorization(unique('auth'), 60_000);
        await store.saveAuthorization(late);
        assert.equal(await store.completeAuthorization({ id: late.id, status: 'authorized', grant: secret(), now: at(60_000) }), false);
        const denied = sampleAuthorization(unique('auth'));
        await store.saveAuthorization(denied);
        assert.equal(await store.completeAuthorization({ id: denied.id, status: 'denied', now: at(1) }), true);
        assert.equal(await store.getGrant(denied.id), undefined);
        const save = await store.createTarget(createInput(sampleRecord(unique('tgt')), { authorizationId: denied.id }));
        assert.deepEqual(save, { ok: false, reason: 'grant_unavailable' });
      });
    });

    describe('idempotency', () => {
      it('replays the first answer for the same key and fingerprint, and refuses another fingerprint', async () => {
        const store = await fresh();
        const key = unique('key');
        const record = sampleRecord(unique('tgt'));
        const idempotency = { key, fingerprint: 'f1', expiresAt: at(86_400_000) };
        const first = await store.createTarget(createInput(record, { idempotency }));
        assert.equal(first.ok, true);
        const answer = await store.getIdempotentAnswer(key, at(2000));
        assert.deepEqual(answer, { fingerprint: 'f1', status: 201, record, expires_at: idempotency.expiresAt });

        // The replay wins over every later refusal: the check and the unique key are both spent.
        const again = await store.createTarget(createInput(sampleRecord(unique('tgt'), { tenant: record.tenant }), { idempotency }));
        assert.deepEqual(again, { ok: false, reason: 'replay', answer });
        const other = await store.createTarget(createInput(sampleRecord(unique('tgt')), { idempotency: { ...idempotency, fingerprint: 'f2' } }));
        assert.deepEqual(other, { ok: false, reason: 'key_reused' });
        assert.equal(await store.getIdempotentAnswer(key, idempotency.expiresAt), undefined, 'forgotten once expired');
      });

      it('remembers a reconnect under its key with status 200, and a refusal under none', async () => {
        const store = await fresh();
        const record = sampleRecord(unique('tgt'));
        await store.createTarget(createInput(record));
        const idempotency = { key: unique('key'), fingerprint: 'f', expiresAt: at(86_400_000) };
        const refused = await store.createTarget(createInput(sampleRecord(unique('tgt'), { tenant: record.tenant }), { idempotency }));
        assert.equal(refused.ok, false);
        assert.equal(await store.getIdempotentAnswer(idempotency.key, at(2000)), undefined);
        const result = await store.reconnectTarget({
          id: record.id,
          secret: secret(),
          uniqueKey: `github|github-com|${record.tenant}`,
          idempotency,
          now: at(2000),
          reconnect: (current) => ({ ...current, updated_at: at(2000) }),
        });
        assert.equal(result.ok, true);
        assert.equal((await store.getIdempotentAnswer(idempotency.key, at(3000)))?.status, 200);
      });
    });

    describe('concurrency', () => {
      it('lets one of many concurrent saves consume a check', async () => {
        const [a, b] = await pair();
        const check = sampleCheck(unique('chk'));
        await a.saveCheck(check);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).createTarget(createInput(sampleRecord(unique('tgt')), { checkId: check.id }))),
        );
        assert.equal(results.filter((r) => r.ok).length, 1);
        assert.ok(results.every((r) => r.ok || r.reason === 'check_unavailable'));
      });

      it('answers concurrent retries of one key with one target', async () => {
        const [a, b] = await pair();
        const idempotency = { key: unique('key'), fingerprint: 'f', expiresAt: at(86_400_000) };
        const tenant = `https://github.com/${unique('org')}`;
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).createTarget(createInput(sampleRecord(unique('tgt'), { tenant }), { idempotency })),
          ),
        );
        const created = results.filter((r) => r.ok);
        assert.equal(created.length, 1);
        const id = created[0]!.ok ? created[0]!.record.id : '';
        for (const r of results) if (!r.ok) assert.deepEqual(r.reason === 'replay' && r.answer.record.id, id);
      });

      it('lets one of many concurrent saves take a grant, and keeps one target per unique key', async () => {
        const [a, b] = await pair();
        const auth = sampleAuthorization(unique('auth'));
        await a.saveAuthorization(auth);
        await a.completeAuthorization({ id: auth.id, status: 'authorized', grant: secret(), now: at(1) });
        const grants = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).createTarget(createInput(sampleRecord(unique('tgt')), { authorizationId: auth.id }))),
        );
        assert.equal(grants.filter((r) => r.ok).length, 1);
        const tenant = `https://github.com/${unique('org')}`;
        const same = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).createTarget(createInput(sampleRecord(unique('tgt'), { tenant })))),
        );
        assert.equal(same.filter((r) => r.ok).length, 1);
      });
    });
  });
}
