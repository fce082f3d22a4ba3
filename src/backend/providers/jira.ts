/**
 * Jira Cloud (REST v3) and Jira Data Center (REST v2).
 *
 * - Who am I: GET /myself.
 * - Projects: Cloud GET /project/search (startAt, maxResults, query, action=create);
 *   Data Center GET /project (the whole list; paged here).
 * - Issue types: GET /issue/createmeta/{projectIdOrKey}/issuetypes (startAt, maxResults);
 *   Cloud answers `issueTypes` with `total`, Data Center `values` with `isLast`. The
 *   older GET /issue/createmeta is deprecated on Cloud and gone from Data Center 9.
 * - Create: POST /issue with project, issuetype, summary and description
 *   (Atlassian Document Format on Cloud, plain text on Data Center).
 * - Cloud id: a scoped API token works only through api.atlassian.com/ex/jira/{cloudId};
 *   the site answers its id at GET {site}/_edge/tenant_info without a credential.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { validateTenant } from '../../core/providers/index.js';
import { ProviderError, unreachable } from './errors.js';
import { call } from './http.js';
import { filtered, levelOf, numberCursor, PAGE_SIZE, pageOf, parentId, toPage, type Chunk } from './paging.js';
import { plainBody, testTicket, type TestTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Project = z.object({ id: z.string(), key: z.string(), name: z.string() });
const IssueType = z.object({ id: z.string(), name: z.string(), subtask: z.optional(z.boolean()) });
const CloudProjects = z.object({ values: z.array(Project), isLast: z.optional(z.boolean()), startAt: z.number() });
const CloudIssueTypes = z.object({ issueTypes: z.array(IssueType), startAt: z.number(), total: z.number() });
const DcIssueTypes = z.object({ values: z.array(IssueType), isLast: z.boolean(), startAt: z.number() });
const Created = z.object({ id: z.string(), key: z.string() });
const Myself = z.object({
  accountId: z.optional(z.string()),
  name: z.optional(z.string()),
  displayName: z.string(),
});

const isCloud = (ctx: ProviderContext) => ctx.edition.mode === 'cloud';

const TenantInfo = z.object({ cloudId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,100}$/)) });

/**
 * The cloud id of a Jira Cloud site, from the site's own anonymous tenant info. The
 * request carries no credential, so it can be sent before the API root is known.
 */
export async function jiraCloudId(
  ctx: Pick<ProviderContext, 'fetch' | 'signal' | 'edition'>,
  siteUrl: string,
): Promise<string> {
  const url = new URL('/_edge/tenant_info', siteUrl);
  let response: Response;
  try {
    response = await ctx.fetch(url, { headers: { accept: 'application/json' }, redirect: 'manual', ...(ctx.signal ? { signal: ctx.signal } : {}) });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw unreachable(ctx as ProviderContext, `the connection to ${url.host} failed.`);
  }
  const parsed = TenantInfo.safeParse(await response.json().catch(() => undefined));
  if (response.ok && parsed.success) return parsed.data.cloudId;
  if (response.status >= 500) throw new ProviderError('PROVIDER_UNAVAILABLE', `${url.host} answered with a server error (HTTP ${response.status}).`);
  throw new ProviderError('PROVIDER_LIMITATION', `${url.host} did not say which Jira Cloud site it is (HTTP ${response.status}); check the site URL.`);
}

const project = (p: z.infer<typeof Project>): DestinationItem => ({
  id: p.id,
  name: p.name,
  detail: p.key,
  level: 'project',
  has_children: true,
});

async function projects(ctx: ProviderContext, cursor: string | undefined, query: string | undefined): Promise<Chunk<DestinationItem>> {
  if (!isCloud(ctx)) {
    const { data } = await call(ctx, { path: '/project' }, z.array(Project));
    return pageOf(data.map(project), { cursor, query });
  }
  const startAt = numberCursor(cursor, 0);
  const { data } = await call(
    ctx,
    {
      path: '/project/search',
      query: { startAt, maxResults: PAGE_SIZE, orderBy: 'name', action: 'create', query: query?.trim() || undefined },
    },
    CloudProjects,
  );
  return { items: data.values.map(project), next: data.isLast === false ? String(startAt + data.values.length) : null };
}

async function issueTypes(ctx: ProviderContext, projectId: string, cursor: string | undefined): Promise<Chunk<DestinationItem>> {
  const startAt = numberCursor(cursor, 0);
  const request = { path: `/issue/createmeta/${encodeURIComponent(projectId)}/issuetypes`, query: { startAt, maxResults: PAGE_SIZE } };
  const toItem = (t: z.infer<typeof IssueType>): DestinationItem => ({ id: t.id, name: t.name, level: 'issue_type', has_children: false });
  if (isCloud(ctx)) {
    const { data } = await call(ctx, request, CloudIssueTypes);
    const end = startAt + data.issueTypes.length;
    return { items: data.issueTypes.filter((t) => !t.subtask).map(toItem), next: end < data.total && data.issueTypes.length ? String(end) : null };
  }
  const { data } = await call(ctx, request, DcIssueTypes);
  return { items: data.values.filter((t) => !t.subtask).map(toItem), next: data.isLast ? null : String(startAt + data.values.length) };
}

/** Atlassian Document Format: one paragraph per text block. */
function adf(ticket: TestTicket) {
  return {
    type: 'doc',
    version: 1,
    content: ticket.paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** Where people open an issue: the site (Cloud) or the base URL (Data Center) plus /browse/KEY. */
function browseUrl(ctx: ProviderContext, key: string): string {
  const tenant = validateTenant(ctx.edition, ctx.target.tenant ?? '');
  const site = isCloud(ctx) ? (tenant.ok ? tenant.url : undefined) : ctx.target.base_url ?? undefined;
  const base = (site ?? ctx.apiRoot.replace(/\/rest\/api\/\d+\/?$/, '')).replace(/\/+$/, '');
  return `${base}/browse/${encodeURIComponent(key)}`;
}

export const jira: ProviderAdapter = {
  provider: 'jira',

  async verify(ctx) {
    const { data } = await call(ctx, { path: '/myself' }, Myself);
    return { id: data.accountId ?? data.name ?? data.displayName, name: data.displayName };
  },

  async listDestinations(ctx, request) {
    const level = levelOf(ctx, request);
    if (level === 'project') {
      return toPage(await projects(ctx, request.cursor, request.query), request, {
        reason: 'nothing_accessible',
        message: 'This account cannot create issues in any Jira project.',
        action: { label: 'Ask a Jira administrator to grant this account Browse Projects and Create Issues in the target project.' },
      });
    }
    const chunk = await issueTypes(ctx, parentId(request, 'project'), request.cursor);
    return toPage(filtered(chunk, request.query), request, {
      reason: 'nothing_accessible',
      message: 'This project offers no issue type this account can create.',
      action: { label: 'Ask a Jira administrator to add an issue type to the project’s issue type scheme and grant Create Issues.' },
    });
  },

  async createTestTicket(ctx, settings) {
    const [projectStep, typeStep] = settings.destination;
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: '/issue',
        purpose: 'write',
        json: {
          fields: {
            project: { id: projectStep?.id },
            issuetype: { id: typeStep?.id },
            summary: ticket.title,
            description: isCloud(ctx) ? adf(ticket) : plainBody(ticket),
          },
        },
      },
      Created,
    );
    return { ticket: { url: browseUrl(ctx, data.key), key: data.key, title: ticket.title } };
  },
};
