/**
 * Registers `<provider-target-setup>` with the `pts-*` sub-elements of its
 * first step now, and those of the later steps as they load (at idle after the
 * first render, or when first needed). Importing it twice, or next to another
 * copy of the package, does not throw: tags already taken are skipped.
 * Classes, events and types come from the main entry.
 */
import { ProviderTargetSetup } from './elements/provider-target-setup/provider-target-setup.js';

ProviderTargetSetup.define();

export { ProviderTargetSetup };
// Brings the tag map (`HTMLElementTagNameMap` for every tag) along with a side-effect import.
export type { PtsElementTagNameMap } from './elements/tag-map.js';
