// The failures every provider shares, run for each adapter against its simulated API:
// a refused credential, a rate limit, a provider error, a dropped connection, a port
// that refuses, and provider text that quotes the credential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, redact, runTestExport, type ProviderContext } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema, type ExportSettings, type ListDestinationsRequest } from '../../../src/core/contract/index.js';
import { PROVIDER_IDS, type ProviderId } from '../../../src/core/providers/index.js';
import { createAsanaApi } from '../../../src/testing/provider-apis/asana.js';
import { createAzureDevOpsApi } from '../../../src/testing/provider-apis/azure-devops.js';
import { createBitbucketApi } from '../../../src/testing/provider-apis/bitbucket.js';
import { createClickupApi } from '../../../src/testing/provider-apis/clickup.js';
import { createGithubApi } from '../../../src/testing/provider-apis/github.js';
import { createGitlabApi } from '../../../src/testing/provider-apis/gitlab.js';
import { createJiraApi } from '../../../src/testing/provider-apis/jira.js';
import { createLinearApi } from '../../../src/testing/provider-apis/linear.js';
import { SIMULATED_TOKEN, type ProviderApi, type SimulationOptions } from '../../../src/testing/provider-apis/shared.js';
import { createTrelloApi, TRELLO_API_KEY } from '../../../src/testing/provider-apis/trello.js';
import { createYoutrackApi } from '../../../src/testing/provider-apis/youtrack.js';
import { closedOrigin, context, serve } from './serve.js';

interface Case {
  provider: ProviderId;
  edition: string;
  method: string;
  api: (options: SimulationOptions) => ProviderApi;
  root: string;
  fields?: Record<string, string>;
  tenant?: string;
  settings: ExportSettings;
  /** The list request that comes back empty when the simulation has no destinations. */
  empty: ListDestinationsRequest;
}

const step = (level: string, id: string) => ({ level, id, name: id });
const settings = (...steps: Array<ReturnType<typeof step>>) => ExportSettingsSchema.parse({ destination: steps });

const CASES: Case[] = [
  {
    provider: 'jira', edition: 'jira-cloud', method: 'scoped_api_token', api: createJiraApi, root: '/rest/api/3',
    fields: { email: 'owner@example.com' }, tenant: 'https://acme.atlassian.net',
    settings: settings(step('project', '10000'), step('issue_type', '10001')), empty: {},
  },
  {
    provider: 'github', edition: 'github-com', method: 'github_app', api: createGithubApi, root: '', tenant: 'https://github.com/acme',
    settings: settings(step('repository', 'acme/service-0001')), empty: {},
  },
  { provider: 'gitlab', edition: 'gitlab-com', method: 'pat', api: createGitlabApi, root: '/api/v4', tenant: 'https://gitlab.com/acme', settings: settings(step('project', '100')), empty: {} },
  {
    provider: 'bitbucket', edition: 'bitbucket-cloud', method: 'oauth2', api: createBitbucketApi, root: '/2.0', tenant: 'https://bitbucket.org/acme',
    settings: settings(step('repository', 'acme/service-0001')), empty: {},
  },
  {
    provider: 'trello', edition: 'trello-cloud', method: 'api_key_token', api: createTrelloApi, root: '/1', fields: { api_key: TRELLO_API_KEY },
    settings: settings(step('board', '000000000000000000001000'), step('list', '000000000000000000100000')), empty: {},
  },
  {
    provider: 'linear', edition: 'linear-cloud', method: 'api_key', api: createLinearApi, root: '/graphql',
    settings: settings(step('team', '00000000-0000-4000-8000-000000000001')), empty: {},
  },
  {
    provider: 'azure-devops', edition: 'azure-devops-services', method: 'pat', api: createAzureDevOpsApi, root: '/acme/_apis', tenant: 'https://dev.azure.com/acme',
    settings: settings(step('project', '6ce954b1-ce1f-45d1-b94d-000000000001'), step('work_item_type', 'Bug')), empty: {},
  },
  { provider: 'youtrack', edition: 'youtrack-cloud', method: 'permanent_token', api: createYoutrackApi, root: '/api', settings: settings(step('project', '0-1')), empty: {} },
  {
    provider: 'asana', edition: 'asana-cloud', method: 'pat', api: createAsanaApi, root: '/api/1.0',
    settings: settings(step('workspace', '1100000000000001'), step('project', '1200000000000001')),
    empty: { parent: { level: 'workspace', id: '1100000000000001' } },
  },
  {
    provider: 'clickup', edition: 'clickup-cloud', method: 'personal_token', api: createClickupApi, root: '/api/v2',
    settings: settings(step('workspace', '9010'), step('space', '90100'), step('list', '901000')),
    empty: { parent: { level: 'space', id: '90101' } },
  },
];

