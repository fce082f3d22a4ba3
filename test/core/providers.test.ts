import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROVIDERS,
  apiRootFor,
  blockingLimitation,
  editionsFor,
  findAuthMethod,
  findEdition,
  getEdition,
  getProvider,
  needsBaseUrl,
  recommendedMethod,
  resolveDocLink,
  resolveMethodLink,
  tokenWarnings,
  validateTenant,
  withDocOverrides,
} from '../../src/core/providers/index.js';
import type { AuthMethod, Edition, ProviderId } from '../../src/core/providers/index.js';
import { CatalogSchema } from '../../src/core/providers/schema.js';

function edition(providerId: ProviderId, editionId: string): Edition {
  const e = getEdition(providerId, editionId);
  assert.ok(e, `edition ${providerId}/${editionId} exists`);
  return e;
}

function method(e: Edition, id: string): AuthMethod {
  const m = findAuthMethod(e, id);
  assert.ok(m, `method ${id} exists on ${e.id}`);
  return m;
}

// ------------------------------------------------------------------ expected facts
// Written from the provider research notes, independently of the catalog, so a
// wrong catalog value fails here.

interface MethodFacts {
  tokenType: string;
  scopes: string[];
  sentAs: AuthMethod['sentAs'];
  revoke: RegExp;
  /** undefined where the vendor address is unconfirmed or depends on the instance. */
  revokeUrl?: string;
}

interface EditionFacts {
  mode: 'cloud' | 'self-hosted' | 'webhook';
  /** null: no base_url; otherwise whether the context path is kept. */
  baseUrl: null | { keepsContextPath: boolean };
  /** A value the customer types and the API root the product must derive from it. */
  sample: string;
  apiRoot: string;
  recommended: string | null;
  methods: Record<string, MethodFacts>;
}

const ATLASSIAN_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';
const ISSUES_RW = 'Issues: Read and write';

const githubMethods = (revokeUrl?: string): Record<string, MethodFacts> => ({
  github_app: {
    tokenType: 'github_app_installation',
    scopes: [ISSUES_RW, 'Metadata: Read'],
    sentAs: 'bearer',
    revoke: /Third-party Access → GitHub Apps → Configure → Uninstall/,
  },
  fine_grained_pat: {
    tokenType: 'github_fine_grained_pat',
    scopes: [ISSUES_RW],
    sentAs: 'bearer',
    revoke: /Personal access tokens → Fine-grained tokens → Delete/,
    ...(revokeUrl ? { revokeUrl } : {}),
  },
});

const gitlabMethods = (patRevokeUrl?: string): Record<string, MethodFacts> => ({
  oauth2: { tokenType: 'gitlab_oauth', scopes: ['api'], sentAs: 'bearer', revoke: /Authorized applications → Revoke/ },
  project_access_token: {
    tokenType: 'gitlab_project_access_token',
    scopes: ['api'],
    sentAs: 'private-token-header',
    revoke: /Project → Settings → Access tokens → Revoke/,
  },
  group_access_token: {
    tokenType: 'gitlab_group_access_token',
    scopes: ['api'],
    sentAs: 'private-token-header',
    revoke: /Group → Settings → Access tokens → Revoke/,
  },
  pat: {
    tokenType: 'gitlab_pat',
    scopes: ['api'],
    sentAs: 'private-token-header',
    revoke: /Edit profile → Access tokens → Revoke/,
    ...(patRevokeUrl ? { revokeUrl: patRevokeUrl } : {}),
  },
});

const youtrackMethods: Record<string, MethodFacts> = {
  permanent_token: {
    tokenType: 'youtrack_permanent_token',
    scopes: ['YouTrack'],
    sentAs: 'bearer',
    revoke: /Profile → Account Security → Tokens/,
  },
  oauth2: { tokenType: 'youtrack_oauth', scopes: ['YouTrack'], sentAs: 'bearer', revoke: /Account Security/ },
};

