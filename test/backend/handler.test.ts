import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  StatusResponseSchema,
  TargetRecordSchema,
  UrlCheckResponseSchema,
  type TargetRecord,
} from '../../src/core/contract/index.js';
import { findAuthMethod, getEdition } from '../../src/core/providers/index.js';
import {
  BASE,
  CANARY,
  ghesCheck,
  ghesSave,
  githubCloudSave,
  harness,
  stubCheck,
  type Harness,
} from './handler-helpers.js';

const seedTarget: TargetRecord = {
  id: 'tgt_seed_gitlab',
  provider: 'gitlab',
  edition: 'gitlab-com',
  deployment_mode: 'cloud',
  state: 'auth_required',
  tenant: 'https://gitlab.com/acme',
  auth_method: 'project_access_token',
  token_type: 'gitlab_project_access_token',
  scopes: ['api'],
  has_credentials: false,
  created_at: '2026-01-10T09:00:00.000Z',
  updated_at: '2026-02-01T09:00:00.000Z',
  history: [{ at: '2026-01-10T09:00:00.000Z', event: 'created' }],
};

async function passedCheck(h: Harness, baseUrl = 'https://github.acme.example/') {
  const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck(baseUrl));
  assert.equal(check.status, 'passed');
  return check;
}

/** No response body the handler produced contains the secret. */
function assertNoLeak(h: Harness) {
  assert.ok(h.bodies.length > 0);
  for (const body of h.bodies) assert.ok(!body.includes(CANARY), `secret leaked in ${body.slice(0, 200)}`);
}

describe('GET /status', () => {
  it('lists seeded targets with egress addresses and portable export', async () => {
    const h = harness({
      seed: [seedTarget],
      egressAddresses: ['203.0.113.10', '2001:db8::10'],
      portableExport: { available: true, formats: ['csv', 'json'] },
    });
    const status = await h.json(StatusResponseSchema, 200, 'GET', `${BASE}/status`);
    assert.deepEqual(status.targets.map((t) => t.id), ['tgt_seed_gitlab']);
    assert.equal(status.targets[0]!.state, 'auth_required');
    assert.deepEqual(status.egress_addresses, ['203.0.113.10', '2001:db8::10']);
    assert.deepEqual(status.portable_export, { available: true, formats: ['csv', 'json'] });
  });

  it('seeds a store the integrator passed in', async () => {
    const h = harness({ seed: [seedTarget] });
    const status = await h.json(StatusResponseSchema, 200, 'GET', `${BASE}/status`);
    assert.equal(status.targets.length, 1);
    assert.equal((await h.store.getTarget('tgt_seed_gitlab'))?.provider, 'gitlab');
  });

  it('refuses an invalid seed record at creation', () => {
    assert.throws(() => harness({ seed: [{ ...seedTarget, state: 'unknown' } as unknown as TargetRecord] }));
  });
});

