/**
 * The later chunk: the steps after the integration status, their elements and
 * what they load next. `lazy.ts` imports it on demand.
 */
import type { CSSResult } from 'lit';
import { preloadProviders } from '../../../core/providers/load.js';
import { PtsAllowlistStatus } from '../../allowlist-status/allowlist-status.js';
import { PtsAuth } from '../../auth/auth.js';
import { checkListStyles } from '../../base/check-list.js';
import { loadFloatingUi } from '../../base/floating-controller.js';
import { forms } from '../../base/form-styles.js';
import { PtsDeploymentMode } from '../../deployment-mode/deployment-mode.js';
import { PtsDestinationPicker } from '../../destination-picker/destination-picker.js';
import { PtsExportSetup } from '../../export-setup/export-setup.js';
import { PtsFallback } from '../../fallback/fallback.js';
import { PtsHint } from '../../hint/hint.js';
import { loadUrlPolicy } from '../../network-check/url-policy.js';
import { PtsNetworkCheck } from '../../network-check/network-check.js';
import { PtsReadiness } from '../../readiness/readiness.js';
import { PtsRevoke } from '../../revoke/revoke.js';
import { PtsTargetCard } from '../../target-card/target-card.js';
import { PtsTenant } from '../../tenant/tenant.js';
export { laterEnglish as english } from '../../messages/en-steps.js';
import type { SetupController } from '../setup-controller.js';
import { Later } from './later.js';
import { laterStyles } from './styles.js';

const LATER_ELEMENTS = [PtsDeploymentMode, PtsTenant, PtsNetworkCheck, PtsAllowlistStatus, PtsAuth, PtsReadiness, PtsRevoke, PtsFallback, PtsHint, PtsTargetCard, PtsExportSetup, PtsDestinationPicker] as const;

/** Registers the later steps' elements; taken tags are skipped. */
export function defineLaterElements(registry: CustomElementRegistry): void {
  for (const element of LATER_ELEMENTS) element.define(undefined, registry);
}

/** Adds styles to a shadow root after its first render. */
function adopt(root: ShadowRoot, styles: readonly CSSResult[]): void {
  const sheets = styles.map((s) => s.styleSheet);
  if (sheets.every((sheet): sheet is CSSStyleSheet => sheet !== undefined)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    return;
  }
  for (const s of styles) {
    const style = document.createElement('style');
    style.textContent = s.cssText;
    root.append(style);
  }
}

export function createLater(setup: SetupController): Later {
  const root = setup.host.renderRoot;
  if (root instanceof ShadowRoot) adopt(root, [forms, checkListStyles, laterStyles]);
  return new Later(setup);
}

/** Loads, in the background, what a customer may open next: every provider's detail, the URL policy, hint positioning. */
export function prefetch(): void {
  void preloadProviders();
  void loadUrlPolicy().catch(() => undefined);
  void loadFloatingUi().catch(() => undefined);
}
