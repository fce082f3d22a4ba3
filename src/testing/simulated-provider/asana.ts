/** Asana: `users/me` wrapped in Asana's `data` envelope. */
import { credentialState, json, type SimulatedProduct } from './common.js';

export const asana: SimulatedProduct = {
  name: 'Asana',
  answer({ url, credential }) {
    if (url.hostname !== 'app.asana.com' || url.pathname !== '/api/1.0/users/me') return undefined;
    if (credentialState(credential) !== 'accepted') {
      return json({ errors: [{ message: 'Not Authorized', help: 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors' }] }, 401);
    }
    return json({ data: { gid: '1201001', name: 'Scanner Service', email: 'scanner@example.com', resource_type: 'user' } });
  },
};
