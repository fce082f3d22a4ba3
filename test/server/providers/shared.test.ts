// The parts every adapter shares: how each catalog transport places a credential,
// the context built from a saved target, which level a list request asks for, and
// cursors that the backend never trusts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeCredential } from '../../../src/backend/providers/credentials.js';
import { ADAPTERS, contextFor } from '../../../src/backend/providers/index.js';
import { levelOf, nextPageFromLink, numberCursor, scan, tokenCursor } from '../../../src/backend/providers/paging.js';
import type { TargetRecord } from '../../../src/core/contract/index.js';
import { PROVIDER_IDS, type CredentialTransport } from '../../../src/core/providers/index.js';
import { context } from './serve.js';

const now = '2026-11-29T12:00:00Z';
const target = (over: Partial<TargetRecord>): TargetRecord => ({
  id: 't1',
  provider: 'github',
  edition: 'github-com',
  deployment_mode: 'cloud',
  state: 'connected',
  auth_method: 'github_app',
  token_type: 'github_app_installation',
  scopes: [],
  has_credentials: true,
  created_at: now,
  updated_at: now,
  history: [],
  ...over,
});

test('each catalog transport puts the credential where the vendor reads it', () => {
  const credential = { secret: 's3cr3t', fields: { email: 'me@example.com', api_key: 'k3y' } };
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const expected: Record<CredentialTransport, unknown> = {
    bearer: { headers: { authorization: 'Bearer s3cr3t' }, query: {} },
    'basic-email': { headers: { authorization: `Basic ${b64('me@example.com:s3cr3t')}` }, query: {} },
    'basic-empty-user': { headers: { authorization: `Basic ${b64(':s3cr3t')}` }, query: {} },
    'raw-authorization': { headers: { authorization: 's3cr3t' }, query: {} },
    'private-token-header': { headers: { 'private-token': 's3cr3t' }, query: {} },
    'query-key-token': { headers: {}, query: { key: 'k3y', token: 's3cr3t' } },
    'signature-header': { headers: {}, query: {} },
  };
  for (const [transport, placement] of Object.entries(expected)) {
    assert.deepEqual(placeCredential(transport as CredentialTransport, credential), placement, transport);
  }
  assert.throws(() => placeCredential('basic-email', { secret: 's' }), { code: 'VALIDATION_FAILED' });
});

test('every provider has an adapter', () => {
  assert.deepEqual(Object.keys(ADAPTERS).sort(), [...PROVIDER_IDS].sort());
  for (const id of PROVIDER_IDS) assert.equal(ADAPTERS[id].provider, id);
});

test('a context takes edition, method and API root from the catalog and the saved target', () => {
  const options = { fetch };
  assert.equal(contextFor(target({ tenant: 'https://github.com/acme' }), { secret: 'x' }, options).apiRoot, 'https://api.github.com');
  assert.equal(
    contextFor(target({ edition: 'ghes', deployment_mode: 'self-hosted', base_url: 'https://git.example.com/' }), { secret: 'x' }, options).apiRoot,
    'https://git.example.com/api/v3',
  );
  const jira = contextFor(
    target({ provider: 'jira', edition: 'jira-cloud', tenant: 'https://acme.atlassian.net', auth_method: 'scoped_api_token', token_type: 'atlassian_scoped_api_token' }),
    { secret: 'x', fields: { email: 'me@example.com', cloud_id: '11111111-2222-3333-4444-555555555555' } },
    options,
  );
  assert.equal(jira.apiRoot, 'https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3');
  assert.equal(jira.method.sentAs, 'basic-email');
  assert.throws(
    () => contextFor(target({ provider: 'jira', edition: 'jira-cloud', tenant: 'https://acme.atlassian.net', auth_method: 'scoped_api_token' }), { secret: 'x' }, options),
    { code: 'VALIDATION_FAILED', message: /No API root/ },
    'Jira Cloud needs the cloud id for api.atlassian.com',
  );
  assert.throws(() => contextFor(target({ auth_method: 'password' }), { secret: 'x' }, options), { code: 'VALIDATION_FAILED' });
  assert.equal(
    contextFor(
      target({ provider: 'azure-devops', edition: 'azure-devops-services', tenant: 'https://dev.azure.com/acme', auth_method: 'pat', token_type: 'azdo_pat' }),
      { secret: 'x' },
      options,
    ).apiRoot,
    'https://dev.azure.com/acme/_apis',
  );
});

