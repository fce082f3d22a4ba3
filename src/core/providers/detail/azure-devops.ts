/** Azure DevOps (Azure Boards): the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { AuthMethod, EditionDetail, ProviderDetail } from '../types.js';
import { stripScheme } from './shared.js';

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
      id: 'shape',
      pattern: /^(?:[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}|[a-z2-7]{52})$/,
      warning:
        'Azure DevOps personal access tokens are 84 characters (52 for older ones). Check that you copied the whole token.',
    },
  ],
  recommended: where === 'server',
});

const azureDevOpsServices: EditionDetail = {
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
    { id: 'no-oauth', text: 'Azure DevOps OAuth 2.0 apps are not offered: no new registrations since April 2025 and retirement in 2026.' },
    { id: 'global-pat-end', text: 'Global (all-organisation) personal access tokens stop working on 2026-12-01: create the token for this organisation only.' },
    { id: 'api-path', text: 'Work-item calls go to <organisation>/<project>/_apis and always carry api-version (7.1 current).' },
  ],
};

const azureDevOpsServer: EditionDetail = {
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
    { id: 'api-version-cap', text: 'Cap api-version by release: Server 2022 up to 7.0, 2020 up to 6.0, 2019 up to 5.0.' },
    { id: 'server-naming', text: 'The current release is named Azure DevOps Server, without a year: check your version for the api-version it accepts.' },
    { id: 'api-path', text: 'Work-item calls go to <collection>/<project>/_apis.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'azure-devops-services': azureDevOpsServices,
    'azure-devops-server': azureDevOpsServer,
  },
  docs: {
    'personal-access-tokens': {
      label: 'Microsoft Learn: Use personal access tokens',
      url: 'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
    },
  },
};

export default detail;
