/**
 * `POST /targets/{id}/destinations`: one page of a list the provider answers with
 * the saved credential (projects, repositories, boards…), at the level, below the
 * parent and from the cursor the request names.
 */
import { DestinationPageSchema, ListDestinationsRequestSchema } from '../../core/contract/index.js';
import type { Route } from '../context.js';
import { adapterOf, liveTarget, providerContext, providerProblem } from '../export-target.js';
import { jsonResponse, parseBody, readJson } from '../http.js';
import { ProviderError } from '../providers/index.js';

export const listDestinations: Route = async (ctx, scope) => {
  const body = parseBody(ListDestinationsRequestSchema, await readJson(scope.request, ctx.limits.maxBodyBytes));
  const live = await liveTarget(ctx, scope);
  const provider = await providerContext(ctx, scope, live);
  try {
    return jsonResponse(DestinationPageSchema, await adapterOf(ctx, live.record).listDestinations(provider, body));
  } catch (error) {
    throw error instanceof ProviderError ? providerProblem(error) : error;
  }
};
