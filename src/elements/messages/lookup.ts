/**
 * The message machinery without any words of its own: language bundles, host
 * overrides, `Intl` formatting and the lookup. Elements pass the English table
 * they need, so the first screen ships without the later steps' words.
 */
import type { en } from './en.js';

export type Messages = typeof en;
export type MessageKey = keyof Messages;

/** Replacement strings for any subset of keys (a language bundle or host overrides). */
export type MessageBundle = { readonly [K in MessageKey]?: string };

type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;

/** Names of the `{parameters}` a message takes, read from its English text. */
export type MessageParamName<K extends MessageKey> = ParamNames<Messages[K]>;

/** A parameter value. Numbers and dates are formatted with `Intl` for the language. */
export type MessageValue = string | number | Date;

export type MessageParams<K extends MessageKey> = { readonly [P in MessageParamName<K>]: MessageValue };

/** `[]` for messages without parameters, `[params]` for messages with them. */
export type MessageArgs<K extends MessageKey> = [MessageParamName<K>] extends [never] ? [] : [params: MessageParams<K>];

export interface MessageOptions {
  /** BCP 47 tag; `de-CH` falls back to `de`, then to English. */
  lang?: string | undefined;
  /** Per-message replacements that win over every language bundle. */
  overrides?: MessageBundle | undefined;
}

const bundles = new Map<string, MessageBundle>();
const listeners = new Set<() => void>();

/**
 * Adds (or extends) the bundle for a language. Later calls for the same
 * language merge into it. Elements already on the page re-render.
 */
export function registerMessages(lang: string, bundle: MessageBundle): void {
  const key = lang.toLowerCase();
  bundles.set(key, { ...bundles.get(key), ...bundle });
  for (const listener of listeners) listener();
}

/** Called whenever a bundle changes; returns an unsubscribe function. */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Words a lookup falls back to: an English table, whole or in part. */
export type EnglishTable = { readonly [K in MessageKey]?: string };

function template(key: MessageKey, options: MessageOptions, english: EnglishTable): string {
  const own = options.overrides?.[key];
  if (own !== undefined) return own;
  const lang = options.lang?.toLowerCase();
  if (lang) {
    const exact = bundles.get(lang)?.[key];
    if (exact !== undefined) return exact;
    const base = lang.split('-')[0];
    const fromBase = base && base !== lang ? bundles.get(base)?.[key] : undefined;
    if (fromBase !== undefined) return fromBase;
  }
  // A key missing from the table shows as itself rather than as nothing.
  return english[key] ?? key;
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
  const text = template(key, options, english);
  if (!params) return text;
  const values = params as Readonly<Record<string, MessageValue>>;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : formatValue(value, options.lang);
  });
}