const EXPECTED: Record<ProviderId, Record<string, EditionFacts>> = {
  jira: {
    'jira-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'https://acme.atlassian.net',
      apiRoot: 'https://acme.atlassian.net/rest/api/3',
      recommended: 'oauth2_3lo',
      methods: {
        oauth2_3lo: {
          tokenType: 'oauth2_3lo',
          scopes: ['read:jira-work', 'write:jira-work', 'offline_access'],
          sentAs: 'bearer',
          revoke: /Connected apps/,
        },
        scoped_api_token: {
          tokenType: 'atlassian_scoped_api_token',
          scopes: ['read:jira-work', 'write:jira-work'],
          sentAs: 'basic-email',
          revoke: /Security → Create and manage API tokens → Revoke/,
          revokeUrl: ATLASSIAN_TOKENS_URL,
        },
      },
    },
    'jira-dc': {
      mode: 'self-hosted',
      baseUrl: { keepsContextPath: true },
      sample: 'https://example.com/jira',
      apiRoot: 'https://example.com/jira/rest/api/2',
      recommended: 'pat',
      methods: {
        pat: { tokenType: 'jira_dc_pat', scopes: [], sentAs: 'bearer', revoke: /Profile → Personal Access Tokens → Revoke/ },
        oauth2_dc: { tokenType: 'oauth2_dc', scopes: ['WRITE'], sentAs: 'bearer', revoke: /Authorized applications → Revoke/ },
      },
    },
  },
  github: {
    'github-com': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'octo-org',
      apiRoot: 'https://api.github.com',
      recommended: 'github_app',
      methods: githubMethods('https://github.com/settings/personal-access-tokens'),
    },
    'ghe-com': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'octocorp',
      apiRoot: 'https://api.octocorp.ghe.com',
      recommended: 'github_app',
      methods: githubMethods(),
    },
    ghes: {
      mode: 'self-hosted',
      baseUrl: { keepsContextPath: false },
      sample: 'https://github.example.com/some/path',
      apiRoot: 'https://github.example.com/api/v3',
      recommended: 'github_app',
      methods: githubMethods(),
    },
  },
  gitlab: {
    'gitlab-com': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'gitlab-org/security',
      apiRoot: 'https://gitlab.com/api/v4',
      recommended: 'oauth2',
      methods: gitlabMethods('https://gitlab.com/-/user_settings/personal_access_tokens'),
    },
    'gitlab-dedicated': {
      mode: 'cloud',
      baseUrl: { keepsContextPath: false },
      sample: 'https://acme.gitlab-dedicated.com',
      apiRoot: 'https://acme.gitlab-dedicated.com/api/v4',
      recommended: 'project_access_token',
      methods: gitlabMethods(),
    },
    'gitlab-self-managed': {
      mode: 'self-hosted',
      baseUrl: { keepsContextPath: true },
      sample: 'https://example.com/gitlab/',
      apiRoot: 'https://example.com/gitlab/api/v4',
      recommended: 'project_access_token',
      methods: gitlabMethods(),
    },
  },
  bitbucket: {
    'bitbucket-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'acme-team',
      apiRoot: 'https://api.bitbucket.org/2.0',
      recommended: 'scoped_api_token',
      methods: {
        scoped_api_token: {
          tokenType: 'atlassian_scoped_api_token',
          scopes: ['read:issue:bitbucket', 'write:issue:bitbucket'],
          sentAs: 'basic-email',
          revoke: /Create and manage API tokens → Revoke/,
          revokeUrl: ATLASSIAN_TOKENS_URL,
        },
        oauth2: {
          tokenType: 'bitbucket_oauth',
          scopes: ['issue', 'issue:write'],
          sentAs: 'bearer',
          revoke: /OAuth consumers/,
        },
      },
    },
    'bitbucket-dc': {
      mode: 'self-hosted',
      baseUrl: { keepsContextPath: true },
      sample: 'https://example.com/bitbucket',
      apiRoot: 'https://example.com/bitbucket/rest/api/1.0',
      recommended: null,
      methods: {},
    },
  },
  trello: {
    'trello-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'acme_team',
      apiRoot: 'https://api.trello.com/1',
      recommended: 'api_key_token',
      methods: {
        api_key_token: {
          tokenType: 'trello_key_token',
          scopes: ['read', 'write'],
          sentAs: 'query-key-token',
          revoke: /Applications → Revoke/,
          revokeUrl: 'https://trello.com/my/account',
        },
      },
    },
  },
  linear: {
    'linear-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'acme',
      apiRoot: 'https://api.linear.app/graphql',
      recommended: 'oauth2',
      methods: {
        oauth2: { tokenType: 'linear_oauth', scopes: ['read', 'write'], sentAs: 'bearer', revoke: /Security & Access/ },
        api_key: {
          tokenType: 'linear_api_key',
          scopes: ['Read', 'Write'],
          sentAs: 'raw-authorization',
          revoke: /Security & Access → Personal API keys → Revoke/,
        },
      },
    },
  },
  'azure-devops': {
    'azure-devops-services': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'fabrikam',
      apiRoot: 'https://dev.azure.com/fabrikam/_apis',
      recommended: 'entra_oauth',
      methods: {
        entra_oauth: { tokenType: 'entra_oauth', scopes: ['vso.work_write'], sentAs: 'bearer', revoke: /Enterprise applications/ },
        pat: {
          tokenType: 'azdo_pat',
          scopes: ['vso.work_write'],
          sentAs: 'basic-empty-user',
          revoke: /User settings → Personal access tokens → Revoke/,
        },
      },
    },
    'azure-devops-server': {
      mode: 'self-hosted',
      baseUrl: { keepsContextPath: true },
      sample: 'https://devops.example.com/tfs/DefaultCollection',
      apiRoot: 'https://devops.example.com/tfs/DefaultCollection/_apis',
      recommended: 'pat',
      methods: {
        pat: {
          tokenType: 'azdo_pat',
          scopes: ['vso.work_write'],
          sentAs: 'basic-empty-user',
          revoke: /User settings → Personal access tokens → Revoke/,
        },
      },
    },
  },
  youtrack: {
    'youtrack-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: 'https://acme.myjetbrains.com/youtrack',
      apiRoot: 'https://acme.myjetbrains.com/youtrack/api',
      recommended: 'permanent_token',
      methods: youtrackMethods,
    },
    'youtrack-server': {
      mode: 'self-hosted',
      baseUrl: { keepsContextPath: true },
      sample: 'https://www.example.com/youtrack',
      apiRoot: 'https://www.example.com/youtrack/api',
      recommended: 'permanent_token',
      methods: youtrackMethods,
    },
  },
  asana: {
    'asana-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: '1199999999999999',
      apiRoot: 'https://app.asana.com/api/1.0',
      recommended: 'oauth2',
      methods: {
        oauth2: { tokenType: 'asana_oauth', scopes: ['tasks:read', 'tasks:write'], sentAs: 'bearer', revoke: /Apps/ },
        pat: {
          tokenType: 'asana_pat',
          scopes: [],
          sentAs: 'bearer',
          revoke: /developer console/,
          revokeUrl: 'https://app.asana.com/0/my-apps',
        },
      },
    },
  },
  clickup: {
    'clickup-cloud': {
      mode: 'cloud',
      baseUrl: null,
      sample: '9012345678',
      apiRoot: 'https://api.clickup.com/api/v2',
      recommended: 'oauth2',
      methods: {
        oauth2: { tokenType: 'clickup_oauth', scopes: [], sentAs: 'bearer', revoke: /Settings → Apps/ },
        personal_token: {
          tokenType: 'clickup_personal_token',
          scopes: [],
          sentAs: 'raw-authorization',
          revoke: /API Token → Regenerate/,
          revokeUrl: 'https://app.clickup.com/settings/apps',
        },
      },
    },
  },
  webhook: {
    webhook: {
      mode: 'webhook',
      baseUrl: { keepsContextPath: true },
      sample: 'https://hooks.example.com/in/tickets?team=7#ignored',
      apiRoot: 'https://hooks.example.com/in/tickets?team=7',
      recommended: 'signing_secret',
      methods: {
        signing_secret: {
          tokenType: 'webhook_hmac_secret',
          scopes: [],
          sentAs: 'signature-header',
          revoke: /rotate the signing secret/,
        },
      },
    },
  },
};

