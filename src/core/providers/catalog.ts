/**
 * The provider catalog as data. Every fact here comes from the provider research
 * notes; where a vendor address or label is not confirmed the link carries no
 * URL and its label says so, because a wrong revoke link is worse than none.
 *
 * API root templates (`cloudApiRoot`, `AuthMethod.apiRoot`) may use:
 *   {tenant_url} the URL built from the confirmed tenant, without trailing slash
 *   {host}       the host of that URL
 *   {cloud_id}   a provider-side id the backend learns after the grant (Jira Cloud)
 */
import type {
  AuthMethod,
  BaseUrlSpec,
  DocLink,
  Edition,
  Provider,
  TenantField,
  TokenHint,
} from './types.js';

const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/** One DNS label: letters, digits, inner hyphens, at most 63 characters. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

const ATLASSIAN_API_TOKENS: DocLink = {
  label: 'Atlassian account → Security → Create and manage API tokens → Revoke',
  url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
};

const ATLASSIAN_TOKEN_HINT: TokenHint = {
  pattern: /^ATATT/,
  warning: 'Atlassian API tokens usually start with ATATT. Check that you copied the whole token.',
};

const NO_SCHEME_HINT_NOTE = 'Paste only the token itself.';

function stripScheme(value: string): string {
  return value.replace(/^https:\/\//i, '');
}

// ------------------------------------------------------------------ Jira

const jiraSiteTenant: TenantField = {
  name: 'site_url',
  label: 'Jira site URL',
  placeholder: 'https://your-site.atlassian.net',
  help: 'The address of your Jira Cloud site. Older sites end in .jira.com. After a rename, use the new address.',
  pattern: new RegExp(
    `^(?:(?:https://)?${LABEL}\\.(?:atlassian\\.net|jira\\.com)|${LABEL})$`,
    'i',
  ),
  tenantUrl: (value) => {
    const host = stripScheme(value).toLowerCase();
    return `https://${host.includes('.') ? host : `${host}.atlassian.net`}`;
  },
};

const jiraCloud: Edition = {
  id: 'jira-cloud',
  label: 'Jira Cloud',
  mode: 'cloud',
  tenant: jiraSiteTenant,
  cloudApiRoot: '{tenant_url}/rest/api/3',
  authMethods: [
    {
      id: 'oauth2_3lo',
      kind: 'oauth',
      label: 'OAuth 2.0 (3LO): approve access in Atlassian',
      tokenType: 'oauth2_3lo',
      scopes: ['read:jira-work', 'write:jira-work', 'offline_access'],
      grants:
        'Create and edit issues and comments as the approving user, never beyond that user\'s Jira project permissions (Browse Projects, Create Issues, Edit Issues). offline_access lets the product renew access without asking again.',
      sentAs: 'bearer',
      apiRoot: 'https://api.atlassian.com/ex/jira/{cloud_id}/rest/api/3',
      revoke: {
        label:
          'Atlassian account → Connected apps → Revoke; site admins: admin.atlassian.com → Site settings → Connected apps',
      },
      authRequiredAction:
        'Approve this product on your Atlassian site with the scopes read:jira-work, write:jira-work and offline_access, signed in as a user who can browse, create and edit issues in the target project.',
      recommended: true,
    },
    {
      id: 'scoped_api_token',
      kind: 'token',
      label: 'API token with scopes',
      tokenType: 'atlassian_scoped_api_token',
      scopes: ['read:jira-work', 'write:jira-work'],
      grants:
        'Read and write Jira issues as your Atlassian account, limited to the chosen scopes and your project permissions, until the token expires (at most one year).',
      sentAs: 'basic-email',
      apiRoot: 'https://api.atlassian.com/ex/jira/{cloud_id}/rest/api/3',
      extraFields: [{ name: 'email', label: 'Atlassian account email', pattern: EMAIL }],
      revoke: ATLASSIAN_API_TOKENS,
      create: {
        label: 'Atlassian account → Security → Create API token with scopes → Jira',
        url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
      },
      authRequiredAction:
        'Create an Atlassian API token with scopes for Jira (read:jira-work and write:jira-work) and paste it here with the email of the account that created it.',
      tokenHints: [ATLASSIAN_TOKEN_HINT],
    },
  ],
  limitations: [],
  versionNotes: [
    'API tokens created since 2024-12-15 expire after at most one year.',
    'After a site rename the old address only answers with redirects: use the current one.',
    'Atlassian Government Cloud is not covered.',
  ],
};

const jiraDataCenter: Edition = {
  id: 'jira-dc',
  label: 'Jira Data Center',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/rest/api/2',
    identityPath: '/serverInfo',
    identityHint:
      'JSON with version, deploymentType and a baseUrl equal to the entered URL (context path included); Jira answers it without credentials.',
    placeholder: 'https://jira.example.com',
    help: 'The Base URL your Jira administrator set, including any context path such as /jira.',
  },
  authMethods: [
    {
      id: 'pat',
      kind: 'token',
      label: 'Personal access token',
      tokenType: 'jira_dc_pat',
      scopes: [],
      grants:
        'Everything the creating user can do: Jira personal access tokens cannot be narrowed. Create it as a dedicated user that only has Browse Projects, Create Issues and Edit Issues in the target project.',
      sentAs: 'bearer',
      revoke: {
        label:
          'Jira: avatar → Profile → Personal Access Tokens → Revoke; administrators: Administration → System → Administering personal access tokens',
      },
      create: { label: 'Jira: avatar → Profile → Personal Access Tokens → Create token' },
      authRequiredAction:
        'Create a personal access token in Jira (avatar → Profile → Personal Access Tokens) as a user with Browse Projects, Create Issues and Edit Issues in the target project, and paste it here.',
      tokenHints: [
        {
          pattern: /^[A-Za-z0-9+/]{44}$/,
          warning:
            'Jira Data Center personal access tokens are usually 44 letters, digits, + and /. Check that you copied the whole token.',
        },
      ],
      recommended: true,
    },
    {
      id: 'oauth2_dc',
      kind: 'oauth',
      label: 'OAuth 2.0 incoming application link',
      tokenType: 'oauth2_dc',
      scopes: ['WRITE'],
      grants:
        'Create and update issues as the approving user, never beyond that user\'s own permissions.',
      sentAs: 'bearer',
      revoke: {
        label:
          'Jira: avatar → Profile → Authorized applications → Revoke; an administrator can delete the incoming application link',
      },
      create: {
        label:
          'Jira administration → Applications → Application links → Create link → External application → Incoming',
      },
      authRequiredAction:
        'Ask a Jira administrator to create an incoming application link for this product (Administration → Applications → Application links → Create link → External application → Incoming) with the WRITE scope, then approve access when Jira asks.',
    },
  ],
  limitations: [],
  versionNotes: [
    'Jira Server reached end of support on 2024-02-15: self-hosted Jira means Data Center.',
    'Basic authentication (username and password) is not offered: Jira 11 turns it off by default.',
    'Personal access tokens need Jira 8.14 or later.',
    'Data Center serves REST API version 2 only and expects wiki markup, not the Cloud document format.',
  ],
};

// ------------------------------------------------------------------ GitHub

const GITHUB_ISSUES = 'Issues: Read and write';

/** GitHub's three editions share their methods; only where revoking happens differs. */
function githubMethods(where: 'github.com' | 'instance'): AuthMethod[] {
  const onInstance = where === 'instance' ? ' (on your instance)' : '';
  return [
    {
      id: 'github_app',
      kind: 'app-install',
      label: 'GitHub App installation',
      tokenType: 'github_app_installation',
      scopes: [GITHUB_ISSUES, 'Metadata: Read'],
      grants:
        'Issues read and write, plus read-only metadata, on the repositories chosen at install time only. The product mints one-hour tokens itself; nobody types a secret.',
      sentAs: 'bearer',
      revoke: {
        label: `Organisation Settings → Third-party Access → GitHub Apps → Configure → Uninstall; personal accounts: Settings → Integrations → Applications → Installed GitHub Apps${onInstance}`,
      },
      authRequiredAction:
        'Install the GitHub App on the organisation that owns the repository, granting Issues: Read and write.',
      recommended: true,
    },
    {
      id: 'fine_grained_pat',
      kind: 'token',
      label: 'Fine-grained personal access token',
      tokenType: 'github_fine_grained_pat',
      scopes: [GITHUB_ISSUES],
      grants:
        'Issues read and write on the repositories you select, for one resource owner, until the expiry you set. If the organisation requires approval, the token can only read public data until an owner approves it.',
      sentAs: 'bearer',
      revoke:
        where === 'github.com'
          ? {
              label:
                'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Delete; organisation owners: organisation Settings → Personal access tokens',
              url: 'https://github.com/settings/personal-access-tokens',
            }
          : {
              label:
                'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Delete (on your instance); organisation owners: organisation Settings → Personal access tokens',
            },
      create:
        where === 'github.com'
          ? {
              label: 'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Generate new token',
              url: 'https://github.com/settings/personal-access-tokens',
            }
          : {
              label:
                'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Generate new token (on your instance)',
            },
      authRequiredAction:
        'Create a fine-grained personal access token owned by the organisation that owns the repository, select that repository, grant Issues: Read and write, and paste it here; if your organisation requires approval, ask an owner to approve it.',
      tokenHints: [
        {
          pattern: /^github_pat_[A-Za-z0-9_]{22,}$/,
          warning:
            'This does not look like a fine-grained token (those start with github_pat_). Classic tokens (ghp_) reach far more than issues; create a fine-grained one instead.',
        },
      ],
    },
  ];
}

