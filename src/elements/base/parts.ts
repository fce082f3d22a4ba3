/**
 * Part names a host can style from outside the root, `provider-target-setup::part(button-primary)`:
 * every sub-element nested in another of ours exports these (`exportparts`),
 * so they reach the root's host whatever the nesting. The shared names mean
 * the same thing in every element; the others are unique to one element.
 */
export const EXPORTED_PARTS = [
  // Shared by every element
  'button',
  'button-primary',
  'button-danger',
  'button-ghost',
  'input',
  'card',
  'choice',
  'check',
  'badge',
  'notice',
  'notice-info',
  'notice-success',
  'notice-warning',
  'notice-danger',
  'link',
  // pts-step-path
  'step-list',
  'step-item',
  'step-marker',
  'step-name',
  'step-connector',
  'step-toggle',
  // pts-integration-status
  'provider-list',
  'provider',
  'target',
  // pts-deployment-mode, pts-allowlist-status
  'group',
  'option',
  'addresses',
  // pts-network-check
  'run',
  'checks',
  // pts-auth
  'auth-required',
  'credential',
  'connect',
  'generate',
  'copy-secret',
  'secret-stored',
  // pts-readiness
  'ready-list',
  'ready-item',
  'ready-folded',
  // pts-revoke, pts-fallback
  'disconnect',
  'choose',
  // pts-hint
  'hint-trigger',
  'hint-panel',
] as const;

export type ExportedPart = (typeof EXPORTED_PARTS)[number];

export const EXPORTPARTS = EXPORTED_PARTS.join(', ');
