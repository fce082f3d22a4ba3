/**
 * The package's main entry: element classes (not registered; import
 * `provider-target-setup/define` for that), their event classes and event map,
 * the backend client, and the framework-free core (catalog, contract, flow
 * machine, URL policy).
 */
export * from './elements/provider-target-setup/index.js';
export {
  PtsElement,
  STEP_IDS,
  FloatingController,
  safeHref,
  targetName,
  PtsAllowlistStatus,
  PtsAuth,
  PtsDeploymentMode,
  PtsDestinationPicker,
  PtsExportSetup,
  PtsFallback,
  PtsHint,
  PtsIntegrationStatus,
  PtsNetworkCheck,
  PtsReadiness,
  PtsRevoke,
  PtsStepPath,
  PtsTargetCard,
  PtsTenant,
  READY_KEYS,
  en,
  formatDate,
  formatList,
  formatNumber,
  loadLazyMessages,
  msg,
  onMessagesChanged,
  registerLazyMessages,
  registerMessages,
} from './elements/index.js';
export type {
  PtsCustomState,
  PtsEvent,
  PtsEventMap,
  PtsEventName,
  StepId,
  FloatingOptions,
  PtsErrorView,
  StaticCheckFn,
  UrlCheckView,
  ReadyKey,
  ReadyItem as ReadinessItem,
  MessageArgs,
  MessageBundle,
  MessageKey,
  MessageOptions,
  MessageParamName,
  MessageParams,
  MessageValue,
  Messages,
} from './elements/index.js';
export type {
  PtsElementEventMaps,
  PtsElementProperties,
  PtsElementTagNameMap,
  PtsEventHandlerProps,
  PtsEventsOf,
  PtsPascalCase,
  PtsTagName,
} from './elements/tag-map.js';
export { defineSubElements, SUB_ELEMENTS } from './elements/define-sub-elements.js';
export * from './client/index.js';
export * from './core/index.js';
