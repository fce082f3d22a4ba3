/** `POST /targets/{id}/revoke`: drop the live credential, keep the record and its history. */
import { RevokeRequestSchema, type Action, type TargetRecord } from '../../core/contract/index.js';
import { findAuthMethod, getEdition } from '../../core/providers/index.js';
import type { Route } from '../context.js';
import { checkedJsonResponse, parseBody, ProblemResponse, readJson } from '../http.js';

export const revokeTarget: Route = async (ctx, { request, id }) => {
  const body = parseBody(RevokeRequestSchema, await readJson(request, ctx.limits.maxBodyBytes));
  await ctx.ensureSeeded();
  const notFound = () => new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id.');
  if (id === undefined) throw notFound();
  if (!body.revoked_at_provider) {
    // Tell the customer where to revoke first, from the catalog entry of this target's method.
    const record = await ctx.store.getTarget(id);
    if (!record) throw notFound();
    const edition = getEdition(record.provider, record.edition, ctx.providers);
    const method = edition && findAuthMethod(edition, record.auth_method);
    const action: Action | undefined = method
      ? { label: method.revoke.label, ...(method.revoke.url ? { url: method.revoke.url } : {}) }
      : undefined;
    throw new ProblemResponse('VALIDATION_FAILED', 'Revoke the grant at the provider first, then confirm it here.', {
      field: 'revoked_at_provider',
      ...(action ? { action } : {}),
    });
  }
  const at = ctx.iso();
  const result = await ctx.store.revokeTarget({
    id,
    revoke: (current, hadSecret): TargetRecord | undefined =>
      current.state === 'revoked' && !hadSecret
        ? undefined
        : {
            ...current,
            state: 'revoked',
            has_credentials: false,
            error: null,
            updated_at: at,
            revoked_at: at,
            history: [...current.history, { at, event: 'revoked' }],
          },
  });
  if (!result.ok) throw notFound();
  const json = ctx.records.json(result.record);
  if (json === null) throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The target was revoked, but its record cannot be shown.');
  return checkedJsonResponse(json);
};
