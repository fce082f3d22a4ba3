import type { HistoryEntry, StatusResponse, TargetRecord } from '../core/contract/index.js';
import { SAMPLE_TARGET_IDS } from './scenarios.js';

/**
 * Sample data for tests, stories and the demo. The documentation ranges
 * (RFC 5737, RFC 3849) cannot be used for addresses that pass: the URL policy
 * refuses them as reserved. So the samples are addresses IANA has served its
 * example domains from: globally reachable, and plainly illustrative.
 */

/** Sample egress addresses (example.com's earlier addresses), not any backend's real ones. */
export const SAMPLE_EGRESS_ADDRESSES: readonly string[] = ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'];

/** What the mock resolver answers for hosts that pass: example.com's addresses. */
export const SAMPLE_PUBLIC_ADDRESSES: readonly string[] = ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'];

export const SAMPLE_PORTABLE_EXPORT: StatusResponse['portable_export'] = {
  available: true,
  formats: ['csv', 'json'],
};

const at = (day: number, hour = 9): string => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30:00Z`;

/** The timestamps and history of a target created and connected on `day`, then through `later`. */
function lifetime(day: number, ...later: Array<Omit<HistoryEntry, 'at'> & { day: number }>): Pick<TargetRecord, 'created_at' | 'updated_at' | 'history'> {
  const history: HistoryEntry[] = [
    { at: at(day), event: 'created' },
    { at: at(day), event: 'connected' },
    ...later.map(({ day: when, ...entry }) => ({ at: at(when), ...entry })),
  ];
  return { created_at: at(day), updated_at: history[history.length - 1]!.at, history };
}

const cloudConnected: TargetRecord = {
  id: SAMPLE_TARGET_IDS.cloudConnected,
  provider: 'jira',
  edition: 'jira-cloud',
  deployment_mode: 'cloud',
  display_name: 'Acme Jira',
  state: 'connected',
  tenant: 'https://acme.atlassian.net',
  auth_method: 'oauth2_3lo',
  token_type: 'oauth2_3lo',
  scopes: ['read:jira-work', 'write:jira-work', 'offline_access'],
  has_credentials: true,
  ...lifetime(2),
};

const selfHostedConnected: TargetRecord = {
  id: SAMPLE_TARGET_IDS.selfHostedConnected,
  provider: 'jira',
  edition: 'jira-dc',
  deployment_mode: 'self-hosted',
  display_name: 'Jira Data Center',
  state: 'connected',
  base_url: 'https://jira.example.com',
  allowlist_status: 'allowlist',
  check_id: 'chk_sample_jira_dc',
  auth_method: 'pat',
  token_type: 'jira_dc_pat',
  scopes: [],
  has_credentials: true,
  ...lifetime(4),
};

const authRequired: TargetRecord = {
  id: SAMPLE_TARGET_IDS.authRequired,
  provider: 'github',
  edition: 'github-com',
  deployment_mode: 'cloud',
  display_name: 'acme on GitHub',
  state: 'auth_required',
  tenant: 'https://github.com/acme',
  auth_method: 'fine_grained_pat',
  token_type: 'github_fine_grained_pat',
  scopes: ['Issues: Read and write'],
  has_credentials: false,
  error: {
    code: 'PROVIDER_AUTH_REQUIRED',
    message: 'GitHub refused the saved token: it has expired.',
    action: {
      label: 'Create a new fine-grained personal access token with Issues: read and write on the target repository.',
      url: 'https://github.com/settings/personal-access-tokens',
    },
  },
  ...lifetime(1, { day: 10, event: 'auth_required', detail: 'The token expired.' }),
};

const blocked: TargetRecord = {
  id: SAMPLE_TARGET_IDS.blocked,
  provider: 'gitlab',
  edition: 'gitlab-self-managed',
  deployment_mode: 'self-hosted',
  display_name: 'Internal GitLab',
  state: 'blocked',
  base_url: 'https://gitlab.corp.example.com',
  allowlist_status: 'direct',
  auth_method: 'pat',
  token_type: 'gitlab_pat',
  scopes: ['api'],
  has_credentials: false,
  error: {
    code: 'PROVIDER_BASE_URL_BLOCKED',
    message: 'gitlab.corp.example.com now resolves to a private-network address.',
    checks: [
      { name: 'scheme', status: 'passed' },
      {
        name: 'private_network',
        status: 'failed',
        detail: 'gitlab.corp.example.com resolves to 10.0.0.12, a private-network address (10.0.0.0/8).',
        offender: '10.0.0.12',
      },
      { name: 'reserved_ip', status: 'skipped' },
      { name: 'redirect', status: 'skipped' },
      { name: 'dns_rebinding', status: 'skipped' },
      { name: 'ownership', status: 'skipped' },
    ],
  },
  ...lifetime(3, { day: 12, event: 'blocked', detail: 'Base URL check failed: private_network.' }),
};

const revoked: TargetRecord = {
  id: SAMPLE_TARGET_IDS.revoked,
  provider: 'gitlab',
  edition: 'gitlab-com',
  deployment_mode: 'cloud',
  display_name: 'acme on GitLab.com',
  state: 'revoked',
  tenant: 'https://gitlab.com/acme',
  auth_method: 'pat',
  token_type: 'gitlab_pat',
  scopes: ['api'],
  has_credentials: false,
  revoked_at: at(8),
  ...lifetime(1, { day: 8, event: 'revoked', detail: 'Revoked at the provider, then disconnected.' }),
};

/** One saved target in each state, as the backend returns them (never a secret). */
export const SAMPLE_TARGETS = {
  cloudConnected,
  selfHostedConnected,
  authRequired,
  blocked,
  revoked,
} as const satisfies Record<keyof typeof SAMPLE_TARGET_IDS, TargetRecord>;

/** A status answer listing the given targets (a deep copy, so callers may change it). */
export function sampleStatus(targets: readonly TargetRecord[] = Object.values(SAMPLE_TARGETS)): StatusResponse {
  return structuredClone({
    targets: [...targets],
    egress_addresses: [...SAMPLE_EGRESS_ADDRESSES],
    portable_export: SAMPLE_PORTABLE_EXPORT,
  });
}
