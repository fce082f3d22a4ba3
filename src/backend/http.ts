/**
 * Response and request plumbing for the backend: contract-shaped error
 * bodies, JSON responses that are checked against their schema on the way
 * out, and a body reader that enforces media type and size.
 */
import {
  ERROR_STATUS,
  ErrorBodySchema,
  type ErrorBody,
  type ErrorCode,
} from '../core/contract/index.js';

/** Codes the backend itself answers with (each has an HTTP status in ERROR_STATUS). */
export type BackendErrorCode = Exclude<
  ErrorCode,
  'MALFORMED_RESPONSE' | 'REQUEST_TIMEOUT' | 'REQUEST_ABORTED' | 'AUTH_POPUP_BLOCKED' | 'AUTH_CANCELLED'
>;

/** Thrown inside the handler to answer with a contract error body. */
export class ProblemResponse extends Error {
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;
  constructor(
    code: BackendErrorCode,
    message: string,
    extra: Omit<Partial<ErrorBody>, 'code' | 'message'> = {},
    headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'ProblemResponse';
    this.body = { code, message, ...extra };
    this.headers = headers;
  }
}

/** Thrown by a body stream (e.g. the Node adapter's) once it passed its byte limit. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('Request body too large');
    this.name = 'BodyTooLargeError';
  }
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

interface ParseableSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * A JSON response whose body is parsed with its contract schema first. Parsing
 * drops any field the contract does not name, so nothing extra (least of all a
 * secret) can ride along; a body that does not fit becomes a 503.
 */
export function jsonResponse<T>(
  schema: ParseableSchema<T>,
  body: T,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return errorResponse(
      new ProblemResponse('BACKEND_UNAVAILABLE', 'The backend built an answer that does not match the contract.'),
    );
  }
  return new Response(JSON.stringify(parsed.data), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** A JSON response whose text was already checked against the contract. */
export function checkedJsonResponse(text: string | Uint8Array, status = 200): Response {
  return new Response(text as ConstructorParameters<typeof Response>[0], { status, headers: JSON_HEADERS });
}

export function errorResponse(problem: ProblemResponse): Response {
  const parsed = ErrorBodySchema.safeParse(problem.body);
  const body: ErrorBody = parsed.success
    ? parsed.data
    : { code: 'BACKEND_UNAVAILABLE', message: 'The backend could not describe the error.' };
  const status = ERROR_STATUS[body.code] ?? 503;
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...problem.headers } });
}

function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const essence = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (essence !== 'application/json') return false;
  // A charset other than UTF-8 would be decoded wrongly; refuse it rather than guess.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/**
 * Reads a JSON body: media type first, then the declared length, then the
 * bytes actually received (a client can lie about Content-Length or send
 * chunked), stopping as soon as the limit is passed.
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw new ProblemResponse('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json (UTF-8).');
  }
  const tooLarge = () =>
    new ProblemResponse('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof ProblemResponse) throw error;
      if (error instanceof BodyTooLargeError) throw tooLarge();
      throw new ProblemResponse('VALIDATION_FAILED', 'The request body could not be read.');
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProblemResponse('VALIDATION_FAILED', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new ProblemResponse('VALIDATION_FAILED', 'The request body is empty.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's own message quotes the input, which may hold a credential.
    throw new ProblemResponse('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
}

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  values?: unknown[];
  origin?: string;
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected ? `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}` : 'has the wrong type';
    case 'invalid_value':
      return issue.values?.length
        ? `must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`
        : 'has a value that is not allowed';
    case 'too_big':
      return 'is too long';
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : 'is too short';
    case 'invalid_format':
      return 'has the wrong format';
    default:
      return 'is invalid';
  }
}

/**
 * Parses a request body with its contract schema; the first problem becomes a
 * VALIDATION_FAILED naming the field. Input values are never echoed.
 */
export function parseBody<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as Issue | undefined;
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const what = issue ? describeIssue(issue) : 'is invalid';
  throw new ProblemResponse(
    'VALIDATION_FAILED',
    (field ? `${field} ${what}.` : `The request body ${what}.`).slice(0, 1000),
    field ? { field: field.slice(0, 100) } : {},
  );
}

export const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
