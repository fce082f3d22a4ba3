/**
 * Values more than one provider's detail uses. API root templates
 * (`cloudApiRoot`, `AuthMethod.apiRoot`) may use:
 *   {tenant_url} the URL built from the confirmed tenant, without trailing slash
 *   {host}       the host of that URL
 *   {cloud_id}   a provider-side id the backend learns after the grant (Jira Cloud)
 */
import type { DocLink, TokenHint } from '../types.js';

export const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/** One DNS label: letters, digits, inner hyphens, at most 63 characters. */
export const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

export const ATLASSIAN_API_TOKENS: DocLink = {
  label: 'Atlassian account → Security → Create and manage API tokens → Revoke',
  url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
};

export const ATLASSIAN_TOKEN_HINT: TokenHint = {
  id: 'atatt-prefix',
  pattern: /^ATATT/,
  warning: 'Atlassian API tokens usually start with ATATT. Check that you copied the whole token.',
};

export const NO_SCHEME_HINT_NOTE = 'Paste only the token itself.';

export function stripScheme(value: string): string {
  return value.replace(/^https:\/\//i, '');
}
