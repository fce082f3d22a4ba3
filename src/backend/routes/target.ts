/** `GET /targets/{id}`: one target, as the contract lets it out. */
import type { Route } from '../context.js';
import { checkedJsonResponse, ProblemResponse } from '../http.js';

export const getTarget: Route = async (ctx, { id }) => {
  await ctx.ensureSeeded();
  const record = id === undefined ? undefined : await ctx.store.getTarget(id);
  if (!record) throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id.');
  const json = ctx.records.json(record);
  if (json === null) throw new ProblemResponse('BACKEND_UNAVAILABLE', 'This target is stored in a form that cannot be shown.');
  return checkedJsonResponse(json);
};
