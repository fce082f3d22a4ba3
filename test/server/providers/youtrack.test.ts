// YouTrack against a loopback REST API. Expected requests follow JetBrains' developer
// portal: GET /api/admin/projects with fields, $top and $skip; POST /api/issues with
// project, summary and description; GET /api/users/me; a permanent token as Bearer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { createYoutrackApi } from '../../../src/testing/provider-apis/youtrack.js';
import { context, serve, type Served } from './serve.js';

const youtrack = adapterFor('youtrack');
const settingsFor = (id: string) => ExportSettingsSchema.parse({ destination: [{ level: 'project', id, name: id }] });

describe('YouTrack Server with a permanent token', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createYoutrackApi({ size: 'large', readOnly: ['0-2'] }));
    ctx = context({
      provider: 'youtrack',
      edition: 'youtrack-server',
      method: 'permanent_token',
      apiRoot: `${server.origin}/youtrack/api`,
      secret: SIMULATED_TOKEN,
      baseUrl: `${server.origin}/youtrack`,
    });
  });
  after(() => server.close());

  test('lists projects with fields, $top and $skip, the token as Bearer', async () => {
    const page = await youtrack.listDestinations(ctx, {});
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/youtrack/api/admin/projects');
    assert.deepEqual(req?.query, { fields: 'id,name,shortName,archived', $top: '50', $skip: '0' });
    assert.equal(req?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    assert.deepEqual(page.items[0], { id: '0-1', name: 'Project 0001', detail: 'P1', level: 'project', has_children: false });
    assert.equal(page.next_cursor, '50');
  });

  test('pages with $skip and leaves archived projects out', async () => {
    const last = await youtrack.listDestinations(ctx, { cursor: '4950' });
    const requests = server.requests.splice(0);
    assert.equal(requests[0]?.query['$skip'], '4950');
    assert.equal(last.items.at(-1)?.name, 'Project 5000');
    assert.equal(last.next_cursor, '5000', 'a full page may have more after it');
    const end = await youtrack.listDestinations(ctx, { cursor: '5000' });
    assert.equal(server.requests.splice(0)[0]?.query['$skip'], '5000');
    assert.deepEqual(end.items, [], 'the archived project is left out');
    assert.equal(end.next_cursor, null, 'a short page ends the list');
    assert.equal(end.empty, undefined, 'an empty later page is just the end');
  });

  test('creates the test issue with POST /api/issues?fields=id,idReadable', async () => {
    const result = await runTestExport(ctx, settingsFor('0-1'));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/youtrack/api/issues');
    assert.deepEqual(req?.query, { fields: 'id,idReadable' });
    const body = req?.json as { project: { id: string }; summary: string; description: string };
    assert.deepEqual(body.project, { id: '0-1' });
    assert.match(body.summary, /\[Test\]/);
    assert.match(body.description, /not a finding/);
    assert.deepEqual(result.ticket, { url: `${server.origin}/youtrack/issue/P1-1`, key: 'P1-1', title: body.summary });
  });

  test('no Create Issue permission is DESTINATION_NOT_WRITABLE with YouTrack’s own words', async () => {
    const result = await runTestExport(ctx, settingsFor('0-2'));
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(result.error?.message ?? '', /no permission to create issues in project P2/);
    server.requests.splice(0);
  });

  test('verify reads GET /api/users/me', async () => {
    assert.deepEqual(await youtrack.verify(ctx), { id: '1-1', name: 'Simulated User' });
    assert.deepEqual(server.requests.splice(0)[0]?.query, { fields: 'id,login,fullName' });
  });
});

test('no project says which YouTrack permission to grant', async () => {
  const server = await serve(createYoutrackApi({ size: 'empty' }));
  try {
    const ctx = context({ provider: 'youtrack', edition: 'youtrack-cloud', method: 'permanent_token', apiRoot: `${server.origin}/api`, secret: SIMULATED_TOKEN, tenant: 'https://acme.youtrack.cloud' });
    const page = await youtrack.listDestinations(ctx, {});
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Create Issue permission/);
  } finally {
    await server.close();
  }
});
