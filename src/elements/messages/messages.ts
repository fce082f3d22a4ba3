import { en } from './en.js';
import { lookup, type MessageKey, type MessageOptions, type MessageParams } from './lookup.js';

export * from './lookup.js';

/**
 * Looks up a message in the whole English catalog (after the host's overrides
 * and the language bundles) and fills in its `{parameters}`. The result is
 * plain text: callers render it as a text node, so parameters can never become
 * markup. A parameter a translation names but the caller did not pass stays
 * visible as `{name}` rather than vanishing silently.
 */
export function msg<K extends MessageKey>(key: K, params?: MessageParams<K> | undefined, options: MessageOptions = {}): string {
  return lookup(key, params, options, en);
}
