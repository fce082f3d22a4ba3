/** `GET /status`: the targets (a bounded listing, bad records left out and counted), egress addresses, portable export. */
import type { Route } from '../context.js';
import { checkedJsonResponse } from '../http.js';

export const status: Route = async (ctx) => {
  await ctx.ensureSeeded();
  const { targets, total } = await ctx.store.listTargets({ limit: ctx.limits.maxListed });
  const shown: string[] = [];
  for (const record of targets) {
    const json = ctx.records.json(record);
    if (json !== null) shown.push(json);
  }
  return checkedJsonResponse(ctx.statusBody(shown, Math.max(0, total - shown.length)));
};
