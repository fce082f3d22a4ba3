/**
 * The guided path as a pure function of (state, event). Every returned state is
 * a new frozen object; an event that is not allowed returns the current data
 * with `rejected` set and never throws.
 */
import type { ErrorCode } from '../contract/errors.js';
import type { AllowlistStatus, TargetRecord } from '../contract/schemas.js';
import {
  blockingLimitation,
  isCredentialKind,
  isGrantKind,
  testPattern,
  urlShape,
  type AuthMethod,
  type Edition,
  type Limitation,
  type Provider,
} from '../providers/types.js';
import { normalizeBaseUrl } from '../url/parse.js';
import { DRAFT_PHASES, editionState, keep, keptFor, statusState, withStatus } from './phases.js';
import type {
  AllowlistState,
  AuthRequiredState,
  AuthState,
  BaseUrlState,
  CheckingState,
  ConfirmedSite,
  ExistingTargetState,
  FallbackOrigin,
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

type CommonFields = Pick<FlowState, 'env' | 'rejected' | 'checkSeq' | 'kept'>;
interface ChosenFields {
  provider: Provider;
  edition: Edition;
  reconnect: TargetRecord | null;
}
type AuthFields = Pick<
  AuthState,
  'site' | 'method' | 'credentialEntered' | 'credentialFields' | 'authorization' | 'signing'
>;

const CONFIRMED: OwnershipConfirmation = Object.freeze({ ownership: true, exportAuthorization: true });

export { DRAFT_PHASES };

const freeze = <T extends FlowState>(s: T): T => Object.freeze(s);

function common(s: FlowState, kept: KeptChoices = s.kept): CommonFields {
  return { env: s.env, rejected: null, checkSeq: s.checkSeq, kept };
}

function chosen(s: ChosenFields): ChosenFields {
  return { provider: s.provider, edition: s.edition, reconnect: s.reconnect };
}

/** The same phase with some fields changed; being accepted clears `rejected`. */
function patch<T extends FlowState>(s: T, changes: Partial<T>): T {
  return freeze({ ...s, rejected: null, ...changes });
}

/** An accepted event that changes nothing keeps the very same object, unless a rejection must go. */
function unchanged<T extends FlowState>(s: T): T {
  return s.rejected ? patch(s, {}) : s;
}

/** The same data with the refusal recorded, plus what the refusal itself keeps (a draft, a field error). */
function reject<T extends FlowState>(
  s: T,
  event: { type: unknown },
  reason: RejectReason,
  changes: Partial<T> = {},
): T {
  // String(): untyped callers may send a type that is not a string at all.
  return freeze({ ...s, ...changes, rejected: { event: String(event.type) as FlowEvent['type'], reason } });
}

function toFlowError(input: FlowErrorInput): FlowError {
  const error: { -readonly [K in keyof FlowError]: FlowError[K] } = { code: input.code };
  if (input.message !== undefined) error.message = input.message;
  if (input.action !== undefined) error.action = input.action;
  if (input.field !== undefined) error.field = input.field;
  if (input.retry_after !== undefined) error.retryAfter = input.retry_after;
  if (input.target_id !== undefined) error.targetId = input.target_id;
  return error;
}

/** What a record (or a save answer) says about its failure, under the code the flow acts on. */
function recordError(t: TargetRecord, code: ErrorCode): FlowErrorInput {
  return { code, message: t.error?.message, action: t.error?.action };
}

/** Same tidying as the catalog's tenant validator: outer space and trailing slashes go. */
function tidyTenant(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}

/** The comparison form of a URL as this edition keeps it, or `null` when it cannot be a base URL. */
function normalizeFor(edition: Edition, raw: string): string | null {
  return normalizeBaseUrl(raw, urlShape(edition));
}

function findMethod(edition: Edition, id: string): AuthMethod | null {
  return edition.authMethods.find((m) => m.id === id) ?? null;
}

export { isCredentialKind, isGrantKind };

/** Why an event for one kind of method (typed secret or grant) does not fit the chosen one; `null` when it does. */
function kindMismatch(method: AuthMethod | null, fits: (m: AuthMethod) => boolean): RejectReason | null {
  if (!method) return 'auth-method-missing';
  return fits(method) ? null : 'wrong-auth-kind';
}

function defaultSigning(provider: Provider): AuthFields['signing'] {
  const options = provider.webhookSigning;
  if (!options || options.length === 0) return null;
  return (options.find((o) => o.isDefault) ?? options[0])?.id ?? null;
}

/** Allowlist statuses that give the backend a way to the host (`unreachable` does not). */
export function isUsableAllowlist(status: AllowlistStatus | null | undefined): status is UsableAllowlistStatus {
  return status === 'direct' || status === 'tunnel' || status === 'allowlist';
}

// ---------------------------------------------------------------- builders

export { initialState } from './phases.js';

/**
 * The credential step, entered afresh: the method, signing scheme and non-secret
 * fields chosen earlier in this draft are offered again; the credential and any
 * authorisation never are.
 */
function authState(
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

function authFields(s: AuthFields): AuthFields {
  return {
    site: s.site,
    method: s.method,
    credentialEntered: s.credentialEntered,
    credentialFields: s.credentialFields,
    authorization: s.authorization,
    signing: s.signing,
  };
}

function authRequiredState(
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

function limitationState(
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
function backendLimitation(c: CommonFields, ch: ChosenFields, input: FlowErrorInput): FlowState {
  const fallback = { id: 'backend-limitation', severity: 'blocks', message: input.message ?? '' } as const;
  return limitationState(c, ch, blockingLimitation(ch.edition) ?? fallback, toFlowError(input));
}

function tenantState(c: CommonFields, ch: ChosenFields, draft: string, error: FlowError | null = null): TenantState {
  return freeze({ ...c, ...chosen(ch), phase: 'tenant', tenantDraft: draft, error });
}

function ownershipState(
  c: CommonFields,
  ch: ChosenFields,
  tenant: string | null,
  urlDraft: string,
  error: FlowError | null = null,
): OwnershipState {
  return freeze({ ...c, ...chosen(ch), phase: 'ownership', tenant, urlDraft, error });
}

function baseUrlState(
  c: CommonFields,
  ch: ChosenFields,
  tenant: string | null,
  urlDraft: string,
  error: FlowError | null = null,
): BaseUrlState {
  return freeze({ ...c, ...chosen(ch), phase: 'base-url', tenant, ownership: CONFIRMED, urlDraft, error });
}

/** Stopped at a blocked URL; the failed checks and the backend's message come with it when it sent them. */
function urlBlockedState(
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
function allowlistState(
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
function recordState(
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
function enterEdition(
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
function afterTenant(c: CommonFields, ch: ChosenFields, tenant: string | null, urlDraft = c.kept.url): FlowState {
  if (ch.edition.baseUrl) {
    const { ownership, exportAuthorization } = c.kept.confirmations;
    if (ownership && exportAuthorization) return baseUrlState(c, ch, tenant, urlDraft);
    return ownershipState(c, ch, tenant, urlDraft);
  }
  return authState(c, ch, { kind: 'cloud', tenant });
}

const UNCONFIRMED = Object.freeze({ ownership: false, exportAuthorization: false });

/** A new draft for an edition: only the provider and the edition are kept. */
function keptForEdition(provider: Provider, edition: Edition): KeptChoices {
  return keep(keptFor(provider.id), { edition: edition.id });
}

/** Back from the first gate: to the mode choice, or to the record being reconnected. */
function beforeFirstGate(c: CommonFields, ch: ChosenFields): FlowState {
  if (ch.reconnect) return recordState(c, 'existing-target', ch, ch.reconnect);
  return editionState(c, ch.provider);
}

/** Back from the gate after the tenant: to the tenant when the edition has one, else before the first gate. */
function beforeTenantGate(c: CommonFields, ch: ChosenFields, tenant: string | null): FlowState {
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
function reconnectFromRecord(c: CommonFields, provider: Provider, edition: Edition, target: TargetRecord): FlowState {
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

function hasChosen(s: FlowState): s is Extract<FlowState, { edition: Edition; reconnect: TargetRecord | null }> {
  return 'edition' in s && 'reconnect' in s;
}

function extrasValid(method: AuthMethod, fields: Readonly<Record<string, string>>): boolean {
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
function saveFailure(s: SavingState, input: FlowErrorInput): FlowState {
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

function checkFailure(s: CheckingState, input: FlowErrorInput): FlowState {
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

// ---------------------------------------------------------------- transition

/**
 * Applies one event. Events the current phase does not allow come back as the
 * same data with `rejected` set; nothing here throws on a bad event.
 */
export function transition(state: FlowState, event: FlowEvent): FlowState {
  const c = common(state);
  const no = (reason: RejectReason = 'not-allowed-here'): FlowState => reject(state, event, reason);
  /** Refusal that names a save in flight as the reason. */
  const noOrBusy = (): FlowState => no(state.phase === 'saving' ? 'busy' : 'not-allowed-here');
  const busy = state.phase === 'saving' || state.phase === 'revoking';

  switch (event.type) {
    case 'status-loaded':
      return withStatus(state, event);

    case 'select-provider': {
      if (busy) return no('busy');
      // A blocked URL is not left for another provider (see select-edition).
      if (state.phase === 'url-blocked' || (state.phase !== 'status' && !DRAFT_PHASES.has(state.phase))) return no();
      if (hasChosen(state) && state.reconnect) return no('reconnect-fixed');
      if (state.phase !== 'status' && 'provider' in state && state.provider.id === event.provider.id) {
        return unchanged(state);
      }
      // The same provider again (after stepping back to the status) resumes its draft.
      const kept = state.kept.provider === event.provider.id ? state.kept : keptFor(event.provider.id);
      return editionState(common(state, kept), event.provider);
    }

    case 'select-edition': {
      if (busy) return no('busy');
      if (!DRAFT_PHASES.has(state.phase) || !('provider' in state)) return no();
      if (hasChosen(state) && state.reconnect) return no('reconnect-fixed');
      const edition = state.provider.editions.find((e) => e.id === event.editionId);
      if (!edition) return no('unknown-edition');
      // A blocked URL may only be left for a cloud target, the fallback or a new URL.
      if (state.phase === 'url-blocked' && edition.mode !== 'cloud') return no('not-a-cloud-edition');
      if (hasChosen(state) && state.edition.id === edition.id) return unchanged(state);
      const kept = state.kept.edition === edition.id ? state.kept : keptForEdition(state.provider, edition);
      return enterEdition(common(state, kept), { provider: state.provider, edition, reconnect: null });
    }

    case 'confirm-tenant': {
      if (state.phase !== 'tenant') return no();
      const field = state.edition.tenant;
      if (!field) return no();
      const value = tidyTenant(event.value);
      if (value === '' || value.length > 2048 || !testPattern(field.pattern, value)) {
        return reject(state, event, 'invalid-tenant', {
          tenantDraft: event.value,
          error: { code: 'VALIDATION_FAILED', field: field.name },
        });
      }
      return afterTenant(common(state, keep(state.kept, { tenant: value })), state, value);
    }

    case 'confirm-ownership': {
      const confirmations = Object.freeze({
        ownership: event.ownership === true,
        exportAuthorization: event.exportAuthorization === true,
      });
      const kept = keep(state.kept, { confirmations });
      const both = confirmations.ownership && confirmations.exportAuthorization;
      switch (state.phase) {
        case 'ownership':
          // One box ticked is remembered, but the URL field waits for both.
          if (!both) return reject(state, event, 'ownership-unconfirmed', { kept });
          return baseUrlState(common(state, kept), state, state.tenant, state.urlDraft);
        case 'base-url':
        case 'checking':
        case 'url-blocked':
          // Already given: nothing to confirm here.
          if (both) return no();
          // A confirmation taken back: the URL field goes, the typed URL is kept.
          return ownershipState(common(state, kept), state, state.tenant, state.phase === 'url-blocked' ? state.blocked.url : state.urlDraft);
        default:
          return no();
      }
    }

    case 'edit-base-url': {
      const edited = common(state, keep(state.kept, { url: event.value }));
      switch (state.phase) {
        case 'base-url':
        case 'checking':
        case 'url-blocked':
        case 'allowlist':
          return baseUrlState(edited, state, state.tenant, event.value);
        case 'auth':
        case 'auth-required':
          // Any edit after a passed check drops the check and the allowlist status.
          if (state.site.kind !== 'checked') return no();
          return baseUrlState(edited, state, state.site.tenant, event.value);
        default:
          return noOrBusy();
      }
    }

    case 'check-requested': {
      if (state.phase !== 'base-url') return no();
      const draft = event.baseUrl ?? state.urlDraft;
      const kept = keep(state.kept, { url: draft });
      const url = normalizeFor(state.edition, draft);
      if (url === null) {
        return reject(state, event, 'invalid-url', {
          urlDraft: draft,
          kept,
          error: { code: 'VALIDATION_FAILED', field: 'base_url' },
        });
      }
      const seq = state.checkSeq + 1;
      return freeze({
        ...common(state, kept),
        checkSeq: seq,
        ...chosen(state),
        phase: 'checking',
        tenant: state.tenant,
        ownership: CONFIRMED,
        urlDraft: draft,
        pending: { url, seq },
      });
    }

    case 'check-result': {
      if (state.phase !== 'checking' || event.seq !== state.pending.seq) return no('stale-result');
      const { result } = event;
      const { url } = state.pending;
      if (normalizeFor(state.edition, result.normalized_url) !== url) {
        // A pass for another URL says nothing about this one.
        return baseUrlState(c, state, state.tenant, state.urlDraft, { code: 'URL_CHECK_REQUIRED' });
      }
      const failed = result.checks.some((k) => k.status === 'failed');
      if (result.status !== 'passed' || failed || result.code !== undefined) {
        return urlBlockedState(c, state, state.tenant, url, { checks: result.checks });
      }
      return allowlistState(c, state, state.tenant, {
        url,
        checkId: result.check_id,
        checks: result.checks,
        addresses: result.addresses,
        expiresAt: result.expires_at,
        source: 'check',
      });
    }

    case 'check-failed': {
      if (state.phase !== 'checking' || event.seq !== state.pending.seq) return no('stale-result');
      return checkFailure(state, event.error);
    }

    case 'record-allowlist': {
      if (state.phase !== 'allowlist') return no();
      const kept = keep(state.kept, { allowlistStatus: event.status });
      if (event.status === 'unreachable') return patch(state, { allowlistStatus: 'unreachable', error: null, kept });
      const { tenant, check } = state;
      const allowlistStatus = event.status;
      return authState(common(state, kept), state, { kind: 'checked', tenant, ownership: CONFIRMED, check, allowlistStatus });
    }

    case 'choose-auth-method': {
      if (state.phase !== 'auth' && state.phase !== 'auth-required') return noOrBusy();
      const method = findMethod(state.edition, event.methodId);
      if (!method) return no('unknown-auth-method');
      if (state.phase === 'auth' && state.method?.id === method.id) return unchanged(state);
      return authState(common(state, keep(state.kept, { method: method.id })), state, state.site, method);
    }

    case 'credential-changed': {
      if (state.phase !== 'auth') return noOrBusy();
      const mismatch = kindMismatch(state.method, isCredentialKind);
      if (mismatch) return no(mismatch);
      return patch(state, { credentialEntered: event.entered, error: null });
    }

    case 'credential-field-changed': {
      if (state.phase !== 'auth') return noOrBusy();
      if (!state.method) return no('auth-method-missing');
      if (!(state.method.extraFields ?? []).some((f) => f.name === event.name)) return no('unknown-field');
      return patch(state, {
        credentialFields: { ...state.credentialFields, [event.name]: event.value },
        kept: keep(state.kept, { credentialFields: { ...state.kept.credentialFields, [event.name]: event.value } }),
      });
    }

    case 'select-signing': {
      if (state.phase !== 'auth') return noOrBusy();
      if (!(state.provider.webhookSigning ?? []).some((o) => o.id === event.signing)) return no('unknown-signing');
      return patch(state, { signing: event.signing, kept: keep(state.kept, { signing: event.signing }) });
    }

    case 'authorization-started': {
      if (state.phase !== 'auth') return noOrBusy();
      const mismatch = kindMismatch(state.method, isGrantKind);
      if (mismatch) return no(mismatch);
      return patch(state, { authorization: { status: 'pending' }, error: null });
    }

    // The outcome of a grant: only for the one that was started (so not while saving).
    case 'authorization-completed':
    case 'authorization-failed': {
      if (state.phase !== 'auth') return no();
      const mismatch = kindMismatch(state.method, isGrantKind);
      if (mismatch) return no(mismatch);
      if (state.authorization.status !== 'pending') return no();
      if (event.type === 'authorization-completed') {
        // An empty id is not a grant.
        if (event.authorizationId === '') return no();
        return patch(state, { authorization: { status: 'completed', authorizationId: event.authorizationId } });
      }
      if (event.error.code === 'PROVIDER_AUTH_REQUIRED') return authRequiredState(c, state, state, event.error);
      return patch(state, { authorization: { status: 'none' }, error: toFlowError(event.error) });
    }

    case 'retry-auth': {
      if (state.phase !== 'auth-required') return no();
      return authState(c, state, state.site, state.method);
    }

    case 'save-requested': {
      if (state.phase !== 'auth') return noOrBusy();
      const method = state.method;
      if (!method) return no('auth-method-missing');
      if (!authComplete(state)) return no('auth-incomplete');
      return freeze<SavingState>({ ...c, ...chosen(state), ...authFields(state), method, phase: 'saving' });
    }

    case 'saved': {
      if (state.phase !== 'saving') return no();
      const t = event.target;
      const site = state.site;
      const sameTarget =
        t.provider === state.provider.id &&
        t.edition === state.edition.id &&
        (state.reconnect === null || t.id === state.reconnect.id) &&
        (site.kind !== 'checked' || normalizeFor(state.edition, t.base_url ?? '') === site.check.url);
      if (!sameTarget) return saveFailure(state, { code: 'MALFORMED_RESPONSE' });
      // Never a saved target: the provider still wants its action first.
      if (t.state === 'auth_required') {
        return authRequiredState(c, state, state, recordError(t, 'PROVIDER_AUTH_REQUIRED'));
      }
      if (t.state === 'blocked') return saveFailure(state, t.error ?? { code: 'PROVIDER_BASE_URL_BLOCKED' });
      if (t.state !== 'connected' || !t.has_credentials) return saveFailure(state, { code: 'MALFORMED_RESPONSE' });
      return freeze({ ...common(state, keptFor(null)), ...chosen(state), phase: 'saved', target: t, method: state.method });
    }

    case 'save-failed': {
      if (state.phase !== 'saving') return no();
      return saveFailure(state, event.error);
    }

    case 'fallback-chosen': {
      if (busy) return no('busy');
      if (state.phase !== 'status' && !DRAFT_PHASES.has(state.phase)) return no();
      if (state.env.portableExport !== true) return no('fallback-unavailable');
      const origin = state as FallbackOrigin | CheckingState;
      // Coming back must not resume a request that was dropped, nor a credential that was cleared.
      const from: FallbackOrigin =
        origin.phase === 'checking'
          ? baseUrlState(c, origin, origin.tenant, origin.urlDraft)
          : patch(origin, origin.phase === 'auth' ? { credentialEntered: false } : {});
      return freeze({ ...c, phase: 'fallback', from });
    }

    case 'open-target': {
      if (state.phase !== 'status') return no();
      const t = event.target;
      if (t.provider !== event.provider.id) return no('provider-mismatch');
      const edition = event.provider.editions.find((e) => e.id === t.edition);
      if (!edition) return no('unknown-edition');
      const opened = common(state, keptForEdition(event.provider, edition));
      if (t.state === 'auth_required') return reconnectFromRecord(opened, event.provider, edition, t);
      return recordState(opened, 'existing-target', { provider: event.provider, edition }, t);
    }

    case 'reconnect': {
      if (state.phase !== 'existing-target') return no();
      const t = state.target;
      return enterEdition(
        common(state, keptForEdition(state.provider, state.edition)),
        { provider: state.provider, edition: state.edition, reconnect: t },
        { tenant: t.tenant ?? null, url: t.base_url ?? null },
      );
    }

    case 'revoke-started': {
      let target: TargetRecord;
      if (state.phase === 'existing-target') target = state.target;
      else if (state.phase === 'auth-required' && state.reconnect) target = state.reconnect;
      else return no();
      if (target.state === 'revoked' || !target.has_credentials) return no('no-credentials');
      return recordState(c, 'revoke-at-provider', state, target);
    }

    case 'revoked-at-provider-confirmed': {
      if (state.phase !== 'revoke-at-provider') return no();
      return freeze({ ...state, rejected: null, phase: 'revoke-disconnect', revokedAtProvider: true, error: null });
    }

    case 'disconnect-requested': {
      if (state.phase === 'revoking') return no('busy');
      if (state.phase !== 'revoke-disconnect') return no();
      const { error: _dropped, ...rest } = state;
      return freeze({ ...rest, rejected: null, phase: 'revoking' });
    }

    case 'revoke-completed':
    case 'revoke-failed': {
      if (state.phase !== 'revoking') return no();
      let error: FlowError;
      if (event.type === 'revoke-failed') error = toFlowError(event.error);
      else {
        const t = event.target;
        if (t.id === state.target.id && t.state === 'revoked' && !t.has_credentials) {
          const { revokedAtProvider: _r, ...rest } = state;
          return freeze({ ...rest, rejected: null, phase: 'revoked', target: t });
        }
        error = { code: 'MALFORMED_RESPONSE' };
      }
      // Back to the disconnect step, which can be sent again.
      return freeze({ ...state, rejected: null, phase: 'revoke-disconnect', error });
    }

    case 'back':
      return back(state, event);

    case 'cancel': {
      if (busy) return no('busy');
      if (state.phase === 'status') return no();
      return statusState(common(state, keptFor(null)));
    }

    default:
      // Unknown event types from untyped callers are refused like any other.
      return no();
  }
}

/** One step back. It only ever moves to an earlier gate, dropping what that gate produced. */
function back(state: FlowState, event: FlowEvent): FlowState {
  const c = common(state);
  switch (state.phase) {
    case 'status':
      return reject(state, event, 'not-allowed-here');
    case 'edition':
    case 'saved':
    case 'revoked':
    case 'existing-target':
      return statusState(c);
    case 'limitation-blocked':
    case 'tenant':
      return beforeFirstGate(c, state);
    case 'ownership':
      return beforeTenantGate(c, state, state.tenant);
    case 'base-url':
      // The confirmations stay given (and ticked) with the typed URL; unticking one withdraws them.
      return beforeTenantGate(c, state, state.tenant);
    case 'checking':
      return baseUrlState(c, state, state.tenant, state.urlDraft);
    case 'url-blocked':
      return baseUrlState(c, state, state.tenant, state.blocked.url);
    case 'allowlist':
      return baseUrlState(c, state, state.tenant, state.check.url);
    case 'auth': {
      const site = state.site;
      if (site.kind === 'checked') return allowlistState(c, state, site.tenant, site.check);
      return beforeTenantGate(c, state, site.tenant);
    }
    case 'auth-required':
      return authState(c, state, state.site, state.method);
    case 'saving':
    case 'revoking':
      return reject(state, event, 'busy');
    case 'fallback':
      return freeze({ ...state.from, env: state.env, checkSeq: state.checkSeq, rejected: null });
    case 'revoke-at-provider':
      return recordState(c, 'existing-target', state, state.target);
    case 'revoke-disconnect':
      return recordState(c, 'revoke-at-provider', state, state.target, state.method);
  }
}
