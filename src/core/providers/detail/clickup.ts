/** ClickUp: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { EditionDetail, ProviderDetail } from '../types.js';
import { NO_SCHEME_HINT_NOTE } from './shared.js';

const clickupCloud: EditionDetail = {
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
      // ClickUp sends OAuth access tokens as Bearer, personal tokens bare.
      sentAs: 'bearer',
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
          id: 'prefix',
          pattern: /^pk_[0-9]+_[A-Za-z0-9]+$/,
          warning: `ClickUp personal tokens start with pk_. ${NO_SCHEME_HINT_NOTE}`,
        },
      ],
    },
  ],
  limitations: [],
  versionNotes: [
    { id: 'oauth-expiry', text: 'ClickUp OAuth access tokens do not expire for now; ClickUp says this may change.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'clickup-cloud': clickupCloud,
  },
  docs: {
    authentication: {
      label: 'ClickUp developers: Authentication',
      url: 'https://developer.clickup.com/docs/authentication',
    },
  },
};

export default detail;
