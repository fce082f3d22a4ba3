/**
 * One script of requests, run against the Node server (node:http,
 * createNodeBackend with the real checkBaseUrl) and against the msw kit, with
 * equivalent services: the same DNS world, the same simulated provider, the
 * same seed. Status codes, error codes, the values that carry meaning and the
 * shape of every body must agree. The script holds the five ways the two used
 * to disagree, the export path (destinations, settings, the test export and each
 * way it fails) and every error code the backend can send.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { getResponse } from 'msw';
import { ERROR_CODES, ERROR_STATUS, TARGET_STATES, type ErrorCode } from '../../src/core/contract/index.js';
import { createCredentialVerifier, transportFromFetch } from '../../src/backend/index.js';
import { createNodeBackend, toNodeListener, type NodeBackendOptions } from '../../src/server/index.js';
// The kit's modules one by one: its index also holds the browser-only helpers.
import { createSampleLookup } from '../../src/testing/dns.js';
import { createHandlers } from '../../src/testing/handlers.js';
import { scenarioOptions, scenarioWorld, type BackendOverrides } from '../../src/testing/scenario-backend.js';
import { SAMPLE_TARGET_IDS, type ScenarioId } from '../../src/testing/scenarios.js';
import { asFetch, createSimulatedProvider, SIMULATED_WEBHOOK_SECRET } from '../../src/testing/provider-apis/index.js';

const BASE = '/api/pts';
const KIT_ORIGIN = 'http://localhost';
const APP = 'https://app.partner.example';
const TOKEN = 'parity-token-0123456789abcdef';

interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  json: unknown;
}

/** Memory the steps of one case share (a check id, a target id). */
type Memo = Record<string, string>;

interface Step {
  call: (memo: Memo) => Call;
  /** What both must answer, where the script pins it down (the drifts). */
  expect?: { status: number; code?: ErrorCode; field?: string; normalized_url?: string };
  /** Keeps values from the answer for later steps. */
  keep?: (json: Record<string, unknown>, memo: Memo) => void;
}

interface Case {
  name: string;
  scenario: ScenarioId;
  overrides?: BackendOverrides;
  steps: Step[];
}

/** Keys whose values mean something (a code, a state, a normalised URL); every other string is compared as a type. */
const MEANINGFUL = new Set([
  'code', 'status', 'state', 'field', 'normalized_url', 'name', 'event', 'allowlist_status', 'auth_method', 'token_type',
  'deployment_mode', 'provider', 'edition', 'tenant', 'base_url', 'has_credentials', 'signing', 'offender',
]);

function shape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => shape(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v, k)]),
    );
  }
  // `state` is a target's state, or an OAuth start's random value.
  const meaningful = MEANINGFUL.has(key) && (key !== 'state' || (TARGET_STATES as readonly unknown[]).includes(value));
  if (typeof value === 'string' && !meaningful) return 'string';
  return value;
}

const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}): Call => ({ method, path, body, headers });
const get = (path: string): Call => ({ method: 'GET', path });

const jiraDcCheck = (base_url = 'https://jira.example.com/jira/', extra: Record<string, unknown> = {}) =>
  json('POST', '/url-checks', {
    provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', base_url, ownership_confirmed: true, export_authorized: true, ...extra,
  });
