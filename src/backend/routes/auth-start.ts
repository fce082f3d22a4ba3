/** `POST /auth/start`: remember a pending authorisation and hand out the provider's authorisation URL. */
import { AuthStartRequestSchema, AuthStartResponseSchema } from '../../core/contract/index.js';
import { findAuthMethod, isGrantKind } from '../../core/providers/index.js';
import { checkTenant, lookupEdition, refuseBlockingLimitation } from '../catalog.js';
import { requirePassedCheck, type Route } from '../context.js';
import { jsonResponse, parseBody, ProblemResponse, readJson } from '../http.js';
import { randomToken, randomUuid } from '../random.js';
import type { StoredAuthorization } from '../store/types.js';

export const authStart: Route = async (ctx, { request, url }) => {
  const body = parseBody(AuthStartRequestSchema, await readJson(request, ctx.limits.maxBodyBytes));
  const { provider, edition } = lookupEdition(ctx.providers, body.provider, body.edition);
  refuseBlockingLimitation(ctx.providers, edition);
  const method = findAuthMethod(edition, body.auth_method);
  if (!method || !isGrantKind(method)) {
    throw new ProblemResponse('VALIDATION_FAILED', 'auth_method has no authorisation flow for this edition.', { field: 'auth_method' });
  }

  // The result is posted to return_origin: it must be the page that called us
  // (browsers always send Origin on a POST), and one we serve or list.
  const returnOrigin = new URL(body.return_origin).origin;
  const callerOrigin = ctx.requestOrigin(request);
  const self = ctx.hosts.publicBase(url).origin;
  if (callerOrigin !== returnOrigin || (returnOrigin !== self && !ctx.cors.isAllowed(returnOrigin))) {
    throw new ProblemResponse('VALIDATION_FAILED', 'return_origin must be the origin of the calling page.', { field: 'return_origin' });
  }

  let baseUrl: string | undefined;
  let checkId: string | undefined;
  if (edition.baseUrl) {
    if (!body.base_url) throw new ProblemResponse('VALIDATION_FAILED', 'base_url is required for this edition.', { field: 'base_url' });
    const check = await requirePassedCheck(ctx, {
      checkId: body.check_id,
      baseUrl: body.base_url,
      provider: body.provider,
      edition: body.edition,
      mode: edition.mode,
    });
    baseUrl = check.outcome.normalized_url;
    checkId = check.id;
  } else if (body.base_url !== undefined) {
    throw new ProblemResponse('VALIDATION_FAILED', 'base_url is not used by this edition.', { field: 'base_url' });
  }
  const tenant = body.tenant === undefined ? undefined : checkTenant(edition, body.tenant);

  const state = randomToken(24);
  const created = ctx.now();
  const authorization: StoredAuthorization = {
    id: `auth_${randomUuid()}`,
    state,
    provider: body.provider,
    edition: body.edition,
    auth_method: method.id,
    ...(tenant !== undefined ? { tenant } : {}),
    ...(baseUrl !== undefined ? { base_url: baseUrl } : {}),
    ...(checkId !== undefined ? { check_id: checkId } : {}),
    return_origin: returnOrigin,
    status: 'pending',
    created_at: ctx.iso(created),
    expires_at: ctx.iso(created + ctx.limits.authTtlMs),
  };

  const redirectUri = ctx.callbackUrl(url);
  let authorizationUrl: string;
  if (ctx.options.authorize) {
    ({ authorizationUrl } = await ctx.options.authorize({
      provider,
      edition,
      method,
      ...(tenant !== undefined ? { tenant } : {}),
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      state,
      redirectUri,
      request,
    }));
  } else if (ctx.options.simulateAuth) {
    authorizationUrl = `${redirectUri.replace(/\/callback$/, '/simulate')}?state=${encodeURIComponent(state)}`;
  } else {
    throw new ProblemResponse('BACKEND_UNAVAILABLE', 'This backend has no authorisation flow configured.');
  }
  await ctx.store.saveAuthorization(authorization);
  return jsonResponse(AuthStartResponseSchema, {
    authorization_url: authorizationUrl,
    state,
    result_origin: new URL(redirectUri).origin,
    expires_at: authorization.expires_at,
  });
};
