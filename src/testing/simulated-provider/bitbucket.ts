/** Bitbucket: Data Center's application properties (ownership probe) and Cloud's `user` (credential). */
import { credentialState, endsWithPath, json, type SimulatedProduct } from './common.js';

export const bitbucket: SimulatedProduct = {
  name: 'Bitbucket',
  answer({ url, credential }) {
    if (endsWithPath(url, '/rest/api/1.0/application-properties')) {
      // Bitbucket Data Center REST API: GET /rest/api/1.0/application-properties.
      return json({ version: '8.19.3', buildNumber: '8019003', buildDate: '1727740800000', displayName: 'Bitbucket' });
    }
    if (url.hostname !== 'api.bitbucket.org' || url.pathname !== '/2.0/user') return undefined;
    if (credentialState(credential) !== 'accepted') {
      return json({ type: 'error', error: { message: 'Access token expired or invalid.' } }, 401);
    }
    return json({ type: 'user', uuid: '{6e0f1c2a-0000-4000-8000-000000001001}', username: 'scanner-bot', display_name: 'Scanner Service' });
  },
};
