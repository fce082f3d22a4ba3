/**
 * A credential on its way to the provider, exactly as the catalog's `sentAs`
 * says: the header and scheme, or Trello's key and token query. Shared by the
 * credential check and the export path's provider adapters.
 */
import type { AuthMethod } from '../../core/providers/types.js';
import type { StoredSecret } from '../store/types.js';

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `url` and `headers` with the credential added; undefined for methods that sign rather than send (webhooks). */
export function withCredential(
  method: AuthMethod,
  secret: StoredSecret,
  url: string,
  headers: Record<string, string> = {},
): { url: string; headers: Record<string, string> } | undefined {
  const token = secret.credential;
  switch (method.sentAs) {
    case 'bearer':
      return { url, headers: { ...headers, authorization: `Bearer ${token}` } };
    case 'basic-email':
      return { url, headers: { ...headers, authorization: `Basic ${base64(`${secret.fields?.email ?? ''}:${token}`)}` } };
    case 'basic-empty-user':
      return { url, headers: { ...headers, authorization: `Basic ${base64(`:${token}`)}` } };
    case 'raw-authorization':
      return { url, headers: { ...headers, authorization: token } };
    case 'private-token-header':
      return { url, headers: { ...headers, 'private-token': token } };
    case 'query-key-token': {
      const withQuery = new URL(url);
      withQuery.searchParams.set('key', secret.fields?.api_key ?? '');
      withQuery.searchParams.set('token', token);
      return { url: withQuery.href, headers };
    }
    case 'signature-header':
      return undefined;
  }
}