describe('provider catalog: shape', () => {
  it('passes the catalog schema', () => {
    const result = CatalogSchema.safeParse(PROVIDERS);
    assert.equal(result.success, true, result.success ? '' : JSON.stringify(result.error.issues, null, 2));
  });

  it('lists exactly the eleven providers and the editions the research names', () => {
    assert.deepEqual(
      PROVIDERS.map((p) => p.id),
      Object.keys(EXPECTED),
    );
    for (const p of PROVIDERS) {
      assert.deepEqual(
        p.editions.map((e) => e.id),
        Object.keys(EXPECTED[p.id]),
        `editions of ${p.id}`,
      );
    }
  });

  it('offers the modes the research names per provider', () => {
    const modes = (id: ProviderId) => [...new Set(editionsFor(id).map((e) => e.mode))].sort();
    assert.deepEqual(modes('jira'), ['cloud', 'self-hosted']);
    assert.deepEqual(modes('github'), ['cloud', 'self-hosted']);
    assert.deepEqual(modes('gitlab'), ['cloud', 'self-hosted']);
    assert.deepEqual(modes('bitbucket'), ['cloud', 'self-hosted']);
    assert.deepEqual(modes('azure-devops'), ['cloud', 'self-hosted']);
    assert.deepEqual(modes('youtrack'), ['cloud', 'self-hosted']);
    for (const cloudOnly of ['trello', 'linear', 'asana', 'clickup'] as const) assert.deepEqual(modes(cloudOnly), ['cloud']);
    assert.deepEqual(modes('webhook'), ['webhook']);
  });

  it('cannot be changed by a caller', () => {
    const first = PROVIDERS[0];
    assert.ok(first);
    assert.throws(() => {
      (first as { label: string }).label = 'changed';
    }, TypeError);
    assert.throws(() => {
      (first.editions as Edition[]).push(first.editions[0] as Edition);
    }, TypeError);
  });
});

for (const [providerId, editions] of Object.entries(EXPECTED) as Array<[ProviderId, Record<string, EditionFacts>]>) {
  describe(`provider ${providerId}`, () => {
    for (const [editionId, facts] of Object.entries(editions)) {
      describe(editionId, () => {
        const e = edition(providerId, editionId);

        it(`is ${facts.mode}, base_url ${facts.baseUrl ? 'required' : 'not asked'}`, () => {
          assert.equal(e.mode, facts.mode);
          assert.equal(needsBaseUrl(e), facts.baseUrl !== null);
          if (facts.baseUrl) {
            assert.equal(e.baseUrl?.keepsContextPath, facts.baseUrl.keepsContextPath, 'keepsContextPath');
            assert.equal(e.tenant, undefined, 'no tenant beside a base URL');
          } else {
            assert.ok(e.tenant, 'cloud editions ask for a tenant');
          }
        });

        it(`derives the API root ${facts.apiRoot}`, () => {
          assert.equal(apiRootFor(e, facts.sample), facts.apiRoot);
        });

        it('offers exactly the expected auth methods, with the recommended one marked', () => {
          assert.deepEqual(e.authMethods.map((m) => m.id).sort(), Object.keys(facts.methods).sort());
          assert.equal(recommendedMethod(e)?.id, facts.recommended ?? undefined);
          assert.equal(e.authMethods.filter((m) => m.recommended).length, facts.recommended ? 1 : 0);
        });

        for (const [methodId, m] of Object.entries(facts.methods)) {
          it(`${methodId}: token_type, least scopes, transport and revoke location`, () => {
            const actual = method(e, methodId);
            assert.equal(actual.tokenType, m.tokenType);
            assert.deepEqual(actual.scopes, m.scopes);
            assert.equal(actual.sentAs, m.sentAs);
            assert.match(actual.revoke.label, m.revoke);
            assert.equal(actual.revoke.url, m.revokeUrl, 'revoke URL only where confirmed');
            assert.ok(actual.authRequiredAction.length > 20, 'an actionable auth-required text');
          });
        }
      });
    }
  });
}

