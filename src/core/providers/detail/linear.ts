/** Linear: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { EditionDetail, ProviderDetail } from '../types.js';
import { LABEL, NO_SCHEME_HINT_NOTE } from './shared.js';

const linearCloud: EditionDetail = {
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
          id: 'prefix',
          pattern: /^lin_api_[A-Za-z0-9]+$/,
          warning: `Linear personal API keys usually start with lin_api_. ${NO_SCHEME_HINT_NOTE}`,
        },
      ],
    },
  ],
  limitations: [],
  versionNotes: [{ id: 'refresh-tokens', text: 'Every Linear OAuth app has used refresh tokens since 2026-04-01.' }],
};

const detail: ProviderDetail = {
  editions: {
    'linear-cloud': linearCloud,
  },
  docs: {
    oauth: { label: 'Linear: OAuth 2.0 authentication', url: 'https://linear.app/developers/oauth-2-0-authentication' },
  },
};

export default detail;
