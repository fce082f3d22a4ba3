/**
 * A simulated GitHub REST API (GitHub.com root, or GHES under /api/v3): installation
 * and user repositories paged with per_page/page and a Link header, repository
 * labels, and issue creation that answers 201, 403 without permission, or 410 Gone
 * where the repository has issues turned off.
 */
import { intParam, json, linkHeader, listed, simulate, sizeOf, type ProviderApi, type SimulationOptions } from './shared.js';

export interface GithubRepository {
  id: number;
  name: string;
  full_name: string;
  owner: { login: string };
  private: boolean;
  has_issues: boolean;
  archived: boolean;
}

/** The main organisation's repositories, plus two owned by another account that a token may also reach. */
export function githubRepositories(options: SimulationOptions = {}, owner = 'acme'): GithubRepository[] {
  const count = sizeOf(options);
  const repo = (ownerLogin: string, name: string, i: number): GithubRepository => ({
    id: 1000 + i,
    name,
    full_name: `${ownerLogin}/${name}`,
    owner: { login: ownerLogin },
    private: i % 2 === 0,
    has_issues: !listed(options.limited, `${ownerLogin}/${name}`),
    archived: false,
  });
  const own = Array.from({ length: count }, (_, i) => repo(owner, `service-${String(i + 1).padStart(4, '0')}`, i));
  return count ? [...own, repo('someone-else', 'dotfiles', count), repo('someone-else', 'notes', count + 1)] : [];
}

const DOCS = 'https://docs.github.com/rest';
const PREFIX = '(?:/api/v3)?';

export function createGithubApi(options: SimulationOptions = {}): ProviderApi {
  const repositories = githubRepositories(options);
  const created: Array<Record<string, unknown>> = [];
  const repo = (owner = '', name = '') => repositories.find((r) => r.full_name === `${decodeURIComponent(owner)}/${decodeURIComponent(name)}`);
  const pageOf = (url: URL, items: readonly unknown[]) => {
    const perPage = Math.max(1, intParam(url, 'per_page', 30, 100));
    const page = Math.max(1, intParam(url, 'page', 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    return { items: items.slice((page - 1) * perPage, page * perPage), headers: linkHeader(url, page, last) };
  };

  return simulate({
    options,
    created,
    unauthorized: () => json({ message: 'Bad credentials', documentation_url: DOCS, status: '401' }, 401),
    rateLimited: (seconds) =>
      json({ message: 'API rate limit exceeded for installation.', documentation_url: DOCS }, 403, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + seconds),
      }),
    routes: [
      ['GET', new RegExp(`^${PREFIX}/user$`), () => json({ login: 'simulated', id: 1, type: 'User' })],
      [
        'GET',
        new RegExp(`^${PREFIX}/installation/repositories$`),
        ({ url }) => {
          const { items, headers } = pageOf(url, repositories.filter((r) => r.owner.login === 'acme'));
          return json({ total_count: repositories.filter((r) => r.owner.login === 'acme').length, repository_selection: 'selected', repositories: items }, 200, headers);
        },
      ],
      [
        'GET',
        new RegExp(`^${PREFIX}/user/repos$`),
        ({ url }) => {
          const sorted = [...repositories].sort((a, b) => a.full_name.localeCompare(b.full_name));
          const { items, headers } = pageOf(url, sorted);
          return json(items, 200, headers);
        },
      ],
      [
        'GET',
        new RegExp(`^${PREFIX}/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/labels$`),
        ({ url, params }) => {
          if (!repo(params['owner'], params['repo'])) return json({ message: 'Not Found', documentation_url: DOCS, status: '404' }, 404);
          const labels = [
            { id: 1, name: 'bug', color: 'd73a4a', description: "Something isn't working", default: true },
            { id: 2, name: 'security', color: 'b60205', description: 'Found by the scanner', default: false },
            { id: 3, name: 'triage', color: 'ededed', description: null, default: false },
          ];
          const { items, headers } = pageOf(url, labels);
          return json(items, 200, headers);
        },
      ],
      [
        'POST',
        new RegExp(`^${PREFIX}/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/issues$`),
        ({ url, params, body }) => {
          const target = repo(params['owner'], params['repo']);
          if (!target) return json({ message: 'Not Found', documentation_url: DOCS, status: '404' }, 404);
          if (listed(options.readOnly, target.full_name)) {
            return json({ message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' }, 403);
          }
          if (!target.has_issues) return json({ message: 'Issues are disabled for this repo', documentation_url: DOCS, status: '410' }, 410);
          const input = body as { title?: unknown; body?: unknown; labels?: unknown };
          if (typeof input?.title !== 'string' || !input.title) {
            return json({ message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }], documentation_url: DOCS, status: '422' }, 422);
          }
          const number = created.length + 1;
          created.push({ repository: target.full_name, number, ...input });
          const htmlUrl = `${url.origin}/${target.full_name}/issues/${number}`;
          return json({ id: 5000 + number, number, title: input.title, html_url: htmlUrl, state: 'open', labels: input.labels ?? [] }, 201);
        },
      ],
    ],
  });
}
