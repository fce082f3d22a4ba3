import { html, nothing, type TemplateResult } from 'lit';
import { icon } from './icons.js';

/**
 * Only http(s) addresses become links. Lit does not filter `javascript:` or
 * `data:` in bound `href`s, and some addresses come from a backend.
 */
export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens in a new tab (said in text, not only by the icon), or plain text without a safe address. */
export function externalLink(label: string, url: string | undefined | null, newTab: string): TemplateResult | string {
  const href = safeHref(url);
  if (!href) return label;
  return html`<a href=${href} target="_blank" rel="noopener noreferrer"
    >${label}<span class="sr-only"> ${newTab}</span>${icon('external', 'ext')}</a
  >`;
}

export const maybe = <T>(value: T | undefined | null): T | typeof nothing => (value === undefined || value === null ? nothing : value);
