/**
 * A simulated Linear GraphQL API at /graphql: `viewer`, `teams` with Relay paging
 * and a name filter, and `issueCreate`. Failures come in the GraphQL `errors` list
 * with an extensions type and code, as Linear's SDK reads them.
 */
import { json, listed, numbered, simulate, sizeOf, type ProviderApi, type SimulationOptions } from './shared.js';

export interface LinearTeam {
  id: string;
  name: string;
  key: string;
}

export function linearTeams(options: SimulationOptions = {}): LinearTeam[] {
  return numbered('Team', sizeOf(options)).map((name, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name,
    key: `T${i + 1}`,
  }));
}

const gqlError = (message: string, type: string, code: string, status = 200) =>
  json({ data: null, errors: [{ message, extensions: { type, code, userPresentableMessage: message } }] }, status);

const cursorFor = (index: number) => btoa(`team:${index}`);
function indexOf(cursor: unknown): number {
  if (typeof cursor !== 'string') return -1;
  try {
    return Number(atob(cursor).split(':')[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

export function createLinearApi(options: SimulationOptions = {}): ProviderApi {
  const teams = linearTeams(options);
  const created: Array<Record<string, unknown>> = [];
  return simulate({
    options,
    created,
    unauthorized: () => gqlError('Authentication required, not authenticated', 'authentication error', 'AUTHENTICATION_ERROR', 400),
    rateLimited: () => gqlError('Rate limit exceeded', 'ratelimited', 'RATELIMITED', 400),
    // Every call is a POST to /graphql; only the issueCreate mutation creates.
    isCreate: (_request, body) => /\bissueCreate\b/.test(String((body as { query?: unknown } | undefined)?.query ?? '')),
    routes: [
      [
        'POST',
        /^\/graphql$/,
        ({ url, body }) => {
          const { query = '', variables = {} } = (body ?? {}) as { query?: string; variables?: Record<string, any> };
          if (/\bviewer\b/.test(query)) return json({ data: { viewer: { id: 'user-1', name: 'Simulated User', email: 'user@example.com' } } });
          if (/\bteams\s*\(/.test(query)) {
            const needle = String(variables['filter']?.name?.containsIgnoreCase ?? '').toLowerCase();
            const matching = teams.filter((t) => !needle || t.name.toLowerCase().includes(needle));
            const after = variables['after'] == null ? -1 : indexOf(variables['after']);
            if (Number.isNaN(after)) return gqlError('Invalid cursor', 'invalid input', 'INVALID_INPUT');
            const first = Math.min(Number(variables['first'] ?? 50), 250);
            const start = after + 1;
            const nodes = matching.slice(start, start + first);
            const end = start + nodes.length - 1;
            return json({
              data: { teams: { nodes, pageInfo: { hasNextPage: end + 1 < matching.length, endCursor: nodes.length ? cursorFor(end) : null } } },
            });
          }
          if (/\bissueCreate\s*\(/.test(query)) {
            const input = variables['input'] ?? {};
            const team = teams.find((t) => t.id === input.teamId);
            if (!team) return gqlError('Entity not found: Team', 'invalid input', 'INVALID_INPUT');
            if (listed(options.readOnly, team.id)) return gqlError("You don't have access to create issues in this team.", 'forbidden', 'FORBIDDEN');
            if (typeof input.title !== 'string' || !input.title) return gqlError('title must be a string', 'invalid input', 'INVALID_INPUT');
            const identifier = `${team.key}-${created.length + 1}`;
            created.push({ identifier, ...input });
            return json({ data: { issueCreate: { success: true, issue: { identifier, url: `${url.origin}/acme/issue/${identifier}/test-ticket` } } } });
          }
          return gqlError('Cannot query field', 'graphql error', 'GRAPHQL_VALIDATION_FAILED', 400);
        },
      ],
    ],
  });
}
