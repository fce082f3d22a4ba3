/** `GET /auth/callback`: finish the grant and tell the opener, on its exact origin, without a token. */
import type { AuthResultMessage } from '../../core/contract/index.js';
import { callbackPage, staleCallbackPage } from '../auth-pages.js';
import type { Route } from '../context.js';
import type { CompleteAuthorizationResult } from '../options.js';
import { randomToken } from '../random.js';
import { redact, redactError } from '../redact.js';
import { pendingAuthorization } from './pending.js';

export const authCallback: Route = async (ctx, { request, url }) => {
  const authorization = await pendingAuthorization(ctx, url);
  if (!authorization) return staleCallbackPage();
  // The authorisation code is as good as a credential until it is exchanged.
  const secrets = [url.searchParams.get('code') ?? undefined];
  let result: CompleteAuthorizationResult;
  if (ctx.options.completeAuthorization) {
    try {
      result = await ctx.options.completeAuthorization({ authorization, params: url.searchParams, redirectUri: ctx.callbackUrl(url), request });
    } catch (error) {
      ctx.options.onError?.(redactError(error, secrets));
      result = { status: 'error', code: 'BACKEND_UNAVAILABLE' };
    }
  } else if (ctx.options.simulateAuth && !ctx.options.authorize) {
    result = url.searchParams.has('error')
      ? { status: 'denied' }
      : { status: 'authorized', grant: { credential: `simulated-grant-${randomToken(16)}` } };
  } else {
    result = { status: 'error', code: 'BACKEND_UNAVAILABLE' };
  }

  const completed = await ctx.store.completeAuthorization({
    id: authorization.id,
    status: result.status,
    ...(result.status === 'authorized' ? { grant: result.grant } : {}),
    now: ctx.iso(),
  });
  // A second callback for the same state lost the race: it tells the opener nothing.
  if (!completed) return staleCallbackPage();
  const message: AuthResultMessage = { type: 'pts-auth-result', state: authorization.state, status: result.status };
  if (result.status === 'authorized') {
    message.authorization_id = authorization.id;
  } else if (result.status === 'error') {
    if (result.code) message.code = result.code;
    if (result.message) message.message = redact(result.message, secrets).slice(0, 1000);
  }
  return callbackPage(message, authorization.return_origin);
};
