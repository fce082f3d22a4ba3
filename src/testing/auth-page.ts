import type { AuthResultMessage } from '../core/contract/index.js';
import { mockAuthResultMessage } from './handlers.js';

/**
 * For the mock authorisation page: posts the result for this page's `state`
 * to the opener, on this origin only (the mocks hand out `result_origin` =
 * the page origin), then closes the popup. Returns the message, or undefined
 * when there is no opener or no state.
 */
export function postMockAuthResult(
  status: AuthResultMessage['status'] = 'authorized',
  win: Window = window,
): AuthResultMessage | undefined {
  const state = new URLSearchParams(win.location.search).get('state');
  const opener = win.opener as Window | null;
  if (!state || !opener) return undefined;
  const message = mockAuthResultMessage(state, status);
  opener.postMessage(message, win.location.origin);
  win.close();
  return message;
}
