/** Jira: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { EditionDetail, ProviderDetail, TenantField } from '../types.js';
import { EMAIL, LABEL, ATLASSIAN_API_TOKENS, ATLASSIAN_TOKEN_HINT, stripScheme } from './shared.js';

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

const jiraCloud: EditionDetail = {
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
    { id: 'token-expiry', text: 'API tokens created since 2024-12-15 expire after at most one year.' },
    { id: 'site-rename', text: 'After a site rename the old address only answers with redirects: use the current one.' },
    { id: 'government-cloud', text: 'Atlassian Government Cloud is not covered.' },
  ],
};

const jiraDataCenter: EditionDetail = {
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
          id: 'shape',
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
        'WRITE is the narrowest scope that can create issues, and it grants more: as the approving user it can create, update and delete projects and issues with their dashboards, filters, attachments and comments, and change that user\'s profile. It never goes beyond that user\'s own permissions, so approve as a user limited to the target project.',
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
    { id: 'server-end', text: 'Jira Server reached end of support on 2024-02-15: self-hosted Jira means Data Center.' },
    { id: 'no-basic-auth', text: 'Basic authentication (username and password) is not offered.' },
    { id: 'pat-version', text: 'Personal access tokens need Jira 8.14 or later.' },
    { id: 'api-v2', text: 'Data Center serves REST API version 2 only and expects wiki markup, not the Cloud document format.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'jira-cloud': jiraCloud,
    'jira-dc': jiraDataCenter,
  },
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
};

export default detail;
