/**
 * Asana (REST 1.0). Every answer wraps its payload in `data`, every write body too.
 *
 * - Who am I: GET /users/me.
 * - Workspaces: GET /workspaces; projects: GET /workspaces/{workspace_gid}/projects
 *   with archived=false. Both page with limit and the offset token of `next_page`;
 *   neither filters by name, so pages are scanned.
 * - Create: POST /tasks {data: {projects, name, notes}} with opt_fields=permalink_url.
 */
import * as z from 'zod/mini';
import type { DestinationItem, DestinationLevel } from '../../core/contract/export.js';
import { call } from './http.js';
import { levelOf, matches, PAGE_SIZE, parentId, scan, tokenCursor, toPage, type Chunk } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Compact = z.object({ gid: z.string(), name: z.string() });
const List = z.object({ data: z.array(Compact), next_page: z.optional(z.nullable(z.object({ offset: z.string() }))) });
const Task = z.object({ data: z.object({ gid: z.string(), permalink_url: z.string() }) });
const Me = z.object({ data: Compact });

async function listPage(ctx: ProviderContext, path: string, query: Record<string, string | boolean>, level: DestinationLevel, cursor: string | undefined): Promise<Chunk<DestinationItem>> {
  const { data } = await call(ctx, { path, query: { ...query, limit: PAGE_SIZE, offset: tokenCursor(cursor), opt_fields: 'name' } }, List);
  const items = data.data.map((c): DestinationItem => ({ id: c.gid, name: c.name, level, has_children: level === 'workspace' }));
  return { items, next: data.next_page?.offset ? tokenCursor(data.next_page.offset) ?? null : null };
}

export const asana: ProviderAdapter = {
  provider: 'asana',

  async verify(ctx) {
    const { data } = await call(ctx, { path: '/users/me', query: { opt_fields: 'name' } }, Me);
    return { id: data.data.gid, name: data.data.name };
  },

  async listDestinations(ctx, request) {
    const level = levelOf(ctx, request);
    const keep = (i: DestinationItem) => matches(request.query, i.name);
    if (level === 'workspace') {
      const chunk = await scan(request.cursor, (c) => listPage(ctx, '/workspaces', {}, 'workspace', c), keep);
      return toPage(chunk, request, {
        reason: 'nothing_accessible',
        message: 'This Asana credential belongs to no workspace.',
        action: { label: 'Ask a workspace admin to invite the account that created the token to the target workspace.' },
      });
    }
    const workspace = parentId(request, 'workspace');
    const path = `/workspaces/${encodeURIComponent(workspace)}/projects`;
    const chunk = await scan(request.cursor, (c) => listPage(ctx, path, { archived: false }, 'project', c), keep);
    return toPage(chunk, request, {
      reason: 'nothing_accessible',
      message: 'This account sees no active project in the workspace.',
      action: { label: 'Open the target project in Asana and share it with the account that created the token (Share → Invite, with edit access).' },
    });
  },

  async createTestTicket(ctx, settings) {
    const project = settings.destination[1]?.id ?? '';
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: '/tasks',
        query: { opt_fields: 'permalink_url' },
        purpose: 'write',
        json: { data: { projects: [project], name: ticket.title, notes: plainBody(ticket) } },
      },
      Task,
    );
    return { ticket: { url: data.data.permalink_url, title: ticket.title } };
  },
};
