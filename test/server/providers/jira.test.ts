// Jira Cloud (REST v3) and Data Center (REST v2) against a loopback Jira. Expected
// requests are written from Atlassian's reference pages: GET /rest/api/3/project/search,
// GET /rest/api/{2|3}/issue/createmeta/{projectIdOrKey}/issuetypes, POST /rest/api/{2|3}/issue.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createJiraApi } from '../../../src/testing/provider-apis/jira.js';
import { SIMULATED_TOKEN, type SimulationOptions } from '../../../src/testing/provider-apis/shared.js';
import { basic, context, serve, type Served } from './serve.js';

const jira = adapterFor('jira');
const EMAIL = 'owner@example.com';
const settings = ExportSettingsSchema.parse({
  destination: [
    { level: 'project', id: '10000', name: 'Project 0001' },
    { level: 'issue_type', id: '10001', name: 'Bug' },
  ],
});

async function cloud(options: SimulationOptions = {}) {
  const server = await serve(createJiraApi(options));
  const ctx = context({
    provider: 'jira',
    edition: 'jira-cloud',
    method: 'scoped_api_token',
    apiRoot: `${server.origin}/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3`,
    secret: SIMULATED_TOKEN,
    fields: { email: EMAIL },
    tenant: 'https://acme.atlassian.net',
  });
  return { server, ctx };
}

async function dataCenter(options: SimulationOptions = {}) {
  const server = await serve(createJiraApi(options));
  const ctx = context({
    provider: 'jira',
    edition: 'jira-dc',
    method: 'pat',
    apiRoot: `${server.origin}/jira/rest/api/2`,
    secret: SIMULATED_TOKEN,
    baseUrl: `${server.origin}/jira`,
  });
  return { server, ctx };
}

describe('Jira Cloud', () => {
  let s: { server: Served; ctx: ReturnType<typeof context> };
  before(async () => {
    s = await cloud({ size: 'large', readOnly: ['10001'], limited: ['10002'] });
  });
  after(() => s.server.close());

  test('lists projects with GET /project/search, the account email and token as Basic auth', async () => {
    const page = await jira.listDestinations(s.ctx, {});
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/project/search');
    assert.deepEqual(req?.query, { startAt: '0', maxResults: '50', orderBy: 'name', action: 'create' });
    assert.equal(req?.headers.authorization, basic(EMAIL, SIMULATED_TOKEN));
    assert.equal(page.items.length, 50);
    assert.deepEqual(page.items[0], { id: '10000', name: 'Project 0001', detail: 'P0001', level: 'project', has_children: true });
    assert.equal(page.next_cursor, '50');
  });

  test('pages on with startAt from the cursor and passes the search to Jira as query', async () => {
    const second = await jira.listDestinations(s.ctx, { cursor: '50' });
    assert.equal(s.server.requests.splice(0)[0]?.query['startAt'], '50');
    assert.equal(second.items[0]?.name, 'Project 0051');
    const found = await jira.listDestinations(s.ctx, { query: 'project 4999' });
    assert.equal(s.server.requests.splice(0)[0]?.query['query'], 'project 4999');
    assert.deepEqual(found.items.map((i) => i.name), ['Project 4999']);
    assert.equal(found.next_cursor, null);
    let cursor: string | null = '4950';
    let pages = 0;
    while (cursor !== null) {
      const page = await jira.listDestinations(s.ctx, { cursor });
      cursor = page.next_cursor;
      pages++;
    }
    assert.equal(pages, 1, 'the last page says so');
    s.server.requests.splice(0);
  });

  test('lists issue types of a project with the createmeta issuetypes endpoint, without sub-tasks', async () => {
    const page = await jira.listDestinations(s.ctx, { parent: { level: 'project', id: '10000' } });
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.path, '/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue/createmeta/10000/issuetypes');
    assert.deepEqual(req?.query, { startAt: '0', maxResults: '50' });
    assert.deepEqual(page.items.map((i) => [i.id, i.name, i.level, i.has_children]), [
      ['10001', 'Bug', 'issue_type', false],
      ['10002', 'Task', 'issue_type', false],
      ['10003', 'Story', 'issue_type', false],
    ]);
  });

  test('creates the test issue with POST /issue, a summary and an Atlassian Document description', async () => {
    const result = await runTestExport(s.ctx, settings);
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/ex/jira/11111111-2222-3333-4444-555555555555/rest/api/3/issue');
    assert.equal(req?.headers['content-type'], 'application/json');
    assert.equal(req?.headers.authorization, basic(EMAIL, SIMULATED_TOKEN));
    const fields = (req?.json as { fields: Record<string, any> }).fields;
    assert.deepEqual(fields['project'], { id: '10000' });
    assert.deepEqual(fields['issuetype'], { id: '10001' });
    assert.match(fields['summary'], /\[Test\].*ticket export/i);
    assert.equal(fields['description'].type, 'doc');
    assert.equal(fields['description'].version, 1);
    assert.match(fields['description'].content[0].content[0].text, /test ticket/i);
    assert.equal(result.status, 'succeeded');
    assert.deepEqual(result.ticket, { url: 'https://acme.atlassian.net/browse/P0001-1', key: 'P0001-1', title: fields['summary'] });
  });

  test('a project without Create Issues is not writable; a required field is a provider limitation', async () => {
    const readOnly = await runTestExport(s.ctx, { ...settings, destination: [{ level: 'project', id: '10001', name: 'P2' }, settings.destination[1]!] });
    assert.equal(readOnly.status, 'failed');
    assert.equal(readOnly.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(readOnly.error?.message ?? '', /permission to create issues/);
    const limited = await runTestExport(s.ctx, { ...settings, destination: [{ level: 'project', id: '10002', name: 'P3' }, settings.destination[1]!] });
    assert.equal(limited.error?.code, 'PROVIDER_LIMITATION');
    assert.match(limited.error?.message ?? '', /Team is required/);
    s.server.requests.splice(0);
  });

  test('verify asks GET /myself who the token acts as', async () => {
    assert.deepEqual(await jira.verify(s.ctx), { id: '5b10ac8d82e05b22cc7d4ef5', name: 'Simulated User' });
    assert.equal(s.server.requests.splice(0)[0]?.path.endsWith('/rest/api/3/myself'), true);
  });
});

