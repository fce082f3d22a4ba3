// Shared fixtures for the backend tests: a stub URL check, a fixed clock, and a
// caller that records every response body so tests can assert no secret leaked.
import assert from 'node:assert/strict';
import { CHECK_NAMES, ErrorBodySchema, type ErrorBody, type UrlCheckOutcome } from '../../src/core/contract/index.js';
import { createBackend, createMemoryStore, type BackendOptions, type CheckUrl, type TargetStore } from '../../src/backend/index.js';

export const ORIGIN = 'https://backend.test';
export const BASE = '/api/pts';
export const CANARY = 'CANARY-7f3a9c-secret-value';

/** Passes every URL except hosts starting with `blocked.`; normalises by dropping a trailing slash. */
export function stubCheck(calls: Array<{ url: string; context: Parameters<CheckUrl>[1] }> = []): CheckUrl {
  return async (url, context) => {
    calls.push({ url, context });
    const parsed = new URL(url);
    const normalized = parsed.href.replace(/\/$/, '');
    if (parsed.hostname.startsWith('blocked.')) {
      return {
        status: 'blocked',
        code: 'PROVIDER_BASE_URL_BLOCKED',
        normalized_url: normalized,
        addresses: ['10.0.0.5'],
        checks: CHECK_NAMES.map((name) =>
          name === 'private_network'
            ? { name, status: 'failed', detail: '10.0.0.5 is a private address', offender: '10.0.0.5' }
            : { name, status: name === 'ownership' ? 'skipped' : 'passed' },
        ),
      } satisfies UrlCheckOutcome;
    }
    return {
      status: 'passed',
      normalized_url: normalized,
      addresses: ['93.184.215.14'],
      checks: CHECK_NAMES.map((name) => ({ name, status: 'passed' })),
    } satisfies UrlCheckOutcome;
  };
}

export interface Harness {
  handler: (request: Request) => Promise<Response>;
  store: TargetStore;
  clock: { t: number };
  /** Every response body text seen, for leak checks. */
  bodies: string[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Calls and parses the JSON body with `schema`, asserting the status. */
  json<T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    status: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** Calls and asserts a contract error with this code and its status. */
  error(code: ErrorBody['code'], status: number, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ErrorBody>;
}

/** A backend served as `https://backend.test/api/pts`, on a clock the test moves by hand. */
export function harness(options: Partial<BackendOptions> = {}): Harness {
  const clock = { t: Date.parse('2026-03-01T10:00:00.000Z') };
  const now = () => clock.t;
  const store = options.store ?? createMemoryStore();
  const handler = createBackend({ basePath: BASE, publicUrl: `${ORIGIN}${BASE}`, checkUrl: stubCheck(), now, ...options, store });
  const bodies: string[] = [];

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const response = await handler(new Request(`${ORIGIN}${path.startsWith('/') ? path : `${BASE}/${path}`}`, init));
    const text = await response.clone().text();
    bodies.push(text);
    return response;
  }

  async function json<T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    status: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await call(method, path, body, headers);
    const text = await response.text();
    assert.equal(response.status, status, `${method} ${path}: ${text}`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const parsed = schema.safeParse(JSON.parse(text));
    assert.ok(parsed.success, `response does not match the contract: ${text}`);
    return parsed.data;
  }

  async function error(
    code: ErrorBody['code'],
    status: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const result = await json(ErrorBodySchema, status, method, path, body, headers);
    assert.equal(result.code, code, `expected ${code}, got ${result.code}: ${result.message}`);
    return result;
  }

  return { handler, store, clock, bodies, call, json, error };
}

/** A save request for a GitHub.com organisation with a fine-grained token. */
export function githubCloudSave(overrides: Record<string, unknown> = {}) {
  return {
    provider: 'github',
    edition: 'github-com',
    deployment_mode: 'cloud',
    tenant: 'acme-corp',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    credential: CANARY,
    ...overrides,
  };
}

/** A URL check request for GitHub Enterprise Server. */
export function ghesCheck(baseUrl = 'https://github.acme.example/', overrides: Record<string, unknown> = {}) {
  return {
    provider: 'github',
    edition: 'ghes',
    deployment_mode: 'self-hosted',
    base_url: baseUrl,
    ownership_confirmed: true,
    export_authorized: true,
    ...overrides,
  };
}

export function ghesSave(checkId: string, baseUrl = 'https://github.acme.example', overrides: Record<string, unknown> = {}) {
  return {
    provider: 'github',
    edition: 'ghes',
    deployment_mode: 'self-hosted',
    base_url: baseUrl,
    check_id: checkId,
    allowlist_status: 'allowlist',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    credential: CANARY,
    ...overrides,
  };
}
