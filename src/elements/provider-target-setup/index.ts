export { ProviderTargetSetup } from './provider-target-setup.js';
export { draftOf } from './draft.js';
export {
  FallbackChosenEvent,
  StepChangeEvent,
  TargetBlockedEvent,
  TargetConfiguredEvent,
  TargetRevokedEvent,
  TargetRevokeRequestEvent,
  TargetSavedEvent,
  type FallbackChosenDetail,
  type ProviderTargetSetupEventMap,
  type StepChangeDetail,
  type TargetBlockedDetail,
  type TargetConfiguredDetail,
  type TargetDraft,
  type TargetRevokedDetail,
  type TargetRevokeRequestDetail,
  type TargetSavedDetail,
} from './events.js';
export { setupContext, type HostFlowEvent, type SetupContextValue } from './context.js';
export { AuthPopup, exactOrigin, type AuthPopupOptions, type PopupFailure, type PopupOutcome } from './oauth-popup.js';
export { buildSupportDetails, hostOf, type LoggedError, type SupportInput } from './support.js';
