/**
 * Linear (GraphQL at the catalog's API root).
 *
 * - Who am I: query { viewer { id name } }.
 * - Teams: query teams(first, after, filter: { name: { containsIgnoreCase } }) with
 *   Relay paging (pageInfo.hasNextPage, endCursor).
 * - Create: mutation issueCreate(input: { teamId, title, description }).
 * GraphQL reports failures in `errors` (with HTTP 200 or 400); their
 * extensions.type (or code) tells authentication, permission and rate limits apart.
 */
import * as z from 'zod/mini';
import type { DestinationItem } from '../../core/contract/export.js';
import { authRequired, limitation, notWritable, rateLimited, redact, retryAfterSeconds, secretsOf, type ProviderError } from './errors.js';
import { call } from './http.js';
import { levelOf, PAGE_SIZE, tokenCursor, toPage } from './paging.js';
import { plainBody, testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext } from './types.js';

const GqlError = z.object({
  message: z.optional(z.string()),
  extensions: z.optional(z.object({ type: z.optional(z.string()), code: z.optional(z.string()) })),
});
type GqlError = z.infer<typeof GqlError>;

const Teams = z.object({
  teams: z.object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), key: z.string() })),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.optional(z.nullable(z.string())) }),
  }),
});
const Viewer = z.object({ viewer: z.object({ id: z.string(), name: z.string() }) });
const IssueCreate = z.object({
  issueCreate: z.object({
    success: z.boolean(),
    issue: z.optional(z.nullable(z.object({ identifier: z.string(), url: z.string() }))),
  }),
});

const TEAMS = `query Teams($first: Int!, $after: String, $filter: TeamFilter) {
  teams(first: $first, after: $after, filter: $filter) { nodes { id name key } pageInfo { hasNextPage endCursor } }
}`;
const VIEWER = 'query Viewer { viewer { id name } }';
const ISSUE_CREATE = `mutation IssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { identifier url } }
}`;

function gqlFailure(ctx: ProviderContext, errors: GqlError[], headers: Headers, purpose: 'read' | 'write'): ProviderError {
  const first = errors[0];
  const kind = (first?.extensions?.type ?? first?.extensions?.code ?? '').toLowerCase().replace(/[\s-]/g, '_');
  const message = first?.message ? redact(first.message, secretsOf(ctx)) : undefined;
  if (kind.includes('authentication')) return authRequired(ctx, message);
  if (kind.includes('ratelimit')) return rateLimited(ctx, retryAfterSeconds(headers, ctx.now?.() ?? new Date()));
  if (kind.includes('forbidden')) return purpose === 'write' ? notWritable(ctx, message) : authRequired(ctx, message);
  return limitation(`Linear refused the request${message ? `: ${message}` : '.'}`);
}

async function gql<S extends z.ZodMiniType>(
  ctx: ProviderContext,
  query: string,
  variables: Record<string, unknown>,
  data: S,
  purpose: 'read' | 'write' = 'read',
): Promise<z.infer<S>> {
  const Answer = z.object({ data: z.optional(z.nullable(data)), errors: z.optional(z.array(GqlError)) });
  const reply = await call(
    ctx,
    {
      method: 'POST',
      path: '',
      json: { query, variables },
      purpose,
      refine: (failure) => {
        const parsed = Answer.safeParse(failure.body);
        return parsed.success && parsed.data.errors?.length ? gqlFailure(ctx, parsed.data.errors, failure.headers, purpose) : undefined;
      },
    },
    Answer,
  );
  const { errors, data: result } = reply.data;
  if (errors?.length || result == null) throw gqlFailure(ctx, errors ?? [], reply.headers, purpose);
  return result as z.infer<S>;
}

export const linear: ProviderAdapter = {
  provider: 'linear',

  async verify(ctx) {
    const { viewer } = await gql(ctx, VIEWER, {}, Viewer);
    return { id: viewer.id, name: viewer.name };
  },

  async listDestinations(ctx, request) {
    levelOf(ctx, request);
    const q = request.query?.trim();
    const { teams } = await gql(
      ctx,
      TEAMS,
      { first: PAGE_SIZE, after: tokenCursor(request.cursor) ?? null, filter: q ? { name: { containsIgnoreCase: q } } : null },
      Teams,
    );
    const items = teams.nodes.map((t): DestinationItem => ({ id: t.id, name: t.name, detail: t.key, level: 'team', has_children: false }));
    return toPage({ items, next: teams.pageInfo.hasNextPage ? teams.pageInfo.endCursor ?? null : null }, request, {
      reason: 'nothing_accessible',
      message: 'This Linear credential can see no team.',
      action: { label: 'Join the target team in Linear (Settings → Teams → Join), or widen the API key to that team.' },
    });
  },

  async createTestTicket(ctx, settings) {
    const team = settings.destination[0]?.id ?? '';
    const ticket = testTicket(ctx);
    const { issueCreate } = await gql(
      ctx,
      ISSUE_CREATE,
      { input: { teamId: team, title: ticket.title, description: plainBody(ticket) } },
      IssueCreate,
      'write',
    );
    if (!issueCreate.success || !issueCreate.issue) throw limitation('Linear did not create the issue.');
    return { ticket: { url: issueCreate.issue.url, key: issueCreate.issue.identifier, title: ticket.title } };
  },
};
