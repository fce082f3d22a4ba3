/**
 * A credential check that asks the provider who the credential belongs to
 * (its "who am I" endpoint under the edition's API root), with the credential
 * sent exactly as the catalog says. A 401 or 403 is CREDENTIALS_REJECTED, a
 * connection that cannot be made is NETWORK_UNREACHABLE; anything else that is
 * not a 2xx is an error the backend reports as BACKEND_UNAVAILABLE.
 *
 * It checks typed credentials only: a grant was issued by the provider a
 * moment ago. Where the API root needs a value the backend does not have yet
 * (Jira Cloud's cloud id), the credential is not checked here.
 *
 * `fetch` is the one way out: the Node server passes the connect-time guard's
 * `safeFetch`, the msw kit and the demo a simulated provider.
 */
import { apiRootFor, isCredentialKind } from '../../core/providers/index.js';
import type { ProviderId } from '../../core/providers/types.js';
import type { VerifyCredential, VerifyCredentialResult } from '../options.js';
import { withCredential } from './send-credential.js';

export { withCredential } from './send-credential.js';

interface WhoAmI {
  /** Appended to the API root. */
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
}

/** Each provider's documented "who am I" call, relative to the edition's API root. */
export const WHO_AM_I: Readonly<Partial<Record<ProviderId, WhoAmI>>> = {
  // Jira REST: GET /rest/api/{2|3}/myself
  jira: { path: '/myself' },
  // GitHub REST: GET /user (api.github.com, api.<tenant>.ghe.com, <host>/api/v3)
  github: { path: '/user' },
  // GitLab REST: GET /api/v4/user
  gitlab: { path: '/user' },
  // Bitbucket Cloud REST 2.0: GET /user
  bitbucket: { path: '/user' },
  // Trello REST: GET /1/members/me
  trello: { path: '/members/me' },
  // Linear GraphQL: the viewer
  linear: { path: '', method: 'POST', body: '{"query":"{ viewer { id } }"}' },
  // Azure DevOps: GET _apis/connectionData names the authenticated user
  'azure-devops': { path: '/connectionData' },
  // YouTrack REST: GET /api/users/me
  youtrack: { path: '/users/me?fields=id,login' },
  // Asana REST: GET /users/me
  asana: { path: '/users/me' },
  // ClickUp REST v2: GET /user
  clickup: { path: '/user' },
};

export interface CredentialVerifierOptions {
  /** Sends one request to the provider. Redirects are not followed. */
  fetch(request: Request): Promise<Response>;
}

export function createCredentialVerifier(options: CredentialVerifierOptions): VerifyCredential {
  return async ({ provider, edition, method, secret, baseUrl, tenant, signal }): Promise<VerifyCredentialResult | void> => {
    const call = WHO_AM_I[provider.id];
    if (!call || !isCredentialKind(method)) return undefined;
    const root = apiRootFor(edition, baseUrl ?? tenant ?? '', { method });
    if (!root) return undefined;
    const sent = withCredential(method, secret, `${root}${call.path}`, {
      accept: 'application/json',
      ...(call.body ? { 'content-type': 'application/json' } : {}),
    });
    if (!sent) return undefined;
    let response: Response;
    try {
      response = await options.fetch(
        new Request(sent.url, {
          method: call.method ?? 'GET',
          headers: sent.headers,
          redirect: 'manual',
          ...(call.body ? { body: call.body } : {}),
          ...(signal ? { signal } : {}),
        }),
      );
    } catch {
      return { code: 'NETWORK_UNREACHABLE', message: `The backend could not reach ${provider.label} to check the credential.` };
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) {
      return { code: 'CREDENTIALS_REJECTED', message: `${provider.label} refused this credential (HTTP ${response.status}).` };
    }
    if (response.status < 200 || response.status > 299) {
      throw new Error(`${provider.label} answered the credential check with HTTP ${response.status}.`);
    }
    // GraphQL reports a bad key inside a 200 as well.
    if (call.body && /"errors"\s*:/.test(text)) {
      return { code: 'CREDENTIALS_REJECTED', message: `${provider.label} refused this credential.` };
    }
    return undefined;
  };
}
