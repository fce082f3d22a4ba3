/** `GET /auth/simulate` (demo, `simulateAuth` only): a consent page standing in for the provider's. */
import { findAuthMethod, getEdition, getProvider } from '../../core/providers/index.js';
import { simulatedConsentPage, staleCallbackPage } from '../auth-pages.js';
import type { Route } from '../context.js';
import { pendingAuthorization } from './pending.js';

export const authSimulate: Route = async (ctx, { url }) => {
  const authorization = await pendingAuthorization(ctx, url);
  if (!authorization) return staleCallbackPage();
  const provider = getProvider(authorization.provider, ctx.providers);
  const edition = getEdition(authorization.provider, authorization.edition, ctx.providers);
  const method = edition && findAuthMethod(edition, authorization.auth_method);
  if (!provider || !method) return staleCallbackPage();
  return simulatedConsentPage({
    state: authorization.state,
    providerLabel: provider.label,
    methodLabel: method.label,
    grants: method.grants,
    scopes: method.scopes,
  });
};
