import { msg, type MessageArgs, type MessageBundle, type MessageKey } from '../messages/messages.js';

/** A message lookup bound to one element's language and overrides, for code that renders or speaks on its behalf. */
export type Say = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

export function sayFor(element: { readonly resolvedLang: string; readonly messages?: MessageBundle | undefined }): Say {
  return (key, ...args) => msg(key, args[0] as never, { lang: element.resolvedLang, overrides: element.messages });
}
