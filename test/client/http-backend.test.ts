import { expect } from '@open-wc/testing';
import {
  BackendError,
  createHttpBackend,
  isBackendError,
  parseRetryAfter,
  toBackendError,
} from '../../src/client/index.js';
import type { Backend } from '../../src/client/index.js';
import {
  ErrorBodySchema,
  StatusResponseSchema,
  TargetRecordSchema,
  UrlCheckResponseSchema,
} from '../../src/core/contract/index.js';
import type { SaveTargetRequest, UrlCheckRequest } from '../../src/core/contract/index.js';
import { SAMPLE_EGRESS_ADDRESSES, SAMPLE_TARGETS, sampleStatus } from '../../src/testing/index.js';

const CANARY = 'pts-canary-9f3c2e7a-do-not-leak';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records each call and answers with the next response from `answer`. */
function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const impl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call = { url: String(input), init };
    calls.push(call);
    return answer(call);
  };
  return { calls, fetch: impl as typeof fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that never answers but rejects, as fetch does, once its signal aborts. */
const hangingFetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init.signal;
    if (!signal) return;
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  })) as typeof fetch;

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(isBackendError(error), `expected a BackendError, got ${String(error)}`).to.equal(true);
    return error as BackendError;
  }
  throw new Error('expected the call to reject');
}

const saveRequest = (extra: Partial<SaveTargetRequest> = {}): SaveTargetRequest => ({
  provider: 'jira',
  edition: 'jira-dc',
  deployment_mode: 'self-hosted',
  base_url: 'https://jira.example.com',
  check_id: 'chk_1',
  allowlist_status: 'direct',
  ownership_confirmed: true,
  export_authorized: true,
  auth_method: 'pat',
  token_type: 'jira_dc_pat',
  credential: CANARY,
  ...extra,
});

const checkRequest: UrlCheckRequest = {
  provider: 'jira',
  edition: 'jira-dc',
  deployment_mode: 'self-hosted',
  base_url: 'https://jira.example.com',
  ownership_confirmed: true,
  export_authorized: true,
};

const checkResponse = {
  status: 'passed',
  normalized_url: 'https://jira.example.com',
  addresses: ['203.0.113.10'],
  checks: [{ name: 'scheme', status: 'passed' }],
  check_id: 'chk_1',
  expires_at: '2026-03-02T10:00:00Z',
};

