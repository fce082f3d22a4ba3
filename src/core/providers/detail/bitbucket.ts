/** Bitbucket: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { EditionDetail, ProviderDetail } from '../types.js';
import { EMAIL, ATLASSIAN_API_TOKENS, ATLASSIAN_TOKEN_HINT } from './shared.js';

const bitbucketCloud: EditionDetail = {
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
          id: 'no-app-password',
          pattern: /^(?!ATBB)/,
          warning:
            'This looks like a Bitbucket app password. App passwords were removed on 2026-07-28: create an API token with scopes instead.',
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
    { id: 'no-app-passwords', text: 'App passwords are not offered: none could be created after 2025-09-09, brownouts ran from 2026-06-09 to 2026-07-27, and they were removed on 2026-07-28.' },
    { id: 'access-tokens', text: 'Repository, project and workspace access tokens cannot carry issue scopes, so they cannot create issues.' },
  ],
};

const bitbucketDataCenter: EditionDetail = {
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
  versionNotes: [{ id: 'server-end', text: 'Bitbucket Server reached end of support on 2024-02-15.' }],
};

const detail: ProviderDetail = {
  editions: {
    'bitbucket-cloud': bitbucketCloud,
    'bitbucket-dc': bitbucketDataCenter,
  },
  docs: {
    'api-tokens': {
      label: 'Atlassian: Manage API tokens for your Atlassian account',
      url: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    },
  },
};

export default detail;
