import type { SetupWorker } from 'msw/browser';
import { createHandlers, DEFAULT_MOCK_ENDPOINT } from './handlers.js';
import type { HandlerOptions } from './handlers.js';
import type { ScenarioId } from './scenarios.js';

export type WorkerOptions = Omit<HandlerOptions, 'scenario'> & {
  /** Where the page serves msw's worker script. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
};

export interface MockWorker {
  readonly worker: SetupWorker;
  /** The scenario now answering. */
  readonly scenario: ScenarioId;
  /** Switches scenario at runtime, with a fresh store. Handler options are kept unless given. */
  use(scenario: ScenarioId, options?: Omit<HandlerOptions, 'scenario'>): void;
  stop(): void;
}

let running: Promise<MockWorker> | undefined;

/**
 * Starts msw's service worker in this page with one scenario, once per page:
 * later calls switch the scenario of the running worker. Quiet on purpose:
 * msw's request log would print request bodies, and a save body holds a credential.
 */
export function startWorker(scenario: ScenarioId, options: WorkerOptions = {}): Promise<MockWorker> {
  if (running) {
    return running.then((mock) => {
      const { serviceWorkerUrl: _ignored, ...handlerOptions } = options;
      mock.use(scenario, Object.keys(handlerOptions).length ? handlerOptions : undefined);
      return mock;
    });
  }
  const attempt = (async (): Promise<MockWorker> => {
    // Loaded on demand so the testing entry also imports in Node, where msw/browser does not exist.
    const { setupWorker } = await import('msw/browser');
    const { serviceWorkerUrl = '/mockServiceWorker.js', ...first } = options;
    let handlerOptions: Omit<HandlerOptions, 'scenario'> = { endpoint: DEFAULT_MOCK_ENDPOINT, ...first };
    let current = scenario;
    const worker = setupWorker(...createHandlers({ ...handlerOptions, scenario }));
    await worker.start({ serviceWorker: { url: serviceWorkerUrl }, onUnhandledRequest: 'bypass', quiet: true });
    return {
      worker,
      get scenario() {
        return current;
      },
      use(next, nextOptions) {
        if (nextOptions) handlerOptions = { endpoint: DEFAULT_MOCK_ENDPOINT, ...nextOptions };
        current = next;
        worker.resetHandlers(...createHandlers({ ...handlerOptions, scenario: next }));
      },
      stop() {
        worker.stop();
        running = undefined;
      },
    };
  })();
  running = attempt;
  attempt.catch(() => {
    if (running === attempt) running = undefined;
  });
  return attempt;
}
