// GitLab against a loopback GitLab REST v4. Expected requests follow GitLab's REST
// reference: GET /projects (membership, min_access_level, with_issues_enabled, search,
// page/per_page, x-next-page) and POST /projects/:id/issues; a token in PRIVATE-TOKEN.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createGitlabApi } from '../../../src/testing/provider-apis/gitlab.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { context, serve, type Served } from './serve.js';

const gitlab = adapterFor('gitlab');
const settingsFor = (id: string) => ExportSettingsSchema.parse({ destination: [{ level: 'project', id, name: id }] });

describe('GitLab self-managed with a project access token', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createGitlabApi({ size: 'large', readOnly: ['101'] }));
    ctx = context({
      provider: 'gitlab',
      edition: 'gitlab-self-managed',
      method: 'project_access_token',
      apiRoot: `${server.origin}/gitlab/api/v4`,
      secret: SIMULATED_TOKEN,
      baseUrl: `${server.origin}/gitlab`,
    });
  });
  after(() => server.close());

  test('lists projects the account is at least a Reporter in, with issues on, sending the token as PRIVATE-TOKEN', async () => {
    const page = await gitlab.listDestinations(ctx, {});
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/gitlab/api/v4/projects');
    assert.deepEqual(req?.query, {
      membership: 'true',
      min_access_level: '20',
      with_issues_enabled: 'true',
      archived: 'false',
      simple: 'true',
      order_by: 'name',
      sort: 'asc',
      per_page: '50',
      page: '1',
    });
    assert.equal(req?.headers['private-token'], SIMULATED_TOKEN);
    assert.equal(req?.headers.authorization, undefined);
    assert.deepEqual(page.items[0], { id: '100', name: 'Acme / Service 0001', detail: 'acme/service-0001', level: 'project', has_children: false });
    assert.equal(page.items.some((i) => i.name.includes('Guest Only')), false, 'a Guest-only project is left out by min_access_level');
    assert.equal(page.next_cursor, '2');
  });

  test('pages with the x-next-page header and searches with `search`', async () => {
    const last = await gitlab.listDestinations(ctx, { cursor: '100' });
    assert.equal(server.requests.splice(0)[0]?.query['page'], '100');
    assert.equal(last.items.at(-1)?.name, 'Acme / Service 5000');
    assert.equal(last.next_cursor, null);
    const found = await gitlab.listDestinations(ctx, { query: 'service 0042' });
    assert.equal(server.requests.splice(0)[0]?.query['search'], 'service 0042');
    assert.deepEqual(found.items.map((i) => i.id), ['141']);
  });

  test('creates the test issue with POST /projects/:id/issues {title, description}', async () => {
    const result = await runTestExport(ctx, settingsFor('100'));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/gitlab/api/v4/projects/100/issues');
    assert.equal(req?.headers['private-token'], SIMULATED_TOKEN);
    assert.equal(req?.headers['content-type'], 'application/json');
    const body = req?.json as { title: string; description: string };
    assert.deepEqual(Object.keys(body).sort(), ['description', 'title']);
    assert.match(body.title, /\[Test\]/);
    assert.match(body.description, /not a finding/);
    assert.deepEqual(result.ticket, { url: `${server.origin}/acme/service-0001/-/issues/1`, key: '#1', title: body.title });
  });

  test('a 403 on the chosen project is DESTINATION_NOT_WRITABLE', async () => {
    const result = await runTestExport(ctx, settingsFor('101'));
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(result.error?.message ?? '', /403 Forbidden/);
    server.requests.splice(0);
  });

  test('verify reads GET /user', async () => {
    assert.deepEqual(await gitlab.verify(ctx), { id: '7', name: 'simulated' });
  });
});

test('GitLab OAuth tokens go as Bearer, and an empty list says which role is missing', async () => {
  const server = await serve(createGitlabApi({ size: 'empty' }));
  try {
    const ctx = context({ provider: 'gitlab', edition: 'gitlab-com', method: 'oauth2', apiRoot: `${server.origin}/api/v4`, secret: SIMULATED_TOKEN, tenant: 'https://gitlab.com/acme' });
    const page = await gitlab.listDestinations(ctx, {});
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Reporter role/);
  } finally {
    await server.close();
  }
});
