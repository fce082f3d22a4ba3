export {
  createHandlers,
  DEFAULT_MOCK_ENDPOINT,
  MOCK_AUTH_PAGE_PATH,
  mockAuthorizationId,
  mockAuthResultMessage,
  SLOW_LATENCY_MS,
} from './handlers.js';
export type { HandlerOptions } from './handlers.js';
export { createScenarioBackend, scenarioOptions, scenarioWorld, worldServices } from './scenario-backend.js';
export type { BackendOverrides, ScenarioBackend, ScenarioWorld } from './scenario-backend.js';
export { createDemoServices, type DemoServices } from './demo.js';
export { isScenarioId, SAMPLE_TARGET_IDS, SCENARIO_IDS, SCENARIOS, TEST_EXPORT_FAILURES } from './scenarios.js';
export type { Scenario, ScenarioId, ScenarioPreset } from './scenarios.js';
export {
  SAMPLE_EGRESS_ADDRESSES,
  SAMPLE_PORTABLE_EXPORT,
  SAMPLE_PUBLIC_ADDRESSES,
  SAMPLE_TARGETS,
  sampleStatus,
} from './samples.js';
export {
  createSampleLookup,
  DEMO_DNS,
  DEMO_HOSTS,
  DEMO_PUBLIC_HOSTS,
  SAMPLE_PRIVATE_ADDRESS,
  SAMPLE_REBOUND_ADDRESS,
  SAMPLE_REDIRECT_TARGET,
  SAMPLE_RESERVED_ADDRESS,
} from './dns.js';
export type { DnsAnswer, DnsWorld } from './dns.js';
export {
  asFetch,
  createSimulatedProvider,
  REFUSED_CREDENTIAL_MARK,
  SIMULATED_TOKEN,
  SIMULATED_WEBHOOK_SECRET,
  TRELLO_API_KEY,
} from './provider-apis/index.js';
export type { SimulatedFailure, SimulatedProvider, SimulatedProviderOptions, SimulationOptions } from './provider-apis/index.js';
export { startWorker } from './browser.js';
export type { MockWorker, WorkerOptions } from './browser.js';
export { postMockAuthResult } from './auth-page.js';