const githubCom: Edition = {
  id: 'github-com',
  label: 'GitHub.com',
  mode: 'cloud',
  tenant: {
    name: 'organization',
    label: 'Organisation or account',
    placeholder: 'your-org',
    help: 'The login of the organisation (or personal account) that owns the repository.',
    pattern: /^(?:https:\/\/github\.com\/)?[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i,
    tenantUrl: (value) => `https://github.com/${value.replace(/^https:\/\/github\.com\//i, '')}`,
  },
  cloudApiRoot: 'https://api.github.com',
  authMethods: githubMethods('github.com'),
  limitations: [],
  versionNotes: [
    'GitHub App installation tokens in a longer stateless format (about 520 characters) are rolling out from 2026-04-27.',
  ],
};

const gheCom: Edition = {
  id: 'ghe-com',
  label: 'GitHub Enterprise Cloud with data residency (GHE.com)',
  mode: 'cloud',
  tenant: {
    name: 'subdomain',
    label: 'Enterprise subdomain',
    placeholder: 'your-enterprise.ghe.com',
    help: 'The subdomain your enterprise chose at onboarding, alone or as https://<subdomain>.ghe.com.',
    pattern: new RegExp(`^(?:(?:https://)?${LABEL}\\.ghe\\.com|${LABEL})$`, 'i'),
    tenantUrl: (value) => {
      const host = stripScheme(value).toLowerCase();
      return `https://${host.endsWith('.ghe.com') ? host : `${host}.ghe.com`}`;
    },
  },
  cloudApiRoot: 'https://api.{host}',
  authMethods: githubMethods('instance'),
  limitations: [],
  versionNotes: [
    'GHE.com has no /api/v3 path: the REST API lives at https://api.<subdomain>.ghe.com and GraphQL at https://api.<subdomain>.ghe.com/graphql.',
    'Register the GitHub App on the enterprise\'s own subdomain: GHE.com is an identity space separate from github.com (not yet confirmed in GitHub\'s documentation).',
  ],
};

const ghes: Edition = {
  id: 'ghes',
  label: 'GitHub Enterprise Server',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: false,
    apiRoot: '/api/v3',
    identityPath: '/meta',
    identityHint:
      'An X-GitHub-Enterprise-Version response header (sent even when the API asks for sign-in), or installed_version in the JSON body.',
    placeholder: 'https://github.example.com',
    help: 'The host name of your GitHub Enterprise Server. GHES has no context path, so anything after the host is dropped.',
  },
  authMethods: githubMethods('instance'),
  limitations: [],
  versionNotes: [
    'Register the GitHub App on this GHES instance: apps from github.com cannot reach it.',
    'Fine-grained personal access tokens are generally available from GHES 3.16; up to 3.15 they were a beta an enterprise had to turn on.',
    'GitHub supports the four newest GHES feature releases.',
  ],
};

