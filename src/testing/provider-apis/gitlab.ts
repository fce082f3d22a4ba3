/**
 * A simulated GitLab REST v4 (under /api/v4, after any relative URL root): projects
 * filtered by membership, minimum role, issues feature and search, paged with
 * page/per_page and the x-next-page header; issue creation answering 201 with web_url.
 */
import { includes, intParam, json, listed, numbered, simulate, sizeOf, slice, type ProviderApi, type SimulationOptions } from './shared.js';

export interface GitlabProject {
  id: number;
  name: string;
  path_with_namespace: string;
  name_with_namespace: string;
  access_level: number;
  issues_enabled: boolean;
  archived: boolean;
}

/** Projects where the user is a Developer, plus one where they are only a Guest. */
export function gitlabProjects(options: SimulationOptions = {}): GitlabProject[] {
  const names = numbered('Service', sizeOf(options));
  const projects = names.map((name, i) => {
    const path = `acme/service-${String(i + 1).padStart(4, '0')}`;
    return {
      id: 100 + i,
      name,
      path_with_namespace: path,
      name_with_namespace: `Acme / ${name}`,
      access_level: 30,
      issues_enabled: !listed(options.limited, String(100 + i)),
      archived: false,
    };
  });
  if (projects.length) projects.push({ ...projects[0]!, id: 99, name: 'Guest Only', path_with_namespace: 'other/guest-only', name_with_namespace: 'Other / Guest Only', access_level: 10 });
  return projects;
}

export function createGitlabApi(options: SimulationOptions = {}): ProviderApi {
  const projects = gitlabProjects(options);
  const created: Array<Record<string, unknown>> = [];
  return simulate({
    options,
    created,
    unauthorized: () => json({ message: '401 Unauthorized' }, 401),
    rateLimited: (seconds) => json({ message: 'Retry later' }, 429, { 'retry-after': String(seconds) }),
    routes: [
      ['GET', /\/api\/v4\/user$/, () => json({ id: 7, username: 'simulated', name: 'Simulated User', state: 'active' })],
      [
        'GET',
        /\/api\/v4\/projects$/,
        ({ url }) => {
          const p = url.searchParams;
          const minimum = Number(p.get('min_access_level') ?? 0);
          const matching = projects
            .filter((x) => p.get('membership') !== 'true' || x.access_level > 0)
            .filter((x) => x.access_level >= minimum)
            .filter((x) => p.get('with_issues_enabled') !== 'true' || x.issues_enabled)
            .filter((x) => p.get('archived') !== 'false' || !x.archived)
            .filter((x) => includes(x.name, p.get('search')) || includes(x.path_with_namespace, p.get('search')))
            .sort((a, b) => (p.get('order_by') === 'name' ? a.name.localeCompare(b.name) : b.id - a.id));
          const perPage = Math.max(1, intParam(url, 'per_page', 20, 100));
          const page = Math.max(1, intParam(url, 'page', 1));
          const { page: items, next } = slice(matching, (page - 1) * perPage, perPage);
          const simple = items.map(({ id, name, path_with_namespace, name_with_namespace }) => ({
            id,
            name,
            path_with_namespace,
            name_with_namespace,
            web_url: `${url.origin}/${path_with_namespace}`,
          }));
          return json(simple, 200, {
            'x-page': String(page),
            'x-per-page': String(perPage),
            'x-next-page': next === undefined ? '' : String(page + 1),
            'x-total': String(matching.length),
          });
        },
      ],
      [
        'POST',
        /\/api\/v4\/projects\/(?<id>[^/]+)\/issues$/,
        ({ url, params, body }) => {
          const id = decodeURIComponent(params['id'] ?? '');
          const project = projects.find((x) => String(x.id) === id || x.path_with_namespace === id);
          if (!project) return json({ message: '404 Project Not Found' }, 404);
          if (listed(options.readOnly, String(project.id)) || !project.issues_enabled) return json({ message: '403 Forbidden' }, 403);
          const input = body as { title?: unknown; description?: unknown };
          if (typeof input?.title !== 'string' || !input.title) return json({ message: 'title is missing' }, 400);
          const iid = created.length + 1;
          created.push({ project: project.id, iid, ...input });
          return json({ id: 9000 + iid, iid, project_id: project.id, title: input.title, web_url: `${url.origin}/${project.path_with_namespace}/-/issues/${iid}` }, 201);
        },
      ],
    ],
  });
}
