/**
 * A provider of the catalog as the customer reads it: every text looked up by
 * its key (`core/providers/text.ts`) in the element's language, with the
 * host's overrides, the catalog's English as the fallback. The copy is kept
 * per provider object until the language, the overrides or a bundle change,
 * so a re-render gets the same one.
 */
import { localizeProvider } from '../../core/providers/text.js';
import type { Provider } from '../../core/providers/types.js';
import { catalogLookup, mayTranslate, onMessagesChanged, type MessageBundle } from '../messages/lookup.js';

/** What a lookup needs of an element. */
export interface CatalogReader {
  readonly resolvedLang: string;
  readonly messages?: MessageBundle | undefined;
}

let generation = 0;
onMessagesChanged(() => generation++);

const copies = new WeakMap<Provider, { lang: string; overrides: MessageBundle | undefined; generation: number; value: Provider }>();

/** `provider` in the reader's language; itself when nothing could translate it. */
export function localProvider(reader: CatalogReader, provider: Provider): Provider {
  const lang = reader.resolvedLang;
  const overrides = reader.messages;
  if (!mayTranslate({ lang, overrides })) return provider;
  const hit = copies.get(provider);
  if (hit && hit.lang === lang && hit.overrides === overrides && hit.generation === generation) return hit.value;
  const value = localizeProvider(provider, (key, english) => catalogLookup(key, english, { lang, overrides }));
  copies.set(provider, { lang, overrides, generation, value });
  return value;
}