describe('limitations and version notes the customer must see', () => {
  it('blocks Bitbucket Data Center and points to Jira Data Center', () => {
    const dc = edition('bitbucket', 'bitbucket-dc');
    const block = blockingLimitation(dc);
    assert.equal(block?.id, 'no-issue-tracker');
    assert.deepEqual(block?.alternative, { provider: 'jira', edition: 'jira-dc' });
    assert.equal(dc.authMethods.length, 0);
    // Every other edition stays usable.
    for (const p of PROVIDERS) for (const e of p.editions) if (e.id !== 'bitbucket-dc') assert.equal(blockingLimitation(e), undefined, e.id);
  });

  it('says Jira Server is end of life, and offers no basic auth', () => {
    const dc = edition('jira', 'jira-dc');
    assert.ok(dc.versionNotes.some((n) => /Jira Server/.test(n.text) && /end of support/.test(n.text)), 'Jira Server end of support');
    assert.ok(dc.versionNotes.some((n) => /Basic authentication/.test(n.text) && /not offered/.test(n.text)), 'basic auth not offered');
    assert.ok(dc.authMethods.every((m) => m.sentAs !== 'basic-email' && !/basic/i.test(m.tokenType)), 'no basic auth method');
  });

  it('offers no Bitbucket app passwords', () => {
    const cloud = edition('bitbucket', 'bitbucket-cloud');
    assert.ok(cloud.authMethods.every((m) => !/app.?password/i.test(m.id + m.tokenType + m.label)), 'no app password method');
  });

  it('offers no OAuth on Azure DevOps Server and no legacy Azure DevOps OAuth anywhere', () => {
    const server = edition('azure-devops', 'azure-devops-server');
    assert.ok(server.authMethods.every((m) => m.kind !== 'oauth'));
    assert.equal(server.limitations.find((l) => l.id === 'no-oauth')?.severity, 'warns');
    const services = edition('azure-devops', 'azure-devops-services');
    assert.deepEqual(
      services.authMethods.filter((m) => m.kind === 'oauth').map((m) => m.tokenType),
      ['entra_oauth'],
    );
    assert.ok(services.versionNotes.some((n) => /OAuth 2\.0 apps are not offered/.test(n.text)));
  });

  it('says GHE.com has no /api/v3', () => {
    const ghe = edition('github', 'ghe-com');
    assert.ok(ghe.versionNotes.some((n) => /no \/api\/v3/.test(n.text)));
    assert.ok(!apiRootFor(ghe, 'octocorp')?.includes('/api/v3'));
  });

  it('signs webhooks with Standard Webhooks by default and GitHub-style as an option', () => {
    const webhook = getProvider('webhook');
    const signing = webhook?.webhookSigning ?? [];
    assert.deepEqual(
      signing.map((s) => [s.id, s.isDefault]),
      [
        ['standard-webhooks', true],
        ['github-hmac-sha256', false],
      ],
    );
    assert.deepEqual(signing[0]?.headers, ['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    assert.ok(signing[1]?.headers.includes('X-Hub-Signature-256'));
    assert.ok(signing.every((s) => !s.headers.includes('X-Hub-Signature')), 'no SHA-1 header');
    const secret = method(edition('webhook', 'webhook'), 'signing_secret');
    assert.equal(secret.kind, 'signing-secret');
  });

  it('gives the exact GitHub App action when auth is required', () => {
    assert.equal(
      method(edition('github', 'github-com'), 'github_app').authRequiredAction,
      'Install the GitHub App on the organisation that owns the repository, granting Issues: Read and write.',
    );
  });

  it('names ownership probes for every URL-checked product edition', () => {
    assert.equal(edition('jira', 'jira-dc').baseUrl?.identityPath, '/serverInfo');
    assert.equal(edition('github', 'ghes').baseUrl?.identityPath, '/meta');
    assert.match(edition('github', 'ghes').baseUrl?.identityHint ?? '', /X-GitHub-Enterprise-Version/);
    assert.equal(edition('gitlab', 'gitlab-self-managed').baseUrl?.identityPath, '/metadata');
    assert.equal(edition('gitlab', 'gitlab-dedicated').baseUrl?.identityPath, '/metadata');
    assert.equal(edition('youtrack', 'youtrack-server').baseUrl?.identityPath, '/config');
    assert.equal(edition('azure-devops', 'azure-devops-server').baseUrl?.identityPath, '/connectionData');
    assert.equal(edition('bitbucket', 'bitbucket-dc').baseUrl?.identityPath, '/application-properties');
  });
});

// ------------------------------------------------------------------ vendor facts, with their sources
// Each row is a fact checked against the vendor's own documentation: where it says so,
// what it says, and what the catalog must therefore show. A row fails when the catalog
// drifts from its source.

interface VendorFact {
  fact: string;
  /** The vendor page (or the vendor's own text copied verbatim) the fact rests on. */
  source: string;
  /** What the source says, in short. */
  says: string;
  check: () => void;
}

/** Every string the catalog can show a customer: labels, notes, hints, grants, actions. */
function customerText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) customerText(v, out);
  // Ids (of notes and hints) are message keys, never shown.
  else if (value && typeof value === 'object' && !(value instanceof RegExp)) for (const [k, v] of Object.entries(value)) if (k !== 'id') customerText(v, out);
  return out;
}
const textOf = (p: ProviderId, e?: string) => customerText(e ? edition(p, e) : getProvider(p)).join('\n');

