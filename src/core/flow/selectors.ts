/**
 * Read-only views of a flow state for the elements: which step is visible,
 * which fields may exist, the five ready states, the blocked reason, and the
 * request bodies (without the secret) the root sends to the backend.
 */
import type { ExportSettings } from '../contract/export.js';
import type {
  AllowlistStatus,
  SaveTargetRequest,
  TargetRecord,
  UrlCheckRequest,
} from '../contract/schemas.js';
import {
  blockingLimitation,
  isCredentialKind,
  type AuthMethod,
  type DocLink,
  type Edition,
  type Limitation,
} from '../providers/types.js';
import { authComplete, isUsableAllowlist } from './states.js';
import type { ConfirmedSite, FlowState, OwnershipConfirmation } from './types.js';

import { selectedEdition } from './phases.js';

export { currentStep, isBusy, selectedEdition, selectedProvider } from './phases.js';

/** Both confirmations, checked on the data rather than trusted from the type. */
function bothConfirmed(o: OwnershipConfirmation): boolean {
  return o.ownership === true && o.exportAuthorization === true;
}

/** Re-derives from the data that every gate before credentials is passed. */
function siteConfirmed(edition: Edition, site: ConfirmedSite): boolean {
  if (blockingLimitation(edition)) return false;
  if (edition.tenant && site.tenant === null) return false;
  if (edition.baseUrl) {
    return (
      site.kind === 'checked' &&
      bothConfirmed(site.ownership) &&
      site.check.url !== '' &&
      site.check.checkId !== '' &&
      isUsableAllowlist(site.allowlistStatus)
    );
  }
  return true;
}

/**
 * Whether the credential input may exist: only once a method that takes a typed
 * secret is chosen and every gate is passed. Stays true while saving so the
 * input is not torn down mid-request; the UI disables it then.
 */
export function canShowCredentialField(state: FlowState): boolean {
  if (state.phase !== 'auth' && state.phase !== 'saving') return false;
  const m = state.method;
  return m !== null && isCredentialKind(m) && siteConfirmed(state.edition, state.site);
}

/**
 * Whether the `base_url` input may exist: only for editions that need one, once
 * ownership and scan/export authorisation are confirmed, and only while the URL
 * is being entered, checked, or fixed after a block. Later steps show the
 * checked URL as text; editing it goes back here and drops the check.
 */
export function canShowBaseUrlField(state: FlowState): boolean {
  if (state.phase !== 'base-url' && state.phase !== 'checking' && state.phase !== 'url-blocked') return false;
  return state.edition.baseUrl !== undefined && bothConfirmed(state.ownership);
}

/** Whether `save-requested` would be accepted now. */
export function canSave(state: FlowState): boolean {
  return state.phase === 'auth' && siteConfirmed(state.edition, state.site) && authComplete(state);
}

// ---------------------------------------------------------------- readiness

export const READY_IDS = ['cloud-target', 'self-hosted-target', 'allowlist', 'credential-boundary', 'fallback'] as const;
export type ReadyId = (typeof READY_IDS)[number];
export type ReadyStatus = 'ready' | 'not-ready' | 'not-applicable';

/** Why an item has its status; the elements turn these into words. */
export type ReadyReason =
  | 'mode-not-chosen'
  | 'other-mode'
  | 'no-base-url'
  | 'provider-limitation'
  | 'tenant-not-confirmed'
  | 'target-confirmed'
  | 'ownership-not-confirmed'
  | 'url-not-checked'
  | 'url-check-pending'
  | 'url-blocked'
  | 'url-checked'
  | 'allowlist-missing'
  | 'allowlist-unreachable'
  | 'allowlist-recorded'
  | 'auth-method-not-chosen'
  | 'credential-missing'
  | 'authorization-missing'
  | 'authorization-pending'
  | 'auth-required'
  | 'credentials-revoked'
  | 'grant-revocable'
  | 'status-not-loaded'
  | 'fallback-unavailable'
  | 'fallback-available';

export interface ReadyItem {
  readonly id: ReadyId;
  readonly status: ReadyStatus;
  readonly reason: ReadyReason;
}

type UrlProgress = 'none' | 'ownership' | 'not-checked' | 'checking' | 'blocked' | 'passed';

/** How far the URL got in each phase of the network step that has one. */
const URL_PROGRESS = {
  ownership: 'ownership',
  'base-url': 'not-checked',
  checking: 'checking',
  'url-blocked': 'blocked',
  allowlist: 'passed',
} as const satisfies Partial<Record<FlowState['phase'], UrlProgress>>;

type AuthProgress = 'no-method' | 'missing' | 'pending' | 'complete' | 'auth-required' | 'revoked';

