/**
 * A simulated Asana REST API at /api/1.0: payloads wrapped in `data`, lists paged
 * with limit (1–100) and an opaque offset in `next_page`, projects of a workspace
 * filtered by `archived`, and task creation answering 201 with permalink_url.
 */
import { json, listed, numbered, simulate, sizeOf, type ProviderApi, type SimulationOptions } from './shared.js';

export interface AsanaProject {
  gid: string;
  name: string;
  archived: boolean;
}

export const ASANA_WORKSPACES = [
  { gid: '1100000000000001', name: 'Acme' },
  { gid: '1100000000000002', name: 'Personal projects' },
] as const;

export function asanaProjects(options: SimulationOptions = {}): AsanaProject[] {
  const projects = numbered('Project', sizeOf(options)).map((name, i) => ({ gid: String(1200000000000001 + i), name, archived: false }));
  return projects.length ? [...projects, { gid: '1299999999999999', name: 'Archived project', archived: true }] : [];
}

const offsetToken = (index: number) => btoa(`offset:${index}`).replace(/=+$/, '');
function offsetIndex(token: string | null): number | undefined {
  if (token === null) return 0;
  try {
    const n = Number(atob(token).split(':')[1]);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

const failure = (message: string, status: number, headers: Record<string, string> = {}) => json({ errors: [{ message }] }, status, headers);

export function createAsanaApi(options: SimulationOptions = {}): ProviderApi {
  const projects = asanaProjects(options);
  const created: Array<Record<string, unknown>> = [];
  const page = (url: URL, items: ReadonlyArray<{ gid: string; name: string }>, type: string) => {
    const limit = Number(url.searchParams.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return failure('limit: Not a valid integer between 1 and 100', 400);
    const start = offsetIndex(url.searchParams.get('offset'));
    if (start === undefined) return failure('offset: Your pagination token is invalid.', 400);
    const data = items.slice(start, start + limit).map(({ gid, name }) => ({ gid, name, resource_type: type }));
    const more = start + limit < items.length;
    const next = new URL(url);
    next.searchParams.set('offset', offsetToken(start + limit));
    return json({ data, next_page: more ? { offset: offsetToken(start + limit), path: next.pathname + next.search, uri: next.href } : null });
  };

  return simulate({
    options,
    created,
    unauthorized: () => failure('Not Authorized', 401),
    rateLimited: (seconds) => failure('You have made too many requests recently. Please, be chill.', 429, { 'retry-after': String(seconds) }),
    routes: [
      ['GET', /^\/api\/1\.0\/users\/me$/, () => json({ data: { gid: '1000000000000001', name: 'Simulated User', resource_type: 'user' } })],
      ['GET', /^\/api\/1\.0\/workspaces$/, ({ url }) => page(url, ASANA_WORKSPACES, 'workspace')],
      [
        'GET',
        /^\/api\/1\.0\/workspaces\/(?<gid>\d+)\/projects$/,
        ({ url, params }) => {
          if (!ASANA_WORKSPACES.some((w) => w.gid === params['gid'])) return failure('workspace: Not a recognized ID', 404);
          const archived = url.searchParams.get('archived');
          const inWorkspace = params['gid'] === ASANA_WORKSPACES[0].gid ? projects : [];
          return page(url, inWorkspace.filter((p) => archived === null || String(p.archived) === archived), 'project');
        },
      ],
      [
        'POST',
        /^\/api\/1\.0\/tasks$/,
        ({ url, body }) => {
          const data = (body as { data?: { projects?: unknown; name?: unknown; notes?: unknown } })?.data;
          const projectGid = Array.isArray(data?.projects) ? String(data.projects[0]) : '';
          const project = projects.find((p) => p.gid === projectGid);
          if (!project) return failure('projects: [0]: Not a recognized ID', 400);
          if (listed(options.readOnly, project.gid)) return failure('You do not have permission to add tasks to this project.', 403);
          if (typeof data?.name !== 'string') return failure('name: Missing input', 400);
          const gid = String(1300000000000001 + created.length);
          created.push({ gid, project: project.gid, ...data });
          const fields = url.searchParams.get('opt_fields')?.split(',') ?? [];
          return json({ data: { gid, resource_type: 'task', name: data.name, ...(fields.includes('permalink_url') ? { permalink_url: `${url.origin}/0/${project.gid}/${gid}` } : {}) } }, 201);
        },
      ],
    ],
  });
}