const VENDOR_FACTS: VendorFact[] = [
  {
    fact: 'Bitbucket Cloud app passwords: brownouts 2026-06-09 to 2026-07-27, removed 2026-07-28',
    source: 'https://community.atlassian.com/forums/Bitbucket-articles/Deprecation-notice-Bitbucket-Cloud-app-password-brownout/ba-p/3237429',
    says: 'Controlled brownouts run from June 9, 2026 to July 27, 2026; app passwords are fully removed on July 28, 2026. Creation was disabled on September 9, 2025 (Atlassian KB "Getting 401 HTTP error when using Basic authentication with Bitbucket Cloud REST APIs").',
    check: () => {
      const cloud = edition('bitbucket', 'bitbucket-cloud');
      const note = cloud.versionNotes.find((n) => /App passwords/.test(n.text))?.text ?? '';
      for (const date of ['2025-09-09', '2026-06-09', '2026-07-27', '2026-07-28']) assert.ok(note.includes(date), `version note names ${date}`);
      assert.ok(!/stopped working on 2026-06-09/.test(textOf('bitbucket')), 'no claim that they stopped on 2026-06-09');
      const hint = method(cloud, 'scoped_api_token').tokenHints?.find((h) => /app password/.test(h.warning));
      assert.match(hint?.warning ?? '', /removed on 2026-07-28/);
    },
  },
  {
    fact: 'Jira Data Center OAuth 2.0 WRITE scope also deletes projects and issues and edits related items and the profile',
    source: 'https://confluence.atlassian.com/adminjiraserver103/oauth-2-0-scopes-for-incoming-links-1489807049.html',
    says: 'WRITE: "Create, update, and delete projects and issues" the account can change, including dashboards, filters, attachments and comments; also change the user profile. READ only views. Actual permissions are capped at what the authorising user can do.',
    check: () => {
      const link = method(edition('jira', 'jira-dc'), 'oauth2_dc');
      assert.deepEqual(link.scopes, ['WRITE'], 'still the least scope that can create issues');
      for (const word of [/delete projects and issues/, /dashboards/, /filters/, /attachments/, /comments/, /profile/, /narrowest scope that can create issues/]) {
        assert.match(link.grants, word);
      }
      assert.ok(!/^Create and update issues/.test(link.grants), 'not the old, narrower wording');
    },
  },
  {
    fact: 'ClickUp OAuth access tokens are sent as Authorization: Bearer; personal tokens bare',
    source: 'https://developer.clickup.com/docs/authentication',
    says: 'Personal token: "Authorization: {personal_token}". OAuth, Step 3: the access token "is used in the Authorization: Bearer {access_token} header for all API requests made on behalf of the user".',
    check: () => {
      const cloud = edition('clickup', 'clickup-cloud');
      assert.equal(method(cloud, 'oauth2').sentAs, 'bearer');
      assert.equal(method(cloud, 'personal_token').sentAs, 'raw-authorization');
    },
  },
  {
    fact: 'ClickUp documents that OAuth access tokens do not expire (for now)',
    source: 'https://developer.clickup.com/docs/authentication',
    says: '"The access token currently does not expire. This is subject to change."',
    check: () => {
      const notes = edition('clickup', 'clickup-cloud').versionNotes.map((n) => n.text).join('\n');
      assert.match(notes, /do not expire for now/);
      assert.ok(!/does not document|reported/.test(textOf('clickup')), 'no remark that ClickUp leaves it undocumented');
    },
  },
  {
    fact: 'Stateless ~520-character ghs_ installation tokens apply to GitHub.com and GHE.com, not GHES',
    source: 'https://github.blog/changelog/2026-04-24-notice-about-upcoming-new-format-for-github-app-installation-tokens/',
    says: 'From 2026-04-27 newly minted installation tokens use ghs_APPID_JWT, about 520 characters and variable. "This change applies to GitHub Enterprise Cloud and Data Residency environments. GitHub Enterprise Server isn\'t impacted." Per-request override header: https://github.blog/changelog/2026-05-15-github-app-installation-tokens-per-request-override-header/',
    check: () => {
      const about = (e: string) => edition('github', e).versionNotes.some((n) => /520 characters/.test(n.text));
      assert.equal(about('github-com'), true, 'GitHub.com notes the format');
      assert.equal(about('ghe-com'), true, 'GHE.com notes the format');
      assert.equal(about('ghes'), false, 'GHES does not');
    },
  },
  {
    fact: 'Azure DevOps Server: the versioning page lists a version-less "Azure DevOps Server" beside 2022, 2020 and 2019',
    source: 'https://learn.microsoft.com/en-us/azure/devops/integrate/concepts/rest-api-versioning',
    says: 'Applies to "Azure DevOps Services | Azure DevOps Server | Azure DevOps Server 2022"; the supported-versions table gives Server 2022 up to 7.0, 2020 up to 6.0, 2019 up to 5.0.',
    check: () => {
      const notes = edition('azure-devops', 'azure-devops-server').versionNotes.map((n) => n.text).join('\n');
      assert.match(notes, /2022 up to 7\.0, 2020 up to 6\.0, 2019 up to 5\.0/);
      assert.match(notes, /named Azure DevOps Server, without a year: check your version/);
    },
  },
  {
    fact: 'GitLab fine-grained personal access tokens: not shown to be generally available, so not offered',
    source: 'https://docs.gitlab.com/auth/tokens/fine_grained_access_tokens/',
    says: 'The page marks the feature "Status: Beta"; GitLab\'s beta announcement advises against production use before general availability. No GitLab page seen states general availability.',
    check: () => {
      for (const e of ['gitlab-com', 'gitlab-dedicated', 'gitlab-self-managed']) {
        const methods = edition('gitlab', e).authMethods;
        assert.ok(methods.every((m) => !/fine.?grained/i.test(m.id + m.label + m.tokenType)), `${e} offers no fine-grained PAT`);
      }
    },
  },
];