test('every provider but the webhook has a case here, and the webhook has its own file', () => {
  assert.deepEqual(CASES.map((c) => c.provider).sort(), PROVIDER_IDS.filter((p) => p !== 'webhook').sort());
});

async function run(c: Case, options: SimulationOptions, secret = SIMULATED_TOKEN) {
  const api = c.api(options);
  const server = await serve(api);
  const ctx: ProviderContext = context({
    provider: c.provider,
    edition: c.edition,
    method: c.method,
    apiRoot: `${server.origin}${c.root}`,
    secret,
    ...(c.fields ? { fields: c.fields } : {}),
    ...(c.tenant ? { tenant: c.tenant } : {}),
  });
  try {
    return { ctx, api, result: await runTestExport(ctx, c.settings), requests: server.requests };
  } finally {
    await server.close();
  }
}

for (const c of CASES) {
  test(`${c.provider}: the test ticket succeeds against the simulated provider`, async () => {
    const { result, api } = await run(c, {});
    assert.equal(result.status, 'succeeded', JSON.stringify(result.error));
    assert.equal(api.created.length, 1, 'one ticket, no more');
    assert.match(result.ticket?.url ?? '', /^https?:\/\//);
    assert.match(result.ticket?.title ?? '', /\[Test\]/);
  });

  test(`${c.provider}: a refused credential is PROVIDER_AUTH_REQUIRED with the catalog's exact action`, async () => {
    const { ctx, result } = await run(c, { failure: 'auth' });
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.code, 'PROVIDER_AUTH_REQUIRED');
    assert.equal(result.error?.action?.label, ctx.method.authRequiredAction);
    const wrong = await run(c, {}, 'an-invalid-credential-the-provider-does-not-know');
    assert.equal(wrong.result.error?.code, 'PROVIDER_AUTH_REQUIRED');
  });

  test(`${c.provider}: a rate limit is RATE_LIMITED with the seconds to wait`, async () => {
    const { result } = await run(c, { failure: 'rate-limit', retryAfter: 30 });
    assert.equal(result.error?.code, 'RATE_LIMITED');
    assert.equal(typeof result.error?.retry_after, 'number');
    assert.ok(result.error!.retry_after! > 0 && result.error!.retry_after! <= 60, String(result.error?.retry_after));
  });

  test(`${c.provider}: a provider's server error is PROVIDER_UNAVAILABLE, a dropped connection NETWORK_UNREACHABLE`, async () => {
    const failing = await run(c, { failure: 'server-error' });
    assert.equal(failing.result.error?.code, 'PROVIDER_UNAVAILABLE');
    assert.match(failing.result.error?.message ?? '', /HTTP 503/);
    assert.match(failing.result.error?.action?.label ?? '', /status page/);
    const dropped = await run(c, { failure: 'network' });
    assert.equal(dropped.result.error?.code, 'NETWORK_UNREACHABLE');
    assert.match(dropped.result.error?.action?.label ?? '', /firewall, VPN, DNS/);
  });

  test(`${c.provider}: a host that refuses connections is NETWORK_UNREACHABLE, for lists too`, async () => {
    const ctx = context({
      provider: c.provider,
      edition: c.edition,
      method: c.method,
      apiRoot: `${await closedOrigin()}${c.root}`,
      secret: SIMULATED_TOKEN,
      ...(c.fields ? { fields: c.fields } : {}),
      ...(c.tenant ? { tenant: c.tenant } : {}),
    });
    assert.equal((await runTestExport(ctx, c.settings)).error?.code, 'NETWORK_UNREACHABLE');
    await assert.rejects(adapterFor(c.provider).listDestinations(ctx, {}), { code: 'NETWORK_UNREACHABLE' });
  });

  test(`${c.provider}: an empty list gives its reason and the provider's action`, async () => {
    const server = await serve(c.api({ size: 'empty' }));
    try {
      const ctx = context({
        provider: c.provider,
        edition: c.edition,
        method: c.method,
        apiRoot: `${server.origin}${c.root}`,
        secret: SIMULATED_TOKEN,
        ...(c.fields ? { fields: c.fields } : {}),
        ...(c.tenant ? { tenant: c.tenant } : {}),
      });
      const page = await adapterFor(c.provider).listDestinations(ctx, c.empty);
      assert.deepEqual(page.items, []);
      assert.equal(page.next_cursor, null);
      assert.equal(page.empty?.reason, 'nothing_accessible');
      assert.ok((page.empty?.message.length ?? 0) > 10);
      assert.ok((page.empty?.action?.label.length ?? 0) > 10);
    } finally {
      await server.close();
    }
  });
}

