/**
 * The provider catalog as the customer reads it: every text looked up by its
 * key (`core/providers/text.ts`) in the element's language, with the host's
 * overrides, the catalog's English as the fallback. Copies are kept per
 * catalog object, language and overrides, so a re-render gets the same one.
 * A language whose catalog words load lazily starts loading them here; the
 * elements re-render when they arrive.
 */
import { localizeEdition, localizeProvider, type CatalogTranslate } from '../../core/providers/text.js';
import type { Edition, EditionSummary, Provider, ProviderSummary } from '../../core/providers/types.js';
import {
  catalogLookup,
  lazyMessagesPending,
  loadLazyMessages,
  mayTranslate,
  onMessagesChanged,
  type MessageBundle,
} from '../messages/lookup.js';

/** What a lookup needs of an element. */
export interface CatalogReader {
  readonly resolvedLang: string;
  readonly messages?: MessageBundle | undefined;
}

let generation = 0;
onMessagesChanged(() => generation++);

interface Entry {
  lang: string;
  overrides: MessageBundle | undefined;
  generation: number;
  value: object;
}

const copies = new WeakMap<object, Entry>();
const sources = new WeakMap<object, object>();

function localized<T extends object>(reader: CatalogReader, item: T, make: (t: CatalogTranslate) => T): T {
  const lang = reader.resolvedLang;
  const options = { lang, overrides: reader.messages };
  if (!mayTranslate(options)) return item;
  if (lazyMessagesPending(lang)) void loadLazyMessages(lang);
  const hit = copies.get(item);
  if (hit && hit.lang === lang && hit.overrides === reader.messages && hit.generation === generation) return hit.value as T;
  const value = make((key, english) => catalogLookup(key, english, options));
  copies.set(item, { lang, overrides: reader.messages, generation, value });
  sources.set(value, sources.get(item) ?? item);
  return value;
}

/** A provider (summary or whole) in the reader's language; `null` stays `null`. */
export function localProvider<P extends ProviderSummary | Provider>(reader: CatalogReader, provider: P | null): P | null {
  return provider && localized(reader, provider, (t) => localizeProvider(provider, t));
}

/** An edition (summary or whole) in the reader's language; `null` stays `null`. */
export function localEdition<E extends EditionSummary | Edition>(reader: CatalogReader, edition: E | null): E | null {
  return edition && localized(reader, edition, (t) => localizeEdition(edition, t));
}

/** A list of providers in the reader's language. */
export function localProviders<P extends ProviderSummary | Provider>(reader: CatalogReader, providers: readonly P[]): readonly P[] {
  return localized(reader, providers, (t) => providers.map((p) => localizeProvider(p, t)));
}

/** The catalog's own (English) object a localised copy was made from; the object itself when it is not a copy. */
export function catalogSource<T extends object>(item: T): T {
  return (sources.get(item) as T | undefined) ?? item;
}
