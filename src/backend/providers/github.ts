/**
 * GitHub.com, GHE.com and GitHub Enterprise Server (REST, API version 2022-11-28).
 *
 * - Who am I: GET /user for a personal access token; an App installation token has
 *   no user, so GET /installation/repositories?per_page=1 proves it instead.
 * - Repositories: GET /installation/repositories (App installation token) or
 *   GET /user/repos (fine-grained token: the repositories it can reach), paged with
 *   per_page/page and the Link header; neither filters by name, so pages are scanned.
 * - Labels: GET /repos/{owner}/{repo}/labels.
 * - Create: POST /repos/{owner}/{repo}/issues {title, body, labels}; 410 Gone means
 *   the repository has issues turned off.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { resolveDocLink } from '../../core/providers/index.js';
import { limitation, rateLimited, retryAfterSeconds, type Failure } from './errors.js';
import { call, tenantSegment, type Call } from './http.js';
import { levelOf, matches, nextPageFromLink, numberCursor, parentId, scan, toPage, type Chunk } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Repository = z.object({
  full_name: z.string(),
  owner: z.object({ login: z.string() }),
  private: z.optional(z.boolean()),
  has_issues: z.optional(z.boolean()),
  archived: z.optional(z.boolean()),
});
type Repository = z.infer<typeof Repository>;
const Installation = z.object({ total_count: z.number(), repositories: z.array(Repository) });
const Label = z.object({ name: z.string(), description: z.optional(z.nullable(z.string())) });
const Issue = z.object({ number: z.number(), html_url: z.string() });
const User = z.object({ id: z.number(), login: z.string() });

/** Provider pages of repositories are read 100 at a time, GitHub's maximum. */
const PER_PAGE = 100;

const HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

const isInstallation = (ctx: ProviderContext) => ctx.method.kind === 'app-install';

/** GitHub answers a spent primary rate limit with 403 (or 429) and x-ratelimit-remaining: 0. */
function refine(ctx: ProviderContext) {
  return (failure: Failure) => {
    if ((failure.status === 403 || failure.status === 429) && failure.headers.get('x-ratelimit-remaining') === '0') {
      return rateLimited(ctx, retryAfterSeconds(failure.headers, ctx.now?.() ?? new Date(), 'x-ratelimit-reset'));
    }
    if (failure.status === 410) {
      return limitation('This repository has issues turned off, so no issue can be created in it.', {
        label: 'Turn issues on: repository Settings → General → Features → Issues, or choose another repository.',
      });
    }
    return undefined;
  };
}

function gh<S extends z.ZodMiniType>(ctx: ProviderContext, c: Call, schema: S) {
  return call(ctx, { ...c, headers: HEADERS, refine: refine(ctx) }, schema);
}

/** The organisation a github.com target names; other editions name a host, not an owner. */
function owner(ctx: ProviderContext): string | undefined {
  if (ctx.edition.id !== 'github-com' || isInstallation(ctx)) return undefined;
  return tenantSegment(ctx)?.toLowerCase();
}

async function repositoryPage(ctx: ProviderContext, cursor: string | undefined): Promise<Chunk<Repository>> {
  const page = numberCursor(cursor, 1);
  const query = { per_page: PER_PAGE, page };
  if (isInstallation(ctx)) {
    const { data, headers } = await gh(ctx, { path: '/installation/repositories', query }, Installation);
    return { items: data.repositories, next: nextPageFromLink(headers.get('link')) };
  }
  const { data, headers } = await gh(ctx, { path: '/user/repos', query: { ...query, sort: 'full_name' } }, z.array(Repository));
  return { items: data, next: nextPageFromLink(headers.get('link')) };
}

function repoPath(fullName: string): string {
  const [ownerName = '', name = ''] = fullName.split('/');
  return `/repos/${encodeURIComponent(ownerName)}/${encodeURIComponent(name)}`;
}

function emptyRepositories(ctx: ProviderContext) {
  if (isInstallation(ctx)) {
    const docs = resolveDocLink('github', 'installed-apps');
    return {
      reason: 'nothing_accessible' as const,
      message: 'The GitHub App installation can reach no repository with issues turned on.',
      action: {
        label: 'Organisation Settings → GitHub Apps → Configure → Repository access: add the repository, and check that it has issues turned on.',
        ...(docs?.url ? { url: docs.url } : {}),
      },
    };
  }
  return {
    reason: 'nothing_accessible' as const,
    message: 'This token can reach no repository with issues turned on in this organisation.',
    action: {
      label: 'Edit the fine-grained token: Repository access → select the repository; Permissions → Issues: Read and write.',
      ...(ctx.method.create?.url ? { url: ctx.method.create.url } : {}),
    },
  };
}

export const github: ProviderAdapter = {
  provider: 'github',

  async verify(ctx) {
    if (isInstallation(ctx)) {
      const { data } = await gh(ctx, { path: '/installation/repositories', query: { per_page: 1 } }, Installation);
      return { id: 'installation', name: `GitHub App installation with ${data.total_count} repositories` };
    }
    const { data } = await gh(ctx, { path: '/user' }, User);
    return { id: String(data.id), name: data.login };
  },

  async listDestinations(ctx, request) {
    const level = levelOf(ctx, request);
    if (level === 'label') {
      const page = numberCursor(request.cursor, 1);
      const path = `${repoPath(parentId(request, 'repository'))}/labels`;
      const { data, headers } = await gh(ctx, { path, query: { per_page: PER_PAGE, page } }, z.array(Label));
      const items: DestinationItem[] = data
        .filter((l) => matches(request.query, l.name, l.description ?? undefined))
        .map((l) => ({ id: l.name, name: l.name, level: 'label', has_children: false, ...(l.description ? { detail: l.description } : {}) }));
      return toPage({ items, next: nextPageFromLink(headers.get('link')) }, request, {
        reason: 'nothing_accessible',
        message: 'This repository has no labels yet. Issues are created without labels.',
      });
    }
    const org = owner(ctx);
    const chunk = await scan(
      request.cursor,
      (cursor) => repositoryPage(ctx, cursor),
      (r) => r.has_issues !== false && !r.archived && (!org || r.owner.login.toLowerCase() === org) && matches(request.query, r.full_name),
    );
    const items = chunk.items.map(
      (r): DestinationItem => ({
        id: r.full_name,
        name: r.full_name,
        level: 'repository',
        detail: r.private ? 'private' : 'public',
        has_children: false,
      }),
    );
    return toPage({ items, next: chunk.next }, request, emptyRepositories(ctx));
  },

  async createTestTicket(ctx, settings) {
    const repository = settings.destination[0]?.id ?? '';
    const ticket = testTicket(ctx);
    const labels = settings.labels?.length ? { labels: settings.labels } : {};
    const { data } = await gh(
      ctx,
      { method: 'POST', path: `${repoPath(repository)}/issues`, purpose: 'write', json: { title: ticket.title, body: plainBody(ticket), ...labels } },
      Issue,
    );
    return { ticket: { url: data.html_url, key: `#${data.number}`, title: ticket.title } };
  },
};
