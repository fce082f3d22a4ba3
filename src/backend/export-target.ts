/**
 * What the export routes share: the saved target with its live credential,
 * the adapter context built from them, and a provider's refusal as a contract
 * error. A revoked target, or one without a credential, answers
 * PROVIDER_AUTH_REQUIRED with the catalog's action for its method; nothing of
 * the credential leaves this module except inside the adapter context.
 */
import type { TargetRecord } from '../core/contract/index.js';
import { findAuthMethod, getEdition } from '../core/providers/index.js';
import type { AuthMethod } from '../core/providers/types.js';
import { authRequired } from './catalog.js';
import type { BackendContext, RequestScope } from './context.js';
import { ProblemResponse, type BackendErrorCode } from './http.js';
import { adapterFor, ProviderError, resolveContext, type ProviderAdapter, type ProviderContext } from './providers/index.js';
import type { StoredSecret } from './store/types.js';

export interface LiveTarget {
  record: TargetRecord;
  method: AuthMethod;
  secret: StoredSecret;
}

const notFound = () => new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id.');

/** The target's record and catalog method, or TARGET_NOT_FOUND. */
export async function savedTarget(ctx: BackendContext, id: string | undefined): Promise<{ record: TargetRecord; method: AuthMethod }> {
  await ctx.ensureSeeded();
  const record = id === undefined ? undefined : await ctx.store.getTarget(id);
  if (!record) throw notFound();
  const edition = getEdition(record.provider, record.edition, ctx.providers);
  const method = edition && findAuthMethod(edition, record.auth_method);
  if (!method) throw new ProblemResponse('BACKEND_UNAVAILABLE', 'This target is stored with an auth method the catalog no longer has.');
  return { record, method };
}

/** PROVIDER_AUTH_REQUIRED for a target that holds no live credential (revoked, or never given one). */
export function credentialMissing(record: TargetRecord, method: AuthMethod): ProblemResponse {
  return authRequired(
    method,
    record.state === 'revoked'
      ? 'This target was revoked. Reconnect it with a new credential before choosing where tickets go.'
      : 'This target holds no credential. Reconnect it before choosing where tickets go.',
  );
}

/** True when a record may still be used for export: not revoked, and its secret is held. */
export const isLive = (record: TargetRecord, hasSecret: boolean): boolean => record.state !== 'revoked' && record.has_credentials && hasSecret;

/** The target with its credential, ready for a provider call; the credential is added to the request's redaction list. */
export async function liveTarget(ctx: BackendContext, scope: RequestScope): Promise<LiveTarget> {
  const { record, method } = await savedTarget(ctx, scope.id);
  const secret = record.state === 'revoked' || !record.has_credentials ? undefined : await ctx.store.getSecret(record.id);
  if (!secret) throw credentialMissing(record, method);
  scope.secrets.push(secret.credential, ...Object.values(secret.fields ?? {}));
  if (record.state === 'blocked') {
    throw new ProblemResponse('PROVIDER_BASE_URL_BLOCKED', 'This target is blocked. Reconnect it after its base URL passes the checks again.');
  }
  return { record, method, secret };
}

/** The adapter for the target's provider: the integrator's, else the shipped one. */
export function adapterOf(ctx: BackendContext, record: TargetRecord): ProviderAdapter {
  return ctx.options.adapters?.[record.provider] ?? adapterFor(record.provider);
}

/** The adapter context for one request; provider calls go only through the backend's `providerFetch`. */
export async function providerContext(ctx: BackendContext, scope: RequestScope, live: LiveTarget): Promise<ProviderContext> {
  const providerFetch = ctx.options.providerFetch;
  if (!providerFetch) {
    throw new ProblemResponse('BACKEND_UNAVAILABLE', 'This backend is not set up to call providers (no providerFetch service).');
  }
  const send = ((input: string | URL | Request, init?: RequestInit) => providerFetch(new Request(input, init))) as typeof fetch;
  const credential = { secret: live.secret.credential, ...(live.secret.fields ? { fields: live.secret.fields } : {}) };
  try {
    return await resolveContext(live.record, credential, {
      fetch: send,
      signal: scope.request.signal,
      now: () => new Date(ctx.now()),
      providers: ctx.providers,
    });
  } catch (error) {
    throw error instanceof ProviderError ? providerProblem(error) : error;
  }
}

/** A provider's refusal as the contract error the route answers with. */
export function providerProblem(error: ProviderError): ProblemResponse {
  const { code, message, ...extra } = error.toErrorBody();
  // Adapters use codes the backend sends; a client-only code would be a bug, answered as one.
  if (code === 'MALFORMED_RESPONSE' || code === 'REQUEST_TIMEOUT' || code === 'REQUEST_ABORTED' || code === 'AUTH_POPUP_BLOCKED' || code === 'AUTH_CANCELLED') {
    return new ProblemResponse('BACKEND_UNAVAILABLE', 'The provider call failed in an unexpected way.');
  }
  return new ProblemResponse(code satisfies BackendErrorCode, message, extra);
}
