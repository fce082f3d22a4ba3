import type { TestExportErrorCode } from '../core/contract/export.js';
import type { DeploymentMode, ProviderId } from '../core/providers/types.js';

export const SCENARIO_IDS = [
  'cloud-ready',
  'self-hosted-ready',
  'url-blocked-private-network',
  'url-blocked-reserved-ip',
  'url-blocked-redirect',
  'url-blocked-dns-rebinding',
  'url-blocked-ownership',
  'allowlist-missing',
  'ownership-unclear',
  'provider-limitation',
  'auth-required',
  'reconnect',
  'revoke',
  'slow-backend',
  'backend-down',
  'malformed-response',
  'destinations-small',
  'destinations-large',
  'destinations-empty',
  'destination-read-only',
  'test-export-succeeded',
  'test-export-auth-failed',
  'test-export-network-failed',
  'test-export-unavailable',
  'test-export-limitation',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Where a story or the demo may start the element so the scenario shows at once. */
export interface ScenarioPreset {
  provider?: ProviderId;
  edition?: string;
  deploymentMode?: DeploymentMode;
  /** A base URL to type for self-hosted scenarios. */
  baseUrl?: string;
  /** An existing target to open (`target-id`). */
  targetId?: string;
}

export interface Scenario {
  id: ScenarioId;
  label: string;
  description: string;
  preset: ScenarioPreset;
}

const define = (id: ScenarioId, label: string, description: string, preset: ScenarioPreset = {}): Scenario => ({
  id,
  label,
  description,
  preset,
});

const jiraDc = (baseUrl: string): ScenarioPreset => ({
  provider: 'jira',
  edition: 'jira-dc',
  deploymentMode: 'self-hosted',
  baseUrl,
});

/** The export scenarios start on GitHub.com, whose simulated organisation is `acme`. */
const GITHUB_CLOUD: ScenarioPreset = { provider: 'github', edition: 'github-com', deploymentMode: 'cloud' };

/** Ids of the targets the stateful scenarios start with. */
export const SAMPLE_TARGET_IDS = {
  cloudConnected: 'tgt_jira_cloud_acme',
  selfHostedConnected: 'tgt_jira_dc_acme',
  authRequired: 'tgt_github_acme',
  blocked: 'tgt_gitlab_internal',
  revoked: 'tgt_gitlab_old',
} as const;

/** Every scenario the mock backend plays, in the order a switcher lists them. */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  'cloud-ready': define(
    'cloud-ready',
    'Cloud target ready',
    'No targets yet. A cloud tenant is accepted, authorisation succeeds and the target is saved.',
    { provider: 'jira', edition: 'jira-cloud', deploymentMode: 'cloud' },
  ),
  'self-hosted-ready': define(
    'self-hosted-ready',
    'Self-hosted target ready',
    'Every URL check passes for an https base URL, the network path is recorded and the target is saved.',
    jiraDc('https://jira.example.com'),
  ),
  'url-blocked-private-network': define(
    'url-blocked-private-network',
    'URL blocked: private network',
    'The host resolves to 10.0.0.12, a private-network address; the URL check is blocked.',
    jiraDc('https://jira.corp.example.com'),
  ),
  'url-blocked-reserved-ip': define(
    'url-blocked-reserved-ip',
    'URL blocked: reserved address',
    'The host resolves to 198.18.0.10, in the reserved benchmarking range that some DNS proxies hand out; the URL check is blocked.',
    jiraDc('https://jira.example.org'),
  ),
  'url-blocked-redirect': define(
    'url-blocked-redirect',
    'URL blocked: redirect',
    'The host answers with a redirect to http://192.168.10.5/login, a private address; the URL check is blocked at that hop.',
    jiraDc('https://tickets.example.com'),
  ),
  'url-blocked-dns-rebinding': define(
    'url-blocked-dns-rebinding',
    'URL blocked: DNS rebinding',
    'A second lookup of the host answers 127.0.0.1 instead of the checked address; the URL check is blocked.',
    jiraDc('https://jira.example.net'),
  ),
  'url-blocked-ownership': define(
    'url-blocked-ownership',
    'URL blocked: ownership probe',
    'The host is reachable but does not answer as the chosen product at its identity endpoint; the URL check is blocked.',
    jiraDc('https://intranet.example.com'),
  ),
  'allowlist-missing': define(
    'allowlist-missing',
    'Allowlist status missing',
    'URL checks pass, but every self-hosted or webhook save is refused with ALLOWLIST_STATUS_MISSING.',
    jiraDc('https://jira.example.com'),
  ),
  'ownership-unclear': define(
    'ownership-unclear',
    'Ownership unclear',
    'URL checks and saves are refused with OWNERSHIP_UNCONFIRMED until ownership and export authorisation are settled.',
    jiraDc('https://jira.example.com'),
  ),
  'provider-limitation': define(
    'provider-limitation',
    'Provider limitation',
    'Bitbucket Data Center has no issue tracker: the flow stops at Deployment mode, before any URL or credential, and points to the alternative. A save that reaches the backend anyway is refused with PROVIDER_LIMITATION, naming the way on as its action when the catalog knows one (Bitbucket Cloud: its issue tracker is off, connect Jira Cloud instead).',
    // No baseUrl: the flow never reaches a URL step for this edition.
    { provider: 'bitbucket', edition: 'bitbucket-dc', deploymentMode: 'self-hosted' },
  ),
  'auth-required': define(
    'auth-required',
    'Provider auth required',
    'Every save is answered with PROVIDER_AUTH_REQUIRED and the provider action to take; nothing is saved.',
    { provider: 'github', edition: 'github-com', deploymentMode: 'cloud' },
  ),
  reconnect: define(
    'reconnect',
    'Reconnect',
    'A GitHub target needs authorisation again; saving new credentials for it reconnects it.',
    { targetId: SAMPLE_TARGET_IDS.authRequired },
  ),
  revoke: define(
    'revoke',
    'Revoke',
    'Two connected targets; revoking one drops its credentials and keeps its record and history.',
    { targetId: SAMPLE_TARGET_IDS.cloudConnected },
  ),
  'slow-backend': define(
    'slow-backend',
    'Slow backend',
    'Everything works, but each answer takes a few seconds.',
    { provider: 'jira', edition: 'jira-cloud', deploymentMode: 'cloud' },
  ),
  'backend-down': define(
    'backend-down',
    'Backend down',
    'Every call fails: a 503 without a contract body, or a network error.',
  ),
  'malformed-response': define(
    'malformed-response',
    'Malformed response',
    'Every answer breaks the contract: wrong shapes, truncated JSON, a script URL for authorisation.',
  ),
  'destinations-small': define(
    'destinations-small',
    'Destinations: a few',
    'After save, every provider lists three destinations at each level (GitHub: the acme organisation\'s repositories), and the test export succeeds.',
    GITHUB_CLOUD,
  ),
  'destinations-large': define(
    'destinations-large',
    'Destinations: 5,000',
    'After save, every provider lists 5,000 destinations at its first level, paged and searchable by name.',
    GITHUB_CLOUD,
  ),
  'destinations-empty': define(
    'destinations-empty',
    'Destinations: none',
    'After save, the credential reaches no destination: each list is empty and says which permission or install is missing.',
    GITHUB_CLOUD,
  ),
  'destination-read-only': define(
    'destination-read-only',
    'Destination without write permission',
    'Destinations are listed, but the credential may not create tickets in any of them: the test export fails with DESTINATION_NOT_WRITABLE (a webhook endpoint answers 404).',
    GITHUB_CLOUD,
  ),
  'test-export-succeeded': define(
    'test-export-succeeded',
    'Test export succeeds',
    'The test export creates one marked test ticket and links to it; a webhook receiver verifies the signed delivery and answers 204.',
    GITHUB_CLOUD,
  ),
  'test-export-auth-failed': define(
    'test-export-auth-failed',
    'Test export: credential refused',
    'Saving and listing work, then the provider refuses the credential on the test ticket: PROVIDER_AUTH_REQUIRED, and the target needs authorisation again.',
    GITHUB_CLOUD,
  ),
  'test-export-network-failed': define(
    'test-export-network-failed',
    'Test export: network',
    'Saving and listing work, then the connection to the provider drops on the test ticket: NETWORK_UNREACHABLE.',
    GITHUB_CLOUD,
  ),
  'test-export-unavailable': define(
    'test-export-unavailable',
    'Test export: provider unavailable',
    'Saving and listing work, then the provider answers the test ticket with a server error: PROVIDER_UNAVAILABLE, try again later.',
    GITHUB_CLOUD,
  ),
  'test-export-limitation': define(
    'test-export-limitation',
    'Test export: provider limitation',
    'Saving and listing work, then the destination cannot take the ticket (a webhook endpoint redirects): PROVIDER_LIMITATION.',
    GITHUB_CLOUD,
  ),
};

/** The code each failing export scenario's test export ends with (its result's `error.code`). */
export const TEST_EXPORT_FAILURES = {
  'destination-read-only': 'DESTINATION_NOT_WRITABLE',
  'test-export-auth-failed': 'PROVIDER_AUTH_REQUIRED',
  'test-export-network-failed': 'NETWORK_UNREACHABLE',
  'test-export-unavailable': 'PROVIDER_UNAVAILABLE',
  'test-export-limitation': 'PROVIDER_LIMITATION',
} as const satisfies Partial<Record<ScenarioId, TestExportErrorCode>>;

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}
