/** Azure DevOps (Services and Server): `connectionData` names the product and, with a token, the user. */
import { credentialState, endsWithPath, json, type SimulatedProduct } from './common.js';

const HEADERS = { 'x-tfs-processid': '5c3a1f0e-0000-4000-8000-000000000001', 'x-vss-e2eid': '8b1d2c3e-0000-4000-8000-000000000002' };

export const azureDevOps: SimulatedProduct = {
  name: 'Azure DevOps',
  answer({ url, credential }) {
    if (!endsWithPath(url, '/_apis/connectionData')) return undefined;
    const hosted = url.hostname === 'dev.azure.com' || url.hostname.endsWith('.visualstudio.com');
    const state = credentialState(credential);
    // Anonymous callers get the product's 401, with its headers; a PAT gets the user it belongs to.
    if (state !== 'accepted') return json({ message: 'TF400813: The user is not authorized to access this resource.' }, 401, HEADERS);
    const user = { id: 'c7f0a6b2-0000-4000-8000-000000001001', providerDisplayName: 'Scanner Service', isActive: true };
    return json(
      {
        authenticatedUser: user,
        authorizedUser: user,
        instanceId: '2f1e0d9c-0000-4000-8000-000000000003',
        deploymentId: '9a8b7c6d-0000-4000-8000-000000000004',
        deploymentType: hosted ? 'hosted' : 'onPremises',
      },
      200,
      HEADERS,
    );
  },
};
