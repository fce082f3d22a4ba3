import type { DestinationItem, ExportSettings } from '../../core/contract/export.js';
import type { AllowlistStatus } from '../../core/contract/schemas.js';
import type { AuthKind, DeploymentMode, EditionId, ProviderId, WebhookSigning } from '../../core/providers/types.js';

/** The five steps of the guided path, in order (the same ids as the core flow's steps). */
export const STEP_IDS = ['status', 'deployment', 'network', 'provider-setup', 'target'] as const;
export type StepId = (typeof STEP_IDS)[number];

/**
 * Internal events of the sub-elements and their details. They bubble inside
 * the shadow tree they are fired in but are not composed, so none of them
 * leaves the root element's shadow root. Names are unique per element.
 *
 * No detail ever carries a credential.
 *
 * The root element may add its own internal events by declaration merging:
 * `declare module '.../base/events.js' { interface PtsEventMap { … } }`.
 */
export interface PtsEventMap {
  'pts-step-select': { step: StepId };
  'pts-status-add': { provider: ProviderId };
  'pts-status-reconnect': { provider: ProviderId; targetId: string };
  'pts-status-revoke': { provider: ProviderId; targetId: string };
  'pts-status-retry': Record<string, never>;
  'pts-mode-change': { provider: ProviderId; edition: EditionId; mode: DeploymentMode };
  'pts-mode-alternative': { provider: ProviderId; edition: EditionId };
  /** The chosen edition, handed up when the customer continues. */
  'pts-mode-submit': { provider: ProviderId; edition: EditionId; mode: DeploymentMode };
  'pts-tenant-change': { value: string; valid: boolean; confirmed: boolean };
  'pts-tenant-submit': { value: string; valid: true; confirmed: true };
  'pts-network-confirm': { ownershipConfirmed: boolean; exportAuthorized: boolean };
  'pts-network-input': { baseUrl: string };
  'pts-network-run': { baseUrl: string };
  'pts-network-fallback': Record<string, never>;
  'pts-network-cloud': Record<string, never>;
  'pts-network-edit': Record<string, never>;
  'pts-allowlist-change': { value: AllowlistStatus };
  /** The chosen network path, handed up when the customer continues. */
  'pts-allowlist-submit': { value: AllowlistStatus };
  'pts-allowlist-copy': { text: string; ok: boolean };
  'pts-auth-method-change': { method: string; kind: AuthKind; tokenType: string };
  'pts-auth-field-change': { name: string; value: string; valid: boolean };
  /** Whether the credential field holds something; never the value. */
  'pts-auth-credential-change': { filled: boolean; warnings: number };
  'pts-auth-submit': Record<string, never>;
  'pts-auth-connect': { method: string; kind: AuthKind };
  'pts-auth-signing-change': { signing: WebhookSigning['id'] };
  'pts-revoke-acknowledge': { revokedAtProvider: boolean };
  'pts-revoke-confirm': { targetId: string | undefined; revokedAtProvider: true };
  'pts-revoke-cancel': Record<string, never>;
  'pts-fallback-choose': { format: string | undefined };
  'pts-hint-toggle': { open: boolean };
  'pts-destination-select': { item: DestinationItem };
  /** The export settings, handed up when the customer saves them. */
  'pts-export-save': { settings: ExportSettings };
}

export type PtsEventName = keyof PtsEventMap;
export type PtsEvent<K extends PtsEventName> = CustomEvent<Readonly<PtsEventMap[K]>>;
