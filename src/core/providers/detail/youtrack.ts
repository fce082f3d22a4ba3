/** YouTrack: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { AuthMethod, EditionDetail, ProviderDetail } from '../types.js';
import { LABEL, NO_SCHEME_HINT_NOTE, stripScheme } from './shared.js';

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
          id: 'prefix',
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

const youtrackCloud: EditionDetail = {
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
  versionNotes: [{ id: 'custom-domains', text: 'Custom domains for YouTrack Cloud are not covered.' }],
};

const youtrackServer: EditionDetail = {
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
    { id: 'server-subscriptions', text: 'New YouTrack Server purchases are annual subscriptions from 2026-06-23.' },
    { id: 'external-hub', text: 'With an external Hub the user also needs access to the YouTrack service to create a token.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'youtrack-cloud': youtrackCloud,
    'youtrack-server': youtrackServer,
  },
  docs: {
    'permanent-tokens': {
      label: 'JetBrains: Manage permanent tokens',
      url: 'https://www.jetbrains.com/help/youtrack/devportal/Manage-Permanent-Token.html',
    },
  },
};

export default detail;
