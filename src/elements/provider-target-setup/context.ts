/**
 * What `<provider-target-setup>` offers through `@lit/context`: a read API for
 * elements the host places inside it (in the `footer` slot, say), so they can
 * follow the flow without listening to every event. The built-in `pts-*`
 * sub-elements do not read it; they take plain properties.
 *
 * The value is one immutable object, replaced on every change, so a consumer
 * subscribed with `subscribe: true` re-renders exactly when something changed.
 * It never holds a secret: the flow state records only whether the credential
 * input is filled.
 */
import { createContext } from '@lit/context';
import type { StatusResponse, TargetRecord } from '../../core/contract/schemas.js';
import type { FlowEvent, FlowState } from '../../core/flow/types.js';
import type { ProviderSummary } from '../../core/providers/types.js';
import type { MessageBundle } from '../messages/lookup.js';
import type { PtsErrorView } from '../base/view.js';

/** A flow event as a host sends it: the provider of `select-provider` and `open-target` may be its summary. */
export type HostFlowEvent =
  | Exclude<FlowEvent, { type: 'select-provider' | 'open-target' }>
  | { type: 'select-provider'; provider: ProviderSummary }
  | { type: 'open-target'; target: TargetRecord; provider: ProviderSummary };

export interface SetupContextValue {
  /** The guided path's state (see `core/flow`). */
  readonly state: FlowState;
  /** Every provider with its editions and modes, in the order the integration status lists them. */
  readonly providers: readonly ProviderSummary[];
  /** Saved targets as the last `/status` (and later saves and revokes) reported them. */
  readonly targets: readonly TargetRecord[];
  readonly portableExport: StatusResponse['portable_export'] | null;
  /** `/status` is loading. */
  readonly loading: boolean;
  /** Loading `/status` failed. */
  readonly statusError: PtsErrorView | null;
  /** The host's per-message overrides. */
  readonly messages: MessageBundle | undefined;
  /**
   * Sends a flow event through the root, which runs the backend call the new
   * phase needs (URL check, save, revoke), as a customer action would. A
   * provider in the event (`select-provider`, `open-target`) may be one of
   * `providers`: the root loads its detail first.
   */
  readonly send: (event: HostFlowEvent) => void;
  /** Loads `/status` again. */
  readonly reload: () => void;
}

/** Context key of `<provider-target-setup>`; a Symbol, so no other provider can collide with it. */
export const setupContext = createContext<SetupContextValue>(Symbol('pts-setup'));