describe('POST /url-checks', () => {
  it('runs the check with provider, edition and mode and answers with a check id and expiry', async () => {
    const calls: Parameters<typeof stubCheck>[0] = [];
    const h = harness({ checkUrl: stubCheck(calls), checkTtlMs: 5 * 60_000 });
    const check = await passedCheck(h);
    assert.equal(check.normalized_url, 'https://github.acme.example');
    assert.match(check.check_id, /^chk_/);
    assert.equal(check.expires_at, new Date(h.clock.t + 5 * 60_000).toISOString());
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.url, 'https://github.acme.example/');
    assert.equal(calls[0]!.context.provider, 'github');
    assert.equal(calls[0]!.context.edition, 'ghes');
    assert.equal(calls[0]!.context.deploymentMode, 'self-hosted');
  });

  it('answers a blocked check as a result, with the failed entry', async () => {
    const h = harness();
    const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck('https://blocked.acme.example'));
    assert.equal(check.status, 'blocked');
    assert.equal(check.code, 'PROVIDER_BASE_URL_BLOCKED');
    assert.equal(check.checks.find((c) => c.name === 'private_network')?.offender, '10.0.0.5');
  });

  it('refuses to check before ownership and export authorisation are confirmed', async () => {
    const calls: Parameters<typeof stubCheck>[0] = [];
    const h = harness({ checkUrl: stubCheck(calls) });
    await h.error('OWNERSHIP_UNCONFIRMED', 422, 'POST', `${BASE}/url-checks`, ghesCheck(undefined, { ownership_confirmed: false }));
    await h.error('OWNERSHIP_UNCONFIRMED', 422, 'POST', `${BASE}/url-checks`, ghesCheck(undefined, { export_authorized: undefined }));
    assert.equal(calls.length, 0);
  });

  it('refuses editions without a base URL, a wrong mode, and blocked editions', async () => {
    const h = harness();
    const cloud = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/url-checks`, {
      ...ghesCheck(),
      edition: 'github-com',
      deployment_mode: 'cloud',
    });
    assert.equal(cloud.field, 'base_url');
    const mode = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/url-checks`, ghesCheck(undefined, { deployment_mode: 'webhook' }));
    assert.equal(mode.field, 'deployment_mode');
    const other = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/url-checks`, ghesCheck(undefined, { edition: 'jira-dc' }));
    assert.equal(other.field, 'edition');
    const limited = await h.error('PROVIDER_LIMITATION', 422, 'POST', `${BASE}/url-checks`, {
      ...ghesCheck(),
      provider: 'bitbucket',
      edition: 'bitbucket-dc',
    });
    const bbdc = getEdition('bitbucket', 'bitbucket-dc')!;
    assert.equal(limited.message, bbdc.limitations.find((l) => l.severity === 'blocks')!.message);
  });
});

describe('POST /targets and GET /targets/{id}', () => {
  it('saves a cloud target without returning the secret and reads it back', async () => {
    const h = harness();
    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, githubCloudSave({ display_name: 'Acme issues' }));
    assert.equal(saved.state, 'connected');
    assert.equal(saved.has_credentials, true);
    assert.equal(saved.tenant, 'https://github.com/acme-corp');
    assert.equal(saved.base_url, null);
    assert.equal(saved.display_name, 'Acme issues');
    assert.deepEqual(saved.scopes, findAuthMethod(getEdition('github', 'github-com')!, 'fine_grained_pat')!.scopes);
    assert.deepEqual(saved.history.map((e) => e.event), ['created', 'connected']);

    const again = await h.json(TargetRecordSchema, 200, 'GET', `${BASE}/targets/${encodeURIComponent(saved.id)}`);
    assert.deepEqual(again, saved);
    const status = await h.json(StatusResponseSchema, 200, 'GET', `${BASE}/status`);
    assert.deepEqual(status.targets, [saved]);

    // The secret is in the secret slot only.
    assert.equal((await h.store.getSecret(saved.id))?.credential, CANARY);
    assert.ok(!JSON.stringify(await h.store.getTarget(saved.id)).includes(CANARY));
    assert.ok(!JSON.stringify(await h.store.listTargets({ limit: 100 })).includes(CANARY));
    assertNoLeak(h);
  });

  it('saves a self-hosted target on a passed check for that exact normalised URL', async () => {
    // Both the URL as checked and its normalised form are the same URL.
    for (const url of ['https://github.acme.example/', 'https://github.acme.example']) {
      const h = harness();
      const check = await passedCheck(h);
      const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, ghesSave(check.check_id, url));
      assert.equal(saved.base_url, 'https://github.acme.example');
      assert.equal(saved.check_id, check.check_id);
      assert.equal(saved.allowlist_status, 'allowlist');
      assert.equal(saved.deployment_mode, 'self-hosted');
      assertNoLeak(h);
    }
  });

  /** Checks a webhook endpoint URL; returns the body of a save for it with `credential` and `signing`. */
  async function webhookSave(h: ReturnType<typeof harness>, url: string) {
    const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, {
      provider: 'webhook',
      edition: 'webhook',
      deployment_mode: 'webhook',
      base_url: url,
      ownership_confirmed: true,
      export_authorized: true,
    });
    return (credential: string, signing: string) => ({
      provider: 'webhook',
      edition: 'webhook',
      deployment_mode: 'webhook',
      base_url: check.normalized_url,
      check_id: check.check_id,
      allowlist_status: 'direct',
      ownership_confirmed: true,
      export_authorized: true,
      auth_method: 'signing_secret',
      token_type: 'webhook_hmac_secret',
      credential,
      signing,
    });
  }

  it('saves a webhook target with a signing scheme kept beside the secret', async () => {
    const h = harness();
    const save = await webhookSave(h, 'https://hooks.acme.example/scanner?team=web');
    // A signing secret must be strong enough (at least 32 characters here); the canary is inside it.
    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, save(`${CANARY}-0123456789abcdef`, 'github-hmac-sha256'));
    assert.equal(saved.base_url, 'https://hooks.acme.example/scanner?team=web');
    assert.equal(saved.signing, 'github-hmac-sha256', 'the record tells the host which signature to verify');
    assert.equal((await h.store.getSecret(saved.id))?.signing, 'github-hmac-sha256');
    assertNoLeak(h);
  });

  it('refuses a weak signing secret, as the element does, without echoing it', async () => {
    const h = harness();
    const save = await webhookSave(h, 'https://hooks.acme.example/in');
    for (const [secret, signing] of [
      ['hunter2', 'github-hmac-sha256'],
      ['passwordpasswordpasswordpassword', 'github-hmac-sha256'],
      ['whsec_c2hvcnQ=', 'standard-webhooks'],
      ['not-base64-at-all-but-long-enough-for-sure', 'standard-webhooks'],
    ] as const) {
      const problem = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, save(secret, signing));
      assert.equal(problem.field, 'credential', secret);
      assert.ok(!JSON.stringify(problem).includes(secret), 'the secret is not echoed');
    }
    assert.equal((await h.store.listTargets({ limit: 10 })).total, 0);
  });

  it('refuses a signing scheme outside webhooks', async () => {
    const h = harness();
    const problem = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ signing: 'standard-webhooks' }));
    assert.equal(problem.field, 'signing');
  });

  it('accepts the Atlassian account email a method needs and keeps it with the secret', async () => {
    const h = harness();
    const body = {
      provider: 'jira',
      edition: 'jira-cloud',
      deployment_mode: 'cloud',
      tenant: 'acme',
      ownership_confirmed: true,
      export_authorized: true,
      auth_method: 'scoped_api_token',
      token_type: 'atlassian_scoped_api_token',
      credential: CANARY,
    };
    const missing = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, body);
    assert.equal(missing.field, 'credential_fields.email');
    const wrong = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, { ...body, credential_fields: { email: 'no-at-sign' } });
    assert.equal(wrong.field, 'credential_fields.email');
    const extra = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, {
      ...body,
      credential_fields: { email: 'ops@acme.example', password: 'x' },
    });
    assert.equal(extra.field, 'credential_fields.password');
    const odd = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, {
      ...body,
      credential_fields: { email: 'ops@acme.example', [`${CANARY} ${'k'.repeat(300)}`]: 'v' },
    });
    assert.equal(odd.field, 'credential_fields');
    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, {
      ...body,
      credential_fields: { email: 'ops@acme.example' },
    });
    assert.equal(saved.tenant, 'https://acme.atlassian.net');
    assert.deepEqual((await h.store.getSecret(saved.id))?.fields, { email: 'ops@acme.example' });
    assertNoLeak(h);
  });

  it('answers GET for an unknown id with TARGET_NOT_FOUND', async () => {
    const h = harness();
    await h.error('TARGET_NOT_FOUND', 404, 'GET', `${BASE}/targets/tgt_missing`);
  });
});

describe('save rules', () => {
  it('refuses a self-hosted target without a check, with a check for another URL, edition or an expired one', async () => {
    const h = harness({ checkTtlMs: 60_000 });
    const noCheck = await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/targets`, ghesSave('chk_nope'));
    assert.equal(noCheck.field, 'check_id');
    const { check_id: _drop, ...withoutId } = ghesSave('x');
    await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/targets`, withoutId);

    const check = await passedCheck(h);
    await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/targets`, ghesSave(check.check_id, 'https://github.other.example'));
    await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/targets`, ghesSave(check.check_id, 'https://github.acme.example/other'));
    await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/targets`, {
      ...ghesSave(check.check_id),
      provider: 'gitlab',
      edition: 'gitlab-self-managed',
      auth_method: 'pat',
      token_type: 'gitlab_pat',
    });
    h.clock.t += 60_001;
    await h.error('URL_CHECK_REQUIRED', 409, 'POST', `${BASE}/targets`, ghesSave(check.check_id));
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
  });

  it('refuses a target whose check was blocked, with the checks', async () => {
    const h = harness();
    const check = await h.json(UrlCheckResponseSchema, 200, 'POST', `${BASE}/url-checks`, ghesCheck('https://blocked.acme.example'));
    const problem = await h.error(
      'PROVIDER_BASE_URL_BLOCKED',
      422,
      'POST',
      `${BASE}/targets`,
      ghesSave(check.check_id, 'https://blocked.acme.example'),
    );
    assert.equal(problem.checks?.find((c) => c.status === 'failed')?.name, 'private_network');
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
  });

  it('requires ownership and export authorisation for URL targets', async () => {
    const h = harness();
    const check = await passedCheck(h);
    await h.error('OWNERSHIP_UNCONFIRMED', 422, 'POST', `${BASE}/targets`, ghesSave(check.check_id, undefined, { ownership_confirmed: false }));
    await h.error('OWNERSHIP_UNCONFIRMED', 422, 'POST', `${BASE}/targets`, ghesSave(check.check_id, undefined, { export_authorized: false }));
  });

  it('requires an allowlist status, and refuses an unreachable host', async () => {
    const h = harness();
    const check = await passedCheck(h);
    const missing = await h.error(
      'ALLOWLIST_STATUS_MISSING',
      422,
      'POST',
      `${BASE}/targets`,
      ghesSave(check.check_id, undefined, { allowlist_status: undefined }),
    );
    assert.equal(missing.field, 'allowlist_status');
    await h.error('NETWORK_UNREACHABLE', 502, 'POST', `${BASE}/targets`, ghesSave(check.check_id, undefined, { allowlist_status: 'unreachable' }));
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
  });

  it('refuses an edition with a blocking limitation', async () => {
    const h = harness();
    await h.error('PROVIDER_LIMITATION', 422, 'POST', `${BASE}/targets`, {
      ...ghesSave('chk_x'),
      provider: 'bitbucket',
      edition: 'bitbucket-dc',
      auth_method: 'pat',
      token_type: 'bitbucket_dc_pat',
    });
  });

  it('accepts only the auth methods and token types the catalog lists for the edition', async () => {
    const h = harness();
    const method = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ auth_method: 'classic_pat' }));
    assert.equal(method.field, 'auth_method');
    // A method of another provider is not offered here either.
    const foreign = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ auth_method: 'scoped_api_token' }));
    assert.equal(foreign.field, 'auth_method');
    const type = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ token_type: 'github_classic_pat' }));
    assert.equal(type.field, 'token_type');
  });

  it('answers a missing credential with PROVIDER_AUTH_REQUIRED and the catalog action, saving nothing', async () => {
    const h = harness();
    const method = findAuthMethod(getEdition('github', 'github-com')!, 'fine_grained_pat')!;
    for (const credential of [undefined, '', '   ']) {
      const problem = await h.error('PROVIDER_AUTH_REQUIRED', 401, 'POST', `${BASE}/targets`, githubCloudSave({ credential }));
      assert.equal(problem.action?.label, method.authRequiredAction);
      assert.equal(problem.action?.url, method.create?.url);
    }
    const app = findAuthMethod(getEdition('github', 'github-com')!, 'github_app')!;
    const oauth = await h.error(
      'PROVIDER_AUTH_REQUIRED',
      401,
      'POST',
      `${BASE}/targets`,
      githubCloudSave({ auth_method: 'github_app', token_type: 'github_app_installation', credential: undefined }),
    );
    assert.equal(oauth.action?.label, app.authRequiredAction);
    const unknownGrant = await h.error(
      'PROVIDER_AUTH_REQUIRED',
      401,
      'POST',
      `${BASE}/targets`,
      githubCloudSave({ auth_method: 'github_app', token_type: 'github_app_installation', credential: undefined, authorization_id: 'auth_made_up' }),
    );
    assert.equal(unknownGrant.action?.label, app.authRequiredAction);
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
  });

  it('refuses a typed credential for a grant method and a grant id for a token method', async () => {
    const h = harness();
    const typed = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ auth_method: 'github_app', token_type: 'github_app_installation' }));
    assert.equal(typed.field, 'credential');
    const grant = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ authorization_id: 'auth_x' }));
    assert.equal(grant.field, 'authorization_id');
  });

  it('validates the mode, tenant and where a URL may appear', async () => {
    const h = harness();
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ deployment_mode: 'self-hosted' }))).field, 'deployment_mode');
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ tenant: undefined }))).field, 'tenant');
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ tenant: 'not a login!' }))).field, 'tenant');
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ base_url: 'https://10.0.0.1' }))).field, 'base_url');
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ provider: 'nope' }))).field, 'provider');
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, githubCloudSave({ edition: 'ghes-x' }))).field, 'edition');
    const check = await passedCheck(h);
    assert.equal((await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, ghesSave(check.check_id, undefined, { tenant: 'acme' }))).field, 'tenant');
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
  });

  it('passes the credential to verifyCredential and refuses with its verdict, keeping the secret out of the message', async () => {
    const seen: string[] = [];
    const h = harness({
      verifyCredential: ({ secret, addresses, baseUrl }) => {
        seen.push(`${secret.credential}|${addresses.join(',')}|${baseUrl ?? ''}`);
        return { code: 'CREDENTIALS_REJECTED', message: `token ${secret.credential} was refused` };
      },
    });
    const problem = await h.error('CREDENTIALS_REJECTED', 403, 'POST', `${BASE}/targets`, githubCloudSave());
    assert.ok(!problem.message.includes(CANARY));
    const check = await passedCheck(h);
    await h.error('CREDENTIALS_REJECTED', 403, 'POST', `${BASE}/targets`, ghesSave(check.check_id));
    assert.deepEqual(seen, [`${CANARY}||`, `${CANARY}|93.184.215.14|https://github.acme.example`]);
    assert.deepEqual((await h.store.listTargets({ limit: 100 })).targets, []);
    assertNoLeak(h);
  });

  it('maps the other verifyCredential verdicts to their codes', async () => {
    for (const [code, status] of [
      ['NETWORK_UNREACHABLE', 502],
      ['PROVIDER_AUTH_REQUIRED', 401],
    ] as const) {
      const h = harness({ verifyCredential: () => ({ code }) });
      const problem = await h.error(code, status, 'POST', `${BASE}/targets`, githubCloudSave());
      if (code === 'PROVIDER_AUTH_REQUIRED') assert.ok(problem.action?.label);
    }
  });
});

