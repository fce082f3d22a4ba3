/**
 * The guided path as a pure function of (state, event). Every returned state is
 * a new frozen object; an event that is not allowed returns the current data
 * with `rejected` set and never throws.
 */
import type { AllowlistStatus, TargetRecord } from '../contract/schemas.js';
import { urlShape, type AuthMethod, type Edition, type Limitation, type Provider } from '../providers/types.js';
import { normalizeBaseUrl } from './normalize.js';
import type {
  AllowlistState,
  AuthRequiredState,
  AuthState,
  AuthorizationProgress,
  BaseUrlState,
  ConfirmedSite,
  EditionState,
  ExistingTargetState,
  FallbackOrigin,
  FallbackState,
  FlowEnv,
  FlowError,
  FlowErrorInput,
  FlowEvent,
  FlowState,
  InitialStateOptions,
  LimitationBlockedState,
  OwnershipConfirmation,
  OwnershipState,
  PassedCheck,
  RejectReason,
  SavingState,
  StatusState,
  TenantState,
  UrlBlockedState,
  UsableAllowlistStatus,
} from './types.js';

type CommonFields = Pick<FlowState, 'env' | 'rejected' | 'checkSeq'>;
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

const freeze = <T extends FlowState>(s: T): T => Object.freeze(s);

function common(s: FlowState): CommonFields {
  return { env: s.env, rejected: null, checkSeq: s.checkSeq };
}

function chosen(s: ChosenFields): ChosenFields {
  return { provider: s.provider, edition: s.edition, reconnect: s.reconnect };
}

function reject(state: FlowState, event: FlowEvent, reason: RejectReason): FlowState {
  return freeze({ ...state, rejected: { event: event.type, reason } });
}

function toFlowError(input: FlowErrorInput): FlowError {
  const error: { -readonly [K in keyof FlowError]: FlowError[K] } = { code: input.code };
  if (input.message !== undefined) error.message = input.message;
  if (input.action !== undefined) error.action = input.action;
  if (input.field !== undefined) error.field = input.field;
  if (input.retry_after !== undefined) error.retryAfter = input.retry_after;
  return error;
}

/** Pattern test that ignores a global or sticky flag on catalog patterns. */
function matches(pattern: RegExp, value: string): boolean {
  const re = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
  return re.test(value);
}

/** Same tidying as the catalog's tenant validator: outer space and trailing slashes go. */
function tidyTenant(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}

function keepsContextPath(edition: Edition): boolean | undefined {
  return urlShape(edition);
}

export function blockingLimitation(edition: Edition): Limitation | undefined {
  return edition.limitations.find((l) => l.severity === 'blocks');
}

function findMethod(edition: Edition, id: string): AuthMethod | null {
  return edition.authMethods.find((m) => m.id === id) ?? null;
}

export function isCredentialKind(method: AuthMethod): boolean {
  return method.kind === 'token' || method.kind === 'signing-secret';
}

export function isGrantKind(method: AuthMethod): boolean {
  return method.kind === 'oauth' || method.kind === 'app-install';
}

function defaultSigning(provider: Provider): AuthFields['signing'] {
  const options = provider.webhookSigning;
  if (!options || options.length === 0) return null;
  return (options.find((o) => o.isDefault) ?? options[0])?.id ?? null;
}

function usable(status: AllowlistStatus | null | undefined): status is UsableAllowlistStatus {
  return status === 'direct' || status === 'tunnel' || status === 'allowlist';
}

// ---------------------------------------------------------------- builders

export function initialState(opts: InitialStateOptions = {}): FlowState {
  const env: FlowEnv = Object.freeze({
    portableExport: opts.portableExportAvailable ?? null,
    egressAddresses: Object.freeze([...(opts.egressAddresses ?? [])]),
  });
  const base = { env, rejected: null, checkSeq: 0 };
  if (opts.provider) return freeze<EditionState>({ ...base, phase: 'edition', provider: opts.provider });
  return freeze<StatusState>({ ...base, phase: 'status' });
}

function statusState(c: CommonFields): StatusState {
  return freeze({ ...c, phase: 'status' });
}

