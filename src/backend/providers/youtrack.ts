/**
 * YouTrack Cloud and Server (REST at {service}/api).
 *
 * - Who am I: GET /users/me?fields=id,login,fullName.
 * - Projects: GET /admin/projects?fields=…&$top&$skip (YouTrack returns 42 items when
 *   $top is absent); archived projects are left out here, and so are names that do
 *   not match the query, since the endpoint documents no name filter.
 * - Create: POST /issues?fields=id,idReadable {project: {id}, summary, description};
 *   the issue opens at {service}/issue/{idReadable}.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { call } from './http.js';
import { levelOf, matches, numberCursor, PAGE_SIZE, scan, toPage, type Chunk } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Project = z.object({ id: z.string(), name: z.string(), shortName: z.string(), archived: z.optional(z.boolean()) });
type Project = z.infer<typeof Project>;
const Issue = z.object({ id: z.string(), idReadable: z.string() });
const Me = z.object({ id: z.string(), login: z.string(), fullName: z.optional(z.string()) });

async function projectPage(ctx: ProviderContext, cursor: string | undefined): Promise<Chunk<Project>> {
  const skip = numberCursor(cursor, 0);
  const { data } = await call(
    ctx,
    { path: '/admin/projects', query: { fields: 'id,name,shortName,archived', $top: PAGE_SIZE, $skip: skip } },
    z.array(Project),
  );
  return { items: data, next: data.length === PAGE_SIZE ? String(skip + PAGE_SIZE) : null };
}

export const youtrack: ProviderAdapter = {
  provider: 'youtrack',

  async verify(ctx) {
    const { data } = await call(ctx, { path: '/users/me', query: { fields: 'id,login,fullName' } }, Me);
    return { id: data.id, name: data.fullName || data.login };
  },

  async listDestinations(ctx, request) {
    levelOf(ctx, request);
    const chunk = await scan(request.cursor, (cursor) => projectPage(ctx, cursor), (p) => !p.archived && matches(request.query, p.name, p.shortName));
    const items = chunk.items.map((p): DestinationItem => ({ id: p.id, name: p.name, detail: p.shortName, level: 'project', has_children: false }));
    return toPage({ items, next: chunk.next }, request, {
      reason: 'nothing_accessible',
      message: 'This account sees no active YouTrack project.',
      action: { label: 'Ask a project administrator to give the account a role with the Create Issue permission in the target project (Project → Access).' },
    });
  },

  async createTestTicket(ctx, settings) {
    const project = settings.destination[0]?.id ?? '';
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: '/issues',
        query: { fields: 'id,idReadable' },
        purpose: 'write',
        json: { project: { id: project }, summary: ticket.title, description: plainBody(ticket) },
      },
      Issue,
    );
    const service = ctx.apiRoot.replace(/\/api\/?$/, '');
    return { ticket: { url: `${service}/issue/${encodeURIComponent(data.idReadable)}`, key: data.idReadable, title: ticket.title } };
  },
};
