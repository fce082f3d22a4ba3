import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../src/backend/store/index.js';
import { describeStoreConformance, sampleAuthorization, sampleCheck, sampleRecord } from './store-conformance.js';

describeStoreConformance('memory', { create: () => createMemoryStore() });

describe('createMemoryStore bounds', () => {
  it('forgets expired checks as new ones arrive, and the oldest live ones past its bound', async () => {
    const store = createMemoryStore({ maxChecks: 3 });
    const short = { ...sampleCheck('old', 60_000) };
    await store.saveCheck(short);
    const later = (id: string, createdOffset: number) => {
      const c = sampleCheck(id, 3_600_000);
      return { ...c, created_at: new Date(Date.parse(c.created_at) + createdOffset).toISOString() };
    };
    await store.saveCheck(later('live1', 120_000));
    assert.equal(await store.getCheck('old'), undefined, 'expired before live1 was saved');
    await store.saveCheck(later('live2', 120_000));
    await store.saveCheck(later('live3', 120_000));
    await store.saveCheck(later('live4', 120_000));
    assert.equal(await store.getCheck('live1'), undefined, 'the oldest live check went first');
    assert.deepEqual(
      (await Promise.all(['live2', 'live3', 'live4'].map((id) => store.getCheck(id)))).map((c) => c?.id),
      ['live2', 'live3', 'live4'],
    );
  });

  it('forgets the state and grant of an authorisation it evicts', async () => {
    const store = createMemoryStore({ maxAuthorizations: 1 });
    const first = sampleAuthorization('auth_1');
    await store.saveAuthorization(first);
    await store.completeAuthorization({ id: first.id, status: 'authorized', grant: { credential: 'x' }, now: first.created_at });
    await store.saveAuthorization(sampleAuthorization('auth_2'));
    assert.equal(await store.getAuthorization('auth_1'), undefined);
    assert.equal(await store.getAuthorizationByState(first.state), undefined);
    assert.equal(await store.getGrant('auth_1'), undefined);
    assert.equal((await store.getAuthorizationByState('state-auth_2'))?.id, 'auth_2');
  });

  it('hands out frozen records, so no caller can change what is stored', async () => {
    const store = createMemoryStore();
    const record = sampleRecord('tgt_frozen');
    await store.importTarget({ record, uniqueKey: 'k' });
    const got = (await store.getTarget('tgt_frozen'))!;
    assert.throws(() => {
      (got as { state: string }).state = 'revoked';
    }, TypeError);
    assert.throws(() => got.history.push({ at: got.created_at, event: 'revoked' }), TypeError);
  });

  it('clears everything for a demo reset', async () => {
    const store = createMemoryStore();
    await store.importTarget({ record: sampleRecord('tgt_a'), uniqueKey: 'k' });
    await store.saveCheck(sampleCheck('chk_a'));
    await store.clear!();
    assert.deepEqual(await store.listTargets({ limit: 10 }), { targets: [], total: 0 });
    assert.equal(await store.getCheck('chk_a'), undefined);
  });
});
