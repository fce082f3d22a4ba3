/**
 * A simulated provider: one Web handler playing every provider's identity
 * endpoint (the ownership probe) and "who am I" endpoint (the credential
 * check) in the shapes the vendors document, one file per provider. The demo
 * and the msw kit run the real URL check and credential check against it, so
 * only the provider's answers are simulated.
 *
 * Credentials: any credential is accepted, except one containing the word
 * `invalid` (in any case), which every provider refuses with its own 401.
 * Requests no product claims get an ordinary web server's page.
 */
import { asana } from './asana.js';
import { azureDevOps } from './azure-devops.js';
import { bitbucket } from './bitbucket.js';
import { clickup } from './clickup.js';
import { presentedSecret, type SimulatedProduct } from './common.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { jira } from './jira.js';
import { linear } from './linear.js';
import { trello } from './trello.js';
import { youtrack } from './youtrack.js';

export { REFUSED_CREDENTIAL_MARK, type SimulatedProduct, type SimulatedRequest } from './common.js';

/** Every simulated product, asked in this order. */
export const SIMULATED_PRODUCTS: readonly SimulatedProduct[] = [jira, github, gitlab, bitbucket, azureDevOps, youtrack, trello, linear, asana, clickup];

export interface SimulatedProviderOptions {
  /** Host names (or `*` for all) whose every answer is a redirect to this URL. */
  redirects?: Readonly<Record<string, string>>;
  /** Host names (or `*` for all) that answer like an ordinary web server, as no product. */
  impostors?: readonly string[];
  /** The products played; default all. */
  products?: readonly SimulatedProduct[];
}

export type SimulatedProvider = (request: Request) => Promise<Response>;

const webServerPage = () =>
  new Response('<!doctype html><title>Welcome</title><h1>It works</h1>', {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });

export function createSimulatedProvider(options: SimulatedProviderOptions = {}): SimulatedProvider {
  const products = options.products ?? SIMULATED_PRODUCTS;
  const pick = <T>(map: Readonly<Record<string, T>> | undefined, host: string) => map?.[host] ?? map?.['*'];
  return async (request) => {
    const url = new URL(request.url);
    const redirect = pick(options.redirects, url.hostname);
    if (redirect !== undefined) return new Response(null, { status: 302, headers: { location: redirect } });
    const impostors = options.impostors ?? [];
    if (impostors.includes('*') || impostors.includes(url.hostname)) return webServerPage();
    const simulated = { request, url, credential: presentedSecret(request) };
    for (const product of products) {
      const answer = await product.answer(simulated);
      if (answer) return answer;
    }
    return webServerPage();
  };
}
