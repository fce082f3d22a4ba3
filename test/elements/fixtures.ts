/**
 * Small provider fixtures for element tests, independent of the real catalog's
 * wording so a catalog edit does not break element tests.
 */
import type { TargetRecord } from '../../src/core/contract/index.js';
import type { AuthMethod, Edition, Provider } from '../../src/core/providers/types.js';

export const tokenMethod: AuthMethod = {
  id: 'pat',
  kind: 'token',
  label: 'Personal token',
  tokenType: 'acme_pat',
  scopes: ['issues:write', 'issues:read'],
  grants: 'Create and edit issues in the projects you pick.',
  sentAs: 'bearer',
  revoke: { label: 'Profile → Tokens → Revoke', url: 'https://acme.example/settings/tokens' },
  create: { label: 'Profile → Tokens → New token', url: 'https://acme.example/settings/tokens/new' },
  authRequiredAction: 'Create a personal token with issues:write and paste it here.',
  tokenHints: [{ id: 'prefix', pattern: /^acm_/, warning: 'Acme tokens start with acm_.' }],
};

export const oauthMethod: AuthMethod = {
  id: 'oauth',
  kind: 'oauth',
  label: 'Approve in Acme',
  tokenType: 'acme_oauth',
  scopes: ['issues'],
  grants: 'Create and edit issues as the approving user.',
  sentAs: 'bearer',
  revoke: { label: 'Profile → Connected apps → Revoke' },
  authRequiredAction: 'Approve the Acme app for your site.',
  recommended: true,
};

export const emailMethod: AuthMethod = {
  id: 'api_key',
  kind: 'token',
  label: 'API key',
  tokenType: 'acme_api_key',
  scopes: [],
  grants: 'Everything your account can do.',
  sentAs: 'basic-email',
  revoke: { label: 'Account → Keys → Delete' },
  authRequiredAction: 'Create an API key and paste it here with your account email.',
  extraFields: [{ name: 'email', label: 'Account email', pattern: /^[^\s@]+@[^\s@]+$/ }],
};

export const cloudEdition: Edition = {
  id: 'acme-cloud',
  label: 'Acme Cloud',
  mode: 'cloud',
  tenant: {
    name: 'site',
    label: 'Acme site',
    placeholder: 'your-team',
    help: 'The name in your Acme address.',
    pattern: /^[a-z0-9-]{2,30}$/,
    tenantUrl: (v) => `https://${v}.acme.example`,
  },
  cloudApiRoot: '{tenant_url}/api',
  authMethods: [oauthMethod, tokenMethod],
  limitations: [],
  versionNotes: [{ id: 'supported', text: 'Acme 9 is supported.' }],
};

export const serverEdition: Edition = {
  id: 'acme-server',
  label: 'Acme Server',
  mode: 'self-hosted',
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/api',
    identityPath: '/whoami',
    identityHint: 'Answers with its product name.',
    placeholder: 'https://acme.example.com',
    help: 'The address of your Acme server.',
  },
  authMethods: [tokenMethod, emailMethod],
  limitations: [{ id: 'old', severity: 'warns', message: 'Acme Server 7 is no longer supported.' }],
  versionNotes: [],
};

export const legacyEdition: Edition = {
  id: 'acme-legacy',
  label: 'Acme Legacy',
  mode: 'self-hosted',
  baseUrl: serverEdition.baseUrl!,
  authMethods: [tokenMethod],
  limitations: [
    {
      id: 'no-tracker',
      severity: 'blocks',
      message: 'Acme Legacy has no issue tracker.',
      alternative: { provider: 'jira', edition: 'jira-dc' },
    },
  ],
  versionNotes: [],
};

export const acme: Provider = {
  id: 'jira',
  label: 'Acme Tracker',
  ticketNoun: 'issue',
  editions: [cloudEdition, serverEdition, legacyEdition],
  docs: {},
};

export const hookEdition: Edition = {
  id: 'hook',
  label: 'Endpoint',
  mode: 'webhook',
  baseUrl: { ...serverEdition.baseUrl!, apiRoot: '', placeholder: 'https://hooks.example.com/in', help: 'Receives one POST per event.' },
  authMethods: [
    {
      id: 'secret',
      kind: 'signing-secret',
      label: 'Signing secret',
      tokenType: 'hook_secret',
      scopes: [],
      grants: 'Lets your endpoint check each delivery.',
      sentAs: 'signature-header',
      revoke: { label: 'Rotate the secret here' },
      authRequiredAction: 'Store the secret in your endpoint.',
    },
  ],
  limitations: [],
  versionNotes: [],
};

export const hooks: Provider = {
  id: 'webhook',
  label: 'Hooks',
  ticketNoun: 'event',
  editions: [hookEdition],
  docs: {},
  webhookSigning: [
    { id: 'standard-webhooks', label: 'Standard signing', headers: ['webhook-signature'], isDefault: true, notes: 'n' },
    { id: 'github-hmac-sha256', label: 'GitHub-style signing', headers: ['X-Hub-Signature-256'], isDefault: false, notes: 'n' },
  ],
};

const at = '2026-05-01T10:00:00Z';

export function target(overrides: Partial<TargetRecord> = {}): TargetRecord {
  return {
    id: 't1',
    provider: 'jira',
    edition: 'acme-cloud',
    deployment_mode: 'cloud',
    state: 'connected',
    tenant: 'https://team.acme.example',
    auth_method: 'pat',
    token_type: 'acme_pat',
    scopes: ['issues:write'],
    has_credentials: true,
    created_at: at,
    updated_at: at,
    history: [],
    ...overrides,
  };
}
