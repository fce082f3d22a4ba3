/** Trello: `members/me` with the API key and token in the query. */
import { credentialState, json, type SimulatedProduct } from './common.js';

export const trello: SimulatedProduct = {
  name: 'Trello',
  answer({ url, credential }) {
    if (url.hostname !== 'api.trello.com' || url.pathname !== '/1/members/me') return undefined;
    if (!url.searchParams.get('key')) return new Response('invalid key', { status: 401, headers: { 'content-type': 'text/plain' } });
    if (credentialState(credential) !== 'accepted') {
      return new Response('invalid token', { status: 401, headers: { 'content-type': 'text/plain' } });
    }
    return json({ id: '5f0c1a2b3c4d5e6f70811001', username: 'scannerbot', fullName: 'Scanner Service' });
  },
};
