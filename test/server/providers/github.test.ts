// GitHub against a loopback GitHub REST API. Expected requests follow GitHub's REST
// reference (API version 2022-11-28): GET /installation/repositories, GET /user/repos,
// GET /repos/{owner}/{repo}/labels, POST /repos/{owner}/{repo}/issues; paging by
// per_page/page and the Link header.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createGithubApi } from '../../../src/testing/provider-apis/github.js';
import { SIMULATED_TOKEN, type SimulationOptions } from '../../../src/testing/provider-apis/shared.js';
import { context, serve, type Served } from './serve.js';

const github = adapterFor('github');
const settingsFor = (repository: string, labels?: string[]) =>
  ExportSettingsSchema.parse({ destination: [{ level: 'repository', id: repository, name: repository }], ...(labels ? { labels } : {}) });

async function setUp(method: 'github_app' | 'fine_grained_pat', options: SimulationOptions = {}, edition = 'github-com', root = '') {
  const server = await serve(createGithubApi(options));
  const ctx = context({
    provider: 'github',
    edition,
    method,
    apiRoot: `${server.origin}${root}`,
    secret: SIMULATED_TOKEN,
    tenant: edition === 'github-com' ? 'https://github.com/acme' : undefined,
    baseUrl: edition === 'ghes' ? server.origin : undefined,
  });
  return { server, ctx };
}

function assertGithubHeaders(headers: Record<string, unknown> | undefined) {
  assert.equal(headers?.['authorization'], `Bearer ${SIMULATED_TOKEN}`);
  assert.equal(headers?.['accept'], 'application/vnd.github+json');
  assert.equal(headers?.['x-github-api-version'], '2022-11-28');
}

