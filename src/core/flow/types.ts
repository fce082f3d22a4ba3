/**
 * State and event types of the guided path. Each phase carries only the data
 * that is valid in it, so a state that skips a gate cannot be built: a phase
 * that shows credentials holds a confirmed site (a confirmed tenant, or an
 * ownership confirmation typed `true`, a passed check and a usable allowlist
 * status), and the passed check only exists in phases reached from a result for
 * the submitted, normalised URL.
 */
import type {
  Action,
  AllowlistStatus,
  TargetRecord,
  UrlCheckEntry,
  UrlCheckResponse,
} from '../contract/schemas.js';
import type { ErrorCode } from '../contract/errors.js';
import type { ExportSettings, TestExportResult } from '../contract/export.js';
import type { AuthMethod, Edition, EditionId, Limitation, Provider, ProviderId, WebhookSigning } from '../providers/types.js';

/** The five steps of the visible path, in order. */
export const FLOW_STEPS = ['status', 'deployment', 'network', 'provider-setup', 'target'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

/** Allowlist statuses that give the backend a way to the host. */
export type UsableAllowlistStatus = Exclude<AllowlistStatus, 'unreachable'>;

export type SigningId = WebhookSigning['id'];

/** What the host's `/status` said about the surroundings; not about one target. */
export interface FlowEnv {
  /** Whether portable export is offered; `null` until status is known. */
  readonly portableExport: boolean | null;
  /** Addresses the backend connects from, for firewall and VPN allowlists. */
  readonly egressAddresses: readonly string[];
}

/** An error as the flow keeps it: a contract error body, message optional. */
export interface FlowError {
  readonly code: ErrorCode;
  readonly message?: string;
  readonly action?: Action;
  readonly field?: string;
  readonly retryAfter?: number;
  /** `TARGET_EXISTS`: the saved target that already holds this provider, edition and URL or tenant. */
  readonly targetId?: string;
}

/** What failure events carry; an `ErrorBody` fits as is. */
export interface FlowErrorInput {
  code: ErrorCode;
  message?: string;
  action?: Action;
  checks?: UrlCheckEntry[];
  field?: string;
  retry_after?: number;
  target_id?: string;
}

/** Why an event did not change the state. */
export type RejectReason =
  /** The event has no meaning in this phase. */
  | 'not-allowed-here'
  /** A request is in flight (saving, revoking) and must finish first. */
  | 'busy'
  | 'unknown-edition'
  | 'provider-mismatch'
  /** While reconnecting an existing target its provider and edition are fixed. */
  | 'reconnect-fixed'
  /** From a blocked URL only a cloud edition is a way on. */
  | 'not-a-cloud-edition'
  | 'invalid-tenant'
  | 'ownership-unconfirmed'
  | 'invalid-url'
  /** A check answer for an earlier request. */
  | 'stale-result'
  | 'unknown-auth-method'
  /** Event for a credential kind the chosen method does not use. */
  | 'wrong-auth-kind'
  | 'auth-method-missing'
  | 'unknown-field'
  | 'unknown-signing'
  | 'auth-incomplete'
  | 'fallback-unavailable'
  | 'no-credentials'
  | 'target-mismatch'
  /** Export settings that do not fit the provider (`exportSettingsProblem`). */
  | 'invalid-settings'
  /** A test export needs saved export settings first. */
  | 'not-configured';

export interface Rejection {
  readonly event: FlowEvent['type'];
  readonly reason: RejectReason;
}

/** The two confirmations of the ownership gate as last given. */
export interface Confirmations {
  readonly ownership: boolean;
  readonly exportAuthorization: boolean;
}

/**
 * Choices the customer confirmed while drafting a target, kept when they step
 * back so that going forward again offers them: the edition, the tenant, the
 * ownership confirmations, the URL last handed up, the network path, the auth
 * method, the signing scheme and the non-secret credential fields. Never the
 * credential and never an authorisation. Another provider, cancel, save or
 * opening a saved target start afresh; another edition keeps only the provider.
 */
export interface KeptChoices {
  readonly provider: ProviderId | null;
  readonly edition: EditionId | null;
  readonly tenant: string | null;
  readonly confirmations: Confirmations;
  readonly url: string;
  readonly allowlistStatus: AllowlistStatus | null;
  readonly method: string | null;
  readonly credentialFields: Readonly<Record<string, string>>;
  readonly signing: SigningId | null;
}

/** Why the flow cannot go on as it is (see `blockedReason`). */
export const BLOCKED_REASONS = [
  'auth_required',
  'url_blocked',
  'allowlist_missing',
  'ownership_unclear',
  'provider_limitation',
] as const;
export type BlockedReason = (typeof BLOCKED_REASONS)[number];

interface Common {
  readonly env: FlowEnv;
  /** Confirmed choices of the target being drafted, kept across steps back. */
  readonly kept: KeptChoices;
  /** Why the last event was refused; `null` after every accepted event. */
  readonly rejected: Rejection | null;
  /** Number of URL checks requested so far; ties results to their request. */
  readonly checkSeq: number;
}

/** Provider and edition are chosen; `reconnect` is the record being repaired, if any. */
interface Chosen {
  readonly provider: Provider;
  readonly edition: Edition;
  readonly reconnect: TargetRecord | null;
}

/** Both confirmations, typed `true`: a state holding this cannot exist without them. */
export interface OwnershipConfirmation {
  readonly ownership: true;
  readonly exportAuthorization: true;
}

/** A passed server check for one normalised URL. */
export interface PassedCheck {
  /** The normalised URL the check was requested for (and answered for). */
  readonly url: string;
  readonly checkId: string;
  readonly checks: readonly UrlCheckEntry[];
  readonly addresses: readonly string[];
  /** `null` when taken over from a saved record (reconnect). */
  readonly expiresAt: string | null;
  /** `record`: carried by an existing target; the backend re-checks on save. */
  readonly source: 'check' | 'record';
}

/** Where the target lives, once every gate before credentials is passed. */
export type ConfirmedSite =
  | { readonly kind: 'cloud'; readonly tenant: string | null }
  | {
      readonly kind: 'checked';
      readonly tenant: string | null;
      readonly ownership: OwnershipConfirmation;
      readonly check: PassedCheck;
      readonly allowlistStatus: UsableAllowlistStatus;
    };

export type AuthorizationProgress =
  | { readonly status: 'none' }
  | { readonly status: 'pending' }
  | { readonly status: 'completed'; readonly authorizationId: string };

/** Phase-by-phase data of the credential step; never the credential itself. */
interface AuthData {
  readonly site: ConfirmedSite;
  readonly method: AuthMethod | null;
  /** Whether the credential input holds something; the value stays in the input. */
  readonly credentialEntered: boolean;
  /** Non-secret extras a method needs (e.g. account email). */
  readonly credentialFields: Readonly<Record<string, string>>;
  readonly authorization: AuthorizationProgress;
  /** Webhook signing scheme; `null` for other providers. */
  readonly signing: SigningId | null;
}

export interface StatusState extends Common {
  readonly phase: 'status';
}
export interface EditionState extends Common {
  readonly phase: 'edition';
  readonly provider: Provider;
}
export interface LimitationBlockedState extends Common, Chosen {
  readonly phase: 'limitation-blocked';
  readonly limitation: Limitation;
  /**
   * The backend's PROVIDER_LIMITATION answer, its `action` (where to go
   * instead) kept to be shown verbatim; null when the catalog stopped the flow.
   */
  readonly error: FlowError | null;
}
export interface TenantState extends Common, Chosen {
  readonly phase: 'tenant';
  readonly tenantDraft: string;
  readonly error: FlowError | null;
}
export interface OwnershipState extends Common, Chosen {
  readonly phase: 'ownership';
  readonly tenant: string | null;
  /** Kept across a step back so the customer need not retype it; not shown here. */
  readonly urlDraft: string;
  readonly error: FlowError | null;
}
export interface BaseUrlState extends Common, Chosen {
  readonly phase: 'base-url';
  readonly tenant: string | null;
  readonly ownership: OwnershipConfirmation;
  readonly urlDraft: string;
  readonly error: FlowError | null;
}
export interface CheckingState extends Common, Chosen {
  readonly phase: 'checking';
  readonly tenant: string | null;
  readonly ownership: OwnershipConfirmation;
  readonly urlDraft: string;
  /** The normalised URL sent for checking and the request's sequence number. */
  readonly pending: { readonly url: string; readonly seq: number };
}
export interface UrlBlockedState extends Common, Chosen {
  readonly phase: 'url-blocked';
  readonly tenant: string | null;
  readonly ownership: OwnershipConfirmation;
  readonly blocked: {
    readonly url: string;
    readonly checks: readonly UrlCheckEntry[];
    readonly message: string | null;
  };
}
export interface AllowlistState extends Common, Chosen {
  readonly phase: 'allowlist';
  readonly tenant: string | null;
  readonly ownership: OwnershipConfirmation;
  readonly check: PassedCheck;
  /** `unreachable` is recorded but opens nothing; `null` until chosen. */
  readonly allowlistStatus: 'unreachable' | null;
  readonly error: FlowError | null;
}
export interface AuthState extends Common, Chosen, AuthData {
  readonly phase: 'auth';
  readonly error: FlowError | null;
}
export interface AuthRequiredState extends Common, Chosen, AuthData {
  readonly phase: 'auth-required';
  /** The exact provider action to show; from the backend, else the catalog. */
  readonly action: Action | null;
  readonly error: FlowError;
}
export interface SavingState extends Common, Chosen, AuthData {
  readonly phase: 'saving';
  readonly method: AuthMethod;
}
export interface SavedState extends Common, Chosen {
  readonly phase: 'saved';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
}
/** A saved target opened: for a connected one, the ticket export overview. */
export interface ExistingTargetState extends Common, Chosen {
  readonly phase: 'existing-target';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
}
/**
 * Provider-specific setup of a saved, connected target: where tickets go, how
 * duplicates are handled, which webhook events are delivered. The choices being
 * made stay in the step's element until they are saved.
 */
export interface ExportSetupState extends Common, Chosen {
  readonly phase: 'export-setup';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
  /** Reached straight from the save, rather than to edit settings from the overview. */
  readonly afterSave: boolean;
  readonly error: FlowError | null;
}
export interface ExportSavingState extends Common, Chosen {
  readonly phase: 'export-saving';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
  readonly afterSave: boolean;
  /** The settings sent; checked against the provider before they are. */
  readonly settings: ExportSettings;
}
/** A test export in flight from the overview. */
export interface TestingState extends Common, Chosen {
  readonly phase: 'testing';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
}
export interface RevokeAtProviderState extends Common, Chosen {
  readonly phase: 'revoke-at-provider';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
}
export interface RevokeDisconnectState extends Common, Chosen {
  readonly phase: 'revoke-disconnect';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
  readonly revokedAtProvider: true;
  readonly error: FlowError | null;
}
export interface RevokingState extends Common, Chosen {
  readonly phase: 'revoking';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
  readonly revokedAtProvider: true;
}
export interface RevokedState extends Common, Chosen {
  readonly phase: 'revoked';
  readonly target: TargetRecord;
  readonly method: AuthMethod | null;
}

/** Phases from which the portable-export fallback can be chosen (and returned to). */
export type FallbackOrigin =
  | StatusState
  | EditionState
  | LimitationBlockedState
  | TenantState
  | OwnershipState
  | BaseUrlState
  | UrlBlockedState
  | AllowlistState
  | AuthState
  | AuthRequiredState;

export interface FallbackState extends Common {
  readonly phase: 'fallback';
  /** Where `back` returns to. */
  readonly from: FallbackOrigin;
}

export type FlowState =
  | StatusState
  | EditionState
  | LimitationBlockedState
  | TenantState
  | OwnershipState
  | BaseUrlState
  | CheckingState
  | UrlBlockedState
  | AllowlistState
  | AuthState
  | AuthRequiredState
  | SavingState
  | SavedState
  | FallbackState
  | ExistingTargetState
  | ExportSetupState
  | ExportSavingState
  | TestingState
  | RevokeAtProviderState
  | RevokeDisconnectState
  | RevokingState
  | RevokedState;

export type FlowPhase = FlowState['phase'];

/** Events. None carries a secret: the credential is reported as entered or not. */
export type FlowEvent =
  | { type: 'status-loaded'; portableExportAvailable: boolean; egressAddresses?: readonly string[] }
  | { type: 'select-provider'; provider: Provider }
  | { type: 'select-edition'; editionId: string }
  | { type: 'confirm-tenant'; value: string }
  /**
   * The ownership confirmations as they now stand. Both given opens the URL
   * field; taking one back from the URL field returns to the confirmations.
   */
  | { type: 'confirm-ownership'; ownership: boolean; exportAuthorization: boolean }
  | { type: 'edit-base-url'; value: string }
  | { type: 'check-requested'; baseUrl?: string }
  | { type: 'check-result'; seq: number; result: UrlCheckResponse }
  | { type: 'check-failed'; seq: number; error: FlowErrorInput }
  | { type: 'record-allowlist'; status: AllowlistStatus }
  | { type: 'choose-auth-method'; methodId: string }
  | { type: 'credential-changed'; entered: boolean }
  | { type: 'credential-field-changed'; name: string; value: string }
  | { type: 'select-signing'; signing: SigningId }
  | { type: 'authorization-started' }
  | { type: 'authorization-completed'; authorizationId: string }
  | { type: 'authorization-failed'; error: FlowErrorInput }
  | { type: 'retry-auth' }
  | { type: 'save-requested' }
  | { type: 'saved'; target: TargetRecord }
  | { type: 'save-failed'; error: FlowErrorInput }
  | { type: 'fallback-chosen' }
  | { type: 'open-target'; target: TargetRecord; provider: Provider }
  | { type: 'reconnect' }
  | { type: 'revoke-started' }
  | { type: 'revoked-at-provider-confirmed' }
  | { type: 'disconnect-requested' }
  | { type: 'revoke-completed'; target: TargetRecord }
  | { type: 'revoke-failed'; error: FlowErrorInput }
  /** From a just saved target or the overview: choose where tickets go. */
  | { type: 'configure-export' }
  | { type: 'export-settings-requested'; settings: ExportSettings }
  | { type: 'export-settings-saved'; target: TargetRecord }
  | { type: 'export-settings-failed'; error: FlowErrorInput }
  | { type: 'test-requested' }
  | { type: 'test-completed'; result: TestExportResult }
  /** The backend could not be asked (not a failed test: that is a `test-completed` with `status: 'failed'`). */
  | { type: 'test-failed'; error: FlowErrorInput }
  | { type: 'back' }
  | { type: 'cancel' };

export type FlowEventType = FlowEvent['type'];

export interface InitialStateOptions {
  /** Preselect a provider: the flow opens at the deployment-mode step. */
  provider?: Provider;
  portableExportAvailable?: boolean;
  egressAddresses?: readonly string[];
}
