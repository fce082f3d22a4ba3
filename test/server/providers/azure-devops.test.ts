// Azure DevOps against a loopback REST API. Expected requests follow Microsoft Learn's
// REST reference: Projects - List (GET /_apis/projects, $top, continuationToken),
// Work Item Types - List (GET /{project}/_apis/wit/workitemtypes) and Work Items -
// Create (POST /{project}/_apis/wit/workitems/${type}, application/json-patch+json).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { adoProjects, createAzureDevOpsApi } from '../../../src/testing/provider-apis/azure-devops.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { basic, context, serve, type Served } from './serve.js';

const ado = adapterFor('azure-devops');
const projects = adoProjects({ size: 'large' });
const settingsFor = (projectId: string, type = 'Bug') =>
  ExportSettingsSchema.parse({ destination: [{ level: 'project', id: projectId, name: 'P' }, { level: 'work_item_type', id: type, name: type }] });

describe('Azure DevOps Services with a personal access token', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createAzureDevOpsApi({ size: 'large', readOnly: [projects[1]!.id] }));
    ctx = context({
      provider: 'azure-devops',
      edition: 'azure-devops-services',
      method: 'pat',
      apiRoot: `${server.origin}/acme/_apis`,
      secret: SIMULATED_TOKEN,
      tenant: 'https://dev.azure.com/acme',
    });
  });
  after(() => server.close());

  test('lists projects with $top and api-version 7.1, the PAT as Basic with an empty user name', async () => {
    const page = await ado.listDestinations(ctx, {});
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/acme/_apis/projects');
    assert.deepEqual(req?.query, { $top: '50', 'api-version': '7.1' });
    assert.equal(req?.headers.authorization, basic('', SIMULATED_TOKEN));
    assert.deepEqual(page.items[0], { id: projects[0]!.id, name: 'Project 0001', level: 'project', has_children: true });
    assert.equal(page.next_cursor, '50', 'from x-ms-continuationtoken');
  });

  test('passes the continuation token back, and scans pages for a name', async () => {
    const later = await ado.listDestinations(ctx, { cursor: '4950' });
    assert.equal(server.requests.splice(0)[0]?.query['continuationToken'], '4950');
    assert.equal(later.items.at(-1)?.name, 'Project 5000');
    assert.equal(later.next_cursor, null);
    const found = await ado.listDestinations(ctx, { query: 'project 0321' });
    assert.equal(server.requests.splice(0).length, 10, 'a page not yet full reads on, ten provider pages at most');
    assert.deepEqual(found.items.map((p) => p.name), ['Project 0321']);
    assert.equal(found.next_cursor, '500');
  });

  test('lists the enabled work item types of a project', async () => {
    const page = await ado.listDestinations(ctx, { parent: { level: 'project', id: projects[0]!.id } });
    const [req] = server.requests.splice(0);
    assert.equal(req?.path, `/acme/${projects[0]!.id}/_apis/wit/workitemtypes`);
    assert.deepEqual(req?.query, { 'api-version': '7.1' });
    assert.deepEqual(page.items.map((t) => [t.id, t.level, t.detail]), [
      ['Bug', 'work_item_type', 'Microsoft.VSTS.WorkItemTypes.Bug'],
      ['Task', 'work_item_type', 'Microsoft.VSTS.WorkItemTypes.Task'],
    ]);
  });

  test('creates the test work item with a JSON Patch document of System.Title and System.Description', async () => {
    const result = await runTestExport(ctx, settingsFor(projects[0]!.id));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, `/acme/${projects[0]!.id}/_apis/wit/workitems/$Bug`);
    assert.deepEqual(req?.query, { 'api-version': '7.1' });
    assert.equal(req?.headers['content-type'], 'application/json-patch+json');
    assert.equal(req?.headers.authorization, basic('', SIMULATED_TOKEN));
    const ops = req?.json as Array<{ op: string; path: string; value: string }>;
    assert.deepEqual(ops.map((o) => [o.op, o.path]), [
      ['add', '/fields/System.Title'],
      ['add', '/fields/System.Description'],
    ]);
    assert.match(ops[0]!.value, /\[Test\]/);
    assert.match(ops[1]!.value, /^<p>.*not a finding.*<\/p>$/);
    assert.deepEqual(result.ticket, { url: `${server.origin}/acme/Project%200001/_workitems/edit/1`, key: '1', title: ops[0]!.value });
  });

  test('no permission under the area path is DESTINATION_NOT_WRITABLE', async () => {
    const result = await runTestExport(ctx, settingsFor(projects[1]!.id));
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(result.error?.message ?? '', /TF237111/);
    server.requests.splice(0);
  });

  test('verify reads connectionData with a -preview api-version', async () => {
    assert.deepEqual(await ado.verify(ctx), { id: 'b9f3e4c8-0000-4000-8000-000000000001', name: 'Simulated User' });
    const [req] = server.requests.splice(0);
    assert.equal(req?.path, '/acme/_apis/connectionData');
    assert.deepEqual(req?.query, { 'api-version': '7.1-preview' });
  });
});

test('Azure DevOps Server uses api-version 6.0 under the collection, and a 203 sign-in page means the PAT was not accepted', async () => {
  const server = await serve(createAzureDevOpsApi({ size: 'empty' }));
  try {
    const base = { provider: 'azure-devops' as const, edition: 'azure-devops-server', method: 'pat', apiRoot: `${server.origin}/DefaultCollection/_apis`, baseUrl: `${server.origin}/DefaultCollection` };
    const page = await ado.listDestinations(context({ ...base, secret: SIMULATED_TOKEN }), {});
    assert.equal(server.requests[0]?.path, '/DefaultCollection/_apis/projects');
    assert.equal(server.requests[0]?.query['api-version'], '6.0');
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Contributors group/);
    const refused = await runTestExport(context({ ...base, secret: 'an-invalid-personal-access-token' }), settingsFor('x'));
    assert.equal(refused.error?.code, 'PROVIDER_AUTH_REQUIRED');
  } finally {
    await server.close();
  }
});