interface Facts {
  edition: Edition | null;
  method: AuthMethod | null;
  tenantConfirmed: boolean;
  url: UrlProgress;
  allowlist: AllowlistStatus | null;
  auth: AuthProgress;
}

function fromRecord(edition: Edition, t: TargetRecord, method: AuthMethod | null): Facts {
  const blockedUrl = t.state === 'blocked' && t.error?.code === 'PROVIDER_BASE_URL_BLOCKED';
  let auth: AuthProgress = 'complete';
  if (t.state === 'revoked' || !t.has_credentials) auth = 'revoked';
  else if (t.state === 'auth_required') auth = 'auth-required';
  return {
    edition,
    method,
    tenantConfirmed: edition.tenant === undefined || (t.tenant ?? null) !== null,
    url: t.base_url ? (blockedUrl ? 'blocked' : 'passed') : 'none',
    allowlist: t.allowlist_status ?? null,
    auth,
  };
}

function fromSite(edition: Edition, site: ConfirmedSite): Pick<Facts, 'tenantConfirmed' | 'url' | 'allowlist'> {
  return {
    tenantConfirmed: edition.tenant === undefined || site.tenant !== null,
    url: site.kind === 'checked' ? 'passed' : 'none',
    allowlist: site.kind === 'checked' ? site.allowlistStatus : null,
  };
}

function facts(state: FlowState): Facts {
  const none: Facts = {
    edition: null,
    method: null,
    tenantConfirmed: false,
    url: 'none',
    allowlist: null,
    auth: 'no-method',
  };
  switch (state.phase) {
    case 'status':
    case 'edition':
      return none;
    case 'fallback':
      return facts(state.from);
    case 'limitation-blocked':
      return { ...none, edition: state.edition };
    case 'tenant':
      return { ...none, edition: state.edition, url: state.edition.baseUrl ? 'ownership' : 'none' };
    case 'ownership':
    case 'base-url':
    case 'checking':
    case 'url-blocked':
    case 'allowlist': {
      const tenantConfirmed = state.edition.tenant === undefined || state.tenant !== null;
      const url = URL_PROGRESS[state.phase];
      const allowlist = state.phase === 'allowlist' ? state.allowlistStatus : null;
      return { ...none, edition: state.edition, tenantConfirmed, url, allowlist };
    }
    case 'auth':
    case 'auth-required':
    case 'saving': {
      const m = state.method;
      let auth: AuthProgress = 'no-method';
      if (state.phase === 'auth-required') auth = 'auth-required';
      else if (m && authComplete(state)) auth = 'complete';
      else if (m && !isCredentialKind(m) && state.authorization.status === 'pending') auth = 'pending';
      else if (m) auth = 'missing';
      return { ...none, edition: state.edition, method: m, ...fromSite(state.edition, state.site), auth };
    }
    case 'saved':
    case 'existing-target':
    case 'revoke-at-provider':
    case 'revoke-disconnect':
    case 'revoking':
    case 'revoked':
    case 'export-setup':
    case 'export-saving':
    case 'testing':
      return fromRecord(state.edition, state.target, state.method);
  }
}

function urlItem(f: Facts, edition: Edition): { status: ReadyStatus; reason: ReadyReason } | null {
  if (!edition.baseUrl) return null;
  switch (f.url) {
    case 'passed':
      return null;
    case 'blocked':
      return { status: 'not-ready', reason: 'url-blocked' };
    case 'checking':
      return { status: 'not-ready', reason: 'url-check-pending' };
    case 'not-checked':
      return { status: 'not-ready', reason: 'url-not-checked' };
    default:
      return { status: 'not-ready', reason: 'ownership-not-confirmed' };
  }
}

/**
 * The five ready states, always in the same order: cloud target, self-hosted
 * target, allowlist, credential boundary, fallback.
 */
