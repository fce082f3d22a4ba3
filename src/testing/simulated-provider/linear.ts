/** Linear: the GraphQL `viewer` query, with the API key or OAuth token in Authorization. */
import { credentialState, json, type SimulatedProduct } from './common.js';

export const linear: SimulatedProduct = {
  name: 'Linear',
  answer({ url, request, credential }) {
    if (url.hostname !== 'api.linear.app' || url.pathname !== '/graphql' || request.method !== 'POST') return undefined;
    if (credentialState(credential) !== 'accepted') {
      return json(
        { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR' } }] },
        401,
      );
    }
    return json({ data: { viewer: { id: '2c1b0a99-0000-4000-8000-000000001001', name: 'Scanner Service' } } });
  },
};
