/** ClickUp: `user` for the personal token or OAuth token sent bare in Authorization. */
import { credentialState, json, type SimulatedProduct } from './common.js';

export const clickup: SimulatedProduct = {
  name: 'ClickUp',
  answer({ url, credential }) {
    if (url.hostname !== 'api.clickup.com' || url.pathname !== '/api/v2/user') return undefined;
    if (credentialState(credential) !== 'accepted') return json({ err: 'Token invalid', ECODE: 'OAUTH_025' }, 401);
    return json({ user: { id: 1001, username: 'Scanner Service', email: 'scanner@example.com', color: '#7b68ee' } });
  },
};
