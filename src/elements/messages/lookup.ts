/**
 * The message machinery without any words of its own: language bundles, host
 * overrides, plurals, `Intl` formatting and the lookup. Elements pass the
 * English table they need, so the first screen ships without the later steps'
 * words; the provider catalog's texts fall back to the catalog's own English.
 */
import type { CatalogTextKey } from '../../core/providers/text.js';
import type { en } from './en.js';

export type Messages = typeof en;
export type MessageKey = keyof Messages;
export type { CatalogTextKey };

/** Messages that have plural forms: `<base>.one`, `<base>.other` and so on. */
export type PluralMessage = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** Forms a language may add to a plural message, picked with `Intl.PluralRules`. */
export type PluralForm = `${PluralMessage}.${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`;

/**
 * Replacement strings for any subset of keys: a language bundle or host
 * overrides. Message keys, the plural forms of a language (`status.attention.few`)
 * and the provider catalog's texts (`edition.jira-dc.url.help`, see `CatalogTextKey`).
 */
export type MessageBundle = { readonly [K in MessageKey | PluralForm]?: string } & { readonly [K in CatalogTextKey]?: string };

type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;

/** Names of the `{parameters}` a message takes, read from its English text. */
export type MessageParamName<K extends MessageKey> = ParamNames<Messages[K]>;

/** A parameter value. Numbers and dates are formatted with `Intl` for the language. */
export type MessageValue = string | number | Date;

export type MessageParams<K extends MessageKey> = { readonly [P in MessageParamName<K>]: MessageValue };

/** `[]` for messages without parameters, `[params]` for messages with them. */
export type MessageArgs<K extends MessageKey> = [MessageParamName<K>] extends [never] ? [] : [params: MessageParams<K>];

/** Parameters of a plural message besides `count`, read from its `other` form. */
export type PluralParams<B extends PluralMessage> = Omit<MessageParams<`${B}.other` & MessageKey>, 'count'>;

export interface MessageOptions {
  /** BCP 47 tag; `de-CH` falls back to `de`, then to English. */
  lang?: string | undefined;
  /** Per-message replacements that win over every language bundle. */
  overrides?: MessageBundle | undefined;
}

type Bundle = Readonly<Record<string, string | undefined>>;

const bundles = new Map<string, Bundle>();
const listeners = new Set<() => void>();
const lazy = new Map<string, { load: () => Promise<MessageBundle>; done?: Promise<void> | undefined }>();

/**
 * Adds (or extends) the bundle for a language. Later calls for the same
 * language merge into it. Elements already on the page re-render.
 */
export function registerMessages(lang: string, bundle: MessageBundle): void {
  const key = lang.toLowerCase();
  bundles.set(key, { ...bundles.get(key), ...(bundle as Bundle) });
  for (const listener of listeners) listener();
}

/**
 * More words for a language, fetched the first time they are needed
 * (`loadLazyMessages`): a locale's provider-catalog texts arrive with the
 * provider detail, not before. Elements show the English until they are in.
 */
export function registerLazyMessages(lang: string, load: () => Promise<MessageBundle>): void {
  lazy.set(lang.toLowerCase(), { load });
}

/**
 * Loads the lazily registered words of `lang` (and of its base language, `de`
 * for `de-CH`) once; resolves when they are registered. A failed load is tried
 * again by the next call, and never rejects: the English stays.
 */
export function loadLazyMessages(lang: string | undefined): Promise<void> {
  const tags = langTags(lang);
  return Promise.all(
    tags.map((tag) => {
      const entry = lazy.get(tag);
      if (!entry) return undefined;
      entry.done ??= entry.load().then(
        (bundle) => registerMessages(tag, bundle),
        () => void (entry.done = undefined),
      );
      return entry.done;
    }),
  ).then(() => undefined);
}

/** Whether lazily registered words of `lang` are still to be loaded. */
export function lazyMessagesPending(lang: string | undefined): boolean {
  return langTags(lang).some((tag) => {
    const entry = lazy.get(tag);
    return entry !== undefined && entry.done === undefined;
  });
}

/** The bundle tags a language reads from, most specific first: `de-ch`, `de`. */
function langTags(lang: string | undefined): string[] {
  const tag = lang?.toLowerCase();
  if (!tag) return [];
  const base = tag.split('-')[0];
  return base && base !== tag ? [tag, base] : [tag];
}

