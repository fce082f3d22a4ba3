/** The whole German bundle: every element's words and the provider catalog's, in one lazily loaded chunk. */
import type { MessageBundle } from '../../elements/messages/lookup.js';
import { deCatalog } from './catalog.js';
import { deMessages } from './messages.js';

export const de: MessageBundle = { ...deMessages, ...deCatalog };
