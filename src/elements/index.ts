/**
 * The element classes, without registering any tag. Import `define-sub-elements`
 * (or call a class's `define()`) to register them.
 */
export { PtsElement, type PtsCustomState } from './base/pts-element.js';
export { STEP_IDS, type PtsEvent, type PtsEventMap, type PtsEventName, type StepId } from './base/events.js';
export { FloatingController, type FloatingOptions } from './base/floating-controller.js';
export { safeHref } from './base/links.js';
export { targetName, type PtsErrorView } from './base/view.js';
export { PtsAllowlistStatus } from './allowlist-status/allowlist-status.js';
export { PtsAuth } from './auth/auth.js';
export { PtsDeploymentMode } from './deployment-mode/deployment-mode.js';
export { PtsDestinationPicker, type DestinationLoader } from './destination-picker/destination-picker.js';
export { PtsExportSetup, levelUnder, type ExportLoader } from './export-setup/export-setup.js';
export { PtsFallback } from './fallback/fallback.js';
export { PtsHint } from './hint/hint.js';
export { PtsIntegrationStatus } from './integration-status/integration-status.js';
export { PtsNetworkCheck, type StaticCheckFn, type StaticFeedback, type UrlCheckView } from './network-check/network-check.js';
export { PtsReadiness, READY_KEYS, type ExtraReadyItem, type ReadyItem, type ReadyKey, type ReadyStatus } from './readiness/readiness.js';
export { PtsRevoke } from './revoke/revoke.js';
export { PtsStepPath } from './step-path/step-path.js';
export { PtsTargetCard } from './target-card/target-card.js';
export { PtsTenant } from './tenant/tenant.js';
export * from './messages/index.js';
