/**
 * Trello (REST 1). The key and token travel as query parameters, as the catalog says.
 *
 * - Who am I: GET /members/me.
 * - Boards: GET /members/me/boards?filter=open (the whole list; paged here).
 * - Lists: GET /boards/{id}/lists?filter=open.
 * - Create: POST /cards with idList, name, desc and pos as query parameters.
 * Trello answers a refused permission with 401 and a plain-text reason such as
 * "unauthorized card permission requested", and a bad token with "invalid token".
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { notWritable, providerMessage, type Failure } from './errors.js';
import { call } from './http.js';
import { levelOf, pageOf, parentId, toPage } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Named = z.object({ id: z.string(), name: z.string() });
const Card = z.object({ id: z.string(), idShort: z.optional(z.number()), url: z.string() });
const Member = z.object({ id: z.string(), username: z.string(), fullName: z.optional(z.string()) });

/** A 401 that names a permission is a refusal of that board or list, not a bad token. */
const refuseWrite = (ctx: ProviderContext) => (failure: Failure) =>
  failure.status === 401 && /permission requested/i.test(failure.text)
    ? notWritable(ctx, providerMessage(ctx, failure.body, failure.text))
    : undefined;

export const trello: ProviderAdapter = {
  provider: 'trello',

  async verify(ctx) {
    const { data } = await call(ctx, { path: '/members/me', query: { fields: 'id,username,fullName' } }, Member);
    return { id: data.id, name: data.fullName || data.username };
  },

  async listDestinations(ctx, request) {
    const level = levelOf(ctx, request);
    if (level === 'board') {
      const { data } = await call(ctx, { path: '/members/me/boards', query: { filter: 'open', fields: 'name' } }, z.array(Named));
      const items = data.map((b): DestinationItem => ({ id: b.id, name: b.name, level: 'board', has_children: true }));
      return toPage(pageOf(items, request), request, {
        reason: 'nothing_accessible',
        message: 'The account that authorised the token is a member of no open board.',
        action: { label: 'Ask a board admin to add that account to the target board (Share → invite), then list the boards again.' },
      });
    }
    const board = parentId(request, 'board');
    const { data } = await call(ctx, { path: `/boards/${encodeURIComponent(board)}/lists`, query: { filter: 'open', fields: 'name' } }, z.array(Named));
    const items = data.map((l): DestinationItem => ({ id: l.id, name: l.name, level: 'list', has_children: false }));
    return toPage(pageOf(items, request), request, {
      reason: 'nothing_accessible',
      message: 'This board has no open list.',
      action: { label: 'Add a list to the board in Trello (Add another list), then list again.' },
    });
  },

  async createTestTicket(ctx, settings) {
    const list = settings.destination[1]?.id ?? '';
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: '/cards',
        purpose: 'write',
        query: { idList: list, name: ticket.title, desc: plainBody(ticket), pos: 'top' },
        refine: refuseWrite(ctx),
      },
      Card,
    );
    return { ticket: { url: data.url, ...(data.idShort !== undefined ? { key: `#${data.idShort}` } : {}), title: ticket.title } };
  },
};
