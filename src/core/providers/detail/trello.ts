/** Trello: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { EditionDetail, ProviderDetail } from '../types.js';

const trelloCloud: EditionDetail = {
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
          id: 'shape',
          pattern: /^ATTA[0-9a-f]{64}[0-9A-F]{8}$/,
          warning: 'Trello tokens are usually ATTA followed by 72 letters and digits. Check that you copied the whole token.',
        },
      ],
      recommended: true,
    },
  ],
  limitations: [],
  versionNotes: [
    { id: 'no-oauth2', text: 'Trello OAuth 2.0 is not offered yet: connect with an API key and token.' },
    { id: 'power-up-keys', text: 'API keys come from the Power-Up admin portal; the old app-key page is gone.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'trello-cloud': trelloCloud,
  },
  docs: {
    authorization: {
      label: "Trello: Authorizing with Trello's REST API",
      url: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
    },
  },
};

export default detail;