// ------------------------------------------------------------------ GitLab

const GITLAB_ROLE =
  'Updating issues someone else opened needs the Planner or Reporter role; Guest can only create.';

function gitlabMethods(where: 'gitlab.com' | 'instance'): AuthMethod[] {
  const onInstance = where === 'instance' ? ' (on your GitLab instance)' : '';
  const tokenHint: TokenHint =
    where === 'gitlab.com'
      ? {
          pattern: /^glpat-[A-Za-z0-9_.-]{20,}$/,
          warning: 'GitLab access tokens usually start with glpat-. Check that you copied the whole token.',
        }
      : {
          pattern: /^(?:[A-Za-z0-9_]+-)?glpat-[A-Za-z0-9_.-]{20,}$/,
          warning:
            'GitLab access tokens usually start with glpat-, but administrators can change the prefix. Check that you copied the whole token.',
        };
  const oauth: AuthMethod = {
    id: 'oauth2',
    kind: 'oauth',
    label: 'OAuth 2.0: approve access in GitLab',
    tokenType: 'gitlab_oauth',
    scopes: ['api'],
    grants: `Full API access as the approving user, to everything that user can reach: GitLab has no narrower scope that can write issues. ${GITLAB_ROLE}`,
    sentAs: 'bearer',
    revoke: {
      label: `Avatar → Edit profile → Applications → Authorized applications → Revoke${onInstance}`,
    },
    authRequiredAction:
      where === 'gitlab.com'
        ? 'Approve this product in GitLab with the api scope, signed in as a member with at least the Reporter (or Planner) role in the target project.'
        : 'Ask a GitLab administrator to register this product as an OAuth application on your instance with the api scope, then approve it signed in as a member with at least the Reporter (or Planner) role in the target project.',
  };
  const projectToken: AuthMethod = {
    id: 'project_access_token',
    kind: 'token',
    label: 'Project access token',
    tokenType: 'gitlab_project_access_token',
    scopes: ['api'],
    grants: `A bot member of one project with the role you pick: choose Reporter (or Planner) and the api scope. It expires like any GitLab token.${
      where === 'gitlab.com' ? ' On GitLab.com project tokens need Premium or Ultimate.' : ''
    }`,
    sentAs: 'private-token-header',
    revoke: { label: `Project → Settings → Access tokens → Revoke${onInstance}` },
    create: { label: `Project → Settings → Access tokens → Add new token${onInstance}` },
    authRequiredAction:
      'In the target project open Settings → Access tokens, add a token with the Reporter role and the api scope (creating one needs the Maintainer role), and paste it here.',
    tokenHints: [tokenHint],
  };
  const groupToken: AuthMethod = {
    id: 'group_access_token',
    kind: 'token',
    label: 'Group access token',
    tokenType: 'gitlab_group_access_token',
    scopes: ['api'],
    grants: `A bot member of one group and its projects with the role you pick: choose Reporter (or Planner) and the api scope.${
      where === 'gitlab.com' ? ' On GitLab.com group tokens need Premium or Ultimate.' : ''
    }`,
    sentAs: 'private-token-header',
    revoke: { label: `Group → Settings → Access tokens → Revoke${onInstance}` },
    create: { label: `Group → Settings → Access tokens → Add new token${onInstance}` },
    authRequiredAction:
      'In the group that holds the target project open Settings → Access tokens, add a token with the Reporter role and the api scope (creating one needs the Owner role), and paste it here.',
    tokenHints: [tokenHint],
  };
  const pat: AuthMethod = {
    id: 'pat',
    kind: 'token',
    label: 'Personal access token',
    tokenType: 'gitlab_pat',
    scopes: ['api'],
    grants: `Full API access as you, across every group and project you can reach, until it expires (at most 365 days by default). ${GITLAB_ROLE}`,
    sentAs: 'private-token-header',
    revoke:
      where === 'gitlab.com'
        ? {
            label: 'Avatar → Edit profile → Access tokens → Revoke',
            url: 'https://gitlab.com/-/user_settings/personal_access_tokens',
          }
        : {
            label:
              'Avatar → Edit profile → Access tokens → Revoke (on your GitLab instance, at /-/user_settings/personal_access_tokens); administrators: Admin → Credentials',
          },
    create:
      where === 'gitlab.com'
        ? {
            label: 'Avatar → Edit profile → Access tokens → Add new token',
            url: 'https://gitlab.com/-/user_settings/personal_access_tokens',
          }
        : { label: 'Avatar → Edit profile → Access tokens → Add new token (on your GitLab instance)' },
    authRequiredAction:
      'Create a personal access token with the api scope (Edit profile → Access tokens) as a member with at least the Reporter role in the target project, and paste it here.',
    tokenHints: [tokenHint],
  };
  // GitLab.com: OAuth works on every tier; on an instance the customer can mint a
  // project token on any tier, which is narrower than a user-wide grant.
  return where === 'gitlab.com'
    ? [{ ...oauth, recommended: true }, projectToken, groupToken, pat]
    : [{ ...projectToken, recommended: true }, groupToken, oauth, pat];
}

// Both /version and /metadata want a token on current GitLab. /metadata is the one
// GitLab recommends (15.2+), and its 401 body already tells GitLab apart before
// any credential exists, which is when the ownership probe runs.
const GITLAB_IDENTITY = {
  identityPath: '/metadata',
  identityHint:
    'Without credentials GitLab answers 401 with the JSON body {"message":"401 Unauthorized"}; with a token, JSON carrying version, revision and enterprise.',
} as const;

