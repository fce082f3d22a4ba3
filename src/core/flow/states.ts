/**
 * The states the flow machine builds, one builder per phase with the data that
 * phase may hold, the gates between them, and where a failed check or save
 * sends the flow back to. `machine.ts` decides which event leads where.
 */
import type { ErrorCode } from '../contract/errors.js';
import type { AllowlistStatus, TargetRecord } from '../contract/schemas.js';
import {
  blockingLimitation,
  isCredentialKind,
  testPattern,
  urlShape,
  type AuthMethod,
  type Edition,
  type Limitation,
  type Provider,
} from '../providers/types.js';
import { normalizeBaseUrl } from '../url/parse.js';
import { editionState, keep, keptFor } from './phases.js';
import type {
  AllowlistState,
  AuthRequiredState,
  AuthState,
  BaseUrlState,
  CheckingState,
  ConfirmedSite,
  ExistingTargetState,
  FlowError,
  FlowErrorInput,
  FlowEvent,
  FlowState,
  KeptChoices,
  LimitationBlockedState,
  OwnershipConfirmation,
  OwnershipState,
  PassedCheck,
  RejectReason,
  RevokeAtProviderState,
  SavingState,
  TenantState,
  UrlBlockedState,
  UsableAllowlistStatus,
} from './types.js';

export type CommonFields = Pick<FlowState, 'env' | 'rejected' | 'checkSeq' | 'kept'>;
export interface ChosenFields {
  provider: Provider;
  edition: Edition;
  reconnect: TargetRecord | null;
}
export type AuthFields = Pick<
  AuthState,
  'site' | 'method' | 'credentialEntered' | 'credentialFields' | 'authorization' | 'signing'
>;

export const CONFIRMED: OwnershipConfirmation = Object.freeze({ ownership: true, exportAuthorization: true });

export const freeze = <T extends FlowState>(s: T): T => Object.freeze(s);

export function common(s: FlowState, kept: KeptChoices = s.kept): CommonFields {
  return { env: s.env, rejected: null, checkSeq: s.checkSeq, kept };
}

export function chosen(s: ChosenFields): ChosenFields {
  return { provider: s.provider, edition: s.edition, reconnect: s.reconnect };
}

/** The same phase with some fields changed; being accepted clears `rejected`. */
export function patch<T extends FlowState>(s: T, changes: Partial<T>): T {
  return freeze({ ...s, rejected: null, ...changes });
}

/** An accepted event that changes nothing keeps the very same object, unless a rejection must go. */
export function unchanged<T extends FlowState>(s: T): T {
  return s.rejected ? patch(s, {}) : s;
}

/** The same data with the refusal recorded, plus what the refusal itself keeps (a draft, a field error). */
export function reject<T extends FlowState>(
  s: T,
  event: { type: unknown },
  reason: RejectReason,
  changes: Partial<T> = {},
): T {
  // String(): untyped callers may send a type that is not a string at all.
  return freeze({ ...s, ...changes, rejected: { event: String(event.type) as FlowEvent['type'], reason } });
}

export function toFlowError(input: FlowErrorInput): FlowError {
  const error: { -readonly [K in keyof FlowError]: FlowError[K] } = { code: input.code };
  if (input.message !== undefined) error.message = input.message;
  if (input.action !== undefined) error.action = input.action;
  if (input.field !== undefined) error.field = input.field;
  if (input.retry_after !== undefined) error.retryAfter = input.retry_after;
  if (input.target_id !== undefined) error.targetId = input.target_id;
  return error;
}

/** What a record (or a save answer) says about its failure, under the code the flow acts on. */
export function recordError(t: TargetRecord, code: ErrorCode): FlowErrorInput {
  return { code, message: t.error?.message, action: t.error?.action };
}

/** Same tidying as the catalog's tenant validator: outer space and trailing slashes go. */
export function tidyTenant(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}

/** The comparison form of a URL as this edition keeps it, or `null` when it cannot be a base URL. */
export function normalizeFor(edition: Edition, raw: string): string | null {
  return normalizeBaseUrl(raw, urlShape(edition));
}

export function findMethod(edition: Edition, id: string): AuthMethod | null {
  return edition.authMethods.find((m) => m.id === id) ?? null;
}

/** Why an event for one kind of method (typed secret or grant) does not fit the chosen one; `null` when it does. */
export function kindMismatch(method: AuthMethod | null, fits: (m: AuthMethod) => boolean): RejectReason | null {
  if (!method) return 'auth-method-missing';
  return fits(method) ? null : 'wrong-auth-kind';
}

