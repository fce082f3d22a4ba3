/**
 * How each credential transport named by the catalog (`AuthMethod.sentAs`) travels
 * on a request. The catalog says which transport a method uses; this says what the
 * transport means on the wire, once for every adapter.
 */
import type { CredentialTransport } from '../../core/providers/index.js';
import { toBase64, utf8 } from '../../core/bytes.js';
import { ProviderError } from './errors.js';
import type { Credential } from './types.js';

export interface Placement {
  headers: Record<string, string>;
  query: Record<string, string>;
}

const basic = (user: string, password: string): string => `Basic ${toBase64(utf8(`${user}:${password}`))}`;

function field(credential: Credential, name: string): string {
  const value = credential.fields?.[name];
  if (!value) throw new ProviderError('VALIDATION_FAILED', `The saved credential lacks its ${name}.`, { field: name });
  return value;
}

const PLACEMENTS: Record<CredentialTransport, (credential: Credential) => Placement> = {
  bearer: (c) => ({ headers: { authorization: `Bearer ${c.secret}` }, query: {} }),
  'basic-email': (c) => ({ headers: { authorization: basic(field(c, 'email'), c.secret) }, query: {} }),
  'basic-empty-user': (c) => ({ headers: { authorization: basic('', c.secret) }, query: {} }),
  'raw-authorization': (c) => ({ headers: { authorization: c.secret }, query: {} }),
  'private-token-header': (c) => ({ headers: { 'private-token': c.secret }, query: {} }),
  'query-key-token': (c) => ({ headers: {}, query: { key: field(c, 'api_key'), token: c.secret } }),
  // A signing secret never travels: it signs the body (see webhook.ts).
  'signature-header': () => ({ headers: {}, query: {} }),
};

export function placeCredential(transport: CredentialTransport, credential: Credential): Placement {
  return PLACEMENTS[transport](credential);
}
