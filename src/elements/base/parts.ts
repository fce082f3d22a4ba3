/**
 * Parts a host can style from outside the root, `provider-target-setup::part(button-primary)`.
 * Every sub-element nested in another of ours exports the parts it renders
 * (`exportparts`), its own nested elements' included, so they reach the root's
 * host whatever the nesting. The shared names (button, input, card, notice…)
 * mean the same thing in every element; the others are unique to one.
 */

/** Every part name rendered in `root` and every name its nested elements export: what its host passes on. */
export function renderedPartNames(root: ParentNode): string {
  const names = new Set<string>();
  for (const el of root.querySelectorAll('[part], [exportparts]')) {
    for (const name of el.part) names.add(name);
    for (const name of (el.getAttribute('exportparts') ?? '').split(',')) if (name.trim()) names.add(name.trim());
  }
  return [...names].sort().join(', ');
}

/**
 * The shared parts follow from the shared control classes (`base/styles.ts`),
 * so every button, input, card, choice and notice is a part without each
 * template naming it: `.btn.primary` is `button button-primary`, `.notice.danger`
 * is `notice notice-danger`. Parts a template names itself stay.
 */
const CLASS_PARTS: ReadonlyArray<readonly [selector: string, parts: readonly string[]]> = [
  ['.btn', ['button']],
  ['.btn.primary', ['button-primary']],
  ['.btn.danger', ['button-danger']],
  ['.btn.ghost', ['button-ghost']],
  ['input:not([type=radio]):not([type=checkbox]), textarea:not(.clip), select', ['input']],
  ['input[type=radio], input[type=checkbox]', ['check']],
  // The root's own frame is its `base` part, not a card among the others.
  ['.card:not(.shell)', ['card']],
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
    for (const old of before ?? []) if (!parts.includes(old)) el.part.remove(old);
    el.part.add(...parts);
    derived.set(el, parts);
  }
}
