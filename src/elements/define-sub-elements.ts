import { PtsAllowlistStatus } from './allowlist-status/allowlist-status.js';
import { PtsAuth } from './auth/auth.js';
import { PtsDeploymentMode } from './deployment-mode/deployment-mode.js';
import { PtsDestinationPicker } from './destination-picker/destination-picker.js';
import { PtsExportSetup } from './export-setup/export-setup.js';
import { PtsFallback } from './fallback/fallback.js';
import { PtsHint } from './hint/hint.js';
import { PtsIntegrationStatus } from './integration-status/integration-status.js';
import { PtsNetworkCheck } from './network-check/network-check.js';
import { PtsReadiness } from './readiness/readiness.js';
import { PtsRevoke } from './revoke/revoke.js';
import { PtsStepPath } from './step-path/step-path.js';
import { PtsTargetCard } from './target-card/target-card.js';
import { PtsTenant } from './tenant/tenant.js';

/** Every sub-element class, for hosts and stories that register them together. */
export const SUB_ELEMENTS = [
  PtsStepPath,
  PtsIntegrationStatus,
  PtsDeploymentMode,
  PtsTenant,
  PtsNetworkCheck,
  PtsAllowlistStatus,
  PtsAuth,
  PtsReadiness,
  PtsRevoke,
  PtsFallback,
  PtsHint,
  PtsTargetCard,
  PtsDestinationPicker,
  PtsExportSetup,
] as const;

/**
 * Registers every `pts-*` sub-element under its default tag. Safe to call more
 * than once and next to another copy of the package: taken tags are skipped.
 */
export function defineSubElements(registry: CustomElementRegistry = customElements): void {
  for (const element of SUB_ELEMENTS) element.define(undefined, registry);
}
