/**
 * One error type for every adapter, and the shared reading of a provider's refusal:
 * 401 means the credential no longer works, a refusal while writing means the chosen
 * destination is not writable, 429 means wait, a 5xx means the provider itself is
 * failing, a failed connection means the network path. Adapters refine it where their
 * provider answers differently.
 */
import type { ErrorCode } from '../../core/contract/errors.js';
import { TEST_EXPORT_ERROR_CODES, type TestExportError, type TestExportErrorCode } from '../../core/contract/export.js';
import type { Action } from '../../core/contract/primitives.js';
import type { ErrorBody } from '../../core/contract/schemas.js';
import { getProvider } from '../../core/providers/index.js';
import { redact, REDACT_MIN_RUN } from '../redact.js';
import type { ProviderContext } from './types.js';

export { redact };

export interface ProviderErrorOptions {
  action?: Action;
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfter?: number;
  /** The request field at fault, for VALIDATION_FAILED. */
  field?: string;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: ProviderErrorOptions = {},
  ) {
    super(message);
  }

  toErrorBody(): ErrorBody {
    const { action, retryAfter, field } = this.options;
    return {
      code: this.code,
      message: this.message,
      ...(action ? { action } : {}),
      ...(retryAfter !== undefined ? { retry_after: retryAfter } : {}),
      ...(field ? { field } : {}),
    };
  }

  toTestError(): TestExportError {
    const code: TestExportErrorCode = (TEST_EXPORT_ERROR_CODES as readonly string[]).includes(this.code)
      ? (this.code as TestExportErrorCode)
      : 'PROVIDER_LIMITATION';
    const { action, retryAfter } = this.options;
    return {
      code,
      message: this.message,
      ...(action ? { action } : {}),
      ...(retryAfter !== undefined ? { retry_after: retryAfter } : {}),
    };
  }
}

// ---------------------------------------------------------------- redaction

/** Shortest run of credential characters that counts as quoting it: the backend's own rule. */
const QUOTE_RUN = REDACT_MIN_RUN;
const MAX_MESSAGE = 300;

/** Every secret value the context holds; the fields are included because a Trello key travels with its token. */
export function secretsOf(ctx: ProviderContext): string[] {
  return [ctx.credential.secret, ...Object.values(ctx.credential.fields ?? {})].filter((s) => s.length >= QUOTE_RUN);
}

/** The provider's own words from an error answer, redacted and kept short. */
export function providerMessage(ctx: ProviderContext, body: unknown, text: string): string | undefined {
  const found = messageIn(body) ?? (text.trim() && !text.trimStart().startsWith('<') ? text.trim() : undefined);
  if (!found) return undefined;
  const clean = redact(found.replace(/\s+/g, ' '), secretsOf(ctx));
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
}

/** The message fields providers use: `message`, `errorMessages`, `errors`, `error_description`, `error`, `err`. */
function messageIn(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const first = (v: unknown): string | undefined => {
    if (typeof v === 'string' && v.trim()) return v;
    if (Array.isArray(v)) return v.map(first).find(Boolean);
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      return first(o['message']) ?? first(Object.values(o));
    }
    return undefined;
  };
  return (
    first(b['message']) ?? first(b['errorMessages']) ?? first(b['errors']) ?? first(b['error_description']) ?? first(b['error']) ?? first(b['err'])
  );
}

// ---------------------------------------------------------------- classification

/** A provider answer that was not a success, as the shared reading sees it. */
export interface Failure {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
  /** `write` when the call creates in the chosen destination. */
  purpose: 'read' | 'write';
}

const DEFAULT_RETRY = 60;

