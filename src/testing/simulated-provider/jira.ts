/** Jira (Data Center and Cloud): server info for the ownership probe, `myself` for the credential. */
import { contextPath, credentialState, endsWithPath, json, type SimulatedProduct } from './common.js';

const SERVER_INFO = '/rest/api/2/serverInfo';

export const jira: SimulatedProduct = {
  name: 'Jira',
  answer({ url, credential }) {
    if (endsWithPath(url, SERVER_INFO)) {
      // Jira REST API: GET /rest/api/2/serverInfo answers anonymous callers.
      return json({
        baseUrl: `${url.origin}${contextPath(url, SERVER_INFO)}`,
        version: '9.12.15',
        versionNumbers: [9, 12, 15],
        deploymentType: 'Server',
        buildNumber: 9120015,
        buildDate: '2024-10-01T00:00:00.000+0000',
        serverTitle: 'Jira',
      });
    }
    const myself = /\/rest\/api\/[23]\/myself$/.test(url.pathname);
    if (!myself) return undefined;
    const state = credentialState(credential);
    if (state !== 'accepted') {
      return json({ errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} }, 401);
    }
    return json({
      self: `${url.origin}${url.pathname.replace(/myself$/, 'user?username=scanner')}`,
      key: 'scanner',
      name: 'scanner',
      emailAddress: 'scanner@example.com',
      displayName: 'Scanner Service',
      active: true,
      timeZone: 'UTC',
    });
  },
};