describe('vendor facts (each with its source)', () => {
  for (const f of VENDOR_FACTS) {
    it(f.fact, () => {
      assert.match(f.source, /^https:\/\//);
      assert.ok(f.says.length > 20, 'records what the source says');
      f.check();
    });
  }
});

describe('claims no primary source confirms stay out of customer text', () => {
  const UNCONFIRMED: Array<[string, ProviderId, RegExp]> = [
    ['Jira 11 turning basic auth off by default', 'jira', /Jira 11/],
    ['fine-grained PATs GA from GHES 3.16', 'github', /3\.1[56]|generally available/],
    ['GHE.com needing its own App registration', 'github', /identity space|own subdomain/],
    ['the Dedicated default host going silent behind a custom domain', 'gitlab', /stops? answering|stops? working/],
    ['the Trello OAuth 2.0 GA date', 'trello', /2026-09-15|generally available/],
    ['GitLab fine-grained PATs being in beta or GA', 'gitlab', /beta|generally available/],
  ];
  for (const [claim, provider, pattern] of UNCONFIRMED) {
    it(claim, () => {
      const found = customerText(getProvider(provider)).filter((t) => pattern.test(t));
      assert.deepEqual(found, [], `customer text states an unconfirmed claim: ${claim}`);
    });
  }

  it('words the one remaining version-dependent claim as "check your version"', () => {
    const beta = customerText(getProvider('github')).filter((t) => /beta/.test(t));
    assert.ok(beta.length > 0 && beta.every((t) => /check your version/.test(t)), 'GHES beta note says to check the version');
  });
});

// ------------------------------------------------------------------ lookups

describe('lookups', () => {
  it('finds providers, editions and methods, and nothing that is not there', () => {
    assert.equal(getProvider('gitlab')?.label, 'GitLab');
    assert.equal(getProvider('gitea'), undefined);
    assert.deepEqual(editionsFor('gitea'), []);
    assert.equal(getEdition('github', 'jira-dc'), undefined, 'an edition belongs to its provider');
    assert.equal(findEdition('ghes')?.provider.id, 'github');
    assert.equal(findEdition('nope'), undefined);
    assert.equal(findAuthMethod(edition('jira', 'jira-cloud'), 'pat'), undefined);
  });
});

// ------------------------------------------------------------------ tenant validators

const TENANTS: Record<string, { good: Array<[string, string]>; bad: string[] }> = {
  'jira-cloud': {
    good: [
      ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
      ['acme.atlassian.net', 'https://acme.atlassian.net'],
      ['  https://Acme-Corp.atlassian.net/ ', 'https://acme-corp.atlassian.net'],
      ['https://legacy.jira.com', 'https://legacy.jira.com'],
      ['acme', 'https://acme.atlassian.net'],
    ],
    bad: [
      'http://acme.atlassian.net',
      'https://acme.atlassian.net.evil.example',
      'https://evil.example/acme.atlassian.net',
      'https://user@acme.atlassian.net',
      'acme.example.com',
      '-acme',
      'https://acme.atlassian.net/jira',
    ],
  },
  'github-com': {
    good: [
      ['octo-org', 'https://github.com/octo-org'],
      ['a', 'https://github.com/a'],
      ['https://github.com/Octo1', 'https://github.com/Octo1'],
      ['x'.repeat(39), `https://github.com/${'x'.repeat(39)}`],
    ],
    bad: ['-org', 'org-', 'o--rg', 'x'.repeat(40), 'org_name', 'org/repo', 'https://gitlab.com/org', 'http://github.com/org'],
  },
  'ghe-com': {
    good: [
      ['octocorp', 'https://octocorp.ghe.com'],
      ['octocorp.ghe.com', 'https://octocorp.ghe.com'],
      ['https://OctoCorp.ghe.com/', 'https://octocorp.ghe.com'],
    ],
    bad: ['http://octocorp.ghe.com', 'octocorp.ghe.com.evil.example', 'api.octocorp.ghe.com', 'octo_corp', 'https://octocorp', 'https://octocorp.github.com'],
  },
  'gitlab-com': {
    good: [
      ['gitlab-org', 'https://gitlab.com/gitlab-org'],
      ['gitlab-org/security/tools', 'https://gitlab.com/gitlab-org/security/tools'],
      ['my.group/sub_group', 'https://gitlab.com/my.group/sub_group'],
      ['https://gitlab.com/acme/', 'https://gitlab.com/acme'],
    ],
    bad: ['group.git', 'group/sub.atom', '-group', 'group-', 'a--b', 'group//sub', '/group', 'my group', 'https://gitlab.example.com/group'],
  },
  'bitbucket-cloud': {
    good: [
      ['acme', 'https://bitbucket.org/acme'],
      ['acme_team-1', 'https://bitbucket.org/acme_team-1'],
      ['https://bitbucket.org/acme', 'https://bitbucket.org/acme'],
    ],
    bad: ['acme team', '-acme', 'acme/repo', 'https://github.com/acme', 'acme.team'],
  },
  'trello-cloud': {
    good: [
      ['acme_team', 'https://trello.com/w/acme_team'],
      ['abc', 'https://trello.com/w/abc'],
      ['https://trello.com/w/acme123', 'https://trello.com/w/acme123'],
    ],
    bad: ['ab', 'Acme', 'acme-team', 'acme team', 'https://trello.com/b/abc12345'],
  },
  'linear-cloud': {
    good: [
      ['acme', 'https://linear.app/acme'],
      ['acme-inc', 'https://linear.app/acme-inc'],
      ['https://linear.app/Acme', 'https://linear.app/acme'],
    ],
    bad: ['acme_inc', '-acme', 'acme/team', 'https://linear.app.evil.example/acme', 'acme-'],
  },
  'azure-devops-services': {
    good: [
      ['fabrikam', 'https://dev.azure.com/fabrikam'],
      ['Fabrikam-Fiber', 'https://dev.azure.com/Fabrikam-Fiber'],
      ['https://dev.azure.com/fabrikam/', 'https://dev.azure.com/fabrikam'],
      ['fabrikam.visualstudio.com', 'https://dev.azure.com/fabrikam'],
      ['https://fabrikam.visualstudio.com', 'https://dev.azure.com/fabrikam'],
    ],
    bad: ['-fab', 'fab-', 'fab_rikam', 'f'.repeat(51), 'fabrikam/project', 'fäbrikam', 'https://dev.azure.com/fab/proj'],
  },
  'youtrack-cloud': {
    good: [
      ['https://acme.youtrack.cloud', 'https://acme.youtrack.cloud'],
      ['acme.youtrack.cloud', 'https://acme.youtrack.cloud'],
      ['https://acme.myjetbrains.com/youtrack/', 'https://acme.myjetbrains.com/youtrack'],
    ],
    bad: ['https://acme.myjetbrains.com', 'https://youtrack.acme.example', 'http://acme.youtrack.cloud', 'acme', 'https://acme.youtrack.cloud.evil.example'],
  },
  'asana-cloud': {
    good: [
      ['1234567890123456', 'https://app.asana.com/api/1.0/workspaces/1234567890123456'],
      ['12', 'https://app.asana.com/api/1.0/workspaces/12'],
    ],
    bad: ['0123', 'abc', '12.5', '-1', '1e5', '1'.repeat(33)],
  },
  'clickup-cloud': {
    good: [
      ['9012345678', 'https://app.clickup.com/9012345678'],
      ['1', 'https://app.clickup.com/1'],
      // Pasting the workspace address from the browser works too.
      ['https://app.clickup.com/123', 'https://app.clickup.com/123'],
    ],
    bad: ['0', 'abc', '123 456', 'https://app.clickup.com/0', 'https://app.clickup.com/123/x', '1'.repeat(21)],
  },
};

describe('tenant validators', () => {
  it('cover every edition that asks for a tenant', () => {
    const withTenant = PROVIDERS.flatMap((p) => p.editions.filter((e) => e.tenant).map((e) => e.id));
    assert.deepEqual(withTenant.sort(), Object.keys(TENANTS).sort());
  });

  for (const [editionId, { good, bad }] of Object.entries(TENANTS)) {
    const found = findEdition(editionId);
    assert.ok(found);
    const e = found.edition;
    it(`${editionId} accepts good shapes and builds the tenant URL`, () => {
      for (const [input, url] of good) {
        const result = validateTenant(e, input);
        assert.deepEqual(result.ok && result.url, url, `accepts ${JSON.stringify(input)}`);
      }
    });
    it(`${editionId} accepts the tenant URL it built, so a stored tenant can be sent back`, () => {
      for (const [input, url] of good) {
        if (!url) continue;
        const again = validateTenant(e, url);
        assert.deepEqual(again.ok && again.url, url, `round trip of ${JSON.stringify(input)}`);
      }
    });
    it(`${editionId} rejects bad shapes with a reason`, () => {
      for (const input of ['', '   ', ...bad]) {
        const result = validateTenant(e, input);
        assert.equal(result.ok, false, `rejects ${JSON.stringify(input)}`);
        assert.ok(!result.ok && result.reason.length > 0);
      }
    });
  }

  it('refuses a tenant on URL-checked editions and survives hostile input', () => {
    assert.equal(validateTenant(edition('jira', 'jira-dc'), 'acme').ok, false);
    const huge = `${'a'.repeat(50_000)}.atlassian.net`;
    assert.equal(validateTenant(edition('jira', 'jira-cloud'), huge).ok, false);
    assert.equal(validateTenant(edition('gitlab', 'gitlab-com'), `${'a-'.repeat(3000)}!`).ok, false);
    assert.equal(validateTenant(edition('jira', 'jira-cloud'), undefined as unknown as string).ok, false);
  });
});

// ------------------------------------------------------------------ API roots

describe('apiRootFor', () => {
  it('drops the path only where the product has no context path', () => {
    assert.equal(apiRootFor(edition('github', 'ghes'), 'https://github.example.com/enterprise/'), 'https://github.example.com/api/v3');
    assert.equal(apiRootFor(edition('jira', 'jira-dc'), 'https://example.com/jira/'), 'https://example.com/jira/rest/api/2');
    assert.equal(apiRootFor(edition('jira', 'jira-dc'), 'https://jira.example.com?x=1#y'), 'https://jira.example.com/rest/api/2');
  });

  it('refuses unusable base URLs', () => {
    const dc = edition('jira', 'jira-dc');
    for (const bad of ['not a url', 'ftp://jira.example.com', 'https://user:pw@jira.example.com', 'javascript:alert(1)', '']) {
      assert.equal(apiRootFor(dc, bad), undefined, bad);
    }
  });

  it('sends Jira Cloud OAuth and scoped tokens through the Atlassian gateway once the cloud id is known', () => {
    const cloud = edition('jira', 'jira-cloud');
    const cloudId = '11111111-2222-3333-4444-555555555555';
    assert.equal(
      apiRootFor(cloud, 'acme', { method: 'oauth2_3lo', cloudId }),
      `https://api.atlassian.com/ex/jira/${cloudId}/rest/api/3`,
    );
    assert.equal(apiRootFor(cloud, 'acme', { method: method(cloud, 'scoped_api_token') }), undefined, 'cloud id missing');
    assert.equal(apiRootFor(cloud, 'not a site!'), undefined);
  });
});

// ------------------------------------------------------------------ token hints

describe('token hints', () => {
  const m = (p: ProviderId, e: string, id: string) => method(edition(p, e), id);

  const GOOD: Array<[AuthMethod, string]> = [
    [m('jira', 'jira-cloud', 'scoped_api_token'), `ATATT3xFfGF0${'a'.repeat(180)}`],
    [m('jira', 'jira-dc', 'pat'), `MDk1${'A'.repeat(40)}`],
    [m('github', 'github-com', 'fine_grained_pat'), `github_pat_${'A'.repeat(22)}_${'b'.repeat(59)}`],
    [m('gitlab', 'gitlab-com', 'pat'), 'glpat-abcdefghij0123456789'],
    [m('gitlab', 'gitlab-self-managed', 'pat'), 'acme-glpat-abcdefghij.0123456789'],
    [m('azure-devops', 'azure-devops-services', 'pat'), `${'a'.repeat(76)}AZDO${'b'.repeat(4)}`],
    [m('azure-devops', 'azure-devops-server', 'pat'), 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst'],
    [m('trello', 'trello-cloud', 'api_key_token'), `ATTA${'0a'.repeat(32)}ABCDEF12`],
    [m('linear', 'linear-cloud', 'api_key'), 'lin_api_abcDEF123'],
    [m('youtrack', 'youtrack-cloud', 'permanent_token'), 'perm:cm9vdA==.dG9rZW4=.rNZ38abc'],
    [m('youtrack', 'youtrack-server', 'permanent_token'), 'perm-abc.def.ghi'],
    [m('clickup', 'clickup-cloud', 'personal_token'), 'pk_4753994_EXP7MPOJ7XQM5UJDV2M45MPF0YHH5YHO'],
    [m('webhook', 'webhook', 'signing_secret'), `whsec_${Buffer.alloc(32, 7).toString('base64')}`],
    [m('asana', 'asana-cloud', 'pat'), '2/1234/5678:0123456789abcdef0123456789abcdef'],
  ];

  it('stay quiet on tokens of the expected shape', () => {
    for (const [method, token] of GOOD) assert.deepEqual(tokenWarnings(method, token), [], `${method.tokenType}`);
  });

  it('warn on the wrong shape, without repeating the token', () => {
    const classic = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz';
    const warnings = tokenWarnings(m('github', 'github-com', 'fine_grained_pat'), classic);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /github_pat_/);
    for (const [method] of GOOD) {
      for (const w of tokenWarnings(method, 'S3CRET-value-1234567890')) assert.ok(!w.includes('S3CRET'), 'never echoes the token');
    }
  });

  it('name the Bitbucket app password for what it is', () => {
    const warnings = tokenWarnings(m('bitbucket', 'bitbucket-cloud', 'scoped_api_token'), `ATBB${'x'.repeat(28)}`);
    assert.ok(warnings.some((w) => /app password/.test(w) && /2026-07-28/.test(w)), 'names the removal date');
  });

  it('never check Asana token shapes', () => {
    assert.deepEqual(tokenWarnings(m('asana', 'asana-cloud', 'pat'), 'anything-at-all'), []);
  });

  it('warn on a pasted scheme or stray whitespace', () => {
    const key = m('linear', 'linear-cloud', 'api_key');
    assert.ok(tokenWarnings(key, 'Bearer lin_api_abc').some((w) => /Bearer/.test(w)));
    assert.ok(tokenWarnings(key, ' lin_api_abc\n').some((w) => /spaces or line breaks/.test(w)));
    assert.deepEqual(tokenWarnings(key, ' lin_api_abc\n').length, 1, 'the trimmed token itself has the right shape');
  });

  it('never throw, whatever they are given', () => {
    const sticky: AuthMethod = { ...m('clickup', 'clickup-cloud', 'personal_token'), tokenHints: [{ id: 'sticky', pattern: /^pk_/g, warning: 'w' }] };
    assert.deepEqual(tokenWarnings(sticky, 'pk_1'), []);
    assert.deepEqual(tokenWarnings(sticky, 'pk_1'), [], 'a global pattern gives the same answer twice');
    const inputs: unknown[] = [undefined, null, 42, {}, '', 'x'.repeat(100_000), '\u0000\uFFFF'];
    for (const p of PROVIDERS)
      for (const e of p.editions)
        for (const method of e.authMethods)
          for (const input of inputs) {
            const out = tokenWarnings(method, input as string);
            assert.ok(Array.isArray(out) && out.every((w) => typeof w === 'string'));
          }
    assert.deepEqual(tokenWarnings(undefined, 'abc'), []);
  });
});

// ------------------------------------------------------------------ documentation overrides

describe('documentation overrides', () => {
  const help = 'https://help.example.com/github/apps';

  it('resolve catalog links, and a host URL in their place', () => {
    const base = resolveDocLink('github', 'installed-apps');
    assert.match(base?.url ?? '', /^https:\/\/docs\.github\.com\//);
    const over = resolveDocLink('github', 'installed-apps', { github: { 'installed-apps': help } });
    assert.deepEqual(over, { label: base?.label, url: help });
    assert.deepEqual(resolveDocLink('github', 'faq', { github: { faq: 'https://help.example.com/faq' } }), {
      label: 'faq',
      url: 'https://help.example.com/faq',
    });
    assert.equal(resolveDocLink('github', 'faq'), undefined);
    assert.deepEqual(resolveDocLink('github', 'installed-apps', { gitlab: { 'installed-apps': help } }), base, 'per provider');
  });

  it('ignore addresses that are not http(s)', () => {
    const base = resolveDocLink('jira', 'api-tokens');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'not a url', '']) {
      assert.deepEqual(resolveDocLink('jira', 'api-tokens', { jira: { 'api-tokens': bad } }), base, bad);
    }
  });

  it('override revoke links per method, most specific key first', () => {
    const ghes = edition('github', 'ghes');
    const app = method(ghes, 'github_app');
    assert.equal(resolveMethodLink('github', ghes, app, 'revoke')?.url, undefined);
    const overrides = {
      github: {
        'github_app.revoke': 'https://help.example.com/all',
        'ghes.github_app.revoke': 'https://help.example.com/ghes',
      },
    };
    assert.equal(resolveMethodLink('github', ghes, app, 'revoke', overrides)?.url, 'https://help.example.com/ghes');
    const dotcom = edition('github', 'github-com');
    assert.equal(
      resolveMethodLink('github', dotcom, method(dotcom, 'github_app'), 'revoke', overrides)?.url,
      'https://help.example.com/all',
    );
    assert.equal(resolveMethodLink('github', ghes, app, 'revoke', overrides)?.label, app.revoke.label, 'label kept');
  });

  it('merge into a copy that still passes the schema, leaving the catalog untouched', () => {
    const overrides = {
      github: { 'installed-apps': help, 'ghes.github_app.revoke': 'https://help.example.com/ghes' },
      webhook: { 'signing_secret.create': 'https://help.example.com/webhooks' },
    };
    const merged = withDocOverrides(overrides);
    assert.notEqual(merged, PROVIDERS);
    const gh = merged.find((p) => p.id === 'github');
    assert.equal(gh?.docs['installed-apps']?.url, help);
    assert.equal(gh?.editions.find((e) => e.id === 'ghes')?.authMethods[0]?.revoke.url, 'https://help.example.com/ghes');
    assert.equal(gh?.editions.find((e) => e.id === 'github-com')?.authMethods[0]?.revoke.url, undefined);
    const hook = merged.find((p) => p.id === 'webhook')?.editions[0]?.authMethods[0];
    assert.equal(hook?.create?.url, 'https://help.example.com/webhooks');
    assert.equal(merged.find((p) => p.id === 'jira'), getProvider('jira'), 'providers without overrides are shared');
    assert.equal(resolveDocLink('github', 'installed-apps')?.url?.startsWith('https://docs.github.com/'), true);
    assert.equal(method(edition('github', 'ghes'), 'github_app').revoke.url, undefined);
    const parsed = CatalogSchema.safeParse(merged);
    assert.equal(parsed.success, true, parsed.success ? '' : JSON.stringify(parsed.error.issues));
  });
});
