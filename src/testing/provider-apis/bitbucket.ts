/**
 * A simulated Bitbucket Cloud REST 2.0: a workspace's repositories (role, BBQL `q`
 * on the name, sort, pagelen/page with a `next` URL), and issue creation that answers
 * 404 "Repository has no issue tracker." where the tracker is off.
 */
import { intParam, json, listed, numbered, simulate, sizeOf, text, type ProviderApi, type SimulationOptions } from './shared.js';

export interface BitbucketRepository {
  type: 'repository';
  uuid: string;
  full_name: string;
  name: string;
  slug: string;
  is_private: boolean;
  has_issues: boolean;
}

export function bitbucketRepositories(options: SimulationOptions = {}, workspace = 'acme'): BitbucketRepository[] {
  return numbered('Service', sizeOf(options)).map((name, i) => {
    const slug = `service-${String(i + 1).padStart(4, '0')}`;
    return {
      type: 'repository',
      uuid: `{00000000-0000-4000-8000-${String(i).padStart(12, '0')}}`,
      full_name: `${workspace}/${slug}`,
      name,
      slug,
      is_private: true,
      has_issues: !listed(options.limited, `${workspace}/${slug}`),
    };
  });
}

const error = (message: string, status: number) => json({ type: 'error', error: { message } }, status);

/** The text of a BBQL `name ~ "…"` filter (the only form the simulation needs). */
function nameFilter(q: string | null): string | undefined {
  const match = q ? /^name\s*~\s*"((?:[^"\\]|\\.)*)"$/.exec(q.trim()) : null;
  return match?.[1]?.replace(/\\(.)/g, '$1');
}

export function createBitbucketApi(options: SimulationOptions = {}): ProviderApi {
  const repositories = bitbucketRepositories(options);
  const created: Array<Record<string, unknown>> = [];
  return simulate({
    options,
    created,
    unauthorized: () => error('Unauthorized', 401),
    rateLimited: () => text('Rate limit for this resource has been exceeded', 429),
    routes: [
      ['GET', /^\/2\.0\/user$/, () => json({ type: 'user', uuid: '{d4b2ad3c-0000-4000-8000-000000000001}', display_name: 'Simulated User', account_id: '5b10ac8d82e05b22cc7d4ef5' })],
      [
        'GET',
        /^\/2\.0\/repositories\/(?<workspace>[^/]+)$/,
        ({ url, params }) => {
          if (params['workspace'] !== 'acme') return error(`No workspace with identifier '${params['workspace']}'.`, 404);
          const q = url.searchParams.get('q');
          const needle = nameFilter(q);
          if (q && needle === undefined) return error('Invalid query', 400);
          const matching = repositories.filter((r) => !needle || r.name.toLowerCase().includes(needle.toLowerCase()));
          const pagelen = Math.max(1, intParam(url, 'pagelen', 10, 100));
          const page = Math.max(1, intParam(url, 'page', 1));
          const values = matching.slice((page - 1) * pagelen, page * pagelen);
          const body: Record<string, unknown> = { pagelen, size: matching.length, page, values };
          if (page * pagelen < matching.length) {
            const next = new URL(url);
            next.searchParams.set('page', String(page + 1));
            body['next'] = next.href;
          }
          return json(body);
        },
      ],
      [
        'POST',
        /^\/2\.0\/repositories\/(?<workspace>[^/]+)\/(?<slug>[^/]+)\/issues$/,
        ({ url, params, body }) => {
          const repository = repositories.find((r) => r.full_name === `${params['workspace']}/${params['slug']}`);
          if (!repository) return error('Repository not found', 404);
          if (!repository.has_issues) return error('Repository has no issue tracker.', 404);
          if (listed(options.readOnly, repository.full_name)) return error("You don't have access to create issues in this repository.", 403);
          const input = body as { title?: unknown; content?: { raw?: unknown } };
          if (typeof input?.title !== 'string' || !input.title) return error('title: This field is required.', 400);
          const id = created.length + 1;
          created.push({ repository: repository.full_name, id, ...input });
          const html = `${url.origin}/${repository.full_name}/issues/${id}`;
          return json({ type: 'issue', id, title: input.title, links: { self: { href: url.href.replace(/\/issues$/, `/issues/${id}`) }, html: { href: html } } }, 201);
        },
      ],
    ],
  });
}