export function readiness(state: FlowState): readonly ReadyItem[] {
  const f = facts(state);
  const e = f.edition;
  const limited = e !== null && blockingLimitation(e) !== undefined;
  const item = (id: ReadyId, status: ReadyStatus, reason: ReadyReason): ReadyItem => ({ id, status, reason });

  const target = (id: ReadyId, applies: boolean): ReadyItem => {
    if (!e) return item(id, 'not-ready', 'mode-not-chosen');
    if (!applies) return item(id, 'not-applicable', 'other-mode');
    if (limited) return item(id, 'not-ready', 'provider-limitation');
    if (!f.tenantConfirmed) return item(id, 'not-ready', 'tenant-not-confirmed');
    const u = urlItem(f, e);
    if (u) return item(id, u.status, u.reason);
    return item(id, 'ready', e.baseUrl ? 'url-checked' : 'target-confirmed');
  };

  let allowlist: ReadyItem;
  if (!e) allowlist = item('allowlist', 'not-ready', 'mode-not-chosen');
  else if (!e.baseUrl) allowlist = item('allowlist', 'not-applicable', 'no-base-url');
  else if (f.allowlist === 'unreachable') allowlist = item('allowlist', 'not-ready', 'allowlist-unreachable');
  else if (f.allowlist === null) allowlist = item('allowlist', 'not-ready', 'allowlist-missing');
  else allowlist = item('allowlist', 'ready', 'allowlist-recorded');

  let boundary: ReadyItem;
  const credentialReason: Record<AuthProgress, ReadyReason> = {
    'no-method': 'auth-method-not-chosen',
    missing: f.method && !isCredentialKind(f.method) ? 'authorization-missing' : 'credential-missing',
    pending: 'authorization-pending',
    'auth-required': 'auth-required',
    revoked: 'credentials-revoked',
    complete: 'grant-revocable',
  };
  if (!e) boundary = item('credential-boundary', 'not-ready', 'mode-not-chosen');
  else if (limited) boundary = item('credential-boundary', 'not-ready', 'provider-limitation');
  else boundary = item('credential-boundary', f.auth === 'complete' ? 'ready' : 'not-ready', credentialReason[f.auth]);

  const pe = state.env.portableExport;
  const fallback =
    pe === true
      ? item('fallback', 'ready', 'fallback-available')
      : item('fallback', 'not-ready', pe === false ? 'fallback-unavailable' : 'status-not-loaded');

  const cloud = target('cloud-target', e?.mode === 'cloud');
  const selfHosted = target('self-hosted-target', e?.mode === 'self-hosted' || e?.mode === 'webhook');
  return [cloud, selfHosted, allowlist, boundary, fallback];
}

// ---------------------------------------------------------------- blocked

export { BLOCKED_REASONS, type BlockedReason } from './types.js';
export { blockedReason } from './phases.js';

/** Non-blocking limitations of the chosen edition, to show beside the form. */
export function limitationWarnings(state: FlowState): readonly Limitation[] {
  const e = selectedEdition(state);
  return e ? e.limitations.filter((l) => l.severity === 'warns') : [];
}

/** The grant the customer is about to give (or gave), and where it is revoked. */
export interface CredentialBoundary {
  readonly authMethod: string;
  readonly tokenType: string;
  readonly scopes: readonly string[];
  readonly grants: string;
  readonly revoke: DocLink;
}

export function credentialBoundary(state: FlowState): CredentialBoundary | null {
  const m = state.phase === 'fallback' ? null : 'method' in state ? state.method : null;
  if (!m) return null;
  return { authMethod: m.id, tokenType: m.tokenType, scopes: m.scopes, grants: m.grants, revoke: m.revoke };
}

// ---------------------------------------------------------------- requests

/** The body of `PUT /targets/{id}/export-settings` for the save in flight, or `null` when none is. */
export function exportSettingsRequest(state: FlowState): { targetId: string; settings: ExportSettings } | null {
  if (state.phase !== 'export-saving') return null;
  return { targetId: state.target.id, settings: state.settings };
}

/** The body of `POST /url-checks` for the check in flight, or `null` when none is. */
export function urlCheckRequest(state: FlowState): UrlCheckRequest | null {
  if (state.phase !== 'checking') return null;
  return {
    provider: state.provider.id,
    edition: state.edition.id,
    deployment_mode: state.edition.mode,
    base_url: state.pending.url,
    ownership_confirmed: state.ownership.ownership,
    export_authorized: state.ownership.exportAuthorization,
  };
}

/**
 * The body of `POST /targets` for the save in flight, without `credential`:
 * the root adds the secret from the input into this one request only.
 */
export function saveRequest(state: FlowState): Omit<SaveTargetRequest, 'credential'> | null {
  if (state.phase !== 'saving') return null;
  const site = state.site;
  const body: Omit<SaveTargetRequest, 'credential'> = {
    provider: state.provider.id,
    edition: state.edition.id,
    deployment_mode: state.edition.mode,
    ownership_confirmed: site.kind === 'checked' || site.tenant !== null,
    export_authorized: site.kind === 'checked',
    auth_method: state.method.id,
    token_type: state.method.tokenType,
  };
  if (site.tenant !== null) body.tenant = site.tenant;
  if (site.kind === 'checked') {
    body.base_url = site.check.url;
    body.check_id = site.check.checkId;
    body.allowlist_status = site.allowlistStatus;
  }
  if (Object.keys(state.credentialFields).length > 0) body.credential_fields = { ...state.credentialFields };
  if (state.authorization.status === 'completed') body.authorization_id = state.authorization.authorizationId;
  if (state.signing !== null) body.signing = state.signing;
  if (state.reconnect) body.target_id = state.reconnect.id;
  return body;
}