test('provider text that quotes the credential reaches no result', async () => {
  const secret = 'ATATT3xFfGF0-canary-credential-value-9d8e7f';
  const echo = Object.assign(
    async (request: Request) =>
      new Response(JSON.stringify({ errorMessages: [`Token ${secret.slice(4, 30)} is not valid here (${request.headers.get('authorization')})`] }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
    { created: [] },
  );
  const server = await serve(echo);
  try {
    const ctx = context({
      provider: 'jira', edition: 'jira-cloud', method: 'scoped_api_token', apiRoot: `${server.origin}/rest/api/3`,
      secret, fields: { email: 'owner@example.com' }, tenant: 'https://acme.atlassian.net',
    });
    const result = await runTestExport(ctx, CASES[0]!.settings);
    assert.equal(result.error?.code, 'PROVIDER_LIMITATION');
    const text = JSON.stringify(result);
    assert.equal(text.includes(secret.slice(4, 30)), false);
    for (let i = 0; i + 8 <= secret.length; i++) assert.equal(text.includes(secret.slice(i, i + 8)), false, secret.slice(i, i + 8));
    const basicValue = Buffer.from(`owner@example.com:${secret}`).toString('base64');
    assert.equal(text.includes(basicValue.slice(0, 20)), true, 'the Basic value is not the secret itself; only runs of the secret are removed');
    assert.match(result.error?.message ?? '', /\[redacted\]/);
  } finally {
    await server.close();
  }
});

test('redaction removes every run of eight or more credential characters and keeps the rest', () => {
  assert.equal(redact('key abcdefgh-1 and abcdefg', ['abcdefgh-12345']), 'key [redacted] and abcdefg');
  assert.equal(redact('nothing to hide', ['abcdefgh']), 'nothing to hide');
  assert.equal(redact('xxabcdefghijyy', ['abcdefghij', 'short']), 'xx[redacted]yy');
});

test('a redirect is not followed with the credential, and a Location that echoes it is redacted', async () => {
  const token = 'ATTA0123456789abcdef0123456789abcdef';
  const hits: string[] = [];
  const redirecting = Object.assign(
    async (request: Request) => {
      hits.push(new URL(request.url).pathname);
      return new Response(null, { status: 302, headers: { location: `https://elsewhere.example/1/cards?token=${token}` } });
    },
    { created: [] },
  );
  const server = await serve(redirecting);
  try {
    const ctx = context({ provider: 'trello', edition: 'trello-cloud', method: 'api_key_token', apiRoot: `${server.origin}/1`, secret: token, fields: { api_key: TRELLO_API_KEY } });
    const result = await runTestExport(ctx, CASES.find((c) => c.provider === 'trello')!.settings);
    assert.equal(result.error?.code, 'PROVIDER_LIMITATION');
    assert.deepEqual(hits, ['/1/cards'], 'one request, the redirect not followed');
    assert.equal(JSON.stringify(result).includes(token.slice(0, 8)), false);
    assert.match(result.error?.message ?? '', /elsewhere\.example/);
  } finally {
    await server.close();
  }
});
