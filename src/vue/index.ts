/**
 * Vue support. Importing this entry (a type import is enough) declares every
 * tag in Vue's `GlobalComponents`, so templates checked by vue-tsc see each
 * element's properties and events. At run time Vue must treat the tags as
 * custom elements: pass `isPtsElementTag` as the compiler's
 * `isCustomElement`.
 *
 * Vue sets a binding as a property only when the element has a property of
 * exactly that name, and does not camelCase kebab names for that: bind objects
 * as `:docLinks="…"`, or `:docLinks.prop="…"` (shorthand `.docLinks`), which
 * also works before the tag is defined. `:doc-links="…"` becomes the
 * attribute `"[object Object]"`.
 */
import type { DefineComponent, HTMLAttributes } from 'vue';
import type { PtsElementProperties, PtsElementTagNameMap, PtsEventHandlerProps, PtsTagName } from '../elements/tag-map.js';

type OwnProps<T extends PtsTagName> = PtsElementProperties<PtsElementTagNameMap[T]> & PtsEventHandlerProps<T>;

/** The props Vue's type checker accepts on `<T>`: HTML attributes, the element's properties and its events (`@target-saved`). */
export type PtsVueProps<T extends PtsTagName> = Omit<HTMLAttributes, keyof OwnProps<T>> & OwnProps<T>;

export type PtsVueComponents = { [T in PtsTagName]: DefineComponent<PtsVueProps<T>> };

declare module 'vue' {
  interface GlobalComponents extends PtsVueComponents {}
}

/**
 * For Vue's `compilerOptions.isCustomElement`: the root tag and every `pts-*`
 * tag. A name rule rather than the tag map, so a build config can import it
 * in Node without loading the elements.
 */
export function isPtsElementTag(tag: string): boolean {
  return tag === 'provider-target-setup' || tag.startsWith('pts-');
}