describe('reconnect and revoke', () => {
  it('reconnect replaces the credential and appends to the history', async () => {
    const h = harness();
    const first = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, githubCloudSave());
    h.clock.t += 60_000;
    const replacement = `${CANARY}-second`;
    const again = await h.json(
      TargetRecordSchema,
      200,
      'POST',
      `${BASE}/targets`,
      githubCloudSave({ target_id: first.id, credential: replacement }),
    );
    assert.equal(again.id, first.id);
    assert.equal(again.created_at, first.created_at);
    assert.notEqual(again.updated_at, first.updated_at);
    assert.deepEqual(again.history.map((e) => e.event), ['created', 'connected', 'reconnected']);
    assert.equal((await h.store.getSecret(first.id))?.credential, replacement);
    assert.equal((await h.store.listTargets({ limit: 100 })).targets.length, 1);

    await h.error('TARGET_NOT_FOUND', 404, 'POST', `${BASE}/targets`, githubCloudSave({ target_id: 'tgt_missing' }));
    const other = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets`, {
      ...githubCloudSave({ target_id: first.id }),
      provider: 'linear',
      edition: 'linear-cloud',
      auth_method: 'api_key',
      token_type: 'linear_api_key',
      tenant: undefined,
    });
    assert.equal(other.field, 'target_id');
    assertNoLeak(h);
  });

  it('revoke needs confirmation at the provider, then drops the credential and keeps the record', async () => {
    const h = harness();
    const saved = await h.json(TargetRecordSchema, 201, 'POST', `${BASE}/targets`, githubCloudSave());
    const method = findAuthMethod(getEdition('github', 'github-com')!, 'fine_grained_pat')!;
    const first = await h.error('VALIDATION_FAILED', 400, 'POST', `${BASE}/targets/${saved.id}/revoke`, { revoked_at_provider: false });
    assert.equal(first.field, 'revoked_at_provider');
    assert.equal(first.action?.url, method.revoke.url);
    assert.ok(await h.store.getSecret(saved.id));

    h.clock.t += 1000;
    const revoked = await h.json(TargetRecordSchema, 200, 'POST', `${BASE}/targets/${saved.id}/revoke`, { revoked_at_provider: true });
    assert.equal(revoked.id, saved.id);
    assert.equal(revoked.state, 'revoked');
    assert.equal(revoked.has_credentials, false);
    assert.equal(revoked.revoked_at, new Date(h.clock.t).toISOString());
    assert.deepEqual(revoked.history.slice(0, 2), saved.history);
    assert.equal(revoked.history.at(-1)?.event, 'revoked');
    assert.equal(revoked.tenant, saved.tenant);
        assert.equal(await h.store.getSecret(saved.id), undefined);

    // Revoking twice changes nothing; the record is still listed.
    const twice = await h.json(TargetRecordSchema, 200, 'POST', `${BASE}/targets/${saved.id}/revoke`, { revoked_at_provider: true });
    assert.deepEqual(twice, revoked);
    const status = await h.json(StatusResponseSchema, 200, 'GET', `${BASE}/status`);
    assert.deepEqual(status.targets, [revoked]);

    // A reconnect brings it back with its whole history.
    const back = await h.json(TargetRecordSchema, 200, 'POST', `${BASE}/targets`, githubCloudSave({ target_id: saved.id }));
    assert.equal(back.state, 'connected');
    assert.equal(back.revoked_at, null);
    assert.deepEqual(back.history.map((e) => e.event), ['created', 'connected', 'revoked', 'reconnected']);
    await h.error('TARGET_NOT_FOUND', 404, 'POST', `${BASE}/targets/tgt_missing/revoke`, { revoked_at_provider: true });
    assertNoLeak(h);
  });
});

describe('routing', () => {
  it('answers unknown routes, wrong methods and paths outside the base with 404 TARGET_NOT_FOUND', async () => {
    const h = harness();
    await h.error('TARGET_NOT_FOUND', 404, 'GET', `${BASE}/nope`);
    await h.error('TARGET_NOT_FOUND', 404, 'POST', `${BASE}/status`, {});
    await h.error('TARGET_NOT_FOUND', 404, 'GET', `${BASE}/url-checks`);
    await h.error('TARGET_NOT_FOUND', 404, 'GET', '/status');
    await h.error('TARGET_NOT_FOUND', 404, 'GET', `${BASE}/auth/simulate?state=x`);
  });
});
