/**
 * ClickUp (REST v2). A workspace is a "team" in v2.
 *
 * - Who am I: GET /user.
 * - Workspaces: GET /team. Spaces: GET /team/{team_id}/space. Below a space, its
 *   folders (GET /space/{space_id}/folder) and its folderless lists
 *   (GET /space/{space_id}/list) come as one list; below a folder, GET
 *   /folder/{folder_id}/list. None of these page or filter, so they are paged here.
 * - Create: POST /list/{list_id}/task {name, description}.
 * ClickUp answers with {err, ECODE}; a 401 that is not about the token itself means
 * the workspace or list is not open to this credential.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { notWritable, providerMessage, rateLimited, retryAfterSeconds, type Failure } from './errors.js';
import { call, type Call } from './http.js';
import { levelOf, pageOf, parentId, toPage } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const Named = z.object({ id: z.string(), name: z.string() });
const Teams = z.object({ teams: z.array(Named) });
const Spaces = z.object({ spaces: z.array(Named) });
const Folders = z.object({ folders: z.array(Named) });
const Lists = z.object({ lists: z.array(Named) });
const Task = z.object({ id: z.string(), url: z.string() });
const User = z.object({ user: z.object({ id: z.number(), username: z.string() }) });

const item = (level: DestinationItem['level'], hasChildren: boolean) => (n: z.infer<typeof Named>): DestinationItem => ({
  id: n.id,
  name: n.name,
  level,
  has_children: hasChildren,
});

/** ClickUp counts its rate limit down to X-RateLimit-Reset (Unix seconds). */
const refine = (ctx: ProviderContext) => (failure: Failure) =>
  failure.status === 429 ? rateLimited(ctx, retryAfterSeconds(failure.headers, ctx.now?.() ?? new Date(), 'x-ratelimit-reset')) : undefined;

/** On a write, a refusal that is not about the token itself means the list is closed to this credential. */
const refuseWrite = (ctx: ProviderContext) => (failure: Failure) => {
  const tokenProblem = /token|authori[sz]ation header/i.test(failure.text);
  return failure.status === 403 || (failure.status === 401 && !tokenProblem)
    ? notWritable(ctx, providerMessage(ctx, failure.body, failure.text))
    : refine(ctx)(failure);
};

function cu<S extends z.ZodMiniType>(ctx: ProviderContext, c: Call, schema: S) {
  return call(ctx, { refine: refine(ctx), ...c }, schema);
}

export const clickup: ProviderAdapter = {
  provider: 'clickup',

  async verify(ctx) {
    const { data } = await cu(ctx, { path: '/user' }, User);
    return { id: String(data.user.id), name: data.user.username };
  },

  async listDestinations(ctx, request) {
    const level = levelOf(ctx, request);
    const archived = { archived: false };
    let items: DestinationItem[];
    let nothing: string;
    let action: string;
    if (level === 'workspace') {
      items = (await cu(ctx, { path: '/team' }, Teams)).data.teams.map(item('workspace', true));
      nothing = 'This ClickUp credential is authorised for no workspace.';
      action = 'Authorise this product for the target workspace in ClickUp, or ask a workspace owner to invite the account.';
    } else if (level === 'space') {
      const team = parentId(request, 'workspace');
      items = (await cu(ctx, { path: `/team/${encodeURIComponent(team)}/space`, query: archived }, Spaces)).data.spaces.map(item('space', true));
      nothing = 'This account sees no space in the workspace.';
      action = 'Ask a workspace admin to share a space with the account (Space settings → Share).';
    } else if (level === 'folder') {
      const space = encodeURIComponent(parentId(request, 'space'));
      const [folders, lists] = await Promise.all([
        cu(ctx, { path: `/space/${space}/folder`, query: archived }, Folders),
        cu(ctx, { path: `/space/${space}/list`, query: archived }, Lists),
      ]);
      items = [...folders.data.folders.map(item('folder', true)), ...lists.data.lists.map(item('list', false))];
      nothing = 'This space has no folder or list this account can see.';
      action = 'Create a list in the space, or ask a space admin to share one with the account.';
    } else {
      const parent = request.parent;
      const path = parent?.level === 'space' ? `/space/${encodeURIComponent(parent.id)}/list` : `/folder/${encodeURIComponent(parentId(request, 'folder', 'space'))}/list`;
      items = (await cu(ctx, { path, query: archived }, Lists)).data.lists.map(item('list', false));
      nothing = 'This folder has no list this account can see.';
      action = 'Create a list in the folder, or ask a space admin to share one with the account.';
    }
    return toPage(pageOf(items, request), request, { reason: 'nothing_accessible', message: nothing, action: { label: action } });
  },

  async createTestTicket(ctx, settings) {
    const list = settings.destination.at(-1)?.id ?? '';
    const ticket = testTicket(ctx);
    const { data } = await call(
      ctx,
      {
        method: 'POST',
        path: `/list/${encodeURIComponent(list)}/task`,
        purpose: 'write',
        json: { name: ticket.title, description: plainBody(ticket) },
        refine: refuseWrite(ctx),
      },
      Task,
    );
    return { ticket: { url: data.url, key: data.id, title: ticket.title } };
  },
};
