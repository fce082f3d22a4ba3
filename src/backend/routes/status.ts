/** `GET /status`: the targets (a bounded listing, bad records left out and counted), egress addresses, portable export. */
import type { TargetRecord } from '../../core/contract/index.js';
import type { Route } from '../context.js';
import { checkedJsonResponse } from '../http.js';

/**
 * The last answer, reused while the store hands out the very same records (a
 * memory store does until something is written), so an unchanged listing is
 * neither joined nor encoded again.
 */
const last = new WeakMap<object, { records: readonly TargetRecord[]; omitted: number; bytes: Uint8Array }>();

const sameRecords = (a: readonly TargetRecord[], b: readonly TargetRecord[]) => a.length === b.length && a.every((r, i) => r === b[i]);

export const status: Route = async (ctx) => {
  await ctx.ensureSeeded();
  const { targets, total } = await ctx.store.listTargets({ limit: ctx.limits.maxListed });
  const cached = last.get(ctx);
  if (cached && cached.omitted === total - targets.length && sameRecords(cached.records, targets)) return checkedJsonResponse(cached.bytes);
  const shown: string[] = [];
  for (const record of targets) {
    const json = ctx.records.json(record);
    if (json !== null) shown.push(json);
  }
  const bytes = new TextEncoder().encode(ctx.statusBody(shown, Math.max(0, total - shown.length)));
  last.set(ctx, { records: targets, omitted: total - targets.length, bytes });
  return checkedJsonResponse(bytes);
};
