/** `POST /demo/reset` (only with `demoReset`): forget everything and put the seed targets back. */
import type { Route } from '../context.js';
import { ProblemResponse } from '../http.js';

export const demoReset: Route = async (ctx) => {
  if (!ctx.store.clear) throw new ProblemResponse('BACKEND_UNAVAILABLE', 'This store cannot be reset.');
  await ctx.store.clear();
  ctx.reseed();
  await ctx.ensureSeeded();
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
};