describe('createHttpBackend: requests', () => {
  it('joins the endpoint and routes, encodes ids and sends JSON with the method of each route', async () => {
    const target = SAMPLE_TARGETS.cloudConnected;
    const { calls, fetch } = fakeFetch((call) => {
      if (call.url.endsWith('/status')) return json(sampleStatus());
      if (call.url.endsWith('/url-checks')) return json(checkResponse);
      if (call.url.endsWith('/auth/start')) {
        return json({
          authorization_url: 'https://auth.example.com/authorize?state=s1',
          state: 's1',
          result_origin: 'https://auth.example.com',
          expires_at: '2026-03-02T10:00:00Z',
        });
      }
      return json(target);
    });
    const backend = createHttpBackend({ endpoint: 'https://api.example.com/pts//', fetch });

    const status = await backend.getStatus();
    expect(status.targets.length).to.equal(5);
    expect(status.egress_addresses).to.deep.equal([...SAMPLE_EGRESS_ADDRESSES]);
    const check = await backend.checkUrl(checkRequest);
    expect(check.status).to.equal('passed');
    expect(check.check_id).to.equal('chk_1');
    const saved = await backend.saveTarget(saveRequest());
    expect(saved.id).to.equal(target.id);
    expect((await backend.getTarget('a/b c')).state).to.equal('connected');
    expect((await backend.revokeTarget('x?y', { revoked_at_provider: true })).id).to.equal(target.id);
    const auth = await backend.startAuth({
      provider: 'jira',
      edition: 'jira-cloud',
      auth_method: 'oauth2_3lo',
      return_origin: location.origin,
    });
    expect(auth.state).to.equal('s1');

    expect(calls.map((c) => `${c.init.method} ${c.url}`)).to.deep.equal([
      'GET https://api.example.com/pts/status',
      'POST https://api.example.com/pts/url-checks',
      'POST https://api.example.com/pts/targets',
      'GET https://api.example.com/pts/targets/a%2Fb%20c',
      'POST https://api.example.com/pts/targets/x%3Fy/revoke',
      'POST https://api.example.com/pts/auth/start',
    ]);
    for (const call of calls) {
      const headers = new Headers(call.init.headers);
      expect(headers.get('accept')).to.equal('application/json');
      expect(call.init.signal).to.be.instanceOf(AbortSignal);
      if (call.init.method === 'POST') {
        expect(headers.get('content-type')).to.equal('application/json');
        expect(() => JSON.parse(String(call.init.body))).not.to.throw();
      } else {
        expect(call.init.body).to.equal(undefined);
      }
    }
    expect(JSON.parse(String(calls[4]!.init.body))).to.deep.equal({ revoked_at_provider: true });
  });

  it('passes static headers and the credentials mode through', async () => {
    const { calls, fetch } = fakeFetch(() => json(sampleStatus([])));
    const backend = createHttpBackend({
      endpoint: '/api',
      fetch,
      credentials: 'include',
      headers: { 'X-CSRF-Token': 'csrf-1', Authorization: 'Bearer host-session' },
    });
    await backend.getStatus();
    const headers = new Headers(calls[0]!.init.headers);
    expect(headers.get('x-csrf-token')).to.equal('csrf-1');
    expect(headers.get('authorization')).to.equal('Bearer host-session');
    expect(calls[0]!.init.credentials).to.equal('include');
    expect(calls[0]!.url).to.equal('/api/status');
  });

  it('calls a headers function before every request, awaiting it when async', async () => {
    let n = 0;
    const { calls, fetch } = fakeFetch(() => json(sampleStatus([])));
    const backend = createHttpBackend({
      endpoint: '/api',
      fetch,
      headers: async () => {
        n += 1;
        await Promise.resolve();
        return { 'X-CSRF-Token': `token-${n}` };
      },
    });
    await backend.getStatus();
    await backend.getStatus();
    expect(calls.map((c) => new Headers(c.init.headers).get('x-csrf-token'))).to.deep.equal(['token-1', 'token-2']);
    expect(calls[0]!.init.credentials).to.equal(undefined);
  });

  it('keeps its own content type even when the host sets one', async () => {
    const { calls, fetch } = fakeFetch(() => json(checkResponse));
    const backend = createHttpBackend({ endpoint: '/api', fetch, headers: () => ({ 'Content-Type': 'text/plain' }) });
    await backend.checkUrl(checkRequest);
    expect(new Headers(calls[0]!.init.headers).get('content-type')).to.equal('application/json');
  });

  it('refuses an invalid request without sending it, naming the field but not the value', async () => {
    const { calls, fetch } = fakeFetch(() => json({}));
    const backend = createHttpBackend({ endpoint: '/api', fetch });
    const error = await rejection(
      backend.saveTarget({ ...saveRequest(), credential: CANARY, auth_method: '' }),
    );
    expect(error.code).to.equal('VALIDATION_FAILED');
    expect(error.message).to.contain('auth_method');
    expect(error.message).not.to.contain(CANARY);
    expect(calls.length).to.equal(0);
    expect((await rejection(backend.getTarget(''))).code).to.equal('VALIDATION_FAILED');
  });

  it('sends an Idempotency-Key with every save: the caller’s on a retry, a fresh one otherwise', async () => {
    const { calls, fetch } = fakeFetch((call) =>
      json(call.url.endsWith('/url-checks') ? checkResponse : { ...SAMPLE_TARGETS.cloudConnected }),
    );
    const backend = createHttpBackend({ endpoint: '/api', fetch });
    await backend.saveTarget(saveRequest(), { idempotencyKey: 'attempt-1' });
    await backend.saveTarget(saveRequest(), { idempotencyKey: 'attempt-1' });
    await backend.saveTarget(saveRequest());
    await backend.saveTarget(saveRequest());
    const keys = calls.map((c) => new Headers(c.init.headers).get('idempotency-key'));
    expect(keys.slice(0, 2)).to.deep.equal(['attempt-1', 'attempt-1']);
    expect(keys[2]).to.match(/^[0-9a-f]{32}$/);
    expect(keys[3]).to.match(/^[0-9a-f]{32}$/);
    expect(keys[2]).not.to.equal(keys[3]);
    await backend.checkUrl(checkRequest);
    expect(new Headers(calls[4]!.init.headers).has('idempotency-key')).to.equal(false);
  });

  it('lists destinations, saves export settings and runs a test export on the target routes', async () => {
    const page = { items: [{ id: '1', name: 'web', level: 'repository', has_children: false }], next_cursor: null };
    const result = { status: 'succeeded', at: '2026-03-02T10:00:00Z', ticket: { url: 'https://github.com/acme/web/issues/1', title: 'Test' } };
    const { calls, fetch } = fakeFetch((call) =>
      json(call.url.endsWith('/destinations') ? page : call.url.endsWith('/test-export') ? result : { ...SAMPLE_TARGETS.cloudConnected }),
    );
    const backend = createHttpBackend({ endpoint: '/api', fetch });
    expect((await backend.listDestinations!('t/1', { query: 'we' })).items[0]!.name).to.equal('web');
    await backend.saveExportSettings!('t/1', { destination: [{ level: 'repository', id: '1', name: 'web' }] });
    expect((await backend.runTestExport!('t/1')).status).to.equal('succeeded');
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).to.deep.equal([
      'POST /api/targets/t%2F1/destinations',
      'PUT /api/targets/t%2F1/export-settings',
      'POST /api/targets/t%2F1/test-export',
    ]);
    expect(JSON.parse(String(calls[0]!.init.body))).to.deep.equal({ query: 'we' });
    expect(JSON.parse(String(calls[1]!.init.body))).to.deep.equal({
      destination: [{ level: 'repository', id: '1', name: 'web' }],
      duplicates: 'update',
    });
    expect(calls[2]!.init.body).to.equal(undefined);
  });

  it('drops unknown request fields instead of sending them', async () => {
    const { calls, fetch } = fakeFetch(() => json({ ...SAMPLE_TARGETS.cloudConnected }));
    const backend = createHttpBackend({ endpoint: '/api', fetch });
    await backend.revokeTarget('t1', { revoked_at_provider: false, note: 'x' } as never);
    expect(JSON.parse(String(calls[0]!.init.body))).to.deep.equal({ revoked_at_provider: false });
  });
});

