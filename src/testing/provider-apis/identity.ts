/**
 * The products' identity endpoints, as the URL check's ownership probe meets them:
 * anonymous requests to the address a customer typed, answered in the shapes and
 * with the headers the vendors document. A request that carries a credential is
 * the provider API's (see world.ts), which answers "who am I" and the rest.
 */
import { json } from './shared.js';

type Answer = (url: URL) => Response | undefined;

/** True when `path` is `suffix` under any context path (`/jira/rest/api/2/serverInfo`). */
const endsWith = (url: URL, suffix: string) => url.pathname === suffix || url.pathname.endsWith(suffix);

const GITHUB_VERSION = '3.14.2';
const GITLAB_META = { 'x-gitlab-meta': '{"correlation_id":"01JSIMULATED","version":"1"}' };
const AZURE_HEADERS = { 'x-tfs-processid': '5c3a1f0e-0000-4000-8000-000000000001', 'x-vss-e2eid': '8b1d2c3e-0000-4000-8000-000000000002' };
const SERVER_INFO = '/rest/api/2/serverInfo';

/** The cloud id the simulated Jira Cloud sites answer; api.atlassian.com roots are built from it. */
export const SIMULATED_CLOUD_ID = '5d3c0e1a-0000-4000-8000-00000000ac4e';

const ANSWERS: readonly Answer[] = [
  // Atlassian Cloud: GET {site}/_edge/tenant_info names the site's cloud id to anonymous callers.
  (url) => (url.hostname.endsWith('.atlassian.net') && url.pathname === '/_edge/tenant_info' ? json({ cloudId: SIMULATED_CLOUD_ID }) : undefined),
  // Jira REST API: GET /rest/api/2/serverInfo answers anonymous callers.
  (url) =>
    endsWith(url, SERVER_INFO)
      ? json({
          baseUrl: `${url.origin}${url.pathname.slice(0, -SERVER_INFO.length)}`,
          version: '9.12.15',
          versionNumbers: [9, 12, 15],
          deploymentType: 'Server',
          buildNumber: 9120015,
          buildDate: '2024-10-01T00:00:00.000+0000',
          serverTitle: 'Jira',
        })
      : undefined,
  // GitHub Enterprise Server REST API: GET /meta, with the version header on every answer.
  (url) =>
    endsWith(url, '/api/v3/meta')
      ? json({ verifiable_password_authentication: false, installed_version: GITHUB_VERSION, hooks: [], git: [] }, 200, {
          'x-github-enterprise-version': GITHUB_VERSION,
        })
      : undefined,
  // GitLab REST API: GET /metadata needs a token; anonymous callers get GitLab's 401 with its meta header.
  (url) => (endsWith(url, '/api/v4/metadata') ? json({ message: '401 Unauthorized' }, 401, GITLAB_META) : undefined),
  // Bitbucket Data Center REST API: GET /rest/api/1.0/application-properties.
  (url) =>
    endsWith(url, '/rest/api/1.0/application-properties')
      ? json({ version: '8.19.3', buildNumber: '8019003', buildDate: '1727740800000', displayName: 'Bitbucket' })
      : undefined,
  // Azure DevOps: connectionData answers anonymous callers with the product's 401 and its headers.
  (url) =>
    endsWith(url, '/_apis/connectionData')
      ? json({ message: 'TF400813: The user is not authorized to access this resource.' }, 401, AZURE_HEADERS)
      : undefined,
  // YouTrack REST API: GET /api/config with the version and build fields.
  (url) => (endsWith(url, '/api/config') ? json({ version: '2024.3', build: '2024.3.47197', $type: 'AppConfig' }) : undefined),
];

/** The identity endpoint's answer to an anonymous request, or undefined when the request is not one. */
export function identityAnswer(url: URL): Response | undefined {
  for (const answer of ANSWERS) {
    const response = answer(url);
    if (response) return response;
  }
  return undefined;
}
