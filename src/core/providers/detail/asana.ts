/** Asana: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { EditionDetail, ProviderDetail } from '../types.js';

const asanaCloud: EditionDetail = {
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
    { id: 'opaque-tokens', text: 'Asana tokens are opaque by policy, so their shape is never checked.' },
    { id: 'granular-scopes', text: 'Apps registered for granular scopes cannot ask for the old full-permission scope, and the other way round.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'asana-cloud': asanaCloud,
  },
  docs: {
    oauth: { label: 'Asana developers: OAuth', url: 'https://developers.asana.com/docs/oauth' },
  },
};

export default detail;