describe('GitHub App installation with 5,000 repositories', () => {
  let s: { server: Served; ctx: ReturnType<typeof context> };
  before(async () => {
    s = await setUp('github_app', { size: 'large', readOnly: ['acme/service-0002'], limited: ['acme/service-0003'] });
  });
  after(() => s.server.close());

  test('lists the repositories the installation can reach with GET /installation/repositories', async () => {
    const page = await github.listDestinations(s.ctx, {});
    const [req, more] = s.server.requests.splice(0);
    assert.equal(more, undefined, 'one provider page fills one list page');
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/installation/repositories');
    assert.deepEqual(req?.query, { per_page: '100', page: '1' });
    assertGithubHeaders(req?.headers);
    assert.equal(page.items[0]?.id, 'acme/service-0001');
    assert.deepEqual(page.items[0], { id: 'acme/service-0001', name: 'acme/service-0001', level: 'repository', detail: 'private', has_children: false });
    assert.equal(page.items.some((i) => i.id === 'acme/service-0003'), false, 'issues turned off: not offered');
    assert.equal(page.next_cursor, '2', 'the page number from the Link header');
  });

  test('follows the Link header page by page to the last page', async () => {
    const last = await github.listDestinations(s.ctx, { cursor: '50' });
    assert.equal(s.server.requests.splice(0)[0]?.query['page'], '50');
    assert.equal(last.items.at(-1)?.id, 'acme/service-5000');
    assert.equal(last.next_cursor, null);
  });

  test('a search reads at most ten provider pages per request and hands back where it stopped', async () => {
    const first = await github.listDestinations(s.ctx, { query: 'service-4999' });
    const requests = s.server.requests.splice(0);
    assert.deepEqual(requests.map((r) => r.query['page']), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.deepEqual(first.items, []);
    assert.equal(first.next_cursor, '11');
    assert.equal(first.empty, undefined, 'not empty yet: the search goes on');
    const found = await github.listDestinations(s.ctx, { query: 'SERVICE-4999', cursor: '41' });
    s.server.requests.splice(0);
    assert.deepEqual(found.items.map((i) => i.id), ['acme/service-4999']);
  });

  test('creates the test issue with POST /repos/{owner}/{repo}/issues, with title, body and labels', async () => {
    const result = await runTestExport(s.ctx, settingsFor('acme/service-0001', ['security']));
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/repos/acme/service-0001/issues');
    assertGithubHeaders(req?.headers);
    const body = req?.json as { title: string; body: string; labels: string[] };
    assert.match(body.title, /\[Test\]/);
    assert.match(body.body, /not a finding/);
    assert.deepEqual(body.labels, ['security']);
    assert.equal(result.status, 'succeeded');
    assert.equal(result.ticket?.url, `${s.server.origin}/acme/service-0001/issues/1`);
    assert.equal(result.ticket?.key, '#1');
  });

  test('no permission on the repository, and issues turned off, fail with their own codes and actions', async () => {
    const refused = await runTestExport(s.ctx, settingsFor('acme/service-0002'));
    assert.equal(refused.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(refused.error?.message ?? '', /Resource not accessible by integration/);
    assert.match(refused.error?.action?.label ?? '', /Issues: Read and write/);
    const gone = await runTestExport(s.ctx, settingsFor('acme/service-0003'));
    assert.equal(gone.error?.code, 'PROVIDER_LIMITATION');
    assert.match(gone.error?.action?.label ?? '', /Settings → General → Features → Issues/);
    s.server.requests.splice(0);
  });

  test('lists a repository’s labels with GET /repos/{owner}/{repo}/labels', async () => {
    const page = await github.listDestinations(s.ctx, { level: 'label', parent: { level: 'repository', id: 'acme/service-0001' } });
    const [req] = s.server.requests.splice(0);
    assert.equal(req?.path, '/repos/acme/service-0001/labels');
    assert.deepEqual(req?.query, { per_page: '100', page: '1' });
    assert.deepEqual(page.items.map((l) => [l.id, l.level, l.detail]), [
      ['bug', 'label', "Something isn't working"],
      ['security', 'label', 'Found by the scanner'],
      ['triage', 'label', undefined],
    ]);
  });

  test('verify proves an installation token with one repository request', async () => {
    const account = await github.verify(s.ctx);
    assert.deepEqual(s.server.requests.splice(0)[0]?.query, { per_page: '1' });
    assert.match(account.name, /5000 repositories/);
  });
});

test('a fine-grained token lists GET /user/repos of the target organisation only', async () => {
  const { server, ctx } = await setUp('fine_grained_pat');
  try {
    const page = await github.listDestinations(ctx, {});
    const [req] = server.requests;
    assert.equal(req?.path, '/user/repos');
    assert.deepEqual(req?.query, { per_page: '100', page: '1', sort: 'full_name' });
    assert.equal(req?.headers.authorization, `Bearer ${SIMULATED_TOKEN}`);
    assert.deepEqual(page.items.map((i) => i.id), ['acme/service-0001', 'acme/service-0002', 'acme/service-0003']);
    assert.deepEqual(await github.verify(ctx), { id: '1', name: 'simulated' });
    assert.equal(server.requests[1]?.path, '/user');
  } finally {
    await server.close();
  }
});

test('GitHub Enterprise Server calls go under /api/v3', async () => {
  const { server, ctx } = await setUp('github_app', {}, 'ghes', '/api/v3');
  try {
    await github.listDestinations(ctx, {});
    assert.equal(server.requests[0]?.path, '/api/v3/installation/repositories');
  } finally {
    await server.close();
  }
});

test('an installation that reaches nothing says where to grant repository access', async () => {
  const { server, ctx } = await setUp('github_app', { size: 'empty' });
  try {
    const page = await github.listDestinations(ctx, {});
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /Repository access/);
    assert.equal(page.empty?.action?.url, 'https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps');
  } finally {
    await server.close();
  }
});

test('a spent rate limit (403 with x-ratelimit-remaining: 0) is RATE_LIMITED with the reset time', async () => {
  const { server, ctx } = await setUp('github_app', { failure: 'rate-limit', retryAfter: 40 });
  try {
    const result = await runTestExport(ctx, settingsFor('acme/service-0001'));
    assert.equal(result.error?.code, 'RATE_LIMITED');
    assert.ok(result.error?.retry_after !== undefined && result.error.retry_after >= 38 && result.error.retry_after <= 41, String(result.error?.retry_after));
  } finally {
    await server.close();
  }
});
