/** GitHub (github.com, GHE.com, Enterprise Server): `meta` for the ownership probe, `user` for the credential. */
import { credentialState, endsWithPath, json, type SimulatedProduct } from './common.js';

const VERSION = '3.14.2';
const CLOUD_API = /^api\.(?:github\.com|[a-z0-9-]+\.ghe\.com)$/;

export const github: SimulatedProduct = {
  name: 'GitHub',
  answer({ url, credential }) {
    if (endsWithPath(url, '/api/v3/meta')) {
      // GitHub Enterprise Server REST API: GET /meta, with the version header on every answer.
      return json(
        { verifiable_password_authentication: false, installed_version: VERSION, hooks: [], git: [] },
        200,
        { 'x-github-enterprise-version': VERSION },
      );
    }
    const user = (CLOUD_API.test(url.hostname) && url.pathname === '/user') || endsWithPath(url, '/api/v3/user');
    if (!user) return undefined;
    const headers: Record<string, string> = CLOUD_API.test(url.hostname) ? {} : { 'x-github-enterprise-version': VERSION };
    switch (credentialState(credential)) {
      case 'anonymous':
        return json({ message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' }, 401, headers);
      case 'refused':
        return json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }, 401, headers);
      default:
        return json({ login: 'scanner-bot', id: 1001, type: 'User', name: 'Scanner Service' }, 200, headers);
    }
  },
};
