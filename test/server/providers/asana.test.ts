// Asana against a loopback REST API. Expected requests follow Asana's API reference:
// GET /workspaces, GET /workspaces/{workspace_gid}/projects (archived, limit, offset,
// opt_fields), POST /tasks {data: {projects, name, notes}}, GET /users/me; a personal
// access token as Bearer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { ASANA_WORKSPACES, asanaProjects, createAsanaApi } from '../../../src/testing/provider-apis/asana.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { context, serve, type Served } from './serve.js';

const asana = adapterFor('asana');
const workspace = ASANA_WORKSPACES[0];
const projects = asanaProjects({ size: 'large' });
const settingsFor = (gid: string) =>
  ExportSettingsSchema.parse({ destination: [{ level: 'workspace', id: workspace.gid, name: workspace.name }, { level: 'project', id: gid, name: 'P' }] });

describe('Asana with a personal access token', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createAsanaApi({ size: 'large', readOnly: [projects[1]!.gid] }));
    ctx = context({
      provider: 'asana',
      edition: 'asana-cloud',
      method: 'pat',
      apiRoot: `${server.origin}/api/1.0`,
      secret: SIMULATED_TOKEN,
      tenant: `https://app.asana.com/api/1.0/workspaces/${workspace.gid}`,
    });
  });
  after(() => server.close());

  test('lists workspaces with GET /workspaces, limit and opt_fields, the token as Bearer', async () => {
    const page = await asana.listDestinations(ctx, {});
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/api/1.0/workspaces');
    assert.deepEqual(req?.query, { limit: '50', opt_fields: 'name' });
    assert.equal(req?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    assert.deepEqual(page.items, [
      { id: workspace.gid, name: 'Acme', level: 'workspace', has_children: true },
      { id: ASANA_WORKSPACES[1].gid, name: 'Personal projects', level: 'workspace', has_children: true },
    ]);
    assert.equal(page.next_cursor, null);
  });

  test('lists the workspace’s active projects and pages with the offset token of next_page', async () => {
    const first = await asana.listDestinations(ctx, { parent: { level: 'workspace', id: workspace.gid } });
    const [req] = server.requests.splice(0);
    assert.equal(req?.path, `/api/1.0/workspaces/${workspace.gid}/projects`);
    assert.deepEqual(req?.query, { archived: 'false', limit: '50', opt_fields: 'name' });
    assert.equal(first.items[0]?.name, 'Project 0001');
    assert.equal(first.items[0]?.has_children, false);
    assert.ok(first.next_cursor);
    const second = await asana.listDestinations(ctx, { parent: { level: 'workspace', id: workspace.gid }, cursor: first.next_cursor! });
    assert.equal(server.requests.splice(0)[0]?.query['offset'], first.next_cursor);
    assert.equal(second.items[0]?.name, 'Project 0051');
  });

  test('creates the test task with POST /tasks, wrapped in data, asking for permalink_url', async () => {
    const result = await runTestExport(ctx, settingsFor(projects[0]!.gid));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/api/1.0/tasks');
    assert.deepEqual(req?.query, { opt_fields: 'permalink_url' });
    const { data } = req?.json as { data: { projects: string[]; name: string; notes: string } };
    assert.deepEqual(data.projects, [projects[0]!.gid]);
    assert.match(data.name, /\[Test\]/);
    assert.match(data.notes, /not a finding/);
    assert.equal(result.ticket?.url, `${server.origin}/0/${projects[0]!.gid}/1300000000000001`);
  });

  test('a 403 on the project is DESTINATION_NOT_WRITABLE with Asana’s reason', async () => {
    const result = await runTestExport(ctx, settingsFor(projects[1]!.gid));
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(result.error?.message ?? '', /permission to add tasks/);
    server.requests.splice(0);
  });

  test('verify reads GET /users/me', async () => {
    assert.deepEqual(await asana.verify(ctx), { id: '1000000000000001', name: 'Simulated User' });
  });
});

test('a workspace without projects says how to share one', async () => {
  const server = await serve(createAsanaApi({ size: 'empty' }));
  try {
    const ctx = context({ provider: 'asana', edition: 'asana-cloud', method: 'oauth2', apiRoot: `${server.origin}/api/1.0`, secret: SIMULATED_TOKEN });
    const page = await asana.listDestinations(ctx, { parent: { level: 'workspace', id: workspace.gid } });
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /share it with the account/);
  } finally {
    await server.close();
  }
});