/** Called whenever a bundle changes; returns an unsubscribe function. */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Words a lookup falls back to: an English table, whole or in part. */
export type EnglishTable = { readonly [K in MessageKey]?: string };

/** The host's override, else the language's bundle (then its base language's); undefined when none has the key. */
function translated(key: string, options: MessageOptions): string | undefined {
  const own = (options.overrides as Bundle | undefined)?.[key];
  if (own !== undefined) return own;
  for (const tag of langTags(options.lang)) {
    const text = bundles.get(tag)?.[key];
    if (text !== undefined) return text;
  }
  return undefined;
}

function template(key: MessageKey, options: MessageOptions, english: EnglishTable): string {
  // A key missing from the table shows as itself rather than as nothing.
  return translated(key, options) ?? english[key] ?? key;
}

/** Whether words of `lang` (or its base language) are registered: text a backend sends in English does not fit them. */
export function hasLanguage(lang: string | undefined): boolean {
  return langTags(lang).some((tag) => bundles.has(tag));
}

/** Whether anything could replace an English word: host overrides, or a bundle (loaded or lazy) for the language. */
export function mayTranslate(options: MessageOptions): boolean {
  if (options.overrides && Object.keys(options.overrides).length > 0) return true;
  return langTags(options.lang).some((tag) => bundles.has(tag) || lazy.has(tag));
}

/** A provider catalog text (`CatalogTextKey`) in the language, else the catalog's own English. */
export function catalogLookup(key: CatalogTextKey, english: string, options: MessageOptions): string {
  return translated(key, options) ?? english;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function intlLang(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

export function formatNumber(value: number, lang?: string): string {
  const tag = intlLang(lang);
  const key = tag ?? '';
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag)));
  return format.format(value);
}

export function formatDate(value: Date, lang?: string): string {
  if (Number.isNaN(value.getTime())) return '';
  const tag = intlLang(lang);
  const key = tag ?? '';
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(value);
}

/** A list of texts joined for the language ("a, b and c"). */
export function formatList(values: readonly string[], lang?: string): string {
  return new Intl.ListFormat(intlLang(lang), { type: 'conjunction' }).format(values);
}

function formatValue(value: MessageValue, lang: string | undefined): string {
  if (typeof value === 'number') return formatNumber(value, lang);
  if (value instanceof Date) return formatDate(value, lang);
  return value;
}

/**
 * Looks up a message in `english` (after the host's overrides and the
 * language bundles) and fills in its `{parameters}`. The result is plain text:
 * callers render it as a text node, so parameters can never become markup. A
 * parameter a translation names but the caller did not pass stays visible as
 * `{name}` rather than vanishing silently.
 */
export function lookup<K extends MessageKey>(
  key: K,
  params: MessageParams<K> | undefined,
  options: MessageOptions,
  english: EnglishTable,
): string {
  return fill(template(key, options, english), params as Readonly<Record<string, MessageValue>> | undefined, options.lang);
}

function fill(text: string, values: Readonly<Record<string, MessageValue>> | undefined, lang: string | undefined): string {
  if (!values) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : formatValue(value, lang);
  });
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A plural message for `count`: the form `Intl.PluralRules` picks (`one`,
 * `few`, `other`…) in the language whose words are shown, else its `other`
 * form; `{count}` and the other parameters are filled in. A language without
 * a bundle shows English words, so English rules pick their form.
 */
export function pluralLookup<B extends PluralMessage>(
  base: B,
  count: number,
  params: PluralParams<B> | undefined,
  options: MessageOptions,
  english: EnglishTable,
): string {
  const overridden = Object.keys(options.overrides ?? {}).some((key) => key.startsWith(`${base}.`));
  const lang = overridden || langTags(options.lang).some((tag) => bundles.has(tag)) ? (intlLang(options.lang) ?? 'en') : 'en';
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const form = `${base}.${rules.select(count)}`;
  const other = `${base}.other` as MessageKey;
  const text = translated(form, options) ?? translated(other, options) ?? english[form as MessageKey] ?? english[other] ?? other;
  return fill(text, { ...(params as Readonly<Record<string, MessageValue>> | undefined), count }, options.lang);
}