const gitlabCom: Edition = {
  id: 'gitlab-com',
  label: 'GitLab.com',
  mode: 'cloud',
  tenant: {
    name: 'group_path',
    label: 'Group path',
    placeholder: 'your-group/your-subgroup',
    help: 'The path of the group that holds the project, with subgroups separated by /.',
    pattern:
      /^(?:https:\/\/gitlab\.com\/)?(?!.*\.(?:git|atom)(?:\/|$))[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*){0,20}$/,
    tenantUrl: (value) => `https://gitlab.com/${value.replace(/^https:\/\/gitlab\.com\//, '')}`,
  },
  cloudApiRoot: 'https://gitlab.com/api/v4',
  authMethods: gitlabMethods('gitlab.com'),
  limitations: [],
  versionNotes: [
    'Project and group access tokens need Premium or Ultimate on GitLab.com.',
    'Personal access tokens must expire: at most 365 days unless an administrator changes the limit.',
    'Fine-grained personal access tokens are still in beta and are not offered.',
  ],
};

const gitlabDedicated: Edition = {
  id: 'gitlab-dedicated',
  label: 'GitLab Dedicated',
  // Run by GitLab, so it is a cloud for the customer; but it may sit on the
  // customer's own domain, so the URL goes through the same server-side check.
  mode: 'cloud',
  baseUrl: {
    keepsContextPath: false,
    apiRoot: '/api/v4',
    ...GITLAB_IDENTITY,
    placeholder: 'https://your-tenant.gitlab-dedicated.com',
    help: 'The address your users open: https://<tenant>.gitlab-dedicated.com, or your own domain if one is active.',
  },
  authMethods: gitlabMethods('instance'),
  limitations: [],
  versionNotes: [
    'Once a custom domain is active the default <tenant>.gitlab-dedicated.com host stops answering: enter the custom domain.',
    'Project and group access tokens are available on every Dedicated licence.',
  ],
};

const gitlabSelfManaged: Edition = {
  id: 'gitlab-self-managed',
  label: 'GitLab Self-Managed',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/api/v4',
    ...GITLAB_IDENTITY,
    placeholder: 'https://gitlab.example.com',
    help: 'Your GitLab address, including a relative URL root such as /gitlab if the instance uses one.',
  },
  authMethods: gitlabMethods('instance'),
  limitations: [],
  versionNotes: [
    'Administrators can change the glpat- token prefix, so a different prefix only warns.',
    'The Planner role exists from GitLab 17.7; older releases need Reporter to update issues.',
    'On Premium and above an administrator can turn personal access tokens off.',
  ],
};

// ------------------------------------------------------------------ Bitbucket

const bitbucketCloud: Edition = {
  id: 'bitbucket-cloud',
  label: 'Bitbucket Cloud',
  mode: 'cloud',
  tenant: {
    name: 'workspace',
    label: 'Workspace ID',
    placeholder: 'your-workspace',
    help: 'The workspace slug from https://bitbucket.org/<workspace>/<repository>.',
    pattern: /^(?:https:\/\/bitbucket\.org\/)?[a-z0-9][a-z0-9_-]{0,61}$/i,
    tenantUrl: (value) =>
      `https://bitbucket.org/${value.replace(/^https:\/\/bitbucket\.org\//i, '').toLowerCase()}`,
  },
  cloudApiRoot: 'https://api.bitbucket.org/2.0',
  authMethods: [
    {
      id: 'scoped_api_token',
      kind: 'token',
      label: 'API token with scopes',
      tokenType: 'atlassian_scoped_api_token',
      scopes: ['read:issue:bitbucket', 'write:issue:bitbucket'],
      grants:
        'Read and write issues in repositories your Atlassian account can reach, nothing else. Scopes do not imply one another; add read:repository:bitbucket only if you want to pick the repository from a list.',
      sentAs: 'basic-email',
      extraFields: [{ name: 'email', label: 'Atlassian account email', pattern: EMAIL }],
      revoke: ATLASSIAN_API_TOKENS,
      create: {
        label: 'Atlassian account → Security → Create API token with scopes → Bitbucket',
        url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
      },
      authRequiredAction:
        'Create an Atlassian API token with scopes for Bitbucket (read:issue:bitbucket and write:issue:bitbucket) and paste it here with the email of the account that created it.',
      tokenHints: [
        ATLASSIAN_TOKEN_HINT,
        {
          pattern: /^(?!ATBB)/,
          warning:
            'This looks like a Bitbucket app password. App passwords stopped working on 2026-06-09: create an API token with scopes instead.',
        },
      ],
      recommended: true,
    },
    {
      id: 'oauth2',
      kind: 'oauth',
      label: 'OAuth 2.0: approve access in Bitbucket',
      tokenType: 'bitbucket_oauth',
      scopes: ['issue', 'issue:write'],
      grants: 'Read and write issues in every repository the approving user can reach.',
      sentAs: 'bearer',
      revoke: {
        label:
          'Bitbucket personal settings → app authorizations → Revoke (menu names may differ); workspace admins can delete the consumer under Workspace settings → Apps and features → OAuth consumers',
      },
      authRequiredAction:
        "Approve this product in Bitbucket with the issue and issue:write permissions, signed in as a user who can write to the repository's issues.",
    },
  ],
  limitations: [
    {
      id: 'issue-tracker-per-repo',
      severity: 'warns',
      message:
        "Bitbucket issues exist only where the repository's issue tracker is switched on (Repository settings → Issues); many teams leave it off and use Jira.",
      alternative: { provider: 'jira', edition: 'jira-cloud' },
    },
  ],
  versionNotes: [
    'App passwords are not offered: none could be created after 2025-09-09 and all stopped working on 2026-06-09.',
    'Repository, project and workspace access tokens cannot carry issue scopes, so they cannot create issues.',
  ],
};

const bitbucketDataCenter: Edition = {
  id: 'bitbucket-dc',
  label: 'Bitbucket Data Center',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/rest/api/1.0',
    identityPath: '/application-properties',
    identityHint: 'JSON with version, buildNumber and displayName "Bitbucket"; it answers without credentials.',
    placeholder: 'https://bitbucket.example.com',
    help: 'Your Bitbucket Data Center address, including any context path.',
  },
  authMethods: [],
  limitations: [
    {
      id: 'no-issue-tracker',
      severity: 'blocks',
      message:
        'Bitbucket Data Center has no issue tracker; its teams keep issues in Jira. Connect Jira Data Center instead.',
      alternative: { provider: 'jira', edition: 'jira-dc' },
    },
  ],
  versionNotes: ['Bitbucket Server reached end of support on 2024-02-15.'],
};

