import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AuthResultMessageSchema,
  AuthStartResponseSchema,
  TargetRecordSchema,
  UrlCheckResponseSchema,
  type AuthResultMessage,
} from '../../src/core/contract/index.js';
import type { AuthorizeContext, CompleteAuthorizationContext } from '../../src/backend/index.js';
import { BASE, ghesCheck, harness, ORIGIN, type Harness } from './handler-helpers.js';

const APP = 'https://app.partner.example';

const jiraStart = (overrides: Record<string, unknown> = {}) => ({
  provider: 'jira',
  edition: 'jira-cloud',
  auth_method: 'oauth2_3lo',
  tenant: 'acme',
  return_origin: APP,
  ...overrides,
});

const jiraSave = (authorizationId: string | undefined, overrides: Record<string, unknown> = {}) => ({
  provider: 'jira',
  edition: 'jira-cloud',
  deployment_mode: 'cloud',
  tenant: 'acme',
  ownership_confirmed: true,
  export_authorized: true,
  auth_method: 'oauth2_3lo',
  token_type: 'oauth2_3lo',
  authorization_id: authorizationId,
  ...overrides,
});

/** Reads the message and target origin out of a callback page, and checks its CSP nonce. */
async function readCallback(response: Response): Promise<{ message: AuthResultMessage; origin: string; html: string }> {
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const html = await response.text();
  const csp = response.headers.get('content-security-policy') ?? '';
  const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(nonce, csp);
  assert.match(csp, /default-src 'none'/);
  assert.ok(html.includes(`<script nonce="${nonce}">`));
  const m = /var message = (.*);\n\s*var origin = (.*);/.exec(html);
  assert.ok(m, html);
  const parsed = AuthResultMessageSchema.safeParse(JSON.parse(m[1]!));
  assert.ok(parsed.success);
  const origin = JSON.parse(m[2]!) as string;
  assert.ok(html.includes('postMessage(message, origin)'));
  assert.ok(!html.includes("'*'") && !html.includes('"*"'));
  return { message: parsed.data, origin, html };
}

async function start(h: Harness, body = jiraStart(), headers: Record<string, string> = { origin: APP }) {
  return h.json(AuthStartResponseSchema, 200, 'POST', `${BASE}/auth/start`, body, headers);
}

describe('simulated OAuth flow', () => {
  it('starts, shows a consent page, posts the result to the exact return origin, and the grant saves a target', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP] });
    const started = await start(h);
    assert.equal(started.result_origin, ORIGIN);
    const authUrl = new URL(started.authorization_url);
    assert.equal(authUrl.origin + authUrl.pathname, `${ORIGIN}${BASE}/auth/simulate`);
    assert.equal(authUrl.searchParams.get('state'), started.state);
    assert.equal(started.expires_at, new Date(h.clock.t + 10 * 60_000).toISOString());

    const consent = await h.handler(new Request(authUrl));
    assert.equal(consent.status, 200);
    const consentHtml = await consent.text();
    const allow = /id="allow" href="([^"]+)"/.exec(consentHtml)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(allow);
    assert.match(consentHtml, /write:jira-work/);

    const callback = await h.handler(new Request(new URL(allow, authUrl)));
    const { message, origin, html } = await readCallback(callback);
    assert.equal(origin, APP);
    assert.equal(message.type, 'pts-auth-result');
    assert.equal(message.status, 'authorized');
    assert.equal(message.state, started.state);
    assert.ok(message.authorization_id);
    // The grant stays on the server.
    assert.ok(!html.includes('simulated-grant'));

    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, jiraSave(message.authorization_id));
    assert.equal(saved.has_credentials, true);
    assert.equal(saved.auth_method, 'oauth2_3lo');
    assert.equal(saved.tenant, 'https://acme.atlassian.net');
    assert.match((await h.store.getSecret(saved.id))?.credential ?? '', /^simulated-grant-/);
    for (const body of h.bodies) assert.ok(!body.includes('simulated-grant'));

    // One grant, one target; the callback cannot be replayed either.
    await h.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', `${BASE}/targets`, jiraSave(message.authorization_id));
    const replay = await h.handler(new Request(new URL(allow, authUrl)));
    assert.equal(replay.status, 400);
    assert.ok(!(await replay.text()).includes('postMessage'));
  });

  it('posts a denial and refuses to save with it', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP] });
    const started = await start(h);
    const deny = new URL(`${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&error=access_denied`, ORIGIN);
    const { message } = await readCallback(await h.handler(new Request(deny)));
    assert.equal(message.status, 'denied');
    assert.equal(message.authorization_id, undefined);
    const stored = await h.store.getAuthorizationByState(started.state);
    assert.equal(stored?.status, 'denied');
    await h.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', `${BASE}/targets`, jiraSave(stored!.id));
  });

  it('binds the grant to its provider, edition, method and tenant', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP] });
    const started = await start(h);
    const { message } = await readCallback(
      await h.handler(new Request(`${ORIGIN}${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&code=x`)),
    );
    await h.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', `${BASE}/targets`, jiraSave(message.authorization_id, { tenant: 'other-site' }));
    await h.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', `${BASE}/targets`, {
      ...jiraSave(message.authorization_id),
      provider: 'linear',
      edition: 'linear-cloud',
      auth_method: 'oauth2',
      token_type: 'linear_oauth',
    });
    // Still usable for what it was started for.
    await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, jiraSave(message.authorization_id));
  });

  it('expires unused authorisations', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP], authTtlMs: 60_000 });
    const started = await start(h);
    h.clock.t += 60_001;
    const late = await h.handler(new Request(`${ORIGIN}${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&code=x`));
    assert.equal(late.status, 400);
    assert.ok(!(await late.text()).includes('postMessage'));
    const unknown = await h.handler(new Request(`${ORIGIN}${BASE}/auth/callback?state=made-up`));
    assert.equal(unknown.status, 400);
  });
});

