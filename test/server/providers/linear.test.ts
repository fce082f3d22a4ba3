// Linear against a loopback GraphQL endpoint. Expected requests follow Linear's
// developer docs: POST /graphql with `teams(first, after, filter)` and Relay paging,
// `issueCreate(input: { teamId, title, description })`, and `viewer`; a personal API
// key in Authorization without a scheme, an OAuth token as Bearer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createLinearApi, linearTeams } from '../../../src/testing/provider-apis/linear.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { context, serve, type Served } from './serve.js';

const linear = adapterFor('linear');
const teams = linearTeams({ size: 'large' });
const settingsFor = (id: string) => ExportSettingsSchema.parse({ destination: [{ level: 'team', id, name: 'Team' }] });
type Gql = { query: string; variables: Record<string, any> };

describe('Linear with a personal API key', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createLinearApi({ size: 'large', readOnly: [teams[1]!.id] }));
    ctx = context({ provider: 'linear', edition: 'linear-cloud', method: 'api_key', apiRoot: `${server.origin}/graphql`, secret: SIMULATED_TOKEN, tenant: 'https://linear.app/acme' });
  });
  after(() => server.close());

  test('lists teams with a teams query of 50, the key in Authorization with no scheme', async () => {
    const page = await linear.listDestinations(ctx, {});
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/graphql');
    assert.deepEqual(req?.query, {});
    assert.equal(req?.headers.authorization, SIMULATED_TOKEN);
    assert.equal(req?.headers['content-type'], 'application/json');
    const { query, variables } = req?.json as Gql;
    assert.match(query, /teams\(first: \$first, after: \$after, filter: \$filter\)/);
    assert.match(query, /pageInfo \{ hasNextPage endCursor \}/);
    assert.deepEqual(variables, { first: 50, after: null, filter: null });
    assert.deepEqual(page.items[0], { id: teams[0]!.id, name: 'Team 0001', detail: 'T1', level: 'team', has_children: false });
    assert.ok(page.next_cursor);
  });

  test('pages with endCursor as `after`, and filters by name with containsIgnoreCase', async () => {
    const first = await linear.listDestinations(ctx, {});
    const second = await linear.listDestinations(ctx, { cursor: first.next_cursor! });
    const [, req] = server.requests.splice(0);
    assert.equal((req?.json as Gql).variables['after'], first.next_cursor);
    assert.equal(second.items[0]?.name, 'Team 0051');
    const found = await linear.listDestinations(ctx, { query: 'TEAM 4321' });
    assert.deepEqual((server.requests.splice(0)[0]?.json as Gql).variables['filter'], { name: { containsIgnoreCase: 'TEAM 4321' } });
    assert.deepEqual(found.items.map((t) => t.name), ['Team 4321']);
    assert.equal(found.next_cursor, null);
  });

  test('creates the test issue with issueCreate(input: { teamId, title, description })', async () => {
    const result = await runTestExport(ctx, settingsFor(teams[0]!.id));
    const [req] = server.requests.splice(0);
    const { query, variables } = req?.json as Gql;
    assert.match(query, /mutation IssueCreate\(\$input: IssueCreateInput!\)/);
    assert.match(query, /issueCreate\(input: \$input\) \{ success issue \{ identifier url \} \}/);
    assert.deepEqual(Object.keys(variables['input']).sort(), ['description', 'teamId', 'title']);
    assert.equal(variables['input'].teamId, teams[0]!.id);
    assert.match(variables['input'].title, /\[Test\]/);
    assert.match(variables['input'].description, /not a finding/);
    assert.deepEqual(result.ticket, { url: `${server.origin}/acme/issue/T1-1/test-ticket`, key: 'T1-1', title: variables['input'].title });
  });

  test('a forbidden error on issueCreate is DESTINATION_NOT_WRITABLE', async () => {
    const result = await runTestExport(ctx, settingsFor(teams[1]!.id));
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(result.error?.message ?? '', /access to create issues in this team/);
    server.requests.splice(0);
  });

  test('verify asks for the viewer', async () => {
    assert.deepEqual(await linear.verify(ctx), { id: 'user-1', name: 'Simulated User' });
    assert.match((server.requests.splice(0)[0]?.json as Gql).query, /viewer \{ id name \}/);
  });
});

test('an OAuth token goes as Bearer; a GraphQL authentication error asks for a new grant', async () => {
  const server = await serve(createLinearApi({}));
  try {
    const base = { provider: 'linear' as const, edition: 'linear-cloud', method: 'oauth2', apiRoot: `${server.origin}/graphql`, tenant: 'https://linear.app/acme' };
    await linear.listDestinations(context({ ...base, secret: SIMULATED_TOKEN }), {});
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    const failed = await runTestExport(context({ ...base, secret: 'lin_oauth_invalid_token_value' }), settingsFor('x'));
    assert.equal(failed.error?.code, 'PROVIDER_AUTH_REQUIRED');
    assert.match(failed.error?.action?.label ?? '', /Approve this product in Linear/);
  } finally {
    await server.close();
  }
});

test('no team at all explains how to join one', async () => {
  const server = await serve(createLinearApi({ size: 'empty' }));
  try {
    const ctx = context({ provider: 'linear', edition: 'linear-cloud', method: 'api_key', apiRoot: `${server.origin}/graphql`, secret: SIMULATED_TOKEN });
    const page = await linear.listDestinations(ctx, {});
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Join the target team/);
  } finally {
    await server.close();
  }
});
