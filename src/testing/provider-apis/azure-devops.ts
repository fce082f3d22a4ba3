/**
 * A simulated Azure DevOps REST API under /{organisation}: connectionData, projects
 * paged with $top and a continuation token in x-ms-continuationtoken, work item types
 * of a project, and work item creation that insists on a JSON Patch body
 * (application/json-patch+json) and an api-version. An unaccepted credential gets
 * 203 and a sign-in page, as Azure DevOps Services answers.
 */
import { intParam, json, listed, numbered, simulate, sizeOf, text, type ProviderApi, type SimulationOptions } from './shared.js';

export interface AdoProject {
  id: string;
  name: string;
}

export const ADO_WORK_ITEM_TYPES = [
  { name: 'Bug', referenceName: 'Microsoft.VSTS.WorkItemTypes.Bug', isDisabled: false },
  { name: 'Task', referenceName: 'Microsoft.VSTS.WorkItemTypes.Task', isDisabled: false },
  { name: 'Issue', referenceName: 'Microsoft.VSTS.WorkItemTypes.Issue', isDisabled: true },
] as const;

export function adoProjects(options: SimulationOptions = {}): AdoProject[] {
  return numbered('Project', sizeOf(options)).map((name, i) => ({ id: `6ce954b1-ce1f-45d1-b94d-${String(i + 1).padStart(12, '0')}`, name }));
}

const ORG = '(?<org>[^/_][^/]*)';

export function createAzureDevOpsApi(options: SimulationOptions = {}): ProviderApi {
  const projects = adoProjects(options);
  const created: Array<Record<string, unknown>> = [];
  const project = (idOrName = '') => projects.find((p) => p.id === decodeURIComponent(idOrName) || p.name === decodeURIComponent(idOrName));
  const needsVersion = (url: URL) => (url.searchParams.get('api-version') ? undefined : json({ message: 'No api-version was supplied for the "GET" request.', typeKey: 'VssInvalidPreviewVersionException' }, 400));

  return simulate({
    options,
    created,
    unauthorized: () => new Response('<html><head><title>Azure DevOps Services | Sign In</title></head></html>', { status: 203, headers: { 'content-type': 'text/html' } }),
    rateLimited: (seconds) => text('Request was blocked due to exceeding usage of resource.', 429, { 'retry-after': String(seconds) }),
    routes: [
      [
        'GET',
        new RegExp(`^/${ORG}/_apis/connectionData$`),
        ({ url }) => needsVersion(url) ?? json({ authenticatedUser: { id: 'b9f3e4c8-0000-4000-8000-000000000001', providerDisplayName: 'Simulated User' }, instanceId: 'i-1' }),
      ],
      [
        'GET',
        new RegExp(`^/${ORG}/_apis/projects$`),
        ({ url }) => {
          const missing = needsVersion(url);
          if (missing) return missing;
          const top = Math.max(1, intParam(url, '$top', 100, 100));
          const start = intParam(url, 'continuationToken', 0);
          const value = projects.slice(start, start + top).map((p) => ({ ...p, state: 'wellFormed', visibility: 'private' }));
          const headers: Record<string, string> = start + top < projects.length ? { 'x-ms-continuationtoken': String(start + top) } : {};
          return json({ count: value.length, value }, 200, headers);
        },
      ],
      [
        'GET',
        new RegExp(`^/${ORG}/(?<project>[^/]+)/_apis/wit/workitemtypes$`),
        ({ url, params }) => {
          const missing = needsVersion(url);
          if (missing) return missing;
          if (!project(params['project'])) return json({ message: `TF200016: The following project does not exist: ${params['project']}.` }, 404);
          return json({ count: ADO_WORK_ITEM_TYPES.length, value: ADO_WORK_ITEM_TYPES });
        },
      ],
      [
        'POST',
        new RegExp(`^/${ORG}/(?<project>[^/]+)/_apis/wit/workitems/\\$(?<type>[^/]+)$`),
        ({ request, url, params, body }) => {
          const missing = needsVersion(url);
          if (missing) return missing;
          if (request.headers.get('content-type') !== 'application/json-patch+json') {
            return json({ message: 'Valid content types for this method are: application/json-patch+json.' }, 415);
          }
          const target = project(params['project']);
          const type = ADO_WORK_ITEM_TYPES.find((t) => t.name === decodeURIComponent(params['type'] ?? ''));
          if (!target || !type) return json({ message: 'TF401347: Invalid tree name given for work item -1, field System.AreaPath.' }, 400);
          const ops = Array.isArray(body) ? (body as Array<{ op?: string; path?: string; value?: unknown }>) : [];
          const fields = Object.fromEntries(ops.filter((o) => o.op === 'add' && o.path?.startsWith('/fields/')).map((o) => [o.path!.slice(8), o.value]));
          if (!fields['System.Title']) return json({ message: 'TF401320: Rule Error for field Title. Error code: Required, HasValues, LimitedToValues, AllowsOldValue, InvalidEmpty.' }, 400);
          if (listed(options.readOnly, target.id)) {
            return json({ message: 'TF237111: The current user does not have permissions to save work items under the specified area path.' }, 403);
          }
          const id = created.length + 1;
          created.push({ id, project: target.id, type: type.name, fields });
          const html = `${url.origin}/${params['org']}/${encodeURIComponent(target.name)}/_workitems/edit/${id}`;
          return json({ id, rev: 1, fields: { ...fields, 'System.WorkItemType': type.name }, _links: { html: { href: html } }, url: url.href });
        },
      ],
    ],
  });
}
