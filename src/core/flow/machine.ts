/**
 * The guided path as a pure function of (state, event). Every returned state is
 * a new frozen object; an event that is not allowed returns the current data
 * with `rejected` set and never throws.
 */
import type { TargetRecord } from '../contract/schemas.js';
import { isCredentialKind, isGrantKind, testPattern } from '../providers/types.js';
import { exportTransition, isExportEvent, overview } from './export.js';
import { DRAFT_PHASES, editionState, keep, keptFor, statusState, withStatus } from './phases.js';
import {
  CONFIRMED,
  afterTenant,
  allowlistState,
  authComplete,
  authFields,
  authRequiredState,
  authState,
  baseUrlState,
  beforeFirstGate,
  beforeTenantGate,
  checkFailure,
  chosen,
  common,
  enterEdition,
  findMethod,
  freeze,
  hasChosen,
  keptForEdition,
  kindMismatch,
  normalizeFor,
  ownershipState,
  patch,
  reconnectFromRecord,
  recordError,
  recordState,
  reject,
  saveFailure,
  tidyTenant,
  toFlowError,
  unchanged,
  urlBlockedState,
} from './states.js';
import type { CheckingState, FallbackOrigin, FlowError, FlowEvent, FlowState, RejectReason, SavingState } from './types.js';

export { DRAFT_PHASES, isCredentialKind, isGrantKind };
export { initialState } from './phases.js';

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
  const busy = state.phase === 'saving' || state.phase === 'revoking' || state.phase === 'export-saving' || state.phase === 'testing';
  if (isExportEvent(event)) return exportTransition(state, event);

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
    case 'export-setup':
      // The record is saved either way: back leads to its overview.
      return overview(state);
    case 'saving':
    case 'revoking':
    case 'export-saving':
    case 'testing':
      return reject(state, event, 'busy');
    case 'fallback':
      return freeze({ ...state.from, env: state.env, checkSeq: state.checkSeq, rejected: null });
    case 'revoke-at-provider':
      return recordState(c, 'existing-target', state, state.target);
    case 'revoke-disconnect':
      return recordState(c, 'revoke-at-provider', state, state.target, state.method);
  }
}