/** Seconds from Retry-After (seconds or an HTTP date), else from an epoch-seconds reset header. */
export function retryAfterSeconds(headers: Headers, now: Date, resetHeader?: string): number {
  const raw = headers.get('retry-after');
  if (raw && /^\d+$/.test(raw.trim())) return Number(raw.trim());
  if (raw) {
    const at = Date.parse(raw);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  const reset = resetHeader ? headers.get(resetHeader) : null;
  if (reset && /^\d+$/.test(reset.trim())) {
    const value = Number(reset.trim());
    // Seconds since the epoch, or milliseconds where a provider counts those.
    const atMs = value > 1e12 ? value : value * 1000;
    return Math.max(0, Math.ceil((atMs - now.getTime()) / 1000));
  }
  return DEFAULT_RETRY;
}

export function authRequired(ctx: ProviderContext, detail?: string): ProviderError {
  const label = ctx.method.authRequiredAction;
  const url = ctx.method.create?.url;
  return new ProviderError(
    'PROVIDER_AUTH_REQUIRED',
    `${ctx.edition.label} did not accept the saved credential${detail ? `: ${detail}` : '.'}`,
    { action: url ? { label, url } : { label } },
  );
}

export function notWritable(ctx: ProviderContext, detail?: string): ProviderError {
  return new ProviderError(
    'DESTINATION_NOT_WRITABLE',
    `The credential works, but ${ctx.edition.label} refused to create a ${noun(ctx)} there${detail ? `: ${detail}` : '.'}`,
    { action: { label: ctx.method.authRequiredAction } },
  );
}

export function limitation(message: string, action?: Action): ProviderError {
  return new ProviderError('PROVIDER_LIMITATION', message, action ? { action } : {});
}

export function rateLimited(ctx: ProviderContext, seconds: number): ProviderError {
  return new ProviderError('RATE_LIMITED', `${ctx.edition.label} asks to slow down; try again in ${seconds} seconds.`, {
    retryAfter: seconds,
    action: { label: `Wait ${seconds} seconds, then run the test again.` },
  });
}

export function unreachable(ctx: ProviderContext, detail: string): ProviderError {
  return new ProviderError('NETWORK_UNREACHABLE', `${ctx.edition.label} could not be reached: ${detail}`, {
    action: {
      label:
        'Check that the network path to the provider is open (firewall, VPN, DNS, allowlisted egress addresses) and that the provider is up, then try again.',
    },
  });
}

/** The provider answered, with a server error: nothing on our side or the customer's network to fix. */
export function unavailable(ctx: ProviderContext, status: number, detail?: string): ProviderError {
  return new ProviderError('PROVIDER_UNAVAILABLE', `${ctx.edition.label} answered with a server error (HTTP ${status})${detail ? `: ${detail}` : '.'}`, {
    action: { label: `Try again in a few minutes; if it keeps failing, check ${ctx.edition.label}'s status page.` },
  });
}

function noun(ctx: ProviderContext): string {
  return getProvider(ctx.provider)?.ticketNoun ?? 'ticket';
}

/** The shared reading of a refused call. */
export function classify(ctx: ProviderContext, failure: Failure): ProviderError {
  const { status, purpose } = failure;
  const detail = providerMessage(ctx, failure.body, failure.text);
  if (status === 401) return authRequired(ctx, detail);
  if (status === 429) return rateLimited(ctx, retryAfterSeconds(failure.headers, ctx.now?.() ?? new Date()));
  if (status >= 500) return unavailable(ctx, status, detail);
  if (status >= 300 && status < 400) {
    // A Location can echo the query, and with it a key or token sent there.
    const location = failure.headers.get('location');
    const to = location ? ` to ${redact(location, secretsOf(ctx))}` : '';
    return limitation(`${ctx.edition.label} answered with a redirect${to}; redirects are not followed with a credential. Use the current address.`);
  }
  if (purpose === 'write' && (status === 403 || status === 404)) return notWritable(ctx, detail);
  if (status === 403) return authRequired(ctx, detail);
  const label = ctx.edition.label;
  return limitation(`${label} answered HTTP ${status}${detail ? `: ${detail}` : '.'}`, {
    label:
      purpose === 'write'
        ? `Open this destination in ${label} and check that a ${noun(ctx)} can be created there (required fields, the feature turned on), or choose another destination.`
        : `Check the target's settings in ${label}, then try again.`,
  });
}