describe('Jira Data Center', () => {
  let s: { server: Served; ctx: ReturnType<typeof context> };
  before(async () => {
    s = await dataCenter({ size: 120 });
  });
  after(() => s.server.close());

  test('lists every project with GET /rest/api/2/project and a Bearer personal access token, paged here', async () => {
    const first = await jira.listDestinations(s.ctx, {});
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.path, '/jira/rest/api/2/project');
    assert.deepEqual(req?.query, {});
    assert.equal(req?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    assert.equal(first.items.length, 50);
    const third = await jira.listDestinations(s.ctx, { cursor: '100' });
    assert.equal(third.items.length, 20);
    assert.equal(third.next_cursor, null);
    const found = await jira.listDestinations(s.ctx, { query: 'p0117' });
    assert.deepEqual(found.items.map((i) => i.detail), ['P0117'], 'the key matches too');
    s.server.requests.splice(0);
  });

  test('reads Data Center issue types from `values` and creates with a plain-text description', async () => {
    const types = await jira.listDestinations(s.ctx, { parent: { level: 'project', id: 'P0001' } });
    assert.equal(s.server.requests.splice(0)[0]?.path, '/jira/rest/api/2/issue/createmeta/P0001/issuetypes');
    assert.deepEqual(types.items.map((i) => i.name), ['Bug', 'Task', 'Story']);
    const result = await runTestExport(s.ctx, settings);
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.path, '/jira/rest/api/2/issue');
    const fields = (req?.json as { fields: Record<string, unknown> }).fields;
    assert.equal(typeof fields['description'], 'string');
    assert.match(String(fields['description']), /It is not a finding/);
    assert.equal(result.ticket?.url, `${new URL(s.ctx.apiRoot).origin}/jira/browse/P0001-1`);
  });
});

test('an empty project list explains which Jira permission is missing', async () => {
  const { server, ctx } = await cloud({ size: 'empty' });
  try {
    const page = await jira.listDestinations(ctx, {});
    assert.deepEqual(page.items, []);
    assert.equal(page.next_cursor, null);
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Browse Projects and Create Issues/);
    const none = await jira.listDestinations(ctx, { query: 'zzz' });
    assert.equal(none.empty?.reason, 'no_match');
  } finally {
    await server.close();
  }
});
