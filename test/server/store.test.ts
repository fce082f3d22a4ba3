import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_NAMES, type TargetRecord } from '../../src/core/contract/index.js';
import { createMemoryStore, type StoredAuthorization, type StoredCheck } from '../../src/server/store/index.js';

const CANARY = 'CANARY-store-91c2-secret';

function record(id: string, created: string): TargetRecord {
  return {
    id,
    provider: 'github',
    edition: 'github-com',
    deployment_mode: 'cloud',
    state: 'connected',
    tenant: 'https://github.com/acme',
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    scopes: ['Issues: Read and write'],
    has_credentials: true,
    created_at: created,
    updated_at: created,
    history: [{ at: created, event: 'created' }],
  };
}

function check(id: string, expires: string): StoredCheck {
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
    created_at: '2026-03-01T10:00:00.000Z',
    expires_at: expires,
  };
}

function authorization(id: string, state: string, expires = '2026-03-01T10:10:00.000Z'): StoredAuthorization {
  return {
    id,
    state,
    provider: 'jira',
    edition: 'jira-cloud',
    auth_method: 'oauth2_3lo',
    return_origin: 'https://app.example',
    status: 'pending',
    created_at: '2026-03-01T10:00:00.000Z',
    expires_at: expires,
  };
}

describe('createMemoryStore', () => {
  it('lists targets oldest first and returns copies', async () => {
    const store = createMemoryStore({ seed: [record('b', '2026-02-01T00:00:00.000Z')] });
    await store.put(record('a', '2026-01-01T00:00:00.000Z'));
    assert.deepEqual((await store.list()).map((r) => r.id), ['a', 'b']);
    const got = (await store.get('a'))!;
    got.state = 'revoked';
    got.history.push({ at: '2026-03-01T00:00:00.000Z', event: 'revoked' });
    assert.equal((await store.get('a'))?.state, 'connected');
    assert.equal((await store.get('a'))?.history.length, 1);
    assert.equal(await store.get('missing'), undefined);
  });

  it('keeps secrets apart from records', async () => {
    const store = createMemoryStore();
    await store.put(record('a', '2026-01-01T00:00:00.000Z'));
    await store.putSecret('a', { credential: CANARY, fields: { email: 'ops@acme.example' } });
    assert.ok(!JSON.stringify(await store.get('a')).includes(CANARY));
    assert.ok(!JSON.stringify(await store.list()).includes(CANARY));
    assert.equal(await store.hasSecret('a'), true);
    const secret = (await store.getSecret('a'))!;
    assert.equal(secret.credential, CANARY);
    secret.credential = 'changed';
    assert.equal((await store.getSecret('a'))?.credential, CANARY);
    assert.equal(await store.dropSecret('a'), true);
    assert.equal(await store.dropSecret('a'), false);
    assert.equal(await store.hasSecret('a'), false);
    assert.equal(await store.getSecret('a'), undefined);
    assert.equal((await store.get('a'))?.id, 'a');
  });

  it('remembers checks and drops expired ones first when full', async () => {
    let now = Date.parse('2026-03-01T10:05:00.000Z');
    const store = createMemoryStore({ maxEntries: 3, now: () => now });
    await store.saveCheck(check('old', '2026-03-01T10:01:00.000Z'));
    await store.saveCheck(check('live1', '2026-03-01T10:20:00.000Z'));
    await store.saveCheck(check('live2', '2026-03-01T10:20:00.000Z'));
    await store.saveCheck(check('live3', '2026-03-01T10:20:00.000Z'));
    assert.equal(await store.getCheck('old'), undefined);
    assert.equal((await store.getCheck('live1'))?.outcome.normalized_url, 'https://github.acme.example');
    // Full of live checks: the oldest goes.
    now += 1000;
    await store.saveCheck(check('live4', '2026-03-01T10:20:00.000Z'));
    assert.equal(await store.getCheck('live1'), undefined);
    assert.deepEqual(
      (await Promise.all(['live2', 'live3', 'live4'].map((id) => store.getCheck(id)))).map((c) => c?.id),
      ['live2', 'live3', 'live4'],
    );
  });

  it('finds authorisations by id and state and hands a grant out once', async () => {
    const store = createMemoryStore();
    await store.saveAuthorization(authorization('auth_1', 'state-1'));
    assert.equal((await store.getAuthorizationByState('state-1'))?.id, 'auth_1');
    await store.saveAuthorization({ ...authorization('auth_1', 'state-1'), status: 'authorized' });
    assert.equal((await store.getAuthorization('auth_1'))?.status, 'authorized');
    assert.equal(await store.getAuthorizationByState('other'), undefined);
    await store.putGrant('auth_1', { credential: CANARY });
    assert.equal((await store.takeGrant('auth_1'))?.credential, CANARY);
    assert.equal(await store.takeGrant('auth_1'), undefined);
  });

  it('forgets the state and grant of an authorisation it evicts', async () => {
    const store = createMemoryStore({ maxEntries: 1, now: () => Date.parse('2026-03-01T11:00:00.000Z') });
    await store.saveAuthorization(authorization('auth_1', 'state-1', '2026-03-01T10:10:00.000Z'));
    await store.putGrant('auth_1', { credential: CANARY });
    await store.saveAuthorization(authorization('auth_2', 'state-2', '2026-03-01T12:00:00.000Z'));
    assert.equal(await store.getAuthorization('auth_1'), undefined);
    assert.equal(await store.getAuthorizationByState('state-1'), undefined);
    assert.equal(await store.takeGrant('auth_1'), undefined);
    assert.equal((await store.getAuthorizationByState('state-2'))?.id, 'auth_2');
  });
});