// ------------------------------------------------------------------ Trello

const trelloCloud: Edition = {
  id: 'trello-cloud',
  label: 'Trello',
  mode: 'cloud',
  tenant: {
    name: 'workspace',
    label: 'Workspace short name',
    placeholder: 'your_workspace',
    help: 'The short name from https://trello.com/w/<short name>: lowercase letters, digits and underscores.',
    pattern: /^(?:https:\/\/trello\.com\/w\/)?[a-z0-9_]{3,100}$/,
    tenantUrl: (value) => `https://trello.com/w/${value.replace(/^https:\/\/trello\.com\/w\//, '')}`,
  },
  cloudApiRoot: 'https://api.trello.com/1',
  authMethods: [
    {
      id: 'api_key_token',
      kind: 'token',
      label: 'API key and token',
      tokenType: 'trello_key_token',
      scopes: ['read', 'write'],
      grants:
        'Read and write on every board the authorising member can see (not the account scope). A token works only with the API key that authorised it; pick an expiry when you authorise it.',
      sentAs: 'query-key-token',
      extraFields: [{ name: 'api_key', label: 'API key that authorised the token' }],
      revoke: { label: 'Trello: Account → Applications → Revoke', url: 'https://trello.com/my/account' },
      create: {
        label: 'Trello Power-Up admin portal → your Power-Up → API key, then authorise a token with scope read,write',
        url: 'https://trello.com/power-ups/admin',
      },
      authRequiredAction:
        'Authorise a Trello token with the scope read,write for your API key, signed in as a member of the target board, and paste the key and the token here.',
      tokenHints: [
        {
          pattern: /^ATTA[0-9a-f]{64}[0-9A-F]{8}$/,
          warning: 'Trello tokens are usually ATTA followed by 72 letters and digits. Check that you copied the whole token.',
        },
      ],
      recommended: true,
    },
  ],
  limitations: [],
  versionNotes: [
    'Trello OAuth 2.0 with granular scopes is reported generally available from 2026-09-15; it is not offered here until that is settled.',
    'API keys come from the Power-Up admin portal; the old app-key page is gone.',
  ],
};

// ------------------------------------------------------------------ Linear

const linearCloud: Edition = {
  id: 'linear-cloud',
  label: 'Linear',
  mode: 'cloud',
  tenant: {
    name: 'workspace_url_key',
    label: 'Workspace URL key',
    placeholder: 'your-workspace',
    help: 'The part after linear.app/ in your workspace address.',
    pattern: new RegExp(`^(?:https://linear\\.app/)?${LABEL}$`, 'i'),
    tenantUrl: (value) => `https://linear.app/${value.replace(/^https:\/\/linear\.app\//i, '').toLowerCase()}`,
  },
  cloudApiRoot: 'https://api.linear.app/graphql',
  authMethods: [
    {
      id: 'oauth2',
      kind: 'oauth',
      label: 'OAuth 2.0: approve access in Linear',
      tokenType: 'linear_oauth',
      scopes: ['read', 'write'],
      grants:
        'Read and write in the workspace as the approving user. issues:create alone could create issues but not update them, so write is needed.',
      sentAs: 'bearer',
      revoke: {
        label:
          'Linear: Settings → Account → Security & Access → authorized applications → Revoke; workspace admins: application settings (menu names may differ)',
      },
      authRequiredAction:
        'Approve this product in Linear with the read and write scopes, signed in to the workspace that owns the target team.',
      recommended: true,
    },
    {
      id: 'api_key',
      kind: 'token',
      label: 'Personal API key',
      tokenType: 'linear_api_key',
      scopes: ['Read', 'Write'],
      grants:
        'Limit the key to Read and Write (or Read and Create issues if updates are not needed) and to the target team.',
      sentAs: 'raw-authorization',
      revoke: { label: 'Linear: Settings → Account → Security & Access → Personal API keys → Revoke' },
      create: { label: 'Linear: Settings → Account → Security & Access → Personal API keys → New key' },
      authRequiredAction:
        'Create a personal API key in Linear (Settings → Account → Security & Access) with Read and Write, limited to the target team, and paste it here; if member keys are turned off, ask a workspace admin.',
      tokenHints: [
        {
          pattern: /^lin_api_[A-Za-z0-9]+$/,
          warning: `Linear personal API keys usually start with lin_api_. ${NO_SCHEME_HINT_NOTE}`,
        },
      ],
    },
  ],
  limitations: [],
  versionNotes: ['Every Linear OAuth app has used refresh tokens since 2026-04-01.'],
};

// ------------------------------------------------------------------ Azure DevOps

const AZDO_ORG = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?';

const azdoPat = (where: 'services' | 'server'): AuthMethod => ({
  id: 'pat',
  kind: 'token',
  label: 'Personal access token',
  tokenType: 'azdo_pat',
  scopes: ['vso.work_write'],
  grants:
    where === 'services'
      ? 'Work Items (Read & write) in this organisation only, until the expiry you choose, within your area-path permissions (Contributors can edit work items).'
      : 'Work Items (Read & write) in this collection, until the expiry you choose, within your area-path permissions (Contributors can edit work items).',
  sentAs: 'basic-empty-user',
  revoke:
    where === 'services'
      ? {
          label:
            'Azure DevOps: User settings → Personal access tokens → Revoke; administrators: Organization settings → Microsoft Entra',
        }
      : {
          label:
            "On your server: User settings → Personal access tokens → Revoke; collection administrators can revoke other users' tokens",
        },
  create: {
    label:
      where === 'services'
        ? 'Azure DevOps: User settings → Personal access tokens → New Token, this organisation only, scope Work Items: Read & write'
        : 'On your server: User settings → Personal access tokens → New Token, scope Work Items: Read & write',
  },
  authRequiredAction:
    where === 'services'
      ? 'Create a personal access token for this organisation only with the scope Work Items: Read & write, and paste it here.'
      : 'Create a personal access token on your Azure DevOps Server with the scope Work Items: Read & write, and paste it here.',
  tokenHints: [
    {
      pattern: /^(?:[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}|[a-z2-7]{52})$/,
      warning:
        'Azure DevOps personal access tokens are 84 characters (52 for older ones). Check that you copied the whole token.',
    },
  ],
  recommended: where === 'server',
});

