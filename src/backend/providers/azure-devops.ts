/**
 * Azure DevOps Services and Azure DevOps Server (REST). The catalog's API root is
 * the organisation or collection plus /_apis; project calls go under
 * {organisation}/{project}/_apis.
 *
 * - Who am I: GET /_apis/connectionData (authenticatedUser). Not in the published
 *   REST reference, but what Microsoft's own clients call; it needs a -preview version.
 * - Projects: GET /_apis/projects with $top and continuationToken (the next token
 *   comes in the x-ms-continuationtoken header); no name filter, so pages are scanned.
 * - Work item types: GET /{project}/_apis/wit/workitemtypes.
 * - Create: POST /{project}/_apis/wit/workitems/${type} with a JSON Patch document
 *   (application/json-patch+json) setting System.Title and System.Description.
 * Azure DevOps can answer a credential it does not accept with 203 and a sign-in page.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { authRequired } from './errors.js';
import { call, type Call } from './http.js';
import { levelOf, matches, PAGE_SIZE, pageOf, parentId, scan, tokenCursor, toPage, type Chunk } from './paging.js';
import { testTicket, type TestTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Projects = z.object({ value: z.array(z.object({ id: z.string(), name: z.string(), description: z.optional(z.string()) })) });
const Types = z.object({
  value: z.array(z.object({ name: z.string(), referenceName: z.optional(z.string()), isDisabled: z.optional(z.boolean()) })),
});
const WorkItem = z.object({ id: z.number(), _links: z.object({ html: z.object({ href: z.string() }) }) });
const Connection = z.object({
  authenticatedUser: z.object({ id: z.string(), providerDisplayName: z.optional(z.string()), customDisplayName: z.optional(z.string()) }),
});

/** 7.1 on Services; Server gets 6.0, which Azure DevOps Server 2020 and later accept. */
const apiVersion = (ctx: ProviderContext) => (ctx.edition.mode === 'cloud' ? '7.1' : '6.0');

const notSignInPage = (status: number) => status >= 200 && status < 300 && status !== 203;

function ado<S extends z.ZodMiniType>(ctx: ProviderContext, c: Call, schema: S, root = ctx.apiRoot) {
  return call(
    { ...ctx, apiRoot: root },
    {
      ...c,
      query: { ...c.query, 'api-version': c.query?.['api-version'] ?? apiVersion(ctx) },
      ok: notSignInPage,
      refine: (failure) => (failure.status === 203 ? authRequired(ctx) : c.refine?.(failure)),
    },
    schema,
  );
}

/** {organisation or collection}/{project}/_apis */
function projectRoot(ctx: ProviderContext, project: string): string {
  return `${ctx.apiRoot.replace(/\/_apis\/?$/, '')}/${encodeURIComponent(project)}/_apis`;
}

async function projectPage(ctx: ProviderContext, cursor: string | undefined): Promise<Chunk<DestinationItem>> {
  const { data, headers } = await ado(ctx, { path: '/projects', query: { $top: PAGE_SIZE, continuationToken: tokenCursor(cursor) } }, Projects);
  const items = data.value.map((p): DestinationItem => ({ id: p.id, name: p.name, level: 'project', has_children: true }));
  const next = headers.get('x-ms-continuationtoken');
  return { items, next: next ? tokenCursor(next) ?? null : null };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const html = (ticket: TestTicket) => ticket.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');

export const azureDevOps: ProviderAdapter = {
  provider: 'azure-devops',

  async verify(ctx) {
    const { data } = await ado(ctx, { path: '/connectionData', query: { 'api-version': `${apiVersion(ctx)}-preview` } }, Connection);
    const user = data.authenticatedUser;
    return { id: user.id, name: user.customDisplayName || user.providerDisplayName || user.id };
  },

  async listDestinations(ctx, request) {
    const level = levelOf(ctx, request);
    if (level === 'project') {
      const chunk = await scan(request.cursor, (cursor) => projectPage(ctx, cursor), (p) => matches(request.query, p.name));
      return toPage(chunk, request, {
        reason: 'nothing_accessible',
        message: 'This account sees no project in this organisation.',
        action: { label: "Ask a Project Collection Administrator to add the account to the target project's Contributors group." },
      });
    }
    const project = parentId(request, 'project');
    const { data } = await ado(ctx, { path: '/wit/workitemtypes' }, Types, projectRoot(ctx, project));
    const items = data.value
      .filter((t) => !t.isDisabled)
      .map((t): DestinationItem => ({ id: t.name, name: t.name, level: 'work_item_type', has_children: false, ...(t.referenceName ? { detail: t.referenceName } : {}) }));
    return toPage(pageOf(items, request), request, {
      reason: 'nothing_accessible',
      message: 'This project offers no enabled work item type.',
      action: { label: 'Ask a project administrator to enable a work item type in the process (Organization settings → Boards → Process).' },
    });
  },

  async createTestTicket(ctx, settings) {
    const [project, type] = settings.destination;
    const ticket = testTicket(ctx);
    const { data } = await ado(
      ctx,
      {
        method: 'POST',
        path: `/wit/workitems/$${encodeURIComponent(type?.id ?? '')}`,
        purpose: 'write',
        contentType: 'application/json-patch+json',
        json: [
          { op: 'add', path: '/fields/System.Title', value: ticket.title },
          { op: 'add', path: '/fields/System.Description', value: html(ticket) },
        ],
      },
      WorkItem,
      projectRoot(ctx, project?.id ?? ''),
    );
    return { ticket: { url: data._links.html.href, key: String(data.id), title: ticket.title } };
  },
};