describe('createHttpBackend: error mapping', () => {
  const backendWith = (answer: (call: Call) => Response | Promise<Response>, extra = {}): Backend =>
    createHttpBackend({ endpoint: '/api', fetch: fakeFetch(answer).fetch, ...extra });

  it('uses the code, message and body of a valid error body', async () => {
    const body = {
      code: 'PROVIDER_BASE_URL_BLOCKED',
      message: 'jira.example.com resolves to 10.0.0.12.',
      checks: [{ name: 'private_network', status: 'failed', offender: '10.0.0.12' }],
    };
    const error = await rejection(backendWith(() => json(body, 422)).saveTarget(saveRequest()));
    expect(error).to.be.instanceOf(BackendError);
    expect(error.code).to.equal('PROVIDER_BASE_URL_BLOCKED');
    expect(error.status).to.equal(422);
    expect(error.message).to.equal(body.message);
    expect(error.body?.checks?.[0]?.offender).to.equal('10.0.0.12');
    expect(error.retryable).to.equal(false);
  });

  it('keeps PROVIDER_AUTH_REQUIRED with its action from a 401 body', async () => {
    const body = { code: 'PROVIDER_AUTH_REQUIRED', message: 'Token expired.', action: { label: 'Create a new token' } };
    const error = await rejection(backendWith(() => json(body, 401)).saveTarget(saveRequest()));
    expect(error.code).to.equal('PROVIDER_AUTH_REQUIRED');
    expect(error.body?.action?.label).to.equal('Create a new token');
  });

  it('maps a 5xx without a contract body to BACKEND_UNAVAILABLE', async () => {
    for (const status of [500, 502, 503, 504]) {
      const error = await rejection(
        backendWith(() => new Response('<h1>Bad gateway</h1>', { status, headers: { 'content-type': 'text/html' } })).getStatus(),
      );
      expect(error.code).to.equal('BACKEND_UNAVAILABLE');
      expect(error.status).to.equal(status);
      expect(error.body).to.equal(undefined);
      expect(error.retryable).to.equal(true);
    }
  });

  it('maps a JSON error body outside the contract like a bare status', async () => {
    const error = await rejection(backendWith(() => json({ error: 'oops' }, 500)).getStatus());
    expect(error.code).to.equal('BACKEND_UNAVAILABLE');
    const odd = await rejection(backendWith(() => json({ error: 'nope' }, 404)).getTarget('t1'));
    expect(odd.code).to.equal('MALFORMED_RESPONSE');
    expect(odd.status).to.equal(404);
  });

  it('maps a network failure (fetch TypeError) to BACKEND_UNAVAILABLE', async () => {
    const error = await rejection(
      backendWith(() => {
        throw new TypeError('Failed to fetch');
      }).getStatus(),
    );
    expect(error.code).to.equal('BACKEND_UNAVAILABLE');
    expect(error.status).to.equal(undefined);
  });

  it('maps 429 to RATE_LIMITED with Retry-After in seconds or as a date', async () => {
    const seconds = await rejection(backendWith(() => new Response('slow down', { status: 429, headers: { 'Retry-After': '7' } })).getStatus());
    expect(seconds.code).to.equal('RATE_LIMITED');
    expect(seconds.retryAfter).to.equal(7);
    expect(seconds.retryable).to.equal(true);

    const date = new Date(Date.now() + 120_000).toUTCString();
    const dated = await rejection(backendWith(() => new Response('', { status: 429, headers: { 'Retry-After': date } })).getStatus());
    expect(dated.retryAfter).to.be.within(1, 120);

    const withBody = await rejection(
      backendWith(() => json({ code: 'RATE_LIMITED', message: 'Too many checks.', retry_after: 30 }, 429, { 'Retry-After': '5' })).checkUrl(checkRequest),
    );
    expect(withBody.retryAfter).to.equal(30);
    expect(withBody.body?.retry_after).to.equal(30);

    const without = await rejection(backendWith(() => new Response('', { status: 429 })).getStatus());
    expect(without.retryAfter).to.equal(undefined);
  });

  it('parses Retry-After values', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('0', now)).to.equal(0);
    expect(parseRetryAfter(' 12 ', now)).to.equal(12);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:01:00 GMT', now)).to.equal(60);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter('-3', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it('maps a bare 401, 403 or 419 and a redirect to SESSION_EXPIRED', async () => {
    for (const status of [401, 403, 419]) {
      const error = await rejection(backendWith(() => new Response('', { status })).getStatus());
      expect(error.code, String(status)).to.equal('SESSION_EXPIRED');
      expect(error.status).to.equal(status);
    }
    const redirected = await rejection(
      backendWith(() => new Response(null, { status: 302, headers: { Location: '/login' } })).getStatus(),
    );
    expect(redirected.code).to.equal('SESSION_EXPIRED');
  });

  it('asks fetch not to follow redirects', async () => {
    const { calls, fetch } = fakeFetch(() => json(sampleStatus([])));
    await createHttpBackend({ endpoint: '/api', fetch }).getStatus();
    expect(calls[0]!.init.redirect).to.equal('manual');
  });

  it('maps bare 413 and 415 to their codes', async () => {
    expect((await rejection(backendWith(() => new Response('', { status: 413 })).saveTarget(saveRequest()))).code).to.equal(
      'PAYLOAD_TOO_LARGE',
    );
    expect((await rejection(backendWith(() => new Response('', { status: 415 })).saveTarget(saveRequest()))).code).to.equal(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('maps a timeout to REQUEST_TIMEOUT and aborts the fetch', async () => {
    const seen: AbortSignal[] = [];
    const fetchImpl: typeof fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      seen.push(init.signal!);
      return hangingFetch(input, init);
    }) as typeof fetch;
    const error = await rejection(createHttpBackend({ endpoint: '/api', fetch: fetchImpl, timeoutMs: 20 }).getStatus());
    expect(error.code).to.equal('REQUEST_TIMEOUT');
    expect(error.retryable).to.equal(true);
    expect(seen[0]!.aborted).to.equal(true);
  });

  it('times out while the body is still being read', async () => {
    const fetchImpl: typeof fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"targets":'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const error = await rejection(createHttpBackend({ endpoint: '/api', fetch: fetchImpl, timeoutMs: 20 }).getStatus());
    expect(error.code).to.equal('REQUEST_TIMEOUT');
  });

  it('maps the caller aborting to REQUEST_ABORTED, before and during the request', async () => {
    const { calls, fetch } = fakeFetch(() => json(sampleStatus([])));
    const before = new AbortController();
    before.abort();
    const early = await rejection(createHttpBackend({ endpoint: '/api', fetch }).getStatus({ signal: before.signal }));
    expect(early.code).to.equal('REQUEST_ABORTED');
    expect(calls.length).to.equal(0);

    const during = new AbortController();
    const pending = createHttpBackend({ endpoint: '/api', fetch: hangingFetch }).saveTarget(saveRequest(), {
      signal: during.signal,
    });
    during.abort();
    const error = await rejection(pending);
    expect(error.code).to.equal('REQUEST_ABORTED');
    expect(error.retryable).to.equal(false);
  });

  it('works where AbortSignal.any and AbortSignal.timeout are missing', async () => {
    const signalStatics = AbortSignal as unknown as Record<string, unknown>;
    const { any, timeout } = signalStatics;
    signalStatics.any = undefined;
    signalStatics.timeout = undefined;
    try {
      const timedOut = await rejection(createHttpBackend({ endpoint: '/api', fetch: hangingFetch, timeoutMs: 10 }).getStatus());
      expect(timedOut.code).to.equal('REQUEST_TIMEOUT');
      const controller = new AbortController();
      const pending = createHttpBackend({ endpoint: '/api', fetch: hangingFetch }).getStatus({ signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)).code).to.equal('REQUEST_ABORTED');
    } finally {
      signalStatics.any = any;
      signalStatics.timeout = timeout;
    }
  });

  it('stops listening to the caller signal once a call has settled', async () => {
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      listeners += 1;
      add(...args);
    }) as AbortSignal['addEventListener'];
    controller.signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
      listeners -= 1;
      remove(...args);
    }) as AbortSignal['removeEventListener'];
    const backend = createHttpBackend({ endpoint: '/api', fetch: fakeFetch(() => json(sampleStatus([]))).fetch });
    await backend.getStatus({ signal: controller.signal });
    await rejection(createHttpBackend({ endpoint: '/api', fetch: fakeFetch(() => new Response('', { status: 503 })).fetch }).getStatus({ signal: controller.signal }));
    expect(listeners).to.equal(0);
  });

  it('maps invalid JSON on a 2xx to MALFORMED_RESPONSE', async () => {
    const error = await rejection(
      backendWith(() => new Response('{"targets": [', { status: 200, headers: { 'content-type': 'application/json' } })).getStatus(),
    );
    expect(error.code).to.equal('MALFORMED_RESPONSE');
    expect(error.status).to.equal(200);
    const empty = await rejection(backendWith(() => new Response('', { status: 200 })).getStatus());
    expect(empty.code).to.equal('MALFORMED_RESPONSE');
  });

  it('maps a schema mismatch on a 2xx to MALFORMED_RESPONSE naming the path', async () => {
    const broken = { ...sampleStatus([SAMPLE_TARGETS.cloudConnected]), egress_addresses: [42] };
    const error = await rejection(backendWith(() => json(broken)).getStatus());
    expect(error.code).to.equal('MALFORMED_RESPONSE');
    expect(error.message).to.contain('egress_addresses.0');
    const notAList = await rejection(backendWith(() => json({ ...sampleStatus([]), targets: 'none' })).getStatus());
    expect(notAList.code).to.equal('MALFORMED_RESPONSE');

    const scriptUrl = await rejection(
      backendWith(() =>
        json({
          authorization_url: 'javascript:alert(1)',
          state: 's',
          result_origin: 'https://auth.example.com',
          expires_at: '2026-03-02T10:00:00Z',
        }),
      ).startAuth({ provider: 'github', edition: 'github-com', auth_method: 'github_app', return_origin: location.origin }),
    );
    expect(scriptUrl.code).to.equal('MALFORMED_RESPONSE');
  });

  it('maps a failing headers function to BACKEND_UNAVAILABLE without calling fetch', async () => {
    const { calls, fetch } = fakeFetch(() => json(sampleStatus([])));
    const backend = createHttpBackend({
      endpoint: '/api',
      fetch,
      headers: () => {
        throw new Error('token store locked');
      },
    });
    expect((await rejection(backend.getStatus())).code).to.equal('BACKEND_UNAVAILABLE');
    expect(calls.length).to.equal(0);
  });
});

