// Bitbucket Cloud against a loopback Bitbucket REST 2.0. Expected requests follow
// Atlassian's Bitbucket Cloud reference: GET /repositories/{workspace} (role, q, sort,
// pagelen/page) and POST /repositories/{workspace}/{repo_slug}/issues; an API token
// with scopes goes as Basic with the Atlassian account email.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createBitbucketApi } from '../../../src/testing/provider-apis/bitbucket.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { basic, context, serve, type Served } from './serve.js';

const bitbucket = adapterFor('bitbucket');
const EMAIL = 'owner@example.com';
const settingsFor = (id: string) => ExportSettingsSchema.parse({ destination: [{ level: 'repository', id, name: id }] });

describe('Bitbucket Cloud', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createBitbucketApi({ size: 'large', limited: ['acme/service-0002'], readOnly: ['acme/service-0003'] }));
    ctx = context({
      provider: 'bitbucket',
      edition: 'bitbucket-cloud',
      method: 'scoped_api_token',
      apiRoot: `${server.origin}/2.0`,
      secret: SIMULATED_TOKEN,
      fields: { email: EMAIL },
      tenant: 'https://bitbucket.org/acme',
    });
  });
  after(() => server.close());

  test('lists the workspace repositories with role=member, only those with their issue tracker on', async () => {
    const page = await bitbucket.listDestinations(ctx, {});
    const [req, second] = server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/2.0/repositories/acme');
    assert.deepEqual(req?.query, { role: 'member', sort: 'full_name', pagelen: '50', page: '1' });
    assert.equal(req?.headers.authorization, basic(EMAIL, SIMULATED_TOKEN));
    assert.equal(page.items.some((i) => i.id === 'acme/service-0002'), false, 'its tracker is off');
    assert.deepEqual(page.items[0], { id: 'acme/service-0001', name: 'Service 0001', detail: 'acme/service-0001', level: 'repository', has_children: false });
    assert.equal(second?.query['page'], '2', 'one left out, so the next provider page fills the list page');
    assert.equal(page.items.length, 99);
    assert.equal(page.next_cursor, '3');
  });

  test('pages with the page number of `next`, and searches with a BBQL name filter', async () => {
    const second = await bitbucket.listDestinations(ctx, { cursor: '3' });
    assert.equal(server.requests.splice(0)[0]?.query['page'], '3');
    assert.equal(second.items[0]?.name, 'Service 0101');
    assert.equal(second.next_cursor, '4');
    const found = await bitbucket.listDestinations(ctx, { query: 'Service "4999' });
    const [req] = server.requests.splice(0);
    assert.equal(req?.query['q'], 'name ~ "Service \\"4999"', 'quotes escaped');
    assert.deepEqual(found.items, []);
    const plain = await bitbucket.listDestinations(ctx, { query: 'service 4999' });
    assert.equal(server.requests.splice(0)[0]?.query['q'], 'name ~ "service 4999"');
    assert.deepEqual(plain.items.map((i) => i.id), ['acme/service-4999']);
  });

  test('creates the test issue with POST …/issues {title, content.raw, kind, priority}', async () => {
    const result = await runTestExport(ctx, settingsFor('acme/service-0001'));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/2.0/repositories/acme/service-0001/issues');
    assert.equal(req?.headers.authorization, basic(EMAIL, SIMULATED_TOKEN));
    const body = req?.json as { title: string; content: { raw: string }; kind: string; priority: string };
    assert.match(body.title, /\[Test\]/);
    assert.match(body.content.raw, /not a finding/);
    assert.equal(body.kind, 'task');
    assert.equal(body.priority, 'trivial');
    assert.deepEqual(result.ticket, { url: `${server.origin}/acme/service-0001/issues/1`, key: '#1', title: body.title });
  });

  test('a repository whose tracker is off is a provider limitation; no access is not writable', async () => {
    const off = await runTestExport(ctx, settingsFor('acme/service-0002'));
    assert.equal(off.error?.code, 'PROVIDER_LIMITATION');
    assert.match(off.error?.action?.label ?? '', /Features → Issue tracker/);
    const refused = await runTestExport(ctx, settingsFor('acme/service-0003'));
    assert.equal(refused.error?.code, 'DESTINATION_NOT_WRITABLE');
    server.requests.splice(0);
  });

  test('verify reads GET /user', async () => {
    assert.deepEqual(await bitbucket.verify(ctx), { id: '{d4b2ad3c-0000-4000-8000-000000000001}', name: 'Simulated User' });
  });
});

test('an empty workspace says to turn an issue tracker on', async () => {
  const server = await serve(createBitbucketApi({ size: 'empty' }));
  try {
    const ctx = context({ provider: 'bitbucket', edition: 'bitbucket-cloud', method: 'oauth2', apiRoot: `${server.origin}/2.0`, secret: SIMULATED_TOKEN, tenant: 'https://bitbucket.org/acme' });
    const page = await bitbucket.listDestinations(ctx, {});
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Issue tracker/);
  } finally {
    await server.close();
  }
});
