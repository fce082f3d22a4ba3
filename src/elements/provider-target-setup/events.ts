/**
 * The public events of `<provider-target-setup>`. Each is an `Event` subclass
 * with a readonly, frozen detail; all bubble and are composed, and only the
 * root host dispatches them. No detail ever carries a credential, an
 * authorisation id or a backend message.
 */
import type { ErrorCode } from '../../core/contract/errors.js';
import type { AllowlistStatus, TargetRecord, UrlCheckEntry } from '../../core/contract/schemas.js';
import type { FlowStep } from '../../core/flow/types.js';
import type { DeploymentMode, EditionId, ProviderId } from '../../core/providers/types.js';

/**
 * The non-secret part of the target being set up, as far as the customer got.
 * Never the credential, its extra fields or an authorisation id.
 */
export interface TargetDraft {
  readonly provider: ProviderId | null;
  readonly edition: EditionId | null;
  readonly deployment_mode: DeploymentMode | null;
  /** Cloud: the confirmed tenant. */
  readonly tenant?: string;
  /** Self-hosted and webhook: the normalised URL that was checked (or submitted for checking). */
  readonly base_url?: string;
  readonly allowlist_status?: AllowlistStatus;
  readonly auth_method?: string;
  readonly token_type?: string;
  /** Reconnect or revoke: the existing target. */
  readonly target_id?: string;
}

export interface TargetSavedDetail {
  /** The target as the backend stored it (it never holds a secret). */
  readonly target: TargetRecord;
}

export interface TargetBlockedDetail {
  /** PROVIDER_AUTH_REQUIRED, PROVIDER_BASE_URL_BLOCKED, ALLOWLIST_STATUS_MISSING, OWNERSHIP_UNCONFIRMED or PROVIDER_LIMITATION. */
  readonly code: ErrorCode;
  /** The server checks, when a URL check decided the block. */
  readonly checks?: readonly UrlCheckEntry[];
  readonly draft: TargetDraft;
}

export interface TargetRevokedDetail {
  /** The target after the disconnect: no live credentials, record and history kept. */
  readonly target: TargetRecord;
}

export interface TargetConfiguredDetail {
  /** The target with the export settings the backend stored (`export_settings`); never a secret. */
  readonly target: TargetRecord;
}

export interface TargetRevokeRequestDetail {
  /** The target about to be disconnected. */
  readonly target: TargetRecord;
}

export interface StepChangeDetail {
  readonly step: FlowStep;
  readonly previous: FlowStep;
}

export interface FallbackChosenDetail {
  readonly draft: TargetDraft;
  /** The export format chosen, when the backend offers formats. Fixed for the decision: changing it means choosing again. */
  readonly format?: string;
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) freezeDeep((value as Record<string, unknown>)[key]);
  }
  return value;
}

const OUTCOME: EventInit = { bubbles: true, composed: true };

/** Base of the public events: a readonly detail, bubbling and composed. */
abstract class SetupEvent<D> extends Event {
  readonly detail: D;
  constructor(type: string, detail: D, cancelable = false) {
    super(type, { ...OUTCOME, cancelable });
    // A copy, so a listener cannot change what the next listener (or the element) sees.
    this.detail = freezeDeep(structuredClone(detail));
  }
}

/** The backend stored the target. */
export class TargetSavedEvent extends SetupEvent<TargetSavedDetail> {
  static readonly eventName = 'target-saved';
  constructor(detail: TargetSavedDetail) {
    super(TargetSavedEvent.eventName, detail);
  }
}

/** The backend stored where tickets go and how duplicates are handled, on the target's record. */
export class TargetConfiguredEvent extends SetupEvent<TargetConfiguredDetail> {
  static readonly eventName = 'target-configured';
  constructor(detail: TargetConfiguredDetail) {
    super(TargetConfiguredEvent.eventName, detail);
  }
}

/** The backend refused the target for a reason the customer must act on. */
export class TargetBlockedEvent extends SetupEvent<TargetBlockedDetail> {
  static readonly eventName = 'target-blocked';
  constructor(detail: TargetBlockedDetail) {
    super(TargetBlockedEvent.eventName, detail);
  }
}

/** The backend dropped the target's live credentials; the record and its history stay. */
export class TargetRevokedEvent extends SetupEvent<TargetRevokedDetail> {
  static readonly eventName = 'target-revoked';
  constructor(detail: TargetRevokedDetail) {
    super(TargetRevokedEvent.eventName, detail);
  }
}

/** Fired before a disconnect request is sent; `preventDefault()` stops it. */
export class TargetRevokeRequestEvent extends SetupEvent<TargetRevokeRequestDetail> {
  static readonly eventName = 'target-revoke-request';
  constructor(detail: TargetRevokeRequestDetail) {
    super(TargetRevokeRequestEvent.eventName, detail, true);
  }
}

/** The visible step of the path changed. */
export class StepChangeEvent extends SetupEvent<StepChangeDetail> {
  static readonly eventName = 'step-change';
  constructor(detail: StepChangeDetail) {
    super(StepChangeEvent.eventName, detail);
  }
}

/** The customer chose portable export instead of a live connection. */
export class FallbackChosenEvent extends SetupEvent<FallbackChosenDetail> {
  static readonly eventName = 'fallback-chosen';
  constructor(detail: FallbackChosenDetail) {
    super(FallbackChosenEvent.eventName, detail);
  }
}

/** Every public event of `<provider-target-setup>`, by name. */
export interface ProviderTargetSetupEventMap {
  'target-saved': TargetSavedEvent;
  'target-configured': TargetConfiguredEvent;
  'target-blocked': TargetBlockedEvent;
  'target-revoked': TargetRevokedEvent;
  'target-revoke-request': TargetRevokeRequestEvent;
  'step-change': StepChangeEvent;
  'fallback-chosen': FallbackChosenEvent;
}

declare global {
  // Lets `el.addEventListener('target-saved', (e) => e.detail.target)` type-check on any element.
  interface HTMLElementEventMap extends ProviderTargetSetupEventMap {}
}
