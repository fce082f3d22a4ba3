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

/**
 * The shared parts follow from the shared control classes (`base/styles.ts`),
 * so every button, input, card, choice and notice is a part without each
 * template naming it: `.btn.primary` is `button button-primary`, `.notice.danger`
 * is `notice notice-danger`. Parts a template names itself stay.
 */
const CLASS_PARTS: ReadonlyArray<readonly [selector: string, parts: readonly ExportedPart[]]> = [
  ['.btn', ['button']],
  ['.btn.primary', ['button-primary']],
  ['.btn.danger', ['button-danger']],
  ['.btn.ghost', ['button-ghost']],
  ['input:not([type=radio]):not([type=checkbox]), textarea:not(.clip), select', ['input']],
  ['input[type=radio], input[type=checkbox]', ['check']],
  ['.card', ['card']],
  ['.choice', ['choice']],
  ['.notice', ['notice']],
  ['.notice.info', ['notice-info']],
  ['.notice.success', ['notice-success']],
  ['.notice.warning', ['notice-warning']],
  ['.notice.danger', ['notice-danger']],
  ['a[href]', ['link']],
];

const CANDIDATES = CLASS_PARTS.map(([selector]) => selector).join(', ');
const derived = new WeakMap<Element, readonly string[]>();

/** Gives the controls rendered in `root` their shared parts, dropping the ones a changed class no longer earns. */
export function applySharedParts(root: ParentNode): void {
  for (const el of root.querySelectorAll(CANDIDATES)) {
    const parts = CLASS_PARTS.filter(([selector]) => el.matches(selector)).flatMap(([, names]) => names);
    const before = derived.get(el);
    if (before && before.length === parts.length && before.every((p, i) => p === parts[i]) && parts.every((p) => el.part.contains(p))) continue;
    for (const old of before ?? []) if (!parts.includes(old as ExportedPart)) el.part.remove(old);
    el.part.add(...parts);
    derived.set(el, parts);
  }
}
