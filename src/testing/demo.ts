/**
 * The services that let the reference backend run offline, as `npm start`
 * does: the real URL check over the demo's DNS (DEMO_DNS) probing a simulated
 * provider, and the real credential check against that provider. Only DNS and
 * the providers' answers are simulated.
 *
 * Try `https://jira.example.com` (ready), `https://jira.corp.example.com`
 * (private network), `https://jira.example.org` (reserved address),
 * `https://tickets.example.com` (redirect to a private address),
 * `https://jira.example.net` (DNS rebinding) and `https://intranet.example.com`
 * (not the product). A credential containing `invalid` is refused. After save,
 * the destination lists and the test export are answered by the same simulated
 * provider (GitHub.com: organisation `acme`; a webhook receiver holds
 * SIMULATED_WEBHOOK_SECRET).
 */
import type { ProviderFetch, VerifyCredential } from '../backend/options.js';
import { transportFromFetch, type LookupFunction, type Transport } from '../backend/check/index.js';
import { createCredentialVerifier } from '../backend/verify/index.js';
import { createSampleLookup, DEMO_DNS, DEMO_HOSTS, SAMPLE_REDIRECT_TARGET } from './dns.js';
import { asFetch, createSimulatedProvider, type SimulatedProvider } from './provider-apis/index.js';

export interface DemoServices {
  /** For the URL check's `lookup`. */
  lookup: LookupFunction;
  /** For the URL check's `transport`. */
  transport: Transport;
  verifyCredential: VerifyCredential;
  /** For the backend's `providerFetch`: the export routes' calls, answered offline. */
  providerFetch: ProviderFetch;
  provider: SimulatedProvider;
}

export function createDemoServices(): DemoServices {
  const provider = createSimulatedProvider({
    redirects: { [DEMO_HOSTS.redirect]: SAMPLE_REDIRECT_TARGET },
    impostors: [DEMO_HOSTS.impostor],
  });
  const providerFetch = asFetch(provider);
  return {
    lookup: createSampleLookup(DEMO_DNS),
    transport: transportFromFetch(provider),
    verifyCredential: createCredentialVerifier({ fetch: providerFetch }),
    providerFetch,
    provider,
  };
}