export function defaultSigning(provider: Provider): AuthFields['signing'] {
  const options = provider.webhookSigning;
  if (!options || options.length === 0) return null;
  return (options.find((o) => o.isDefault) ?? options[0])?.id ?? null;
}

/** Allowlist statuses that give the backend a way to the host (`unreachable` does not). */
export function isUsableAllowlist(status: AllowlistStatus | null | undefined): status is UsableAllowlistStatus {
  return status === 'direct' || status === 'tunnel' || status === 'allowlist';
}

// ---------------------------------------------------------------- builders

/**
 * The credential step, entered afresh: the method, signing scheme and non-secret
 * fields chosen earlier in this draft are offered again; the credential and any
 * authorisation never are.
 */
export function authState(
  c: CommonFields,
  ch: ChosenFields,
  site: ConfirmedSite,
  method: AuthMethod | null = null,
): AuthState {
  const only = ch.edition.authMethods.length === 1 ? (ch.edition.authMethods[0] ?? null) : null;
  const kept = c.kept;
  const chosenMethod = method ?? (kept.method ? findMethod(ch.edition, kept.method) : null) ?? only;
  const names = new Set((chosenMethod?.extraFields ?? []).map((f) => f.name));
  const fields = Object.fromEntries(Object.entries(kept.credentialFields).filter(([name]) => names.has(name)));
  const signing = kept.signing && (ch.provider.webhookSigning ?? []).some((o) => o.id === kept.signing) ? kept.signing : defaultSigning(ch.provider);
  return freeze({
    ...c,
    ...chosen(ch),
    phase: 'auth',
    site,
    method: chosenMethod,
    credentialEntered: false,
    credentialFields: fields,
    authorization: { status: 'none' },
    signing,
    error: null,
  });
}

export function authFields(s: AuthFields): AuthFields {
  return {
    site: s.site,
    method: s.method,
    credentialEntered: s.credentialEntered,
    credentialFields: s.credentialFields,
    authorization: s.authorization,
    signing: s.signing,
  };
}

export function authRequiredState(
  c: CommonFields,
  ch: ChosenFields,
  a: AuthFields,
  error: FlowErrorInput,
): AuthRequiredState {
  const method = a.method;
  // Without an action from the backend, the catalog's words (and its link, if any).
  const fallbackAction = method
    ? { label: method.authRequiredAction, ...(method.create?.url ? { url: method.create.url } : {}) }
    : null;
  return freeze({
    ...c,
    ...chosen(ch),
    ...authFields(a),
    // The old credential or grant did not work; nothing of it is carried on.
    credentialEntered: false,
    authorization: { status: 'none' },
    phase: 'auth-required',
    action: error.action ?? fallbackAction,
    error: toFlowError(error),
  });
}

export function limitationState(
  c: CommonFields,
  ch: ChosenFields,
  limitation: Limitation,
  error: FlowError | null = null,
): LimitationBlockedState {
  return freeze({ ...c, ...chosen(ch), phase: 'limitation-blocked', limitation, error });
}

/**
 * PROVIDER_LIMITATION from the backend: the catalog's limitation if it lists
 * one, else the backend's words. The answer itself is kept too, so the
 * backend's action (where to go instead) reaches the customer.
 */
export function backendLimitation(c: CommonFields, ch: ChosenFields, input: FlowErrorInput): FlowState {
  const fallback = { id: 'backend-limitation', severity: 'blocks', message: input.message ?? '' } as const;
  return limitationState(c, ch, blockingLimitation(ch.edition) ?? fallback, toFlowError(input));
}

export function tenantState(c: CommonFields, ch: ChosenFields, draft: string, error: FlowError | null = null): TenantState {
  return freeze({ ...c, ...chosen(ch), phase: 'tenant', tenantDraft: draft, error });
}

export function ownershipState(
  c: CommonFields,
  ch: ChosenFields,
  tenant: string | null,
  urlDraft: string,
  error: FlowError | null = null,
): OwnershipState {
  return freeze({ ...c, ...chosen(ch), phase: 'ownership', tenant, urlDraft, error });
}

export function baseUrlState(
  c: CommonFields,
  ch: ChosenFields,
  tenant: string | null,
  urlDraft: string,
  error: FlowError | null = null,
): BaseUrlState {
  return freeze({ ...c, ...chosen(ch), phase: 'base-url', tenant, ownership: CONFIRMED, urlDraft, error });
}