test('a list request lists the next level of the provider path, an extra level, or refuses', () => {
  const ctx = context({ provider: 'jira', edition: 'jira-dc', method: 'pat', apiRoot: 'https://jira.example.com/rest/api/2', secret: 'x' });
  assert.equal(levelOf(ctx, {}), 'project');
  assert.equal(levelOf(ctx, { parent: { level: 'project', id: 'OPS' } }), 'issue_type');
  assert.throws(() => levelOf(ctx, { parent: { level: 'issue_type', id: '1' } }), { code: 'VALIDATION_FAILED', options: { field: 'parent' } });
  assert.throws(() => levelOf(ctx, { level: 'issue_type' }), { code: 'VALIDATION_FAILED', options: { field: 'parent' } });
  assert.throws(() => levelOf(ctx, { level: 'label', parent: { level: 'project', id: 'OPS' } }), { code: 'VALIDATION_FAILED', options: { field: 'level' } });
  const gh = context({ provider: 'github', edition: 'github-com', method: 'github_app', apiRoot: 'https://api.github.com', secret: 'x' });
  assert.equal(levelOf(gh, { level: 'label', parent: { level: 'repository', id: 'acme/api' } }), 'label');
  const cu = context({ provider: 'clickup', edition: 'clickup-cloud', method: 'personal_token', apiRoot: 'https://api.clickup.com/api/v2', secret: 'x' });
  assert.equal(levelOf(cu, { parent: { level: 'space', id: '1' } }), 'folder');
  assert.equal(levelOf(cu, { level: 'list', parent: { level: 'space', id: '1' } }), 'list');
  const hook = context({ provider: 'webhook', edition: 'webhook', method: 'signing_secret', apiRoot: 'https://hooks.example.com/', secret: 'x' });
  assert.throws(() => levelOf(hook, {}), { code: 'VALIDATION_FAILED' });
});

test('cursors are numbers or provider tokens, never URLs to follow', () => {
  assert.equal(numberCursor(undefined, 1), 1);
  assert.equal(numberCursor('250', 0), 250);
  for (const bad of ['-1', '1e3', 'https://evil.example/', '12345678901', '']) {
    assert.throws(() => numberCursor(bad, 0), { code: 'VALIDATION_FAILED', options: { field: 'cursor' } }, bad);
  }
  assert.equal(tokenCursor('eyJvZmZzZXQiOjUwfQ=='), 'eyJvZmZzZXQiOjUwfQ==');
  assert.throws(() => tokenCursor('https://evil.example/?x=1'), { code: 'VALIDATION_FAILED' });
  assert.equal(
    nextPageFromLink('<https://api.github.com/installation/repositories?per_page=100&page=3>; rel="next", <https://api.github.com/installation/repositories?per_page=100&page=50>; rel="last"'),
    '3',
  );
  assert.equal(nextPageFromLink('<https://api.github.com/x?page=1>; rel="prev"'), null);
  assert.equal(nextPageFromLink(null), null);
});

test('a filtered scan stops after ten provider pages and hands back where to go on', async () => {
  const seen: Array<string | undefined> = [];
  const result = await scan(
    undefined,
    async (cursor) => {
      seen.push(cursor);
      const page = Number(cursor ?? 1);
      return { items: [page], next: String(page + 1) };
    },
    () => false,
  );
  assert.equal(seen.length, 10);
  assert.deepEqual(result, { items: [], next: '11' });
});
