import { lookup, type EnglishTable, type MessageArgs, type MessageBundle, type MessageKey } from '../messages/lookup.js';

/** A message lookup bound to one element's language and overrides, for code that renders or speaks on its behalf. */
export type Say = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

export function sayFor(element: { readonly resolvedLang: string; readonly messages?: MessageBundle | undefined }, english: EnglishTable): Say {
  return (key, ...args) => lookup(key, args[0] as never, { lang: element.resolvedLang, overrides: element.messages }, english);
}
