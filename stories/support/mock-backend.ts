/**
 * A backend for one element instance that answers from the msw scenario
 * handlers in memory, without a service worker. One service worker serves one
 * scenario per page; this lets a page (the gallery, a story canvas) show many
 * scenarios side by side, each with its own store.
 */
import { getResponse } from 'msw';
import { createHttpBackend, type Backend } from '../../src/client/index.js';
import { createHandlers, DEFAULT_MOCK_ENDPOINT, type HandlerOptions, type ScenarioId } from '../../src/testing/index.js';

export type MockBackendOptions = Omit<HandlerOptions, 'scenario' | 'endpoint'>;

export function createMockBackend(scenario: ScenarioId, options: MockBackendOptions = {}): Backend {
  const handlers = createHandlers({ ...options, scenario, endpoint: DEFAULT_MOCK_ENDPOINT });
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    const request = new Request(url, init);
    const signal = init?.signal;
    const answered = getResponse(handlers, request);
    // Like fetch: a cancelled call rejects at once, even while the scenario delays its answer.
    const response = await (signal
      ? Promise.race([
          answered,
          new Promise<never>((_, reject) => {
            if (signal.aborted) reject(signal.reason);
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          }),
        ])
      : answered);
    if (!response) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    // HttpResponse.error() stands for a network failure: fetch rejects with a TypeError.
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
  return createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT, fetch: mockFetch });
}
