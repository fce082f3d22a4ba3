import * as z from 'zod/mini';
import {
  AuthStartRequestSchema,
  AuthStartResponseSchema,
  DestinationPageSchema,
  ErrorBodySchema,
  ExportSettingsSchema,
  IDEMPOTENCY_KEY_HEADER,
  ListDestinationsRequestSchema,
  readTargetRecord,
  RevokeRequestSchema,
  ROUTES,
  SaveTargetRequestSchema,
  StatusResponseSchema,
  TargetRecordSchema,
  TestExportResultSchema,
  UrlCheckRequestSchema,
  UrlCheckResponseSchema,
} from '../core/contract/index.js';
import type { ErrorCode, StatusResponse, TargetRecord } from '../core/contract/index.js';
import type { Backend, CallOptions, SaveOptions } from './backend.js';
import { BackendError } from './errors.js';

export type HeaderSource =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpBackendOptions {
  /** Base URL the contract routes are appended to, absolute or relative to the page. */
  endpoint: string;
  /** Extra headers (CSRF token, bearer token); a function is called before every request. */
  headers?: HeaderSource;
  /** fetch's credentials mode; `include` for a backend on another origin that uses cookies. */
  credentials?: RequestInit['credentials'];
  /** Per-request limit in milliseconds, reading the body included. Default 15000; 0 turns it off. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

type Route = (typeof ROUTES)[keyof typeof ROUTES];
type AnySchema = z.ZodMiniType;

/** Codes we infer from an HTTP status when the body is not a contract error body. */
function codeForBareStatus(status: number): ErrorCode {
  // 401/403/419 without our body come from the host's session or CSRF layer in front of the backend.
  if (status === 401 || status === 403 || status === 419) return 'SESSION_EXPIRED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'BACKEND_UNAVAILABLE';
  return 'MALFORMED_RESPONSE';
}

const BARE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  SESSION_EXPIRED: 'The session behind the backend has expired or was refused',
  PAYLOAD_TOO_LARGE: 'The request was too large for the backend',
  UNSUPPORTED_MEDIA_TYPE: 'The backend refused the request format',
  RATE_LIMITED: 'Too many requests; wait before retrying',
  BACKEND_UNAVAILABLE: 'The backend is not available',
  MALFORMED_RESPONSE: 'The backend answered with an error outside the contract',
};

/** Retry-After as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date always names a day or month; bare numbers like "-3" would parse as years.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Field paths of failed schema issues, never their values. */
function issuePaths(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }> }): string {
  const paths = error.issues.slice(0, 3).map((issue) => issue.path.map(String).join('.') || '(root)');
  return [...new Set(paths)].join(', ');
}

/**
 * Links the caller's signal and the timeout into one signal, remembering which
 * fired first. Plain listeners instead of AbortSignal.any/timeout, which older
 * evergreen browsers lack.
 */
