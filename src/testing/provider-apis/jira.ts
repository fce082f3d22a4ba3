/**
 * A simulated Jira: Cloud REST v3 under /rest/api/3 (also behind
 * api.atlassian.com's /ex/jira/{cloudId}) and Data Center REST v2 under /rest/api/2,
 * with a context path allowed in front. Shapes follow Atlassian's reference:
 * project search and create-metadata pages, create issue answering 201 {id, key, self}.
 */
import { includes, intParam, json, listed, numbered, simulate, sizeOf, slice, text, type ProviderApi, type SimulationOptions } from './shared.js';

export interface JiraProject {
  id: string;
  key: string;
  name: string;
}

export const JIRA_ISSUE_TYPES = [
  { id: '10001', name: 'Bug', subtask: false },
  { id: '10002', name: 'Task', subtask: false },
  { id: '10003', name: 'Story', subtask: false },
  { id: '10004', name: 'Sub-task', subtask: true },
] as const;

export function jiraProjects(options: SimulationOptions = {}): JiraProject[] {
  return numbered('Project', sizeOf(options)).map((name, i) => ({
    id: String(10000 + i),
    key: `P${String(i + 1).padStart(4, '0')}`,
    name,
  }));
}

const API = String.raw`/rest/api/(?<v>[23])`;

export function createJiraApi(options: SimulationOptions = {}): ProviderApi {
  const projects = jiraProjects(options);
  const created: Array<Record<string, unknown>> = [];
  const find = (idOrKey: string) => projects.find((p) => p.id === idOrKey || p.key === idOrKey);
  const self = (url: URL, path: string) => `${url.origin}${url.pathname.replace(/\/rest\/api\/.*$/, '')}/rest/api/${path}`;

  return simulate({
    options,
    created,
    unauthorized: () => text('Client must be authenticated to access this resource.', 401),
    rateLimited: (seconds) => text('Rate limit exceeded.', 429, { 'retry-after': String(seconds) }),
    routes: [
      [
        'GET',
        new RegExp(`${API}/myself$`),
        ({ params }) =>
          params['v'] === '3'
            ? json({ accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Simulated User', active: true })
            : json({ name: 'simulated', key: 'JIRAUSER10000', displayName: 'Simulated User', active: true }),
      ],
      [
        'GET',
        new RegExp(`${API}/project/search$`),
        ({ url, params }) => {
          if (params['v'] !== '3') return json({ errorMessages: ['Not found'] }, 404);
          const q = url.searchParams.get('query');
          const matching = projects.filter((p) => includes(p.name, q) || includes(p.key, q));
          const startAt = intParam(url, 'startAt', 0);
          const maxResults = intParam(url, 'maxResults', 50, 100);
          const { page, next } = slice(matching, startAt, maxResults);
          return json({
            self: url.href,
            maxResults,
            startAt,
            total: matching.length,
            isLast: next === undefined,
            values: page.map((p) => ({ ...p, self: self(url, `3/project/${p.id}`) })),
          });
        },
      ],
      ['GET', new RegExp(`${API}/project$`), ({ url }) => json(projects.map((p) => ({ ...p, self: self(url, `2/project/${p.id}`) })))],
      [
        'GET',
        new RegExp(`${API}/issue/createmeta/(?<project>[^/]+)/issuetypes$`),
        ({ url, params }) => {
          const project = find(decodeURIComponent(params['project'] ?? ''));
          if (!project) return json({ errorMessages: [`No project could be found with key '${params['project']}'.`], errors: {} }, 404);
          const startAt = intParam(url, 'startAt', 0);
          const maxResults = intParam(url, 'maxResults', 50, 200);
          const { page, next } = slice(JIRA_ISSUE_TYPES, startAt, maxResults);
          const types = page.map((t) => ({ ...t, self: self(url, `${params['v']}/issuetype/${t.id}`), description: '' }));
          const meta = { maxResults, startAt, total: JIRA_ISSUE_TYPES.length };
          return json(params['v'] === '3' ? { issueTypes: types, ...meta } : { values: types, isLast: next === undefined, ...meta });
        },
      ],
      [
        'POST',
        new RegExp(`${API}/issue$`),
        ({ url, params, body }) => {
          const fields = (body as { fields?: Record<string, any> } | undefined)?.fields ?? {};
          const project = find(String(fields['project']?.id ?? fields['project']?.key ?? ''));
          const type = JIRA_ISSUE_TYPES.find((t) => t.id === String(fields['issuetype']?.id ?? ''));
          const errors: Record<string, string> = {};
          if (!project) errors['project'] = 'Specify a valid project ID or key';
          if (!type) errors['issuetype'] = 'Specify a valid issue type';
          if (typeof fields['summary'] !== 'string' || !fields['summary']) errors['summary'] = 'You must specify a summary of the issue.';
          const adf = params['v'] === '3';
          if (fields['description'] !== undefined && (adf ? typeof fields['description'] !== 'object' : typeof fields['description'] !== 'string')) {
            errors['description'] = adf ? 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' : 'Operation value must be a string';
          }
          if (Object.keys(errors).length) return json({ errorMessages: [], errors }, 400);
          if (listed(options.readOnly, project!.id)) {
            return json({ errorMessages: ['You do not have permission to create issues in this project.'], errors: {} }, 403);
          }
          if (listed(options.limited, project!.id)) return json({ errorMessages: [], errors: { customfield_10010: 'Team is required.' } }, 400);
          const key = `${project!.key}-${created.length + 1}`;
          const id = String(20000 + created.length);
          created.push({ id, key, fields });
          return json({ id, key, self: self(url, `${params['v']}/issue/${id}`) }, 201);
        },
      ],
    ],
  });
}
