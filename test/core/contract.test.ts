import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod/mini';
import {
  CONTRACT_SCHEMAS,
  ERROR_CODES,
  ERROR_STATUS,
  ErrorBodySchema,
  SaveTargetRequestSchema,
  TargetRecordSchema,
  UrlCheckResponseSchema,
} from '../../src/core/contract/index.js';

const now = '2026-11-29T12:00:00Z';
const record = {
  id: 't1',
  provider: 'github',
  edition: 'ghes',
  deployment_mode: 'self-hosted',
  state: 'connected',
  base_url: 'https://git.example.com/',
  allowlist_status: 'allowlist',
  auth_method: 'github_app',
  token_type: 'github_app_installation',
  scopes: ['issues:write'],
  has_credentials: true,
  created_at: now,
  updated_at: now,
  history: [{ at: now, event: 'created' }],
};

test('the two product error codes are in the vocabulary verbatim', () => {
  assert.ok(ERROR_CODES.includes('PROVIDER_AUTH_REQUIRED'));
  assert.ok(ERROR_CODES.includes('PROVIDER_BASE_URL_BLOCKED'));
});

test('a firewall problem and a bad token have different codes and statuses', () => {
  assert.notEqual(ERROR_STATUS.NETWORK_UNREACHABLE, ERROR_STATUS.CREDENTIALS_REJECTED);
  assert.ok(ERROR_CODES.includes('NETWORK_UNREACHABLE'));
  assert.ok(ERROR_CODES.includes('CREDENTIALS_REJECTED'));
});

test('error bodies accept known codes only', () => {
  assert.equal(ErrorBodySchema.safeParse({ code: 'RATE_LIMITED', message: 'slow down', retry_after: 3 }).success, true);
  assert.equal(ErrorBodySchema.safeParse({ code: 'SOMETHING_ELSE', message: 'x' }).success, false);
  assert.equal(ErrorBodySchema.safeParse({ code: 'RATE_LIMITED', message: '' }).success, false);
});

test('a saved target record parses and never carries a credential field', () => {
  const parsed = TargetRecordSchema.parse({ ...record, credential: 'canary-secret' });
  assert.equal('credential' in parsed, false);
  assert.equal(parsed.state, 'connected');
});

test('a target record with an unknown state or provider is refused', () => {
  assert.equal(TargetRecordSchema.safeParse({ ...record, state: 'maybe' }).success, false);
  assert.equal(TargetRecordSchema.safeParse({ ...record, provider: 'gitea' }).success, false);
  assert.equal(TargetRecordSchema.safeParse({ ...record, created_at: 'yesterday' }).success, false);
});

test('url check responses carry named checks and a check id', () => {
  const ok = {
    status: 'blocked',
    code: 'PROVIDER_BASE_URL_BLOCKED',
    normalized_url: 'https://git.example.com/',
    addresses: ['10.0.0.12'],
    checks: [{ name: 'private_network', status: 'failed', detail: 'resolves to 10.0.0.12', offender: '10.0.0.12' }],
    check_id: 'c1',
    expires_at: now,
  };
  assert.equal(UrlCheckResponseSchema.safeParse(ok).success, true);
  assert.equal(UrlCheckResponseSchema.safeParse({ ...ok, check_id: undefined }).success, false);
  assert.equal(UrlCheckResponseSchema.safeParse({ ...ok, checks: [{ name: 'vibes', status: 'passed' }] }).success, false);
  assert.equal(UrlCheckResponseSchema.safeParse({ ...ok, code: 'PROVIDER_AUTH_REQUIRED' }).success, false);
});

test('save requests require the ownership flags and a known allowlist status', () => {
  const base = {
    provider: 'jira',
    edition: 'jira-dc',
    deployment_mode: 'self-hosted',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'pat',
    token_type: 'jira_dc_pat',
  };
  assert.equal(SaveTargetRequestSchema.safeParse(base).success, true);
  assert.equal(SaveTargetRequestSchema.safeParse({ ...base, allowlist_status: 'vpn' }).success, false);
  assert.equal(SaveTargetRequestSchema.safeParse({ ...base, ownership_confirmed: undefined }).success, false);
});

test('a save request carries a stateless GitHub App installation token whole (about 520 characters)', () => {
  // ghs_<app id>_<JWT>: three base64url parts joined by dots, longer than the 40 characters of old.
  const part = (n: number) => 'aB3-_'.repeat(Math.ceil(n / 5)).slice(0, n);
  const token = `ghs_1234567_${part(36)}.${part(380)}.${part(86)}`;
  assert.ok(token.length > 500, `token is ${token.length} characters`);
  const parsed = SaveTargetRequestSchema.parse({
    provider: 'github',
    edition: 'ghe-com',
    deployment_mode: 'cloud',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'github_app',
    token_type: 'github_app_installation',
    credential: token,
  });
  assert.equal(parsed.credential, token);
});

test('every contract schema converts to JSON Schema', () => {
  for (const [name, schema] of Object.entries(CONTRACT_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as { type?: string };
    assert.equal(json.type, 'object', name);
  }
});