describe('createHttpBackend: one bad record in the status answer', () => {
  const backendWith = (answer: () => Response) => createHttpBackend({ endpoint: '/api', fetch: fakeFetch(answer).fetch });

  it('leaves out a record that does not fit and counts it with what the backend left out', async () => {
    const mystery = { ...structuredClone(SAMPLE_TARGETS.cloudConnected), id: 'tgt_mystery', state: 'mystery' };
    const overlong = { ...structuredClone(SAMPLE_TARGETS.revoked), display_name: 'x'.repeat(5000) };
    const body = { ...sampleStatus([SAMPLE_TARGETS.cloudConnected]), omitted: 2 };
    body.targets.push(mystery as never, overlong as never, structuredClone(SAMPLE_TARGETS.blocked));
    const status = await backendWith(() => json(body)).getStatus();
    expect(status.targets.map((t) => t.id)).to.deep.equal([SAMPLE_TARGETS.cloudConnected.id, SAMPLE_TARGETS.blocked.id]);
    expect(status.omitted).to.equal(4);
    expect(StatusResponseSchema.safeParse(status).success).to.equal(true);
  });

  it('drops an action link that is not http(s) and keeps the record', async () => {
    const record = structuredClone(SAMPLE_TARGETS.authRequired);
    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>1</script>', ' vbscript:x', 42]) {
      (record.error!.action as { url: unknown }).url = url;
      const status = await backendWith(() => json(sampleStatus([record]))).getStatus();
      expect(status.targets.length, String(url)).to.equal(1);
      expect(status.targets[0]!.error?.action).to.deep.equal({ label: SAMPLE_TARGETS.authRequired.error!.action!.label });
      expect(status.omitted).to.equal(undefined);
    }
    const kept = await backendWith(() => json(sampleStatus([SAMPLE_TARGETS.authRequired]))).getStatus();
    expect(kept.targets[0]!.error?.action?.url).to.equal(SAMPLE_TARGETS.authRequired.error!.action!.url);
  });

  it('answers an empty list with every record counted when none fits', async () => {
    const body = sampleStatus([]);
    body.targets.push({ id: 'only-an-id' } as never);
    const status = await backendWith(() => json(body)).getStatus();
    expect(status.targets).to.deep.equal([]);
    expect(status.omitted).to.equal(1);
  });
});