const azureDevOpsServices: Edition = {
  id: 'azure-devops-services',
  label: 'Azure DevOps Services',
  mode: 'cloud',
  tenant: {
    name: 'organization',
    label: 'Organisation name',
    placeholder: 'your-org',
    help: 'The name in https://dev.azure.com/<organisation> (or the older https://<organisation>.visualstudio.com).',
    pattern: new RegExp(
      `^(?:(?:https://dev\\.azure\\.com/)?${AZDO_ORG}|(?:https://)?${AZDO_ORG}\\.visualstudio\\.com)$`,
    ),
    tenantUrl: (value) => {
      const org = stripScheme(value)
        .replace(/^dev\.azure\.com\//, '')
        .replace(/\.visualstudio\.com$/, '');
      return `https://dev.azure.com/${org}`;
    },
  },
  cloudApiRoot: '{tenant_url}/_apis',
  authMethods: [
    {
      id: 'entra_oauth',
      kind: 'oauth',
      label: 'Microsoft Entra ID OAuth',
      tokenType: 'entra_oauth',
      scopes: ['vso.work_write'],
      grants:
        'Work Items (Read & write) as the approving user, within that user\'s area-path permissions. Personal Microsoft accounts cannot use it.',
      sentAs: 'bearer',
      revoke: {
        label:
          'Microsoft Entra admin center → Enterprise applications → this product → remove permissions; users: My Apps (menu names may differ)',
      },
      authRequiredAction:
        'Sign in with Microsoft Entra ID and consent to Azure DevOps Work Items: Read & write (vso.work_write) for this product; your tenant administrator may have to grant consent first.',
      recommended: true,
    },
    azdoPat('services'),
  ],
  limitations: [],
  versionNotes: [
    'Azure DevOps OAuth 2.0 apps are not offered: no new registrations since April 2025 and retirement in 2026.',
    'Global (all-organisation) personal access tokens stop working on 2026-12-01: create the token for this organisation only.',
    'Work-item calls go to <organisation>/<project>/_apis and always carry api-version (7.1 current).',
  ],
};

const azureDevOpsServer: Edition = {
  id: 'azure-devops-server',
  label: 'Azure DevOps Server',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/_apis',
    identityPath: '/connectionData',
    identityHint:
      'JSON with instanceId and deploymentType, or without credentials a 401 carrying X-TFS-ProcessId or X-VSS-* headers.',
    placeholder: 'https://devops.example.com/DefaultCollection',
    help: 'The collection URL, including /tfs if your server uses it.',
  },
  authMethods: [azdoPat('server')],
  limitations: [
    {
      id: 'no-oauth',
      severity: 'warns',
      message: 'Azure DevOps Server has no OAuth 2.0: connect with a personal access token.',
    },
  ],
  versionNotes: [
    'Cap api-version by release: Server 2022 up to 7.0, 2020 up to 6.0, 2019 up to 5.0.',
    'Work-item calls go to <collection>/<project>/_apis.',
  ],
};

// ------------------------------------------------------------------ YouTrack

function youtrackMethods(where: 'cloud' | 'server'): AuthMethod[] {
  const profile = 'YouTrack: avatar → Profile → Account Security';
  return [
    {
      id: 'permanent_token',
      kind: 'token',
      label: 'Permanent token',
      tokenType: 'youtrack_permanent_token',
      scopes: ['YouTrack'],
      grants:
        'Acts as the creating user, limited to the YouTrack service (not YouTrack Administration). That user needs rights to read, create and update issues in the target project.',
      sentAs: 'bearer',
      revoke: {
        label: `${profile} → Tokens → Revoke; administrators: Access Management → Users → the user → Account Security`,
      },
      create: { label: `${profile} → New token, scope YouTrack` },
      authRequiredAction:
        'Create a permanent token in YouTrack (Profile → Account Security → New token) with the YouTrack scope only, as a user who can create and update issues in the target project, and paste it here.',
      tokenHints: [
        {
          pattern: /^perm[:-]\S+$/,
          warning: `YouTrack permanent tokens start with perm: or perm-. ${NO_SCHEME_HINT_NOTE}`,
        },
      ],
      recommended: true,
    },
    {
      id: 'oauth2',
      kind: 'oauth',
      label: 'OAuth 2.0 through Hub',
      tokenType: 'youtrack_oauth',
      scopes: ['YouTrack'],
      grants: 'Acts as the approving user in the YouTrack service only.',
      sentAs: 'bearer',
      revoke: { label: `${profile} → revoke the product's refresh token` },
      authRequiredAction:
        where === 'cloud'
          ? 'Ask a YouTrack administrator to register this product as a service in Hub, then approve access signed in as a user who can create and update issues in the target project.'
          : 'Ask a YouTrack administrator to register this product as a service in Hub on your server, then approve access signed in as a user who can create and update issues in the target project.',
    },
  ];
}

const YT_NAME = LABEL;

const youtrackCloud: Edition = {
  id: 'youtrack-cloud',
  label: 'YouTrack Cloud',
  mode: 'cloud',
  tenant: {
    name: 'instance_url',
    label: 'YouTrack address',
    placeholder: 'https://your-name.youtrack.cloud',
    help: 'https://<name>.youtrack.cloud, or for older instances https://<name>.myjetbrains.com/youtrack.',
    pattern: new RegExp(
      `^(?:https://)?(?:${YT_NAME}\\.youtrack\\.cloud|${YT_NAME}\\.myjetbrains\\.com/youtrack)$`,
      'i',
    ),
    tenantUrl: (value) => `https://${stripScheme(value).toLowerCase()}`,
  },
  cloudApiRoot: '{tenant_url}/api',
  authMethods: youtrackMethods('cloud'),
  limitations: [],
  versionNotes: ['Custom domains for YouTrack Cloud are not covered.'],
};

