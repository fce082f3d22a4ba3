/**
 * Bitbucket Cloud (REST 2.0). Bitbucket Data Center has no issue tracker: the catalog
 * blocks it before a target exists.
 *
 * - Who am I: GET /user.
 * - Repositories: GET /repositories/{workspace} with role=member, q=name~"…" for the
 *   query, sort=full_name, paged with pagelen/page (`next` carries the page); only
 *   repositories with `has_issues` are offered, because issues exist only where the
 *   repository's issue tracker is on.
 * - Create: POST /repositories/{workspace}/{repo_slug}/issues {title, content.raw,
 *   kind, priority}; a repository without an issue tracker answers 404.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { authRequired, limitation, providerMessage, type Failure } from './errors.js';
import { call, tenantSegment } from './http.js';
import { levelOf, numberCursor, PAGE_SIZE, pageFromUrl, scan, toPage, type Chunk } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Repository = z.object({ full_name: z.string(), name: z.string(), has_issues: z.boolean(), is_private: z.optional(z.boolean()) });
type Repository = z.infer<typeof Repository>;
const Repositories = z.object({ values: z.array(Repository), next: z.optional(z.string()) });
const Issue = z.object({ id: z.number(), links: z.object({ html: z.object({ href: z.string() }) }) });
const User = z.object({ uuid: z.string(), display_name: z.string() });

const TURN_ON_TRACKER = {
  label: 'Turn the issue tracker on: Repository settings → Features → Issue tracker, or choose another repository.',
};

const workspace = (ctx: ProviderContext): string => tenantSegment(ctx) ?? '';

/** BBQL string literal: quotes and backslashes escaped. */
const bbqlString = (text: string) => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

async function repositoryPage(ctx: ProviderContext, cursor: string | undefined, query: string | undefined): Promise<Chunk<Repository>> {
  const q = query?.trim();
  const { data } = await call(
    ctx,
    {
      path: `/repositories/${encodeURIComponent(workspace(ctx))}`,
      query: { role: 'member', sort: 'full_name', pagelen: PAGE_SIZE, page: numberCursor(cursor, 1), q: q ? `name ~ ${bbqlString(q)}` : undefined },
      // Listing needs read:repository:bitbucket, which an issues-only token lacks.
      refine: (failure: Failure) =>
        failure.status === 403
          ? authRequired(ctx, `${providerMessage(ctx, failure.body, failure.text) ?? 'it may not list repositories'}. To pick the repository from a list, add the read:repository:bitbucket scope to the token`)
          : undefined,
    },
    Repositories,
  );
  return { items: data.values, next: pageFromUrl(data.next) };
}

export const bitbucket: ProviderAdapter = {
  provider: 'bitbucket',

  async verify(ctx) {
    const { data } = await call(ctx, { path: '/user' }, User);
    return { id: data.uuid, name: data.display_name };
  },

  async listDestinations(ctx, request) {
    levelOf(ctx, request);
    const chunk = await scan(request.cursor, (cursor) => repositoryPage(ctx, cursor, request.query), (r) => r.has_issues);
    const items = chunk.items.map(
      (r): DestinationItem => ({ id: r.full_name, name: r.name, detail: r.full_name, level: 'repository', has_children: false }),
    );
    return toPage({ items, next: chunk.next }, request, {
      reason: 'nothing_accessible',
      message: 'No repository in this workspace that this account can reach has its issue tracker turned on.',
      action: TURN_ON_TRACKER,
    });
  },

  async createTestTicket(ctx, settings) {
    const [ws = '', slug = ''] = (settings.destination[0]?.id ?? '').split('/');
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: `/repositories/${encodeURIComponent(ws)}/${encodeURIComponent(slug)}/issues`,
        purpose: 'write',
        json: { title: ticket.title, content: { raw: plainBody(ticket) }, kind: 'task', priority: 'trivial' },
        refine: (failure: Failure) =>
          failure.status === 404 && /issue tracker/i.test(failure.text)
            ? limitation('This repository has its issue tracker turned off, so no issue can be created in it.', TURN_ON_TRACKER)
            : undefined,
      },
      Issue,
    );
    return { ticket: { url: data.links.html.href, key: `#${data.id}`, title: ticket.title } };
  },
};
