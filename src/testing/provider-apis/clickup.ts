/**
 * A simulated ClickUp REST v2 at /api/v2: authorised workspaces ("teams"), spaces,
 * a space's folders and folderless lists, a folder's lists, and task creation.
 * Errors come as {err, ECODE}; a spent rate limit as 429 with X-RateLimit-Reset.
 */
import { json, listed, numbered, simulate, sizeOf, type ProviderApi, type SimulationOptions } from './shared.js';

export interface ClickupTree {
  teams: Array<{ id: string; name: string }>;
  spaces: Array<{ id: string; name: string; team: string }>;
  folders: Array<{ id: string; name: string; space: string }>;
  /** `parent` is a folder id, or a space id for a folderless list. */
  lists: Array<{ id: string; name: string; parent: string }>;
}

/** One workspace with two spaces; the first holds one folder of two lists and `size` folderless lists. */
export function clickupTree(options: SimulationOptions = {}): ClickupTree {
  const lists = numbered('List', sizeOf(options)).map((name, i) => ({ id: String(901000 + i), name, parent: '90100' }));
  return {
    teams: [{ id: '9010', name: 'Acme' }],
    spaces: [
      { id: '90100', name: 'Engineering', team: '9010' },
      { id: '90101', name: 'Operations', team: '9010' },
    ],
    folders: [{ id: '90200', name: 'Security', space: '90100' }],
    lists: [...lists, { id: '902001', name: 'Findings', parent: '90200' }, { id: '902002', name: 'Triage', parent: '90200' }],
  };
}

const problem = (err: string, ecode: string, status: number, headers: Record<string, string> = {}) => json({ err, ECODE: ecode }, status, headers);

export function createClickupApi(options: SimulationOptions = {}): ProviderApi {
  const tree = clickupTree(options);
  const created: Array<Record<string, unknown>> = [];
  const lists = (parent: string) => json({ lists: tree.lists.filter((l) => l.parent === parent).map(({ id, name }) => ({ id, name, archived: false })) });
  return simulate({
    options,
    created,
    unauthorized: () => problem('Token invalid', 'OAUTH_025', 401),
    rateLimited: (seconds) =>
      problem('Rate limit reached', 'APP_002', 429, {
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + seconds),
      }),
    routes: [
      ['GET', /^\/api\/v2\/user$/, () => json({ user: { id: 183, username: 'simulated', email: 'user@example.com' } })],
      ['GET', /^\/api\/v2\/team$/, () => json({ teams: tree.teams.map((t) => ({ ...t, members: [] })) })],
      [
        'GET',
        /^\/api\/v2\/team\/(?<id>\d+)\/space$/,
        ({ params }) =>
          tree.teams.some((t) => t.id === params['id'])
            ? json({ spaces: tree.spaces.filter((s) => s.team === params['id']).map(({ id, name }) => ({ id, name, private: false })) })
            : problem('Team not authorized', 'OAUTH_027', 401),
      ],
      [
        'GET',
        /^\/api\/v2\/space\/(?<id>\d+)\/folder$/,
        ({ params }) => json({ folders: tree.folders.filter((f) => f.space === params['id']).map(({ id, name }) => ({ id, name, hidden: false })) }),
      ],
      ['GET', /^\/api\/v2\/space\/(?<id>\d+)\/list$/, ({ params }) => lists(params['id'] ?? '')],
      ['GET', /^\/api\/v2\/folder\/(?<id>\d+)\/list$/, ({ params }) => lists(params['id'] ?? '')],
      [
        'POST',
        /^\/api\/v2\/list\/(?<id>\d+)\/task$/,
        ({ url, params, body }) => {
          const list = tree.lists.find((l) => l.id === params['id']);
          if (!list) return problem('List not found', 'ITEM_013', 404);
          if (listed(options.readOnly, list.id)) return problem('Team not authorized', 'OAUTH_027', 401);
          const input = body as { name?: unknown; description?: unknown };
          if (typeof input?.name !== 'string' || !input.name) return problem('Task name invalid', 'INPUT_005', 400);
          const id = `86b${String(created.length + 1).padStart(5, '0')}`;
          created.push({ id, list: list.id, ...input });
          return json({ id, name: input.name, url: `${url.origin}/t/${id}`, list: { id: list.id } });
        },
      ],
    ],
  });
}