const youtrackServer: Edition = {
  id: 'youtrack-server',
  label: 'YouTrack Server',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/api',
    identityPath: '/config',
    identityHint: 'JSON with version and build, which YouTrack serves to its own sign-in page before anyone signs in.',
    placeholder: 'https://youtrack.example.com',
    help: 'The base URL of your YouTrack installation, including a context path such as /youtrack.',
  },
  authMethods: youtrackMethods('server'),
  limitations: [],
  versionNotes: [
    'New YouTrack Server purchases are annual subscriptions from 2026-06-23.',
    'With an external Hub the user also needs access to the YouTrack service to create a token.',
  ],
};

// ------------------------------------------------------------------ Asana

const asanaCloud: Edition = {
  id: 'asana-cloud',
  label: 'Asana',
  mode: 'cloud',
  tenant: {
    name: 'workspace_gid',
    label: 'Workspace ID',
    placeholder: '1234567890123456',
    help: 'The numeric ID (gid) of the workspace or organisation that holds the project.',
    pattern: /^[1-9][0-9]{0,31}$/,
    tenantUrl: (value) => `https://app.asana.com/api/1.0/workspaces/${value}`,
  },
  cloudApiRoot: 'https://app.asana.com/api/1.0',
  authMethods: [
    {
      id: 'oauth2',
      kind: 'oauth',
      label: 'OAuth 2.0: approve access in Asana',
      tokenType: 'asana_oauth',
      scopes: ['tasks:read', 'tasks:write'],
      grants:
        'Read, create and update tasks as the approving user. Some task endpoints may ask for further scopes.',
      sentAs: 'bearer',
      revoke: { label: 'Asana: profile → Settings → Apps → Deauthorize (menu names may differ)' },
      authRequiredAction:
        'Approve this product in Asana with the tasks:read and tasks:write scopes, signed in to the workspace that holds the target project.',
      recommended: true,
    },
    {
      id: 'pat',
      kind: 'token',
      label: 'Personal access token',
      tokenType: 'asana_pat',
      scopes: [],
      grants: 'Everything you can do in Asana: personal access tokens carry no scopes.',
      sentAs: 'bearer',
      revoke: {
        label: 'Asana developer console → your token → Revoke (menu names may differ)',
        url: 'https://app.asana.com/0/my-apps',
      },
      create: { label: 'Asana developer console → Create new token', url: 'https://app.asana.com/0/my-apps' },
      authRequiredAction:
        'Create a personal access token in the Asana developer console as a member of the target project, and paste it here.',
    },
  ],
  limitations: [],
  versionNotes: [
    'Asana tokens are opaque by policy, so their shape is never checked.',
    'Apps registered for granular scopes cannot ask for the old full-permission scope, and the other way round.',
  ],
};

// ------------------------------------------------------------------ ClickUp

const clickupCloud: Edition = {
  id: 'clickup-cloud',
  label: 'ClickUp',
  mode: 'cloud',
  tenant: {
    name: 'workspace_id',
    label: 'Workspace ID',
    placeholder: '9012345678',
    help: 'The number after app.clickup.com/ in your browser when the workspace is open.',
    pattern: /^[1-9][0-9]{0,19}$/,
    tenantUrl: (value) => `https://app.clickup.com/${value}`,
  },
  cloudApiRoot: 'https://api.clickup.com/api/v2',
  authMethods: [
    {
      id: 'oauth2',
      kind: 'oauth',
      label: 'OAuth 2.0: approve access in ClickUp',
      tokenType: 'clickup_oauth',
      scopes: [],
      grants:
        'ClickUp OAuth has no scopes: the product acts as you in the Workspaces you select when approving. You need edit rights on the target List.',
      // ClickUp documents the bare token in Authorization for both methods.
      sentAs: 'raw-authorization',
      revoke: {
        label:
          'ClickUp: avatar → Settings → Apps → remove the authorised app (menu names may differ); Workspace admins can delete the OAuth app',
      },
      authRequiredAction:
        'Approve this product in ClickUp and select the Workspace that holds the target List, signed in as a member with edit rights on that List.',
      recommended: true,
    },
    {
      id: 'personal_token',
      kind: 'token',
      label: 'Personal API token',
      tokenType: 'clickup_personal_token',
      scopes: [],
      grants: 'Everything you can do in ClickUp, with no expiry, until you regenerate it.',
      sentAs: 'raw-authorization',
      revoke: {
        label: 'ClickUp: avatar → Settings → Apps → API Token → Regenerate (the old token stops working)',
        url: 'https://app.clickup.com/settings/apps',
      },
      create: {
        label: 'ClickUp: avatar → Settings → Apps → API Token → Generate',
        url: 'https://app.clickup.com/settings/apps',
      },
      authRequiredAction:
        'Generate a personal API token in ClickUp (Settings → Apps → API Token) as a member with edit rights on the target List, and paste it here.',
      tokenHints: [
        {
          pattern: /^pk_[0-9]+_[A-Za-z0-9]+$/,
          warning: `ClickUp personal tokens start with pk_. ${NO_SCHEME_HINT_NOTE}`,
        },
      ],
    },
  ],
  limitations: [],
  versionNotes: [
    'ClickUp OAuth tokens are reported not to expire and to come without refresh tokens (ClickUp does not document this).',
  ],
};

// ------------------------------------------------------------------ Webhook

const webhookBaseUrl: BaseUrlSpec = {
  keepsContextPath: true,
  apiRoot: '',
  // A customer endpoint has no identity to probe: ownership rests on the
  // customer's confirmation and on a signed test event answered with 2xx.
  identityPath: '',
  identityHint: 'No identity endpoint: a signed test event must be answered with a 2xx status.',
  placeholder: 'https://hooks.example.com/tickets',
  help: 'The HTTPS endpoint that receives one POST per ticket event. Private, loopback and link-local addresses are refused and redirects are not followed.',
};