describe('BackendError helpers', () => {
  it('recognises BackendErrors, also from another copy of the module', () => {
    expect(isBackendError(new BackendError('RATE_LIMITED', 'x'))).to.equal(true);
    const foreign = Object.assign(new Error('x'), { name: 'BackendError', code: 'RATE_LIMITED' });
    expect(isBackendError(foreign)).to.equal(true);
    expect(isBackendError(new Error('x'))).to.equal(false);
    expect(isBackendError({ name: 'BackendError', code: 'RATE_LIMITED' })).to.equal(false);
  });

  it('wraps foreign errors without keeping their text', () => {
    const wrapped = toBackendError(new Error(`failed to send ${CANARY}`));
    expect(wrapped.code).to.equal('BACKEND_UNAVAILABLE');
    expect(wrapped.message).not.to.contain(CANARY);
    expect(toBackendError(new DOMException('x', 'AbortError')).code).to.equal('REQUEST_ABORTED');
    expect(toBackendError(new DOMException('x', 'TimeoutError')).code).to.equal('REQUEST_TIMEOUT');
    const original = new BackendError('TARGET_NOT_FOUND', 'gone', { status: 404 });
    expect(toBackendError(original)).to.equal(original);
  });
});

describe('createHttpBackend: the credential never leaks', () => {
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  let printed: string[] = [];
  const originals = new Map<string, (...args: unknown[]) => void>();

  beforeEach(() => {
    printed = [];
    for (const name of consoleMethods) {
      const original = console[name] as (...args: unknown[]) => void;
      originals.set(name, original);
      console[name] = (...args: unknown[]) => {
        printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
        original.apply(console, args);
      };
    }
  });
  afterEach(() => {
    for (const name of consoleMethods) console[name] = originals.get(name)! as never;
  });

  it('sends the canary only in the save body, and no error or log repeats it', async () => {
    const failures: Array<() => Response | Promise<Response>> = [
      () => json({ code: 'VALIDATION_FAILED', message: 'The field credential is invalid.', field: 'credential' }, 400),
      () => json({ code: 'CREDENTIALS_REJECTED', message: 'The provider refused the credential.' }, 403),
      () => json({ not: 'a contract body' }, 400),
      () => new Response('<h1>oops</h1>', { status: 500 }),
      () => new Response('', { status: 429, headers: { 'Retry-After': '3' } }),
      () => new Response('{"id":', { status: 201 }),
      () => json({ id: 'x' }, 201),
      () => {
        throw new TypeError('Failed to fetch');
      },
    ];
    const errors: BackendError[] = [];
    const bodies: string[] = [];
    for (const failure of failures) {
      const { calls, fetch } = fakeFetch(failure);
      errors.push(await rejection(createHttpBackend({ endpoint: '/api', fetch }).saveTarget(saveRequest())));
      bodies.push(String(calls[0]!.init.body));
    }
    const timedOut = await rejection(createHttpBackend({ endpoint: '/api', fetch: hangingFetch, timeoutMs: 10 }).saveTarget(saveRequest()));
    errors.push(timedOut);
    const controller = new AbortController();
    const aborted = createHttpBackend({ endpoint: '/api', fetch: hangingFetch }).saveTarget(saveRequest(), { signal: controller.signal });
    controller.abort();
    errors.push(await rejection(aborted));

    expect(errors.map((e) => e.code)).to.deep.equal([
      'VALIDATION_FAILED',
      'CREDENTIALS_REJECTED',
      'MALFORMED_RESPONSE',
      'BACKEND_UNAVAILABLE',
      'RATE_LIMITED',
      'MALFORMED_RESPONSE',
      'MALFORMED_RESPONSE',
      'BACKEND_UNAVAILABLE',
      'REQUEST_TIMEOUT',
      'REQUEST_ABORTED',
    ]);
    for (const body of bodies) expect(JSON.parse(body).credential).to.equal(CANARY);
    for (const error of errors) {
      const seen = [error.message, error.stack ?? '', JSON.stringify(error), JSON.stringify(error.body ?? {}), String(error)].join('\n');
      expect(seen).not.to.contain(CANARY);
      if (error.body) expect(ErrorBodySchema.safeParse(error.body).success).to.equal(true);
    }
    expect(printed.join('\n')).not.to.contain(CANARY);
  });
});

describe('sample data', () => {
  it('matches the contract', () => {
    for (const target of Object.values(SAMPLE_TARGETS)) {
      expect(TargetRecordSchema.safeParse(target).success, target.id).to.equal(true);
    }
    expect(StatusResponseSchema.safeParse(sampleStatus()).success).to.equal(true);
    expect(UrlCheckResponseSchema.safeParse(checkResponse).success).to.equal(true);
  });
});
