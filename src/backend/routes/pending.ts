/** The pending, unexpired authorisation a callback or consent page names by its `state`. */
import type { BackendContext } from '../context.js';
import type { StoredAuthorization } from '../store/types.js';

export async function pendingAuthorization(ctx: BackendContext, url: URL): Promise<StoredAuthorization | undefined> {
  const state = url.searchParams.get('state');
  if (!state || state.length > 200) return undefined;
  const authorization = await ctx.store.getAuthorizationByState(state);
  if (!authorization || authorization.status !== 'pending' || Date.parse(authorization.expires_at) <= ctx.now()) return undefined;
  return authorization;
}