/** Stopped at a blocked URL; the failed checks and the backend's message come with it when it sent them. */
export function urlBlockedState(
  c: CommonFields,
  ch: ChosenFields,
  tenant: string | null,
  url: string,
  why: Pick<FlowErrorInput, 'checks' | 'message'>,
): UrlBlockedState {
  return freeze({
    ...c,
    ...chosen(ch),
    phase: 'url-blocked',
    tenant,
    ownership: CONFIRMED,
    blocked: { url, checks: why.checks ?? [], message: why.message ?? null },
  });
}

/** A passed check waiting for its allowlist status (asked again whenever this step is re-entered). */
export function allowlistState(
  c: CommonFields,
  ch: ChosenFields,
  tenant: string | null,
  check: PassedCheck,
  error: FlowError | null = null,
): AllowlistState {
  return freeze({
    ...c,
    ...chosen(ch),
    phase: 'allowlist',
    tenant,
    ownership: CONFIRMED,
    check,
    allowlistStatus: null,
    error,
  });
}

/** A saved record opened for viewing, or on the first step of revoking it. */
export function recordState(
  c: CommonFields,
  phase: 'existing-target' | 'revoke-at-provider',
  s: Pick<ChosenFields, 'provider' | 'edition'>,
  target: TargetRecord,
  method = findMethod(s.edition, target.auth_method),
): ExistingTargetState | RevokeAtProviderState {
  return freeze({ ...c, phase, provider: s.provider, edition: s.edition, reconnect: null, target, method });
}

/**
 * The first gate after an edition is chosen: limitation, tenant, ownership, or
 * auth. Values come from `prefill` (a record being reconnected), else from what
 * this draft kept.
 */
export function enterEdition(
  c: CommonFields,
  ch: ChosenFields,
  prefill: { tenant?: string | null; url?: string | null } = {},
): FlowState {
  const block = blockingLimitation(ch.edition);
  if (block) return limitationState(c, ch, block);
  if (ch.edition.tenant) return tenantState(c, ch, prefill.tenant ?? c.kept.tenant ?? '');
  return afterTenant(c, ch, null, prefill.url ?? c.kept.url);
}

/** Past the tenant: the ownership gate (skipped to the URL while its confirmations are kept), or auth. */
export function afterTenant(c: CommonFields, ch: ChosenFields, tenant: string | null, urlDraft = c.kept.url): FlowState {
  if (ch.edition.baseUrl) {
    const { ownership, exportAuthorization } = c.kept.confirmations;
    if (ownership && exportAuthorization) return baseUrlState(c, ch, tenant, urlDraft);
    return ownershipState(c, ch, tenant, urlDraft);
  }
  return authState(c, ch, { kind: 'cloud', tenant });
}

export const UNCONFIRMED = Object.freeze({ ownership: false, exportAuthorization: false });

/** A new draft for an edition: only the provider and the edition are kept. */
export function keptForEdition(provider: Provider, edition: Edition): KeptChoices {
  return keep(keptFor(provider.id), { edition: edition.id });
}

/** Back from the first gate: to the mode choice, or to the record being reconnected. */
export function beforeFirstGate(c: CommonFields, ch: ChosenFields): FlowState {
  if (ch.reconnect) return recordState(c, 'existing-target', ch, ch.reconnect);
  return editionState(c, ch.provider);
}

/** Back from the gate after the tenant: to the tenant when the edition has one, else before the first gate. */
export function beforeTenantGate(c: CommonFields, ch: ChosenFields, tenant: string | null): FlowState {
  if (ch.edition.tenant) return tenantState(c, ch, tenant ?? '');
  return beforeFirstGate(c, ch);
}

/**
 * Reopening a target that needs auth. It goes straight to the auth step only
 * when the record carries everything the gates would have produced: a tenant
 * that still fits the pattern, and for URL editions the checked base URL, its
 * check id and a usable allowlist status. Ownership was confirmed when the
 * record was first saved (the backend refuses a save without it). The backend
 * re-checks the URL on save and may answer URL_CHECK_REQUIRED or
 * PROVIDER_BASE_URL_BLOCKED, which the flow handles like any save failure.
 * A record missing any of it walks the gates again with its values prefilled.
 */
