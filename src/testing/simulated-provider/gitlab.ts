/** GitLab (GitLab.com, Dedicated, Self-Managed): `metadata` for the ownership probe, `user` for the credential. */
import { credentialState, endsWithPath, json, type SimulatedProduct } from './common.js';

const META = { 'x-gitlab-meta': '{"correlation_id":"01JSIMULATED","version":"1"}' };
const UNAUTHORIZED = { message: '401 Unauthorized' };

export const gitlab: SimulatedProduct = {
  name: 'GitLab',
  answer({ url, credential }) {
    const state = credentialState(credential);
    if (endsWithPath(url, '/api/v4/metadata')) {
      // GitLab REST API: GET /metadata needs a token; anonymous callers get GitLab's 401.
      if (state !== 'accepted') return json(UNAUTHORIZED, 401, META);
      return json({ version: '17.5.1-ee', revision: '4f0c3b2a1d9', kas: { enabled: true }, enterprise: true }, 200, META);
    }
    if (!endsWithPath(url, '/api/v4/user')) return undefined;
    if (state !== 'accepted') return json(UNAUTHORIZED, 401, META);
    return json({ id: 1001, username: 'scanner-bot', name: 'Scanner Service', state: 'active', bot: true }, 200, META);
  },
};
