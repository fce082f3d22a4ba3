/** `POST /url-checks`: run the base URL check and remember its outcome under a check id. */
import { UrlCheckOutcomeSchema, UrlCheckRequestSchema, UrlCheckResponseSchema, type UrlCheckOutcome } from '../../core/contract/index.js';
import { lookupEdition, OWNERSHIP_MESSAGE, refuseBlockingLimitation, requireMode } from '../catalog.js';
import { requireWithinLimit, type Route } from '../context.js';
import { jsonResponse, parseBody, ProblemResponse, readJson } from '../http.js';
import { randomUuid } from '../random.js';
import type { StoredCheck } from '../store/types.js';

/** Ownership and export authorisation come first: nothing is looked up for a host nobody vouched for. */
function requireConfirmation(raw: unknown): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  const r = raw as Record<string, unknown>;
  const field = r.ownership_confirmed !== true ? 'ownership_confirmed' : r.export_authorized !== true ? 'export_authorized' : undefined;
  if (field) {
    throw new ProblemResponse('OWNERSHIP_UNCONFIRMED', OWNERSHIP_MESSAGE, { field });
  }
}

export const urlChecks: Route = async (ctx, { request }) => {
  await requireWithinLimit(ctx.urlCheckLimiter, ctx.clientKey(request), 'Too many URL checks from this client. Wait a moment and try again.');
  const raw = await readJson(request, ctx.limits.maxBodyBytes);
  requireConfirmation(raw);
  const body = parseBody(UrlCheckRequestSchema, raw);
  const { edition } = lookupEdition(ctx.providers, body.provider, body.edition);
  requireMode(edition, body.deployment_mode);
  if (!edition.baseUrl) {
    throw new ProblemResponse('VALIDATION_FAILED', 'This edition takes no base URL.', { field: 'base_url' });
  }
  refuseBlockingLimitation(ctx.providers, edition);

  let outcome: UrlCheckOutcome;
  try {
    const result = await ctx.options.checkUrl(body.base_url, {
      provider: body.provider,
      edition: body.edition,
      deploymentMode: body.deployment_mode,
      signal: request.signal,
    });
    outcome = UrlCheckOutcomeSchema.parse(result);
  } catch (error) {
    ctx.options.onError?.(error);
    throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The URL check could not run. Try again later.');
  }
  const created = ctx.now();
  const check: StoredCheck = {
    id: `chk_${randomUuid()}`,
    provider: body.provider,
    edition: body.edition,
    deployment_mode: body.deployment_mode,
    requested_url: body.base_url,
    outcome,
    created_at: ctx.iso(created),
    expires_at: ctx.iso(created + ctx.limits.checkTtlMs),
  };
  await ctx.store.saveCheck(check);
  return jsonResponse(UrlCheckResponseSchema, { ...outcome, check_id: check.id, expires_at: check.expires_at });
};