function linkSignals(caller: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let cause: 'caller' | 'timeout' | undefined;
  const onCallerAbort = () => {
    cause ??= 'caller';
    controller.abort(caller?.reason);
  };
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          cause ??= 'timeout';
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    cause: () => cause,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/**
 * A fresh idempotency key: 128 random bits as hex. getRandomValues, unlike
 * randomUUID, also works on pages served over plain http.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The status answer with each target still unread, so one bad record cannot fail the whole answer. */
const StatusEnvelopeSchema = z.object({ ...StatusResponseSchema.shape, targets: z.array(z.unknown()) });

/**
 * Reads each target on its own (see `readTargetRecord`): a link that is not
 * http(s) is dropped and the record kept; a record that does not fit is left
 * out and counted in `omitted`, with what the backend left out itself.
 */
function readStatus(envelope: z.output<typeof StatusEnvelopeSchema>): StatusResponse {
  const targets: TargetRecord[] = [];
  for (const value of envelope.targets) {
    const record = readTargetRecord(value);
    if (record) targets.push(record);
  }
  const omitted = (envelope.omitted ?? 0) + envelope.targets.length - targets.length;
  return { ...envelope, targets, ...(omitted > 0 ? { omitted } : {}) };
}

/** A Backend over fetch. See `Backend` for what each method resolves with. */
export function createHttpBackend(options: HttpBackendOptions): Backend {
  if (!options.endpoint) throw new TypeError('createHttpBackend: endpoint is required');
  const base = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init));

  async function call<S extends AnySchema>(
    route: Route,
    id: string | undefined,
    responseSchema: S,
    request: { schema: AnySchema; value: unknown } | undefined,
    signal: AbortSignal | undefined,
    extraHeaders: Record<string, string> = {},
  ): Promise<z.output<S>> {
    const path = id === undefined ? route.path : route.path.replace('{id}', encodeURIComponent(id));
    const label = `${route.method} ${path}`;
    if (id !== undefined && id.length === 0) {
      throw new BackendError('VALIDATION_FAILED', `${label}: the target id is empty`);
    }
    let body: string | undefined;
    if (request) {
      const parsed = request.schema.safeParse(request.value);
      if (!parsed.success) {
        throw new BackendError('VALIDATION_FAILED', `${label}: invalid request at ${issuePaths(parsed.error)}`);
      }
      body = JSON.stringify(parsed.data);
    }
    if (signal?.aborted) throw new BackendError('REQUEST_ABORTED', `${label}: cancelled`);

    const link = linkSignals(signal, timeoutMs);
    const interrupted = (): BackendError => {
      const cause = link.cause();
      if (cause === 'caller') return new BackendError('REQUEST_ABORTED', `${label}: cancelled`);
      if (cause === 'timeout') {
        return new BackendError('REQUEST_TIMEOUT', `${label}: no answer within ${timeoutMs} ms`);
      }
      return new BackendError('BACKEND_UNAVAILABLE', `${label}: the backend could not be reached`);
    };
    try {
      let headers: Headers;
      try {
        const source = typeof options.headers === 'function' ? await options.headers() : options.headers;
        headers = new Headers(source);
      } catch {
        throw new BackendError('BACKEND_UNAVAILABLE', `${label}: the request headers could not be prepared`);
      }
      if (link.signal.aborted) throw interrupted();
      headers.set('accept', 'application/json');
      if (body !== undefined) headers.set('content-type', 'application/json');
      for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);

      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(base + path, {
          method: route.method,
          headers,
          body,
          signal: link.signal,
          // The contract never redirects; a redirect is a login gate in front of the backend.
          redirect: 'manual',
          ...(options.credentials ? { credentials: options.credentials } : {}),
        });
        text = await response.text();
      } catch {
        throw interrupted();
      }

      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new BackendError('SESSION_EXPIRED', `${label}: redirected, the session is probably gone`, {
          status: response.status,
        });
      }

      let json: unknown;
      let isJson = true;
      try {
        json = JSON.parse(text);
      } catch {
        isJson = false;
      }

      if (!response.ok) {
        const status = response.status;
        const headerRetry = parseRetryAfter(response.headers.get('retry-after'));
        const parsed = isJson ? ErrorBodySchema.safeParse(json) : undefined;
        if (parsed?.success) {
          const errorBody = parsed.data;
          const retryAfter = errorBody.retry_after ?? headerRetry;
          throw new BackendError(errorBody.code, errorBody.message, {
            status,
            body: errorBody,
            ...(retryAfter !== undefined ? { retryAfter } : {}),
          });
        }
        const code = codeForBareStatus(status);
        throw new BackendError(code, `${label}: ${BARE_MESSAGES[code]} (HTTP ${status})`, {
          status,
          ...(code === 'RATE_LIMITED' && headerRetry !== undefined ? { retryAfter: headerRetry } : {}),
        });
      }

      if (!isJson) {
        throw new BackendError('MALFORMED_RESPONSE', `${label}: the answer is not JSON`, {
          status: response.status,
        });
      }
      const parsed = responseSchema.safeParse(json);
      if (!parsed.success) {
        throw new BackendError(
          'MALFORMED_RESPONSE',
          `${label}: the answer does not match the contract at ${issuePaths(parsed.error)}`,
          { status: response.status },
        );
      }
      return parsed.data as z.output<S>;
    } finally {
      link.dispose();
    }
  }

  return {
    getStatus: async (o?: CallOptions) => readStatus(await call(ROUTES.status, undefined, StatusEnvelopeSchema, undefined, o?.signal)),
    checkUrl: (request, o) =>
      call(ROUTES.urlChecks, undefined, UrlCheckResponseSchema, { schema: UrlCheckRequestSchema, value: request }, o?.signal),
    saveTarget: (request, o?: SaveOptions) =>
      call(ROUTES.targets, undefined, TargetRecordSchema, { schema: SaveTargetRequestSchema, value: request }, o?.signal, {
        [IDEMPOTENCY_KEY_HEADER]: o?.idempotencyKey || newIdempotencyKey(),
      }),
    getTarget: (id, o) => call(ROUTES.target, id, TargetRecordSchema, undefined, o?.signal),
    revokeTarget: (id, request, o) =>
      call(ROUTES.revoke, id, TargetRecordSchema, { schema: RevokeRequestSchema, value: request }, o?.signal),
    startAuth: (request, o) =>
      call(ROUTES.authStart, undefined, AuthStartResponseSchema, { schema: AuthStartRequestSchema, value: request }, o?.signal),
    listDestinations: (id, request, o) =>
      call(ROUTES.destinations, id, DestinationPageSchema, { schema: ListDestinationsRequestSchema, value: request }, o?.signal),
    saveExportSettings: (id, settings, o) =>
      call(ROUTES.exportSettings, id, TargetRecordSchema, { schema: ExportSettingsSchema, value: settings }, o?.signal),
    runTestExport: (id, o) => call(ROUTES.testExport, id, TestExportResultSchema, undefined, o?.signal),
  };
}