const webhookEdition: Edition = {
  id: 'webhook',
  label: 'Webhook endpoint',
  mode: 'webhook',
  baseUrl: webhookBaseUrl,
  authMethods: [
    {
      id: 'signing_secret',
      kind: 'signing-secret',
      label: 'Signing secret (HMAC-SHA256)',
      tokenType: 'webhook_hmac_secret',
      scopes: [],
      grants:
        'Lets your endpoint check that each delivery came from this product unchanged. It opens no access to anything.',
      sentAs: 'signature-header',
      revoke: {
        label:
          'In this product: rotate the signing secret (old and new secrets both sign for a grace period) or delete the target',
      },
      authRequiredAction:
        'Store the signing secret in your endpoint and verify the webhook-signature header of every delivery (X-Hub-Signature-256 if you chose GitHub-style signing).',
      tokenHints: [
        {
          pattern: /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/,
          warning: 'Standard Webhooks secrets look like whsec_ followed by base64 of 24 to 64 random bytes.',
        },
      ],
      recommended: true,
    },
  ],
  limitations: [],
  versionNotes: [],
};

// ------------------------------------------------------------------ catalog

/** Freezes plain data so no caller can change the shared catalog; RegExps and functions stay as they are. */
function deepFreeze<T>(value: T): T {
  if (Array.isArray(value) || (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)) {
    for (const inner of Object.values(value as object)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const CATALOG: readonly Provider[] = /* @__PURE__ */ deepFreeze<Provider[]>([
  {
    id: 'jira',
    label: 'Jira',
    ticketNoun: 'issue',
    editions: [jiraCloud, jiraDataCenter],
    docs: {
      'oauth-apps': {
        label: 'Atlassian: OAuth 2.0 (3LO) apps',
        url: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
      },
      'api-tokens': {
        label: 'Atlassian: Manage API tokens for your Atlassian account',
        url: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
      },
    },
  },
  {
    id: 'github',
    label: 'GitHub',
    ticketNoun: 'issue',
    editions: [githubCom, gheCom, ghes],
    docs: {
      'installed-apps': {
        label: 'GitHub Docs: Reviewing and modifying installed GitHub Apps',
        url: 'https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps',
      },
      'personal-access-tokens': {
        label: 'GitHub Docs: Managing your personal access tokens',
        url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
      },
    },
  },
  {
    id: 'gitlab',
    label: 'GitLab',
    ticketNoun: 'issue',
    editions: [gitlabCom, gitlabDedicated, gitlabSelfManaged],
    docs: {
      'personal-access-tokens': {
        label: 'GitLab Docs: Personal access tokens',
        url: 'https://docs.gitlab.com/user/profile/personal_access_tokens/',
      },
      'project-access-tokens': {
        label: 'GitLab Docs: Project access tokens',
        url: 'https://docs.gitlab.com/user/project/settings/project_access_tokens/',
      },
    },
  },
  {
    id: 'bitbucket',
    label: 'Bitbucket',
    ticketNoun: 'issue',
    editions: [bitbucketCloud, bitbucketDataCenter],
    docs: {
      'api-tokens': {
        label: 'Atlassian: Manage API tokens for your Atlassian account',
        url: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
      },
    },
  },
  {
    id: 'trello',
    label: 'Trello',
    ticketNoun: 'card',
    editions: [trelloCloud],
    docs: {
      authorization: {
        label: "Trello: Authorizing with Trello's REST API",
        url: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
      },
    },
  },
  {
    id: 'linear',
    label: 'Linear',
    ticketNoun: 'issue',
    editions: [linearCloud],
    docs: {
      oauth: { label: 'Linear: OAuth 2.0 authentication', url: 'https://linear.app/developers/oauth-2-0-authentication' },
    },
  },
  {
    id: 'azure-devops',
    label: 'Azure DevOps (Azure Boards)',
    ticketNoun: 'work item',
    editions: [azureDevOpsServices, azureDevOpsServer],
    docs: {
      'personal-access-tokens': {
        label: 'Microsoft Learn: Use personal access tokens',
        url: 'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
      },
    },
  },
  {
    id: 'youtrack',
    label: 'YouTrack',
    ticketNoun: 'issue',
    editions: [youtrackCloud, youtrackServer],
    docs: {
      'permanent-tokens': {
        label: 'JetBrains: Manage permanent tokens',
        url: 'https://www.jetbrains.com/help/youtrack/devportal/Manage-Permanent-Token.html',
      },
    },
  },
  {
    id: 'asana',
    label: 'Asana',
    ticketNoun: 'task',
    editions: [asanaCloud],
    docs: {
      oauth: { label: 'Asana developers: OAuth', url: 'https://developers.asana.com/docs/oauth' },
    },
  },
  {
    id: 'clickup',
    label: 'ClickUp',
    ticketNoun: 'task',
    editions: [clickupCloud],
    docs: {
      authentication: {
        label: 'ClickUp developers: Authentication',
        url: 'https://developer.clickup.com/docs/authentication',
      },
    },
  },
  {
    id: 'webhook',
    label: 'Webhook endpoint',
    ticketNoun: 'event',
    editions: [webhookEdition],
    docs: {
      'standard-webhooks': { label: 'Standard Webhooks specification', url: 'https://www.standardwebhooks.com/' },
      'github-signature': {
        label: 'GitHub Docs: Validating webhook deliveries',
        url: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries',
      },
    },
    webhookSigning: [
      {
        id: 'standard-webhooks',
        label: 'Standard Webhooks v1 (HMAC-SHA256)',
        headers: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
        isDefault: true,
        notes:
          'Signs "<webhook-id>.<webhook-timestamp>.<raw body>" with the base64-decoded part of the whsec_ secret and sends v1,<base64 signature>. Receivers compare in constant time, reject timestamps outside a tolerance window and use webhook-id to drop repeats.',
      },
      {
        id: 'github-hmac-sha256',
        label: 'GitHub-style X-Hub-Signature-256',
        headers: ['X-Hub-Signature-256', 'X-GitHub-Event', 'X-GitHub-Delivery'],
        isDefault: false,
        notes:
          'Sends sha256=<hex HMAC-SHA256 of the raw body> for receivers that already verify GitHub webhooks. No timestamp is signed, so receivers must drop repeated delivery ids. The SHA-1 X-Hub-Signature header is never sent.',
      },
    ],
  },
]);
