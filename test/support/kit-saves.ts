/**
 * Saves the msw kit's simulated provider accepts, one cloud edition per
 * provider with a typed token, on the simulated provider's own organisation or
 * site. Shared by the Node walk over the kit and the element's browser walk.
 */
import type { ProviderId } from '../../src/core/providers/types.js';
import { TRELLO_API_KEY } from '../../src/testing/provider-apis/index.js';

export interface KitSave {
  readonly edition: string;
  readonly tenant: string;
  readonly auth_method: string;
  readonly token_type: string;
  readonly credential_fields?: Readonly<Record<string, string>>;
}

/** One cloud edition per provider with a typed token, on the simulated provider's own organisation or site. */
export const KIT_SAVES = {
  jira: { edition: 'jira-cloud', tenant: 'https://acme.atlassian.net', auth_method: 'scoped_api_token', token_type: 'atlassian_scoped_api_token', credential_fields: { email: 'ops@acme.example' } },
  github: { edition: 'github-com', tenant: 'acme', auth_method: 'fine_grained_pat', token_type: 'github_fine_grained_pat' },
  gitlab: { edition: 'gitlab-com', tenant: 'acme', auth_method: 'group_access_token', token_type: 'gitlab_group_access_token' },
  bitbucket: { edition: 'bitbucket-cloud', tenant: 'acme', auth_method: 'scoped_api_token', token_type: 'atlassian_scoped_api_token', credential_fields: { email: 'ops@acme.example' } },
  trello: { edition: 'trello-cloud', tenant: 'acme', auth_method: 'api_key_token', token_type: 'trello_key_token', credential_fields: { api_key: TRELLO_API_KEY } },
  linear: { edition: 'linear-cloud', tenant: 'acme', auth_method: 'api_key', token_type: 'linear_api_key' },
  'azure-devops': { edition: 'azure-devops-services', tenant: 'acme', auth_method: 'pat', token_type: 'azdo_pat' },
  youtrack: { edition: 'youtrack-cloud', tenant: 'https://acme.youtrack.cloud', auth_method: 'permanent_token', token_type: 'youtrack_permanent_token' },
  asana: { edition: 'asana-cloud', tenant: '1100000000000001', auth_method: 'pat', token_type: 'asana_pat' },
  clickup: { edition: 'clickup-cloud', tenant: '9010', auth_method: 'personal_token', token_type: 'clickup_personal_token' },
} as const satisfies Record<Exclude<ProviderId, 'webhook'>, KitSave>;
