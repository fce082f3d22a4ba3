// ClickUp against a loopback REST v2. Expected requests follow ClickUp's developer
// reference: GET /team, GET /team/{team_id}/space, GET /space/{space_id}/folder and
// /space/{space_id}/list, GET /folder/{folder_id}/list, POST /list/{list_id}/task; the
// personal token in Authorization with no scheme.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createClickupApi } from '../../../src/testing/provider-apis/clickup.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { context, serve, type Served } from './serve.js';

const clickup = adapterFor('clickup');
const settingsFor = (listId: string, folder = true) =>
  ExportSettingsSchema.parse({
    destination: [
      { level: 'workspace', id: '9010', name: 'Acme' },
      { level: 'space', id: '90100', name: 'Engineering' },
      ...(folder ? [{ level: 'folder', id: '90200', name: 'Security' }] : []),
      { level: 'list', id: listId, name: 'List' },
    ],
  });

describe('ClickUp with a personal token', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createClickupApi({ size: 'large', readOnly: ['902002'] }));
    ctx = context({ provider: 'clickup', edition: 'clickup-cloud', method: 'personal_token', apiRoot: `${server.origin}/api/v2`, secret: SIMULATED_TOKEN, tenant: 'https://app.clickup.com/9010' });
  });
  after(() => server.close());

  test('walks workspace → space with GET /team and GET /team/{id}/space, the token as the bare Authorization value', async () => {
    const workspaces = await clickup.listDestinations(ctx, {});
    const spaces = await clickup.listDestinations(ctx, { parent: { level: 'workspace', id: '9010' } });
    const [teamReq, spaceReq] = server.requests.splice(0);
    assert.equal(teamReq?.path, '/api/v2/team');
    assert.equal(teamReq?.headers.authorization, SIMULATED_TOKEN);
    assert.equal(spaceReq?.path, '/api/v2/team/9010/space');
    assert.deepEqual(spaceReq?.query, { archived: 'false' });
    assert.deepEqual(workspaces.items, [{ id: '9010', name: 'Acme', level: 'workspace', has_children: true }]);
    assert.deepEqual(spaces.items.map((s) => [s.id, s.level, s.has_children]), [
      ['90100', 'space', true],
      ['90101', 'space', true],
    ]);
  });

  test('below a space come its folders and its folderless lists, paged here 50 at a time', async () => {
    const page = await clickup.listDestinations(ctx, { parent: { level: 'space', id: '90100' } });
    const requests = server.requests.splice(0);
    assert.deepEqual(requests.map((r) => [r.path, r.query['archived']]).sort(), [
      ['/api/v2/space/90100/folder', 'false'],
      ['/api/v2/space/90100/list', 'false'],
    ]);
    assert.deepEqual(page.items[0], { id: '90200', name: 'Security', level: 'folder', has_children: true });
    assert.deepEqual(page.items[1], { id: '901000', name: 'List 0001', level: 'list', has_children: false });
    assert.equal(page.next_cursor, '50');
    const found = await clickup.listDestinations(ctx, { parent: { level: 'space', id: '90100' }, query: 'list 4444' });
    server.requests.splice(0);
    assert.deepEqual(found.items.map((l) => l.name), ['List 4444']);
  });

  test('a folder’s lists come from GET /folder/{id}/list', async () => {
    const page = await clickup.listDestinations(ctx, { parent: { level: 'folder', id: '90200' } });
    assert.equal(server.requests.splice(0)[0]?.path, '/api/v2/folder/90200/list');
    assert.deepEqual(page.items.map((l) => l.name), ['Findings', 'Triage']);
  });

  test('creates the test task with POST /list/{id}/task {name, description}', async () => {
    const result = await runTestExport(ctx, settingsFor('902001'));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/api/v2/list/902001/task');
    assert.equal(req?.headers.authorization, SIMULATED_TOKEN);
    const body = req?.json as { name: string; description: string };
    assert.deepEqual(Object.keys(body).sort(), ['description', 'name']);
    assert.match(body.name, /\[Test\]/);
    assert.match(body.description, /not a finding/);
    assert.deepEqual(result.ticket, { url: `${server.origin}/t/86b00001`, key: '86b00001', title: body.name });
    const direct = await runTestExport(ctx, settingsFor('901000', false));
    assert.equal(direct.status, 'succeeded', 'a list directly in a space works too');
    server.requests.splice(0);
  });

  test('"Team not authorized" on the list is DESTINATION_NOT_WRITABLE; "Token invalid" is PROVIDER_AUTH_REQUIRED', async () => {
    const refused = await runTestExport(ctx, settingsFor('902002'));
    assert.equal(refused.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(refused.error?.message ?? '', /Team not authorized/);
    const badToken = await runTestExport({ ...ctx, credential: { secret: 'pk_0_INVALID_TOKEN' } }, settingsFor('902001'));
    assert.equal(badToken.error?.code, 'PROVIDER_AUTH_REQUIRED');
    server.requests.splice(0);
  });

  test('verify reads GET /user', async () => {
    assert.deepEqual(await clickup.verify(ctx), { id: '183', name: 'simulated' });
  });
});

test('ClickUp’s 429 counts down to X-RateLimit-Reset', async () => {
  const server = await serve(createClickupApi({ failure: 'rate-limit', retryAfter: 20 }));
  try {
    const ctx = context({ provider: 'clickup', edition: 'clickup-cloud', method: 'personal_token', apiRoot: `${server.origin}/api/v2`, secret: SIMULATED_TOKEN });
    const result = await runTestExport(ctx, settingsFor('902001'));
    assert.equal(result.error?.code, 'RATE_LIMITED');
    assert.ok(result.error?.retry_after !== undefined && result.error.retry_after >= 18 && result.error.retry_after <= 21, String(result.error?.retry_after));
  } finally {
    await server.close();
  }
});
