/**
 * Each scenario as a configuration of the real backend: which DNS answers
 * the URL check sees, how the simulated provider behaves, which targets the
 * store starts with, and, for the few scenarios that play a provider's
 * refusal, the credential verifier's verdict. No rule of the contract lives
 * here; the backend decides every answer.
 */
import { createBackend, type BackendOptions, type PtsHandler, type VerifyCredential } from '../backend/index.js';
import { runBaseUrlCheck, transportFromFetch } from '../backend/check/index.js';
import { randomToken } from '../backend/random.js';
import { createMemoryStore, type TargetStore } from '../backend/store/index.js';
import { createCredentialVerifier } from '../backend/verify/index.js';
import type { TargetRecord } from '../core/contract/index.js';
import { createSampleLookup, SAMPLE_PRIVATE_ADDRESS, SAMPLE_REBOUND_ADDRESS, SAMPLE_REDIRECT_TARGET, SAMPLE_RESERVED_ADDRESS, type DnsWorld } from './dns.js';
import { SAMPLE_EGRESS_ADDRESSES, SAMPLE_PORTABLE_EXPORT, SAMPLE_PUBLIC_ADDRESSES, SAMPLE_TARGETS } from './samples.js';
import type { ScenarioId } from './scenarios.js';
import { asFetch, createSimulatedProvider, type SimulatedProviderOptions } from './provider-apis/index.js';

/** Page the mock authorisation URL points to (same origin as the page that opens it). */
export const MOCK_AUTH_PAGE_PATH = '/pts-mock-auth.html';

/** What the world looks like in one scenario: DNS, the provider, and the targets stored at the start. */
export interface ScenarioWorld {
  dns: DnsWorld;
  provider: SimulatedProviderOptions;
  seed: TargetRecord[];
  /** The provider's verdict on every credential, where the scenario is about one. */
  verdict?: Awaited<ReturnType<VerifyCredential>>;
}

const PUBLIC: DnsWorld = { '*': SAMPLE_PUBLIC_ADDRESSES };

export function scenarioWorld(scenario: ScenarioId): ScenarioWorld {
  const world: ScenarioWorld = { dns: PUBLIC, provider: {}, seed: [] };
  switch (scenario) {
    case 'url-blocked-private-network':
      return { ...world, dns: { '*': [SAMPLE_PRIVATE_ADDRESS] } };
    case 'url-blocked-reserved-ip':
      return { ...world, dns: { '*': [SAMPLE_RESERVED_ADDRESS] } };
    case 'url-blocked-redirect':
      return { ...world, provider: { redirects: { '*': SAMPLE_REDIRECT_TARGET } } };
    case 'url-blocked-dns-rebinding':
      return { ...world, dns: { '*': { alternate: [SAMPLE_PUBLIC_ADDRESSES, [SAMPLE_REBOUND_ADDRESS]] } } };
    case 'url-blocked-ownership':
      return { ...world, provider: { impostors: ['*'] } };
    case 'provider-limitation':
      return { ...world, verdict: { code: 'PROVIDER_LIMITATION' } };
    case 'auth-required':
      return { ...world, verdict: { code: 'PROVIDER_AUTH_REQUIRED' } };
    case 'reconnect':
      return { ...world, seed: [SAMPLE_TARGETS.authRequired] };
    case 'revoke':
      return { ...world, seed: [SAMPLE_TARGETS.cloudConnected, SAMPLE_TARGETS.selfHostedConnected] };
    case 'slow-backend':
      return { ...world, seed: [SAMPLE_TARGETS.cloudConnected] };
    case 'destinations-large':
      return { ...world, provider: { simulation: { size: 'large' } } };
    case 'destinations-empty':
      return { ...world, provider: { simulation: { size: 'empty' } } };
    case 'destination-read-only':
      return { ...world, provider: { simulation: { readOnly: ['*'] } } };
    case 'test-export-auth-failed':
      return { ...world, provider: { simulation: { failure: 'auth', failOn: 'create' } } };
    case 'test-export-network-failed':
      return { ...world, provider: { simulation: { failure: 'network', failOn: 'create' } } };
    case 'test-export-unavailable':
      return { ...world, provider: { simulation: { failure: 'server-error', failOn: 'create' } } };
    case 'test-export-limitation':
      return { ...world, provider: { simulation: { failure: 'limitation', failOn: 'create' } } };
    default:
      return world;
  }
}

/**
 * The services that make a backend play `world`: the real URL check over its
 * DNS and simulated provider, the real credential check against that provider
 * (or the scenario's verdict), and the export routes' provider calls answered
 * by the same provider.
 */
export function worldServices(world: ScenarioWorld): Pick<BackendOptions, 'checkUrl' | 'verifyCredential' | 'providerFetch'> {
  const provider = createSimulatedProvider(world.provider);
  const lookup = createSampleLookup(world.dns);
  const transport = transportFromFetch(provider);
  const providerFetch = asFetch(provider);
  const verdict = world.verdict;
  return {
    checkUrl: (url, context) => runBaseUrlCheck(url, { ...context, lookup, transport }),
    verifyCredential: verdict ? () => verdict : createCredentialVerifier({ fetch: providerFetch }),
    providerFetch,
  };
}

export interface ScenarioBackend {
  handler: PtsHandler;
  store: TargetStore;
  /** The endpoint's path, which the backend's routes hang off. */
  basePath: string;
}

/** Backend options an integrator's test may set over a scenario's (a low rate limit, a small cap). */
export type BackendOverrides = Partial<Omit<BackendOptions, 'basePath' | 'publicUrl' | 'store'>>;

/**
 * What a scenario sets besides its services: the seed, the sample egress
 * addresses and portable export, a generous rate limit, and the mock
 * authoriser whose consent page (on `pageOrigin`) reports to the element
 * itself; the kit then plays the provider's callback.
 */
export function scenarioOptions(world: ScenarioWorld, pageOrigin: string | undefined): Omit<BackendOptions, 'checkUrl'> {
  return {
    seed: world.seed,
    egressAddresses: [...SAMPLE_EGRESS_ADDRESSES],
    portableExport: SAMPLE_PORTABLE_EXPORT,
    // Tests and stories check many URLs and run many tests in a row; the limits themselves are tested on the backend.
    rateLimit: { urlChecks: { max: 100_000, windowMs: 60_000 }, testExports: { max: 100_000, windowMs: 60_000 } },
    authorize: ({ state, request }) => ({
      authorizationUrl: `${pageOrigin ?? new URL(request.url).origin}${MOCK_AUTH_PAGE_PATH}?state=${encodeURIComponent(state)}`,
    }),
    completeAuthorization: ({ params }) =>
      params.has('error') ? { status: 'denied' } : { status: 'authorized', grant: { credential: `kit-grant-${randomToken(16)}` } },
  };
}

/** The backend of one scenario, served at `publicUrl` (the endpoint as the page sees it). */
export function createScenarioBackend(
  scenario: ScenarioId,
  publicUrl: string,
  pageOrigin: string | undefined,
  overrides: BackendOverrides = {},
): ScenarioBackend {
  const world = scenarioWorld(scenario);
  const store = createMemoryStore();
  const basePath = new URL(publicUrl).pathname.replace(/\/+$/, '');
  const handler = createBackend({
    ...worldServices(world),
    ...scenarioOptions(world, pageOrigin),
    // The kit lives in the page: every request it sees comes from the page itself.
    requestOrigin: (request) => request.headers.get('origin') ?? pageOrigin ?? null,
    ...overrides,
    basePath,
    publicUrl,
    store,
  });
  return { handler, store, basePath };
}