function authState(
  c: CommonFields,
  ch: ChosenFields,
  site: ConfirmedSite,
  method: AuthMethod | null = null,
): AuthState {
  const only = ch.edition.authMethods.length === 1 ? (ch.edition.authMethods[0] ?? null) : null;
  return freeze({
    ...c,
    ...chosen(ch),
    phase: 'auth',
    site,
    method: method ?? only,
    credentialEntered: false,
    credentialFields: {},
    authorization: { status: 'none' },
    signing: defaultSigning(ch.provider),
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
  const fallbackAction = method
    ? method.create?.url
      ? { label: method.authRequiredAction, url: method.create.url }
      : { label: method.authRequiredAction }
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

function limitationState(c: CommonFields, ch: ChosenFields, limitation: Limitation): LimitationBlockedState {
  return freeze({ ...c, ...chosen(ch), phase: 'limitation-blocked', limitation });
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

function tenantState(c: CommonFields, ch: ChosenFields, draft: string, error: FlowError | null = null): TenantState {
  return freeze({ ...c, ...chosen(ch), phase: 'tenant', tenantDraft: draft, error });
}

/** The first gate after an edition is chosen: limitation, tenant, ownership, or auth. */
function enterEdition(
  c: CommonFields,
  ch: ChosenFields,
  prefill: { tenant?: string | null; url?: string | null } = {},
): FlowState {
  const block = blockingLimitation(ch.edition);
  if (block) return limitationState(c, ch, block);
  if (ch.edition.tenant) return tenantState(c, ch, prefill.tenant ?? '');
  return afterTenant(c, ch, null, prefill.url ?? '');
}

function afterTenant(c: CommonFields, ch: ChosenFields, tenant: string | null, urlDraft = ''): FlowState {
  if (ch.edition.baseUrl) return ownershipState(c, ch, tenant, urlDraft);
  return authState(c, ch, { kind: 'cloud', tenant });
}

/** Back from the first gate: to the mode choice, or to the record being reconnected. */
function beforeFirstGate(c: CommonFields, ch: ChosenFields): FlowState {
  if (ch.reconnect) return existingTargetState(c, ch.provider, ch.edition, ch.reconnect);
  return freeze<EditionState>({ ...c, phase: 'edition', provider: ch.provider });
}

function existingTargetState(
  c: CommonFields,
  provider: Provider,
  edition: Edition,
  target: TargetRecord,
): ExistingTargetState {
  return freeze({
    ...c,
    phase: 'existing-target',
    provider,
    edition,
    reconnect: null,
    target,
    method: findMethod(edition, target.auth_method),
  });
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

  const tenant = target.tenant ? tidyTenant(target.tenant) : null;
  if (edition.tenant && (tenant === null || !matches(edition.tenant.pattern, tenant))) {
    return tenantState(c, ch, tenant ?? '');
  }
  let site: ConfirmedSite;
  if (edition.baseUrl) {
    const url = target.base_url ? normalizeBaseUrl(target.base_url, keepsContextPath(edition)) : null;
    const status = target.allowlist_status;
    if (url === null || !target.check_id || !usable(status)) {
      return ownershipState(c, ch, edition.tenant ? tenant : null, target.base_url ?? '');
    }
    site = {
      kind: 'checked',
      tenant: edition.tenant ? tenant : null,
      ownership: CONFIRMED,
      check: { url, checkId: target.check_id, checks: [], addresses: [], expiresAt: null, source: 'record' },
      allowlistStatus: status,
    };
  } else {
    site = { kind: 'cloud', tenant: edition.tenant ? tenant : null };
  }
  const method = findMethod(edition, target.auth_method);
  const auth = authState(c, ch, site, method);
  return authRequiredState(c, ch, auth, {
    code: target.error?.code ?? 'PROVIDER_AUTH_REQUIRED',
    ...(target.error?.message !== undefined ? { message: target.error.message } : {}),
    ...(target.error?.action !== undefined ? { action: target.error.action } : {}),
  });
}

// ---------------------------------------------------------------- guards

function hasChosen(s: FlowState): s is Extract<FlowState, { edition: Edition; reconnect: TargetRecord | null }> {
  return 'edition' in s && 'reconnect' in s;
}

/** Phases where the draft target may be redirected to another provider or edition. */
const EDITING = new Set<FlowState['phase']>([
  'edition',
  'limitation-blocked',
  'tenant',
  'ownership',
  'base-url',
  'checking',
  'allowlist',
  'auth',
  'auth-required',
]);

const FALLBACK_FROM = new Set<FlowState['phase']>([
  'status',
  'edition',
  'limitation-blocked',
  'tenant',
  'ownership',
  'base-url',
  'checking',
  'url-blocked',
  'allowlist',
  'auth',
  'auth-required',
]);

function extrasValid(method: AuthMethod, fields: Readonly<Record<string, string>>): boolean {
  return (method.extraFields ?? []).every((f) => {
    const value = fields[f.name]?.trim() ?? '';
    return value !== '' && (f.pattern === undefined || matches(f.pattern, value));
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

function saveFailure(s: SavingState, input: FlowErrorInput): FlowState {
  const c = common(s);
  const error = toFlowError(input);
  const site = s.site;
  const backToAuth = (keep: boolean): AuthState =>
    freeze({
      ...c,
      ...chosen(s),
      ...authFields(s),
      phase: 'auth',
      credentialEntered: keep ? s.credentialEntered : false,
      authorization: keep ? s.authorization : { status: 'none' },
      error,
    });
  switch (input.code) {
    case 'PROVIDER_AUTH_REQUIRED':
      return authRequiredState(c, s, s, input);
    case 'PROVIDER_BASE_URL_BLOCKED':
      if (site.kind !== 'checked') return backToAuth(true);
      return freeze<UrlBlockedState>({
        ...c,
        ...chosen(s),
        phase: 'url-blocked',
        tenant: site.tenant,
        ownership: CONFIRMED,
        blocked: { url: site.check.url, checks: input.checks ?? [], message: input.message ?? null },
      });
    case 'URL_CHECK_REQUIRED':
      if (site.kind !== 'checked') return backToAuth(true);
      return baseUrlState(c, s, site.tenant, site.check.url, error);
    case 'ALLOWLIST_STATUS_MISSING':
      if (site.kind !== 'checked') return backToAuth(true);
      return freeze<AllowlistState>({
        ...c,
        ...chosen(s),
        phase: 'allowlist',
        tenant: site.tenant,
        ownership: CONFIRMED,
        check: site.check,
        allowlistStatus: null,
        error,
      });
    case 'OWNERSHIP_UNCONFIRMED':
      if (site.kind === 'checked') return ownershipState(c, s, site.tenant, site.check.url, error);
      if (s.edition.tenant) return tenantState(c, s, site.tenant ?? '', error);
      return backToAuth(true);
    case 'PROVIDER_LIMITATION':
      return limitationState(
        c,
        s,
        blockingLimitation(s.edition) ?? {
          id: 'backend-limitation',
          severity: 'blocks',
          message: input.message ?? '',
        },
      );
    case 'CREDENTIALS_REJECTED':
      return backToAuth(false);
    default:
      return backToAuth(true);
  }
}

function checkFailure(
  s: Extract<FlowState, { phase: 'checking' }>,
  input: FlowErrorInput,
): FlowState {
  const c = common(s);
  const error = toFlowError(input);
  switch (input.code) {
    case 'PROVIDER_BASE_URL_BLOCKED':
      return freeze<UrlBlockedState>({
        ...c,
        ...chosen(s),
        phase: 'url-blocked',
        tenant: s.tenant,
        ownership: CONFIRMED,
        blocked: { url: s.pending.url, checks: input.checks ?? [], message: input.message ?? null },
      });
    case 'OWNERSHIP_UNCONFIRMED':
      return ownershipState(c, s, s.tenant, s.urlDraft, error);
    case 'PROVIDER_LIMITATION':
      return limitationState(
        c,
        s,
        blockingLimitation(s.edition) ?? { id: 'backend-limitation', severity: 'blocks', message: input.message ?? '' },
      );
    default:
      return baseUrlState(c, s, s.tenant, s.urlDraft, error);
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

  switch (event.type) {
    case 'status-loaded': {
      const env: FlowEnv = Object.freeze({
        portableExport: event.portableExportAvailable,
        egressAddresses: Object.freeze([...(event.egressAddresses ?? state.env.egressAddresses)]),
      });
      return freeze({ ...state, env, rejected: null });
    }

    case 'select-provider': {
      if (state.phase === 'saving' || state.phase === 'revoking') return no('busy');
      if (state.phase !== 'status' && !EDITING.has(state.phase)) return no();
      if (hasChosen(state) && state.reconnect) return no('reconnect-fixed');
      if (state.phase !== 'status' && 'provider' in state && state.provider.id === event.provider.id) {
        return state.rejected ? freeze({ ...state, rejected: null }) : state;
      }
      return freeze<EditionState>({ ...c, phase: 'edition', provider: event.provider });
    }

    case 'select-edition': {
      if (state.phase === 'saving' || state.phase === 'revoking') return no('busy');
      if (!EDITING.has(state.phase) && state.phase !== 'url-blocked') return no();
      if (!('provider' in state)) return no();
      if (hasChosen(state) && state.reconnect) return no('reconnect-fixed');
      const edition = state.provider.editions.find((e) => e.id === event.editionId);
      if (!edition) return no('unknown-edition');
      // A blocked URL may only be left for a cloud target, the fallback or a new URL.
      if (state.phase === 'url-blocked' && edition.mode !== 'cloud') return no('not-a-cloud-edition');
      if (hasChosen(state) && state.edition.id === edition.id) {
        return state.rejected ? freeze({ ...state, rejected: null }) : state;
      }
      return enterEdition(c, { provider: state.provider, edition, reconnect: null });
    }

    case 'confirm-tenant': {
      if (state.phase !== 'tenant') return no();
      const field = state.edition.tenant;
      if (!field) return no();
      const value = tidyTenant(event.value);
      if (value === '' || value.length > 2048 || !matches(field.pattern, value)) {
        return freeze<TenantState>({
          ...state,
          tenantDraft: event.value,
          error: { code: 'VALIDATION_FAILED', field: field.name },
          rejected: { event: event.type, reason: 'invalid-tenant' },
        });
      }
      return afterTenant(c, state, value);
    }

    case 'confirm-ownership': {
      if (state.phase !== 'ownership') return no();
      if (event.ownership !== true || event.exportAuthorization !== true) return no('ownership-unconfirmed');
      return baseUrlState(c, state, state.tenant, state.urlDraft);
    }

    case 'edit-base-url': {
      switch (state.phase) {
        case 'base-url':
        case 'checking':
        case 'url-blocked':
        case 'allowlist':
          return baseUrlState(c, state, state.tenant, event.value);
        case 'auth':
        case 'auth-required':
          // Any edit after a passed check drops the check and the allowlist status.
          if (state.site.kind !== 'checked') return no();
          return baseUrlState(c, state, state.site.tenant, event.value);
        case 'saving':
          return no('busy');
        default:
          return no();
      }
    }

    case 'check-requested': {
      if (state.phase !== 'base-url') return no();
      const draft = event.baseUrl ?? state.urlDraft;
      const url = normalizeBaseUrl(draft, keepsContextPath(state.edition));
      if (url === null) {
        return freeze<BaseUrlState>({
          ...state,
          urlDraft: draft,
          error: { code: 'VALIDATION_FAILED', field: 'base_url' },
          rejected: { event: event.type, reason: 'invalid-url' },
        });
      }
      const seq = state.checkSeq + 1;
      return freeze({
        ...c,
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
      const result = event.result;
      const answered = normalizeBaseUrl(result.normalized_url, keepsContextPath(state.edition));
      if (answered !== state.pending.url) {
        // A pass for another URL says nothing about this one.
        return baseUrlState(c, state, state.tenant, state.urlDraft, { code: 'URL_CHECK_REQUIRED' });
      }
      const failed = result.checks.some((k) => k.status === 'failed');
      if (result.status !== 'passed' || failed || result.code !== undefined) {
        return freeze<UrlBlockedState>({
          ...c,
          ...chosen(state),
          phase: 'url-blocked',
          tenant: state.tenant,
          ownership: CONFIRMED,
          blocked: { url: state.pending.url, checks: result.checks, message: null },
        });
      }
      const check: PassedCheck = {
        url: state.pending.url,
        checkId: result.check_id,
        checks: result.checks,
        addresses: result.addresses,
        expiresAt: result.expires_at,
        source: 'check',
      };
      return freeze<AllowlistState>({
        ...c,
        ...chosen(state),
        phase: 'allowlist',
        tenant: state.tenant,
        ownership: CONFIRMED,
        check,
        allowlistStatus: null,
        error: null,
      });
    }

    case 'check-failed': {
      if (state.phase !== 'checking' || event.seq !== state.pending.seq) return no('stale-result');
      return checkFailure(state, event.error);
    }

    case 'record-allowlist': {
      if (state.phase !== 'allowlist') return no();
      if (event.status === 'unreachable') {
        return freeze<AllowlistState>({ ...state, rejected: null, allowlistStatus: 'unreachable', error: null });
      }
      const status: UsableAllowlistStatus = event.status;
      return authState(c, state, {
        kind: 'checked',
        tenant: state.tenant,
        ownership: CONFIRMED,
        check: state.check,
        allowlistStatus: status,
      });
    }

    case 'choose-auth-method': {
      if (state.phase === 'saving') return no('busy');
      if (state.phase !== 'auth' && state.phase !== 'auth-required') return no();
      const method = findMethod(state.edition, event.methodId);
      if (!method) return no('unknown-auth-method');
      if (state.phase === 'auth' && state.method?.id === method.id) {
        return state.rejected ? freeze({ ...state, rejected: null }) : state;
      }
      return authState(c, state, state.site, method);
    }

    case 'credential-changed': {
      if (state.phase === 'saving') return no('busy');
      if (state.phase !== 'auth') return no();
      if (!state.method) return no('auth-method-missing');
      if (!isCredentialKind(state.method)) return no('wrong-auth-kind');
      return freeze<AuthState>({ ...state, rejected: null, credentialEntered: event.entered, error: null });
    }

    case 'credential-field-changed': {
      if (state.phase !== 'auth') return no(state.phase === 'saving' ? 'busy' : 'not-allowed-here');
      if (!state.method) return no('auth-method-missing');
      if (!(state.method.extraFields ?? []).some((f) => f.name === event.name)) return no('unknown-field');
      return freeze<AuthState>({
        ...state,
        rejected: null,
        credentialFields: { ...state.credentialFields, [event.name]: event.value },
      });
    }

    case 'select-signing': {
      if (state.phase !== 'auth') return no(state.phase === 'saving' ? 'busy' : 'not-allowed-here');
      if (!(state.provider.webhookSigning ?? []).some((o) => o.id === event.signing)) return no('unknown-signing');
      return freeze<AuthState>({ ...state, rejected: null, signing: event.signing });
    }

    case 'authorization-started': {
      if (state.phase !== 'auth') return no(state.phase === 'saving' ? 'busy' : 'not-allowed-here');
      if (!state.method) return no('auth-method-missing');
      if (!isGrantKind(state.method)) return no('wrong-auth-kind');
      return freeze<AuthState>({ ...state, rejected: null, authorization: { status: 'pending' }, error: null });
    }

    case 'authorization-completed': {
      if (state.phase !== 'auth') return no();
      if (!state.method) return no('auth-method-missing');
      if (!isGrantKind(state.method)) return no('wrong-auth-kind');
      // A result nobody started (or an empty id) is not a grant.
      if (state.authorization.status !== 'pending' || event.authorizationId === '') return no();
      const authorization: AuthorizationProgress = { status: 'completed', authorizationId: event.authorizationId };
      return freeze<AuthState>({ ...state, rejected: null, authorization });
    }

    case 'authorization-failed': {
      if (state.phase !== 'auth') return no();
      if (!state.method) return no('auth-method-missing');
      if (!isGrantKind(state.method)) return no('wrong-auth-kind');
      if (state.authorization.status !== 'pending') return no();
      if (event.error.code === 'PROVIDER_AUTH_REQUIRED') return authRequiredState(c, state, state, event.error);
      return freeze<AuthState>({
        ...state,
        rejected: null,
        authorization: { status: 'none' },
        error: toFlowError(event.error),
      });
    }

    case 'retry-auth': {
      if (state.phase !== 'auth-required') return no();
      return authState(c, state, state.site, state.method);
    }

    case 'save-requested': {
      if (state.phase === 'saving') return no('busy');
      if (state.phase !== 'auth') return no();
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
        (site.kind !== 'checked' ||
          normalizeBaseUrl(t.base_url ?? '', keepsContextPath(state.edition)) === site.check.url);
      if (!sameTarget) return saveFailure(state, { code: 'MALFORMED_RESPONSE' });
      if (t.state === 'auth_required') {
        // Never a saved target: the provider still wants its action first.
        return authRequiredState(c, state, state, {
          code: 'PROVIDER_AUTH_REQUIRED',
          ...(t.error?.message !== undefined ? { message: t.error.message } : {}),
          ...(t.error?.action !== undefined ? { action: t.error.action } : {}),
        });
      }
      if (t.state === 'blocked') return saveFailure(state, t.error ?? { code: 'PROVIDER_BASE_URL_BLOCKED' });
      if (t.state !== 'connected' || !t.has_credentials) return saveFailure(state, { code: 'MALFORMED_RESPONSE' });
      return freeze({ ...c, ...chosen(state), phase: 'saved', target: t, method: state.method });
    }

    case 'save-failed': {
      if (state.phase !== 'saving') return no();
      return saveFailure(state, event.error);
    }

    case 'fallback-chosen': {
      if (state.phase === 'saving' || state.phase === 'revoking') return no('busy');
      if (!FALLBACK_FROM.has(state.phase)) return no();
      if (state.env.portableExport !== true) return no('fallback-unavailable');
      let from = state as FallbackOrigin | Extract<FlowState, { phase: 'checking' }>;
      // Coming back must not resume a request that was dropped, nor a credential that was cleared.
      if (from.phase === 'checking') from = baseUrlState(c, from, from.tenant, from.urlDraft);
      else if (from.phase === 'auth') from = freeze<AuthState>({ ...from, rejected: null, credentialEntered: false });
      else from = freeze({ ...from, rejected: null });
      return freeze<FallbackState>({ ...c, phase: 'fallback', from });
    }

    case 'open-target': {
      if (state.phase !== 'status') return no();
      const t = event.target;
      if (t.provider !== event.provider.id) return no('provider-mismatch');
      const edition = event.provider.editions.find((e) => e.id === t.edition);
      if (!edition) return no('unknown-edition');
      if (t.state === 'auth_required') return reconnectFromRecord(c, event.provider, edition, t);
      return existingTargetState(c, event.provider, edition, t);
    }

    case 'reconnect': {
      if (state.phase !== 'existing-target') return no();
      const t = state.target;
      return enterEdition(
        c,
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
      return freeze({
        ...c,
        phase: 'revoke-at-provider',
        provider: state.provider,
        edition: state.edition,
        reconnect: null,
        target,
        method: findMethod(state.edition, target.auth_method),
      });
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

    case 'revoke-completed': {
      if (state.phase !== 'revoking') return no();
      const t = event.target;
      if (t.id !== state.target.id || t.state !== 'revoked' || t.has_credentials) {
        const { revokedAtProvider: _r, ...rest } = state;
        return freeze({
          ...rest,
          rejected: null,
          phase: 'revoke-disconnect',
          revokedAtProvider: true,
          error: { code: 'MALFORMED_RESPONSE' },
        });
      }
      const { revokedAtProvider: _r, ...rest } = state;
      return freeze({ ...rest, rejected: null, phase: 'revoked', target: t });
    }

    case 'revoke-failed': {
      if (state.phase !== 'revoking') return no();
      return freeze({ ...state, rejected: null, phase: 'revoke-disconnect', error: toFlowError(event.error) });
    }

    case 'back':
      return back(state, event);

    case 'cancel': {
      if (state.phase === 'saving' || state.phase === 'revoking') return no('busy');
      if (state.phase === 'status') return no();
      return statusState(c);
    }

    default: {
      // Unknown event types from untyped callers are refused like any other.
      const unknown = event as { type: unknown };
      return freeze({
        ...state,
        rejected: { event: String(unknown.type) as FlowEvent['type'], reason: 'not-allowed-here' },
      });
    }
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
      return statusState(c);
    case 'existing-target':
      return statusState(c);
    case 'limitation-blocked':
    case 'tenant':
      return beforeFirstGate(c, state);
    case 'ownership':
      if (state.edition.tenant) return tenantState(c, state, state.tenant ?? '');
      return beforeFirstGate(c, state);
    case 'base-url':
      // The confirmations are asked again; the typed URL is kept for later.
      return ownershipState(c, state, state.tenant, state.urlDraft);
    case 'checking':
      return baseUrlState(c, state, state.tenant, state.urlDraft);
    case 'url-blocked':
      return baseUrlState(c, state, state.tenant, state.blocked.url);
    case 'allowlist':
      return baseUrlState(c, state, state.tenant, state.check.url);
    case 'auth': {
      const site = state.site;
      if (site.kind === 'checked') {
        return freeze<AllowlistState>({
          ...c,
          ...chosen(state),
          phase: 'allowlist',
          tenant: site.tenant,
          ownership: CONFIRMED,
          check: site.check,
          allowlistStatus: null,
          error: null,
        });
      }
      if (state.edition.tenant) return tenantState(c, state, site.tenant ?? '');
      return beforeFirstGate(c, state);
    }
    case 'auth-required':
      return authState(c, state, state.site, state.method);
    case 'saving':
    case 'revoking':
      return reject(state, event, 'busy');
    case 'fallback':
      return freeze({ ...state.from, env: state.env, checkSeq: state.checkSeq, rejected: null });
    case 'revoke-at-provider':
      return existingTargetState(c, state.provider, state.edition, state.target);
    case 'revoke-disconnect':
      return freeze({
        ...c,
        phase: 'revoke-at-provider',
        provider: state.provider,
        edition: state.edition,
        reconnect: null,
        target: state.target,
        method: state.method,
      });
  }
}
