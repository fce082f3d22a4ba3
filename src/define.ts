/**
 * Registers `<provider-target-setup>` and every `pts-*` sub-element under
 * their default tags. Importing it twice, or next to another copy of the
 * package, does not throw: tags already taken are skipped. Classes, events
 * and types come from the main entry.
 */
import { defineSubElements } from './elements/define-sub-elements.js';
import { ProviderTargetSetup } from './elements/provider-target-setup/provider-target-setup.js';

defineSubElements();
ProviderTargetSetup.define();

export { ProviderTargetSetup };
// Brings the tag map (`HTMLElementTagNameMap` for every tag) along with a side-effect import.
export type { PtsElementTagNameMap } from './elements/tag-map.js';