const jiraDcSave = (memo: Memo, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json(
    'POST',
    '/targets',
    {
      provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', base_url: 'https://jira.example.com/jira', check_id: memo.check,
      allowlist_status: 'tunnel', ownership_confirmed: true, export_authorized: true, auth_method: 'pat', token_type: 'jira_dc_pat',
      credential: TOKEN, ...extra,
    },
    headers,
  );
const githubSave = (extra: Record<string, unknown> = {}) =>
  json('POST', '/targets', {
    provider: 'github', edition: 'github-com', deployment_mode: 'cloud', tenant: 'acme', ownership_confirmed: true, export_authorized: true,
    auth_method: 'fine_grained_pat', token_type: 'github_fine_grained_pat', credential: TOKEN, ...extra,
  });
const target = (memo: Memo, route: string) => `/targets/${memo.target}/${route}`;
const repository = (id: string) => ({ destination: [{ level: 'repository', id, name: id }] });
/** Save a GitHub target, choose a repository, run the test export and read the target back. */
const exportPath = (...before: Step[]): Step[] => [
  { call: () => githubSave(), keep: keepTarget },
  ...before,
  { call: (m) => json('PUT', target(m, 'export-settings'), repository('acme/service-0001')) },
  { call: (m) => json('POST', target(m, 'test-export'), undefined) },
  { call: (m) => get(`/targets/${m.target}`) },
];
const keepCheck: Step['keep'] = (body, memo) => void (memo.check = String(body.check_id));
const keepTarget: Step['keep'] = (body, memo) => void (memo.target = String(body.id));
const checkThen = (check: Call, ...rest: Step[]): Step[] => [{ call: () => check, keep: keepCheck }, ...rest];

const CASES: Case[] = [
  // ---------------------------------------------------------------- the five drifts
  {
    name: 'drift 1: a revoke without revoked_at_provider is refused, with where to revoke',
    scenario: 'revoke',
    steps: [
      {
        call: () => json('POST', `/targets/${SAMPLE_TARGET_IDS.cloudConnected}/revoke`, { revoked_at_provider: false }),
        expect: { status: 400, code: 'VALIDATION_FAILED', field: 'revoked_at_provider' },
      },
      { call: () => json('POST', `/targets/${SAMPLE_TARGET_IDS.cloudConnected}/revoke`, {}), expect: { status: 400, code: 'VALIDATION_FAILED' } },
      { call: () => json('POST', `/targets/${SAMPLE_TARGET_IDS.cloudConnected}/revoke`, { revoked_at_provider: true }), expect: { status: 200 } },
      { call: () => json('POST', `/targets/${SAMPLE_TARGET_IDS.cloudConnected}/revoke`, { revoked_at_provider: true }), expect: { status: 200 } },
    ],
  },
  {
    name: 'drift 2: a host the backend cannot reach is not saved',
    scenario: 'self-hosted-ready',
    steps: checkThen(
      jiraDcCheck(),
      { call: (m) => jiraDcSave(m, { allowlist_status: 'unreachable' }), expect: { status: 502, code: 'NETWORK_UNREACHABLE', field: 'allowlist_status' } },
      { call: () => get('/status') },
    ),
  },
  {
    name: 'drift 3: a self-hosted reconnect needs a base URL and a passed check',
    scenario: 'revoke',
    steps: [
      {
        call: () =>
          json('POST', '/targets', {
            provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', target_id: SAMPLE_TARGET_IDS.selfHostedConnected,
            allowlist_status: 'allowlist', ownership_confirmed: true, export_authorized: true, auth_method: 'pat', token_type: 'jira_dc_pat',
            credential: TOKEN,
          }),
        expect: { status: 400, code: 'VALIDATION_FAILED', field: 'base_url' },
      },
      {
        call: () =>
          json('POST', '/targets', {
            provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', target_id: SAMPLE_TARGET_IDS.selfHostedConnected,
            base_url: 'https://jira.example.com', allowlist_status: 'allowlist', ownership_confirmed: true, export_authorized: true,
            auth_method: 'pat', token_type: 'jira_dc_pat', credential: TOKEN,
          }),
        expect: { status: 409, code: 'URL_CHECK_REQUIRED', field: 'check_id' },
      },
      { call: () => jiraDcCheck('https://jira.example.com'), keep: keepCheck },
      {
        call: (m) => jiraDcSave(m, { target_id: SAMPLE_TARGET_IDS.selfHostedConnected, base_url: 'https://jira.example.com', allowlist_status: 'allowlist' }),
        expect: { status: 200 },
      },
    ],
  },
  {
    name: 'drift 4: an auth_method or token_type the catalog does not list is refused',
    scenario: 'cloud-ready',
    steps: [
      { call: () => githubSave({ auth_method: 'classic_pat' }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'auth_method' } },
      { call: () => githubSave({ auth_method: 'password', token_type: 'password' }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'auth_method' } },
      { call: () => githubSave({ token_type: 'github_classic_pat' }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'token_type' } },
      { call: () => get('/status') },
    ],
  },
  {
    name: "drift 5: normalized_url follows the edition (GHES and GitLab Dedicated keep the origin only)",
    scenario: 'self-hosted-ready',
    steps: [
      { call: () => json('POST', '/url-checks', { provider: 'github', edition: 'ghes', deployment_mode: 'self-hosted', base_url: 'https://GitHub.Example.com/some/path/', ownership_confirmed: true, export_authorized: true }), expect: { status: 200, normalized_url: 'https://github.example.com' } },
      { call: () => json('POST', '/url-checks', { provider: 'gitlab', edition: 'gitlab-dedicated', deployment_mode: 'cloud', base_url: 'https://gitlab.example.com/group/', ownership_confirmed: true, export_authorized: true }), expect: { status: 200, normalized_url: 'https://gitlab.example.com' } },
      { call: () => json('POST', '/url-checks', { provider: 'gitlab', edition: 'gitlab-self-managed', deployment_mode: 'self-hosted', base_url: 'https://gitlab.example.com/gitlab/', ownership_confirmed: true, export_authorized: true }), expect: { status: 200, normalized_url: 'https://gitlab.example.com/gitlab' } },
      { call: () => jiraDcCheck('https://Jira.Example.com/jira/'), expect: { status: 200, normalized_url: 'https://jira.example.com/jira' } },
      { call: () => json('POST', '/url-checks', { provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook', base_url: 'https://hooks.example.com/in?team=web', ownership_confirmed: true, export_authorized: true }), expect: { status: 200, normalized_url: 'https://hooks.example.com/in?team=web' } },
    ],
  },

  // ---------------------------------------------------------------- the path, and each error code
  {
    name: 'a self-hosted save, replayed under its key, then refused on a spent check and as a duplicate',
    scenario: 'self-hosted-ready',
    steps: [
      ...checkThen(jiraDcCheck(), { call: (m) => jiraDcSave(m, {}, { 'Idempotency-Key': 'parity-key-1' }), keep: keepTarget }),
      { call: (m) => jiraDcSave(m, {}, { 'Idempotency-Key': 'parity-key-1' }) },
      { call: (m) => jiraDcSave(m, { display_name: 'other' }, { 'Idempotency-Key': 'parity-key-1' }) },
      { call: (m) => jiraDcSave(m, {}, { 'Idempotency-Key': 'parity-key-2' }) },
      { call: () => jiraDcCheck(), keep: keepCheck },
      { call: (m) => jiraDcSave(m) },
      { call: (m) => get(`/targets/${m.target}`) },
      { call: () => get('/status') },
    ],
  },
  {
    name: 'URL_CHECK_REQUIRED, ALLOWLIST_STATUS_MISSING, OWNERSHIP_UNCONFIRMED and CREDENTIALS_REJECTED',
    scenario: 'self-hosted-ready',
    steps: [
      { call: (m) => jiraDcSave({ ...m, check: 'chk_made_up' }) },
      { call: () => jiraDcCheck(undefined, { ownership_confirmed: false }) },
      ...checkThen(
        jiraDcCheck(),
        { call: (m) => jiraDcSave(m, { export_authorized: false }) },
        { call: (m) => jiraDcSave(m, { allowlist_status: undefined }) },
        { call: (m) => jiraDcSave(m, { base_url: 'https://jira.example.com/other' }) },
        { call: (m) => jiraDcSave(m, { credential: `invalid-${TOKEN}` }) },
        // A refused save leaves the check usable.
        { call: (m) => jiraDcSave(m) },
      ),
    ],
  },
  ...(['url-blocked-private-network', 'url-blocked-reserved-ip', 'url-blocked-redirect', 'url-blocked-dns-rebinding', 'url-blocked-ownership'] as const).map(
    (scenario): Case => ({
      name: `${scenario}: the check is blocked and no save or start passes it (PROVIDER_BASE_URL_BLOCKED)`,
      scenario,
      overrides: { allowedOrigins: [APP] },
      steps: checkThen(
        jiraDcCheck(),
        { call: (m) => jiraDcSave(m) },
        {
          call: (m) =>
            json('POST', '/auth/start', { provider: 'jira', edition: 'jira-dc', auth_method: 'oauth2_dc', base_url: 'https://jira.example.com/jira', check_id: m.check, return_origin: APP }, { origin: APP }),
        },
      ),
    }),
  ),
  {
    name: 'PROVIDER_AUTH_REQUIRED for a missing credential and for the provider asking again',
    scenario: 'auth-required',
    steps: [{ call: () => githubSave({ credential: undefined }) }, { call: () => githubSave() }, { call: () => get('/status') }],
  },
  {
    name: 'PROVIDER_LIMITATION from the catalog and from the provider',
    scenario: 'provider-limitation',
    steps: [
      { call: () => jiraDcCheck('https://bitbucket.example.com', { provider: 'bitbucket', edition: 'bitbucket-dc' }) },
      {
        call: () =>
          githubSave({ provider: 'bitbucket', edition: 'bitbucket-cloud', auth_method: 'scoped_api_token', token_type: 'atlassian_scoped_api_token', credential_fields: { email: 'ops@acme.example' } }),
      },
    ],
  },
  {
    name: 'TARGET_EXISTS, TARGET_NOT_FOUND, a reconnect, and the cap (TARGET_LIMIT_REACHED)',
    scenario: 'reconnect',
    overrides: { maxTargets: 2 },
    steps: [
      // The seeded GitHub target holds the acme organisation.
      { call: () => githubSave() },
      { call: () => githubSave({ tenant: 'https://github.com/acme', target_id: SAMPLE_TARGET_IDS.authRequired }) },
      { call: () => githubSave({ target_id: 'tgt_missing' }) },
      { call: () => githubSave({ tenant: 'other-org' }) },
      { call: () => githubSave({ tenant: 'third-org' }) },
      { call: () => get('/targets/tgt_missing') },
      { call: () => json('POST', '/targets/tgt_missing/revoke', { revoked_at_provider: true }) },
      { call: () => get(`/targets/${SAMPLE_TARGET_IDS.authRequired}`) },
    ],
  },
  {
    name: 'VALIDATION_FAILED, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE and unknown routes',
    scenario: 'cloud-ready',
    steps: [
      { call: () => ({ method: 'POST', path: '/targets', body: '{"provider":', headers: { 'content-type': 'application/json' } }) },
      { call: () => ({ method: 'POST', path: '/targets', body: JSON.stringify({ provider: 'github' }), headers: { 'content-type': 'text/plain' } }) },
      { call: () => githubSave({ display_name: 'x'.repeat(40_000) }) },
      { call: () => githubSave({ provider: 'sourceforge' }) },
      { call: () => githubSave({ signing: 'standard-webhooks' }) },
      { call: () => get('/nowhere') },
      { call: () => ({ method: 'DELETE', path: '/status' }) },
      { call: () => json('POST', '/targets', githubSave().body, { 'Idempotency-Key': 'not a key' }) },
    ],
  },
  {
    name: 'RATE_LIMITED after the configured number of checks',
    scenario: 'self-hosted-ready',
    overrides: { rateLimit: { urlChecks: { max: 1, windowMs: 60_000 } } },
    steps: [{ call: () => jiraDcCheck() }, { call: () => jiraDcCheck() }],
  },
  {
    name: 'BACKEND_UNAVAILABLE when the URL check cannot run',
    scenario: 'self-hosted-ready',
    overrides: {
      checkUrl: async () => {
        throw new Error('resolver down');
      },
      onError: () => undefined,
    },
    steps: [{ call: () => jiraDcCheck() }],
  },
  {
    name: 'the export path on a few destinations: list, next level refused, settings refused and saved, test ticket',
    scenario: 'destinations-small',
    steps: exportPath(
      { call: (m) => json('POST', target(m, 'destinations'), {}) },
      { call: (m) => json('POST', target(m, 'destinations'), { level: 'board' }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'level' } },
      { call: (m) => json('PUT', target(m, 'export-settings'), { destination: [] }), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'destination' } },
      { call: (m) => json('POST', target(m, 'test-export'), undefined), expect: { status: 400, code: 'VALIDATION_FAILED', field: 'export_settings' } },
    ),
  },
  {
    name: '5,000 destinations, paged and searched; none at all',
    scenario: 'destinations-large',
    steps: [
      { call: () => githubSave(), keep: keepTarget },
      { call: (m) => json('POST', target(m, 'destinations'), {}), keep: (body, memo) => void (memo.cursor = String(body.next_cursor)) },
      { call: (m) => json('POST', target(m, 'destinations'), { cursor: m.cursor }) },
      { call: (m) => json('POST', target(m, 'destinations'), { query: 'service-4999' }) },
    ],
  },
  {
    name: 'an empty list says what is missing',
    scenario: 'destinations-empty',
    steps: [{ call: () => githubSave(), keep: keepTarget }, { call: (m) => json('POST', target(m, 'destinations'), {}) }],
  },
  ...(['destination-read-only', 'test-export-succeeded', 'test-export-auth-failed', 'test-export-network-failed', 'test-export-unavailable', 'test-export-limitation'] as const).map(
    (scenario): Case => ({ name: `${scenario}: the test export's result, kept on the target`, scenario, steps: exportPath() }),
  ),
  {
    name: 'a provider that fails every call: PROVIDER_UNAVAILABLE on the list; a revoked target: PROVIDER_AUTH_REQUIRED',
    scenario: 'cloud-ready',
    overrides: { providerFetch: asFetch(createSimulatedProvider({ simulation: { failure: 'server-error' } })) },
    steps: [
      { call: () => githubSave(), keep: keepTarget },
      { call: (m) => json('POST', target(m, 'destinations'), {}), expect: { status: 502, code: 'PROVIDER_UNAVAILABLE' } },
      { call: (m) => json('POST', `/targets/${m.target}/revoke`, { revoked_at_provider: true }) },
      { call: (m) => json('POST', target(m, 'destinations'), {}), expect: { status: 401, code: 'PROVIDER_AUTH_REQUIRED' } },
      { call: (m) => json('PUT', target(m, 'export-settings'), repository('acme/service-0001')), expect: { status: 401, code: 'PROVIDER_AUTH_REQUIRED' } },
      { call: (m) => json('POST', target(m, 'test-export'), undefined), expect: { status: 401, code: 'PROVIDER_AUTH_REQUIRED' } },
    ],
  },
  {
    name: 'a webhook: no list, events chosen, one signed test delivery the receiver verifies',
    scenario: 'test-export-succeeded',
    steps: [
      ...checkThen(json('POST', '/url-checks', { provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook', base_url: 'https://hooks.example.com/in', ownership_confirmed: true, export_authorized: true })),
      {
        call: (m) =>
          json('POST', '/targets', {
            provider: 'webhook', edition: 'webhook', deployment_mode: 'webhook', base_url: 'https://hooks.example.com/in', check_id: m.check,
            allowlist_status: 'direct', ownership_confirmed: true, export_authorized: true, auth_method: 'signing_secret',
            token_type: 'webhook_hmac_secret', credential: SIMULATED_WEBHOOK_SECRET,
          }),
        keep: keepTarget,
      },
      { call: (m) => json('POST', target(m, 'destinations'), {}), expect: { status: 422, code: 'PROVIDER_LIMITATION' } },
      { call: (m) => json('PUT', target(m, 'export-settings'), { destination: [], events: ['finding.created', 'finding.resolved'] }) },
      { call: (m) => json('POST', target(m, 'test-export'), undefined), expect: { status: 200 }, keep: (body) => assert.equal(body.status, 'succeeded') },
    ],
  },
  {
    name: 'an OAuth start, a return origin that is not the caller, and a method without a grant',
    scenario: 'cloud-ready',
    overrides: { allowedOrigins: [APP] },
    steps: [
      { call: () => json('POST', '/auth/start', { provider: 'jira', edition: 'jira-cloud', auth_method: 'oauth2_3lo', tenant: 'acme', return_origin: APP }, { origin: APP }) },
      { call: () => json('POST', '/auth/start', { provider: 'jira', edition: 'jira-cloud', auth_method: 'oauth2_3lo', return_origin: 'https://evil.example' }, { origin: APP }) },
      { call: () => json('POST', '/auth/start', { provider: 'jira', edition: 'jira-cloud', auth_method: 'scoped_api_token', return_origin: APP }, { origin: APP }) },
    ],
  },
];

/** Codes with an HTTP status that the backend does not send: the host session's. */
const NOT_FROM_THE_BACKEND: readonly ErrorCode[] = ['SESSION_EXPIRED'];

/** The Node server with services equivalent to the kit's scenario: the same DNS world, provider and seed. */
async function nodeServer(scenario: ScenarioId, overrides: BackendOverrides): Promise<{ server: Server; origin: string }> {
  const world = scenarioWorld(scenario);
  const provider = createSimulatedProvider(world.provider);
  const providerFetch = asFetch(provider);
  const options: NodeBackendOptions = {
    ...scenarioOptions(world, undefined),
    basePath: BASE,
    checkOptions: { lookup: createSampleLookup(world.dns), transport: transportFromFetch(provider) },
    verifyCredential: world.verdict ? () => world.verdict : createCredentialVerifier({ fetch: providerFetch }),
    providerFetch,
    ...overrides,
  };
  const server = createServer(toNodeListener(createNodeBackend(options)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function requestFor(origin: string, call: Call): Request {
  const headers: Record<string, string> = { ...call.headers };
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`${origin}${BASE}${call.path}`, { method: call.method, headers, ...(body !== undefined ? { body } : {}) });
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An HTML page (a callback) compares as its text's type.
  }
  return { status: response.status, json: parsed };
}

describe('parity: the Node server and the msw kit answer one script alike', () => {
  const servers: Server[] = [];
  after(() => Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));
  const codes = new Set<string>();
  let compared = 0;

  for (const c of CASES) {
    it(c.name, async () => {
      const { server, origin } = await nodeServer(c.scenario, c.overrides ?? {});
      servers.push(server);
      const kit = createHandlers({ scenario: c.scenario, endpoint: `${KIT_ORIGIN}${BASE}`, backend: c.overrides ?? {} });
      const memo: Record<'node' | 'kit', Memo> = { node: {}, kit: {} };
      for (const [i, step] of c.steps.entries()) {
        const node = await read(await fetch(requestFor(origin, step.call(memo.node))));
        const answered = await getResponse(kit, requestFor(KIT_ORIGIN, step.call(memo.kit)));
        assert.ok(answered, `step ${i}: the kit did not answer`);
        const viaKit = await read(answered);
        const where = `step ${i} (${step.call(memo.node).method} ${step.call(memo.node).path})`;
        assert.equal(viaKit.status, node.status, `${where}: status; node ${JSON.stringify(node.json).slice(0, 300)}`);
        assert.deepEqual(shape(viaKit.json), shape(node.json), `${where}: body`);
        const body = node.json as Record<string, unknown>;
        if (step.expect) {
          const { status, ...values } = step.expect;
          assert.equal(node.status, status, `${where}: expected status`);
          for (const [key, value] of Object.entries(values)) assert.equal(body[key], value, `${where}: ${key}`);
        }
        if (node.status >= 400 && typeof body?.code === 'string') codes.add(body.code);
        // A test export's refusal is a result: its code counts as sent too.
        const refusal = (body?.error as { code?: unknown } | undefined)?.code;
        if (node.status === 200 && typeof refusal === 'string' && 'at' in body) codes.add(refusal);
        if (step.keep) {
          step.keep(node.json as Record<string, unknown>, memo.node);
          step.keep(viaKit.json as Record<string, unknown>, memo.kit);
        }
        compared += 1;
      }
    });
  }

  it('covered every error code the backend can send', (t) => {
    t.diagnostic(`${compared} requests compared in ${CASES.length} cases`);
    // Codes without an HTTP status are the client's own.
    const expected = ERROR_CODES.filter((code) => ERROR_STATUS[code] !== undefined && !NOT_FROM_THE_BACKEND.includes(code));
    assert.deepEqual([...codes].sort(), [...expected].sort());
    assert.ok(compared >= 60, `${compared} requests compared`);
  });
});
