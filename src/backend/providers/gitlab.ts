/**
 * GitLab.com, GitLab Dedicated and GitLab Self-Managed (REST v4).
 *
 * - Who am I: GET /user.
 * - Projects: GET /projects with membership=true, min_access_level=20 (Reporter, the
 *   lowest role that can also update issues on every GitLab version), issues turned
 *   on, not archived, `search` for the query, paged with per_page/page and the
 *   x-next-page header.
 * - Create: POST /projects/{id}/issues {title, description}.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { call } from './http.js';
import { levelOf, numberCursor, PAGE_SIZE, toPage } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter } from './types.js';

const Project = z.object({ id: z.number(), name_with_namespace: z.string(), path_with_namespace: z.string() });
const Issue = z.object({ iid: z.number(), web_url: z.string() });
const User = z.object({ id: z.number(), username: z.string() });

/** Reporter: can create issues and update other people's on every supported GitLab version. */
const MIN_ACCESS_LEVEL = 20;

export const gitlab: ProviderAdapter = {
  provider: 'gitlab',

  async verify(ctx) {
    const { data } = await call(ctx, { path: '/user' }, User);
    return { id: String(data.id), name: data.username };
  },

  async listDestinations(ctx, request) {
    levelOf(ctx, request);
    const page = numberCursor(request.cursor, 1);
    const { data, headers } = await call(
      ctx,
      {
        path: '/projects',
        query: {
          membership: true,
          min_access_level: MIN_ACCESS_LEVEL,
          with_issues_enabled: true,
          archived: false,
          simple: true,
          order_by: 'name',
          sort: 'asc',
          search: request.query?.trim() || undefined,
          per_page: PAGE_SIZE,
          page,
        },
      },
      z.array(Project),
    );
    const next = headers.get('x-next-page')?.trim();
    const items = data.map(
      (p): DestinationItem => ({
        id: String(p.id),
        name: p.name_with_namespace,
        detail: p.path_with_namespace,
        level: 'project',
        has_children: false,
      }),
    );
    return toPage({ items, next: next && /^\d{1,9}$/.test(next) ? next : null }, request, {
      reason: 'nothing_accessible',
      message: 'This account has the Reporter role or higher in no project with issues turned on.',
      action: {
        label:
          'Ask a project Maintainer to add this account with the Reporter role (Planner also works on GitLab 17.7 and later), and turn issues on under Settings → General → Visibility, project features, permissions.',
      },
    });
  },

  async createTestTicket(ctx, settings) {
    const project = settings.destination[0]?.id ?? '';
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: `/projects/${encodeURIComponent(project)}/issues`,
        purpose: 'write',
        json: { title: ticket.title, description: plainBody(ticket) },
      },
      Issue,
    );
    return { ticket: { url: data.web_url, key: `#${data.iid}`, title: ticket.title } };
  },
};
