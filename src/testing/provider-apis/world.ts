/**
 * The simulated provider: one Web handler answering every provider at its real
 * addresses, as the demo and the msw kit reach them through the backend's
 * services. It plays three parts, in order:
 * - the world around a typed URL (a host that redirects, a host that is an
 *   ordinary web server rather than the product);
 * - the products' identity endpoints, for the URL check's anonymous ownership probe;
 * - each provider's API (one file per provider here), for the credential check,
 *   the destination lists and the test export, with one scenario's options, and a
 *   webhook receiver for signed deliveries.
 * Which provider a request is for is read from its host (the cloud APIs) or its
 * API path (self-hosted editions under the customer's own host).
 */
import type { ProviderId } from '../../core/providers/types.js';
import { identityAnswer } from './identity.js';
import { createAsanaApi } from './asana.js';
import { createAzureDevOpsApi } from './azure-devops.js';
import { createBitbucketApi } from './bitbucket.js';
import { createClickupApi } from './clickup.js';
import { createGithubApi } from './github.js';
import { createGitlabApi } from './gitlab.js';
import { createJiraApi } from './jira.js';
import { createLinearApi } from './linear.js';
import { listed, presentedSecret, type ProviderApi, type SimulationOptions } from './shared.js';
import { createTrelloApi } from './trello.js';
import { createWebhookReceiver } from './webhook.js';
import { createYoutrackApi } from './youtrack.js';

/**
 * The signing secret the simulated webhook receiver holds (Standard Webhooks form;
 * GitHub-style signing uses its bytes as they are). A delivery signed with another
 * secret is refused with 401, as a real receiver refuses it.
 */
export const SIMULATED_WEBHOOK_SECRET = 'whsec_c2ltdWxhdGVkLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3';

export interface SimulatedProviderOptions {
  /** Host names (or `*` for all) whose every answer is a redirect to this URL. */
  redirects?: Readonly<Record<string, string>>;
  /** Host names (or `*` for all) that answer like an ordinary web server, as no product. */
  impostors?: readonly string[];
  /** How every provider's API behaves: list sizes, refused writes, a failure (see SimulationOptions). */
  simulation?: SimulationOptions;
}

export type SimulatedProvider = ((request: Request) => Promise<Response>) & {
  /** Tickets created and deliveries received so far, per provider, newest last. */
  created(provider: ProviderId): ReadonlyArray<Record<string, unknown>>;
};

/** Which provider a request is for: the cloud APIs by host, self-hosted ones by their API path. */
export function providerOf(request: Request, url: URL): ProviderId | undefined {
  const host = url.hostname;
  const path = url.pathname;
  if (request.method === 'POST' && (request.headers.has('webhook-signature') || request.headers.has('x-hub-signature-256'))) return 'webhook';
  if (host === 'api.linear.app') return 'linear';
  if (host === 'api.trello.com') return 'trello';
  if (host === 'app.asana.com') return 'asana';
  if (host === 'api.clickup.com') return 'clickup';
  if (host === 'api.bitbucket.org') return 'bitbucket';
  if (host === 'api.github.com' || /^api\.[a-z0-9-]+\.ghe\.com$/.test(host) || path.startsWith('/api/v3/')) return 'github';
  if (path.includes('/_apis/')) return 'azure-devops';
  if (/\/rest\/api\/[23]\//.test(path)) return 'jira';
  if (path.includes('/api/v4/')) return 'gitlab';
  if (path.includes('/api/')) return 'youtrack';
  return undefined;
}

/** The webhook receiver for a scenario: its failure, a refusing endpoint for read-only, a redirect for a limitation. */
function receiverFor(simulation: SimulationOptions): ProviderApi {
  const status = listed(simulation.readOnly, '*') ? 404 : simulation.failure === 'limitation' ? 308 : undefined;
  const failure = simulation.failure === 'limitation' ? undefined : simulation.failure;
  return createWebhookReceiver({
    secret: SIMULATED_WEBHOOK_SECRET,
    ...(status !== undefined ? { status } : {}),
    ...(failure ? { failure } : {}),
  });
}

const webServerPage = () =>
  new Response('<!doctype html><title>Welcome</title><h1>It works</h1>', {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });

export function createSimulatedProvider(options: SimulatedProviderOptions = {}): SimulatedProvider {
  const simulation = options.simulation ?? {};
  const apis: Record<ProviderId, ProviderApi> = {
    jira: createJiraApi(simulation),
    github: createGithubApi(simulation),
    gitlab: createGitlabApi(simulation),
    bitbucket: createBitbucketApi(simulation),
    trello: createTrelloApi(simulation),
    linear: createLinearApi(simulation),
    'azure-devops': createAzureDevOpsApi(simulation),
    youtrack: createYoutrackApi(simulation),
    asana: createAsanaApi(simulation),
    clickup: createClickupApi(simulation),
    webhook: receiverFor(simulation),
  };
  const pick = <T>(map: Readonly<Record<string, T>> | undefined, host: string) => map?.[host] ?? map?.['*'];

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const redirect = pick(options.redirects, url.hostname);
    if (redirect !== undefined) return new Response(null, { status: 302, headers: { location: redirect } });
    const impostors = options.impostors ?? [];
    if (impostors.includes('*') || impostors.includes(url.hostname)) return webServerPage();
    if (presentedSecret(request) === undefined) {
      const identity = identityAnswer(url);
      if (identity) return identity;
    }
    const provider = providerOf(request, url);
    return provider ? apis[provider](request) : webServerPage();
  };
  return Object.assign(handler, { created: (provider: ProviderId) => apis[provider].created });
}
