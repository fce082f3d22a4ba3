export {
  createHandlers,
  DEFAULT_MOCK_ENDPOINT,
  MOCK_AUTH_PAGE_PATH,
  mockAuthorizationId,
  mockAuthResultMessage,
  SLOW_LATENCY_MS,
} from './handlers.js';
export type { HandlerOptions } from './handlers.js';
export { isScenarioId, SAMPLE_TARGET_IDS, SCENARIO_IDS, SCENARIOS } from './scenarios.js';
export type { Scenario, ScenarioId, ScenarioPreset } from './scenarios.js';
export {
  SAMPLE_EGRESS_ADDRESSES,
  SAMPLE_PORTABLE_EXPORT,
  SAMPLE_PUBLIC_ADDRESSES,
  SAMPLE_TARGETS,
  sampleStatus,
} from './samples.js';
export { startWorker } from './browser.js';
export type { MockWorker, WorkerOptions } from './browser.js';
export { postMockAuthResult } from './auth-page.js';