describe('POST /auth/start rules', () => {
  it('accepts the backend origin itself without listing it', async () => {
    const h = harness({ simulateAuth: true });
    const started = await start(h, jiraStart({ return_origin: ORIGIN }), { origin: ORIGIN });
    assert.equal(started.result_origin, ORIGIN);
  });

  it('refuses a return origin that is not listed or not the calling page', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP] });
    const unlisted = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart({ return_origin: 'https://evil.example' }), {
      origin: APP,
    });
    assert.equal(unlisted.field, 'return_origin');
    await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart({ return_origin: ORIGIN }), { origin: APP });
    // Without an Origin header nothing ties the result to a page.
    await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart());
    await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart({ return_origin: 'javascript:alert(1)' }), { origin: APP });
  });

  it('refuses token methods, unknown methods and blocked editions', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP] });
    const token = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart({ auth_method: 'scoped_api_token' }), { origin: APP });
    assert.equal(token.field, 'auth_method');
    await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart({ auth_method: 'oauth1' }), { origin: APP });
    await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/auth/start`, jiraStart({ tenant: 'not a site!' }), { origin: APP });
    await h.error(
      'PROVIDER_LIMITATION',
      422,
      'POST',
      `${BASE}/auth/start`,
      jiraStart({ provider: 'bitbucket', edition: 'bitbucket-dc', auth_method: 'pat', tenant: undefined }),
      { origin: APP },
    );
  });

  it('needs a passed check for a self-hosted edition', async () => {
    const h = harness({ simulateAuth: true, allowedOrigins: [APP] });
    const body = { provider: 'github', edition: 'ghes', auth_method: 'github_app', return_origin: APP, base_url: 'https://github.acme.example' };
    await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/auth/start`, { ...body, check_id: 'chk_nope' }, { origin: APP });
    const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck());
    const started = await start(h, { ...body, check_id: check.check_id } as never);
    const { message } = await readCallback(
      await h.handler(new Request(`${ORIGIN}${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&installation_id=1`)),
    );
    const save = {
      provider: 'github',
      edition: 'ghes',
      deployment_mode: 'self-hosted',
      base_url: 'https://github.acme.example',
      check_id: check.check_id,
      allowlist_status: 'tunnel',
      ownership_confirmed: true,
      export_authorized: true,
      auth_method: 'github_app',
      token_type: 'github_app_installation',
      authorization_id: message.authorization_id,
    };
    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, save);
    assert.equal(saved.base_url, 'https://github.acme.example');
  });

  it('has no flow unless one is configured', async () => {
    const h = harness({ allowedOrigins: [APP] });
    await h.error('BACKEND_UNAVAILABLE', 503, 'POST', `${BASE}/auth/start`, jiraStart(), { origin: APP });
  });
});

describe('integrator authorisation hooks', () => {
  it('builds the provider URL with authorize and finishes with completeAuthorization', async () => {
    const starts: AuthorizeContext[] = [];
    const completes: CompleteAuthorizationContext[] = [];
    const h = harness({
      allowedOrigins: [APP],
      publicUrl: 'https://api.vendor.example/api/pts/',
      // The proxy in front forwards with its own Host.
      allowedHosts: ['backend.test'],
      authorize: (context) => {
        starts.push(context);
        const url = new URL('https://auth.atlassian.com/authorize');
        url.searchParams.set('state', context.state);
        url.searchParams.set('redirect_uri', context.redirectUri);
        return { authorizationUrl: url.href };
      },
      completeAuthorization: (context) => {
        completes.push(context);
        return context.params.get('code') === 'good'
          ? { status: 'authorized', grant: { credential: 'provider-access-token' } }
          : { status: 'error', code: 'CREDENTIALS_REJECTED', message: 'The provider refused the code.' };
      },
    });
    const started = await start(h);
    assert.equal(starts[0]!.redirectUri, 'https://api.vendor.example/api/pts/auth/callback');
    assert.equal(starts[0]!.tenant, 'https://acme.atlassian.net');
    assert.equal(starts[0]!.method.id, 'oauth2_3lo');
    assert.equal(started.result_origin, 'https://api.vendor.example');
    assert.equal(new URL(started.authorization_url).searchParams.get('state'), started.state);
    // No simulated consent page when a real flow is configured.
    await h.error('TARGET_NOT_FOUND', 404, 'GET', `${BASE}/auth/simulate?state=${started.state}`);

    const { message } = await readCallback(
      await h.handler(new Request(`${ORIGIN}${BASE}/auth/callback?state=${encodeURIComponent(started.state)}&code=good`)),
    );
    assert.equal(completes[0]!.authorization.state, started.state);
    assert.equal(message.status, 'authorized');
    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, jiraSave(message.authorization_id));
    assert.equal((await h.store.getSecret(saved.id))?.credential, 'provider-access-token');
    for (const body of h.bodies) assert.ok(!body.includes('provider-access-token'));

    const second = await start(h);
    const failed = await readCallback(
      await h.handler(new Request(`${ORIGIN}${BASE}/auth/callback?state=${encodeURIComponent(second.state)}&code=bad`)),
    );
    assert.equal(failed.message.status, 'error');
    assert.equal(failed.message.code, 'CREDENTIALS_REJECTED');
  });
});
