/**
 * What `<provider-target-setup>` shares with elements inside it through
 * `@lit/context`. The value is one immutable object, replaced on every change,
 * so a consumer subscribed with `subscribe: true` re-renders exactly when
 * something changed. It never holds a secret: the flow state records only
 * whether the credential input is filled.
 */
import { createContext } from '@lit/context';
import type { StatusResponse, TargetRecord } from '../../core/contract/schemas.js';
import type { FlowEvent, FlowState } from '../../core/flow/types.js';
import type { Provider } from '../../core/providers/types.js';
import type { MessageBundle } from '../messages/messages.js';
import type { PtsErrorView } from '../base/view.js';

export interface SetupContextValue {
  /** The guided path's state (see `core/flow`). */
  readonly state: FlowState;
  /** The catalog with the host's documentation-link overrides applied. */
  readonly providers: readonly Provider[];
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
   * phase needs (URL check, save, revoke). The same path the built-in
   * sub-elements use.
   */
  readonly send: (event: FlowEvent) => void;
  /** Loads `/status` again. */
  readonly reload: () => void;
}

/** Context key of `<provider-target-setup>`; a Symbol, so no other provider can collide with it. */
export const setupContext = createContext<SetupContextValue>(Symbol('pts-setup'));