export function reconnectFromRecord(c: CommonFields, provider: Provider, edition: Edition, target: TargetRecord): FlowState {
  const ch: ChosenFields = { provider, edition, reconnect: target };
  const block = blockingLimitation(edition);
  if (block) return limitationState(c, ch, block);

  const recorded = target.tenant ? tidyTenant(target.tenant) : null;
  if (edition.tenant && (recorded === null || !testPattern(edition.tenant.pattern, recorded))) {
    return tenantState(c, ch, recorded ?? '');
  }
  // A tenant on a record of an edition without one is not carried on.
  const tenant = edition.tenant ? recorded : null;
  let site: ConfirmedSite = { kind: 'cloud', tenant };
  if (edition.baseUrl) {
    const url = target.base_url ? normalizeFor(edition, target.base_url) : null;
    const status = target.allowlist_status;
    if (url === null || !target.check_id || !isUsableAllowlist(status)) {
      return ownershipState(c, ch, tenant, target.base_url ?? '');
    }
    site = {
      kind: 'checked',
      tenant,
      ownership: CONFIRMED,
      check: { url, checkId: target.check_id, checks: [], addresses: [], expiresAt: null, source: 'record' },
      allowlistStatus: status,
    };
  }
  const auth = authState(c, ch, site, findMethod(edition, target.auth_method));
  return authRequiredState(c, ch, auth, recordError(target, target.error?.code ?? 'PROVIDER_AUTH_REQUIRED'));
}

// ---------------------------------------------------------------- guards

export function hasChosen(s: FlowState): s is Extract<FlowState, { edition: Edition; reconnect: TargetRecord | null }> {
  return 'edition' in s && 'reconnect' in s;
}

export function extrasValid(method: AuthMethod, fields: Readonly<Record<string, string>>): boolean {
  return (method.extraFields ?? []).every((f) => {
    const value = fields[f.name]?.trim() ?? '';
    return value !== '' && (f.pattern === undefined || testPattern(f.pattern, value));
  });
}

/** Whether an auth-phase state holds everything a save needs. */
export function authComplete(s: AuthFields): boolean {
  const m = s.method;
  if (!m) return false;
  const done = isCredentialKind(m) ? s.credentialEntered : s.authorization.status === 'completed';
  return done && extrasValid(m, s.credentialFields);
}

// ---------------------------------------------------------------- failures

/** A failed save goes back to the gate the failure is about; anything else stays at auth for a retry. */
export function saveFailure(s: SavingState, input: FlowErrorInput): FlowState {
  const c = common(s);
  const error = toFlowError(input);
  const site = s.site;
  if (site.kind === 'checked') {
    const { tenant, check } = site;
    switch (input.code) {
      case 'PROVIDER_BASE_URL_BLOCKED':
        return urlBlockedState(c, s, tenant, check.url, input);
      case 'URL_CHECK_REQUIRED':
        return baseUrlState(c, s, tenant, check.url, error);
      case 'ALLOWLIST_STATUS_MISSING':
        return allowlistState(c, s, tenant, check, error);
      case 'OWNERSHIP_UNCONFIRMED':
        // The backend did not take the confirmations: they are asked again.
        return ownershipState(common(s, keep(s.kept, { confirmations: UNCONFIRMED })), s, tenant, check.url, error);
    }
  } else if (input.code === 'OWNERSHIP_UNCONFIRMED' && s.edition.tenant) {
    return tenantState(common(s, keep(s.kept, { tenant: null })), s, site.tenant ?? '', error);
  }
  if (input.code === 'PROVIDER_AUTH_REQUIRED') return authRequiredState(c, s, s, input);
  if (input.code === 'PROVIDER_LIMITATION') return backendLimitation(c, s, input);
  // A rejected credential must be entered (or granted) again; other failures keep it for a retry.
  const keepGrant = input.code !== 'CREDENTIALS_REJECTED';
  return freeze<AuthState>({
    ...c,
    ...chosen(s),
    ...authFields(s),
    phase: 'auth',
    credentialEntered: keepGrant ? s.credentialEntered : false,
    authorization: keepGrant ? s.authorization : { status: 'none' },
    error,
  });
}

export function checkFailure(s: CheckingState, input: FlowErrorInput): FlowState {
  const c = common(s);
  switch (input.code) {
    case 'PROVIDER_BASE_URL_BLOCKED':
      return urlBlockedState(c, s, s.tenant, s.pending.url, input);
    case 'OWNERSHIP_UNCONFIRMED':
      return ownershipState(common(s, keep(s.kept, { confirmations: UNCONFIRMED })), s, s.tenant, s.urlDraft, toFlowError(input));
    case 'PROVIDER_LIMITATION':
      return backendLimitation(c, s, input);
    default:
      return baseUrlState(c, s, s.tenant, s.urlDraft, toFlowError(input));
  }
}

