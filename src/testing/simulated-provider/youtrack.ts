/** YouTrack (Cloud and Server): `config` for the ownership probe, `users/me` for the credential. */
import { credentialState, endsWithPath, json, type SimulatedProduct } from './common.js';

export const youtrack: SimulatedProduct = {
  name: 'YouTrack',
  answer({ url, credential }) {
    if (endsWithPath(url, '/api/config')) {
      // YouTrack REST API: GET /api/config with the version and build fields.
      return json({ version: '2024.3', build: '2024.3.47197', $type: 'AppConfig' });
    }
    if (!endsWithPath(url, '/api/users/me')) return undefined;
    if (credentialState(credential) !== 'accepted') {
      return json({ error: 'Unauthorized', error_description: 'You are not logged in.' }, 401);
    }
    return json({ id: '1-1001', login: 'scanner-bot', name: 'Scanner Service', $type: 'Me' });
  },
};
