/**
 * A simulated YouTrack REST API at {service}/api: the current user, projects that
 * return only the `fields` asked for and page with $top (42 when absent) and $skip,
 * and issue creation answering {id, idReadable}.
 */
import { intParam, json, listed, numbered, simulate, sizeOf, type ProviderApi, type SimulationOptions } from './shared.js';

export interface YoutrackProject {
  id: string;
  name: string;
  shortName: string;
  archived: boolean;
}

export function youtrackProjects(options: SimulationOptions = {}): YoutrackProject[] {
  const projects = numbered('Project', sizeOf(options)).map((name, i) => ({ id: `0-${i + 1}`, name, shortName: `P${i + 1}`, archived: false }));
  return projects.length ? [...projects, { id: '0-0', name: 'Old project', shortName: 'OLD', archived: true }] : [];
}

/** Only the attributes the `fields` parameter names, as YouTrack answers, plus `$type`. */
function pick(entity: Record<string, unknown>, fields: string | null, type: string) {
  const names = (fields ?? 'id').split(',').map((f) => f.trim());
  return { ...Object.fromEntries(names.filter((n) => n in entity).map((n) => [n, entity[n]])), $type: type };
}

export function createYoutrackApi(options: SimulationOptions = {}): ProviderApi {
  const projects = youtrackProjects(options);
  const created: Array<Record<string, unknown>> = [];
  return simulate({
    options,
    created,
    unauthorized: () => json({ error: 'Unauthorized', error_description: 'You are not logged in.' }, 401),
    rateLimited: (seconds) => json({ error: 'Too Many Requests' }, 429, { 'retry-after': String(seconds) }),
    routes: [
      ['GET', /\/api\/users\/me$/, ({ url }) => json(pick({ id: '1-1', login: 'simulated', fullName: 'Simulated User' }, url.searchParams.get('fields'), 'Me'))],
      [
        'GET',
        /\/api\/admin\/projects$/,
        ({ url }) => {
          const top = intParam(url, '$top', 42);
          const skip = intParam(url, '$skip', 0);
          return json(projects.slice(skip, skip + top).map((p) => pick({ ...p }, url.searchParams.get('fields'), 'Project')));
        },
      ],
      [
        'POST',
        /\/api\/issues$/,
        ({ url, body }) => {
          const input = body as { project?: { id?: string }; summary?: unknown; description?: unknown };
          const project = projects.find((p) => p.id === input?.project?.id);
          if (!project) return json({ error: 'Bad Request', error_description: 'Project is required' }, 400);
          if (typeof input.summary !== 'string' || !input.summary) return json({ error: 'Bad Request', error_description: 'Summary is required' }, 400);
          if (listed(options.readOnly, project.id)) {
            return json({ error: 'Forbidden', error_description: `You have no permission to create issues in project ${project.shortName}.` }, 403);
          }
          const n = created.length + 1;
          const issue = { id: `2-${n}`, idReadable: `${project.shortName}-${n}` };
          created.push({ ...issue, ...input });
          return json(pick(issue, url.searchParams.get('fields'), 'Issue'));
        },
      ],
    ],
  });
}
