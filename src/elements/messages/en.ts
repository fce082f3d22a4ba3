import { FIRST_SECTIONS, firstEnglish } from './en-first.js';
import { STEP_SECTIONS, stepEnglish } from './en-steps.js';

/**
 * The English catalog: every user-visible string of every element. Each section
 * is keyed with its own prefix so sections cannot collide. `{name}` marks a
 * parameter; parameters are inserted as text, never as markup.
 *
 * The sections live in two files by when they are needed: `en-first.ts` (the
 * integration status, the frame and the errors) and `en-steps.ts` (the later
 * steps), with the root element's own words in `en-root.ts`. To add a string,
 * add it to its section; `MessageKey` and the parameter types follow from
 * this object.
 */

/** Every section, exported for a completeness test that no key was shadowed. */
export const SECTIONS = [...FIRST_SECTIONS, ...STEP_SECTIONS] as const;

export const en = { ...firstEnglish, ...stepEnglish } as const;
