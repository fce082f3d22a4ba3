import { html, nothing } from 'lit';
import '../src/define.js';
import type { MessageBundle } from '../src/elements/index.js';
import { createHandlers, DEFAULT_MOCK_ENDPOINT, isScenarioId, SCENARIOS, type ScenarioId } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';
import * as drive from './support/drive.js';
import { createMockBackend } from './support/mock-backend.js';

/**
 * `in-memory`: each render gets its own backend answering from the scenario's
 * msw handlers without a service worker, so stories work in Storybook as they
 * are and many can share a page. `endpoint`: the element calls `endpoint`
 * over fetch, for msw-storybook-addon (the handlers are in `parameters.msw`)
 * or a real backend. `none`: no backend configured.
 */
type Transport = 'in-memory' | 'endpoint' | 'none';

interface Args {
  transport: Transport;
  endpoint: string;
  provider: string;
  targetId: string;
  lang: string;
  messages: MessageBundle | undefined;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Provider target setup',
  component: 'provider-target-setup',
  args: { transport: 'in-memory', endpoint: DEFAULT_MOCK_ENDPOINT, provider: '', targetId: '', lang: '', messages: undefined },
  argTypes: {
    transport: { control: 'radio', options: ['in-memory', 'endpoint', 'none'] },
    messages: { control: 'object' },
  },
  parameters: { scenario: 'cloud-ready', layout: 'padded' },
  render: (args, { parameters }) => {
    const scenario: ScenarioId = isScenarioId(parameters.scenario) ? parameters.scenario : 'cloud-ready';
    const backend = args.transport === 'in-memory' ? createMockBackend(scenario) : undefined;
    return html`<provider-target-setup
      .backend=${backend}
      endpoint=${args.transport === 'endpoint' ? args.endpoint : nothing}
      provider=${args.provider || nothing}
      target-id=${args.targetId || nothing}
      lang=${args.lang || nothing}
      .messages=${args.messages}
    ></provider-target-setup>`;
  },
};
export default meta;

/** A story playing one msw scenario, opened where the scenario's preset says. */
function scenario(id: ScenarioId, play?: Story['play']): Story {
  const { preset, description } = SCENARIOS[id];
  const hint = preset.baseUrl ? ` Base URL: ${preset.baseUrl}.` : '';
  return {
    name: SCENARIOS[id].label,
    args: { provider: preset.provider ?? '', targetId: preset.targetId ?? '' },
    parameters: { scenario: id, description: description + hint, msw: { handlers: createHandlers({ scenario: id }) } },
    ...(play ? { play } : {}),
  };
}

/** Self-hosted scenarios: Jira Data Center up to the URL check, which ends in `next`. */
function selfHosted(id: ScenarioId, next: Parameters<typeof drive.phase>[1][]): Story {
  const { preset } = SCENARIOS[id];
  return scenario(id, async ({ canvasElement }) => {
    const element = drive.setupIn(canvasElement);
    await drive.chooseEdition(element, preset.edition ?? 'jira-dc', ['ownership', 'base-url']);
    await drive.runUrlCheck(element, preset.baseUrl ?? 'https://jira.example.com', next);
  });
}

export const CloudReady: Story = scenario('cloud-ready', async ({ canvasElement }) => {
  const element = drive.setupIn(canvasElement);
  await drive.chooseEdition(element, 'jira-cloud', ['tenant']);
  await drive.confirmTenant(element, 'acme.atlassian.net');
});

export const SelfHostedReady: Story = scenario('self-hosted-ready', async ({ canvasElement }) => {
  const element = drive.setupIn(canvasElement);
  await drive.chooseEdition(element, 'jira-dc', ['ownership', 'base-url']);
  await drive.runUrlCheck(element, 'https://jira.example.com', ['allowlist']);
  await drive.chooseAllowlist(element, 'allowlist', ['auth']);
});

export const UrlBlockedPrivateNetwork: Story = selfHosted('url-blocked-private-network', ['url-blocked']);
export const UrlBlockedReservedIp: Story = selfHosted('url-blocked-reserved-ip', ['url-blocked']);
export const UrlBlockedRedirect: Story = selfHosted('url-blocked-redirect', ['url-blocked']);
export const UrlBlockedDnsRebinding: Story = selfHosted('url-blocked-dns-rebinding', ['url-blocked']);
export const UrlBlockedOwnership: Story = selfHosted('url-blocked-ownership', ['url-blocked']);

export const AllowlistMissing: Story = scenario('allowlist-missing', async ({ canvasElement }) => {
  const element = drive.setupIn(canvasElement);
  await drive.chooseEdition(element, 'jira-dc', ['ownership', 'base-url']);
  await drive.runUrlCheck(element, 'https://jira.example.com', ['allowlist']);
  await drive.chooseAllowlist(element, 'direct', ['auth']);
  await drive.saveWithToken(element, 'demo-placeholder-token', ['allowlist']);
});

export const OwnershipUnclear: Story = selfHosted('ownership-unclear', ['ownership', 'base-url']);

export const ProviderLimitation: Story = scenario('provider-limitation', async ({ canvasElement }) => {
  await drive.chooseEdition(drive.setupIn(canvasElement), 'bitbucket-dc', ['limitation-blocked']);
});

export const AuthRequired: Story = scenario('auth-required', async ({ canvasElement }) => {
  const element = drive.setupIn(canvasElement);
  await drive.chooseEdition(element, 'github-com', ['tenant']);
  await drive.confirmTenant(element, 'acme');
  await drive.saveWithToken(element, 'github_pat_demo_placeholder', ['auth-required'], 'fine_grained_pat');
});

// A target that needs authorisation opens straight at its auth step.
export const Reconnect: Story = scenario('reconnect', async ({ canvasElement }) => {
  await drive.phase(drive.setupIn(canvasElement), 'auth-required');
});

export const Revoke: Story = scenario('revoke', async ({ canvasElement }) => {
  await drive.startRevoke(drive.setupIn(canvasElement));
});

/** Export scenarios: a GitHub.com target saved with a placeholder token, then the provider-specific setup. */
function afterSave(id: ScenarioId, then: (element: ReturnType<typeof drive.setupIn>) => Promise<void>): Story {
  return scenario(id, async ({ canvasElement }) => {
    const element = drive.setupIn(canvasElement);
    await drive.chooseEdition(element, 'github-com', ['tenant']);
    await drive.confirmTenant(element, 'acme');
    await drive.saveWithToken(element, 'github_pat_demo_placeholder', ['export-setup'], 'fine_grained_pat');
    await then(element);
  });
}

/** Through the setup to the overview, with a test export run there. */
const tested = async (element: ReturnType<typeof drive.setupIn>): Promise<void> => {
  await drive.chooseFirstDestination(element);
  await drive.saveExportSettings(element);
  await drive.runTestExport(element);
};

export const DestinationsSmall: Story = afterSave('destinations-small', drive.openDestinationList);
export const DestinationsLarge: Story = afterSave('destinations-large', drive.openDestinationList);
export const DestinationsEmpty: Story = afterSave('destinations-empty', async () => undefined);
export const DestinationReadOnly: Story = afterSave('destination-read-only', tested);
export const TestExportSucceeded: Story = afterSave('test-export-succeeded', tested);
export const TestExportAuthFailed: Story = afterSave('test-export-auth-failed', tested);
export const TestExportNetworkFailed: Story = afterSave('test-export-network-failed', tested);
export const TestExportUnavailable: Story = afterSave('test-export-unavailable', tested);
export const TestExportLimitation: Story = afterSave('test-export-limitation', tested);

export const SlowBackend: Story = scenario('slow-backend');
export const BackendDown: Story = scenario('backend-down');
export const MalformedResponse: Story = scenario('malformed-response');

export const NoBackend: Story = {
  name: 'No backend configured',
  args: { transport: 'none' },
  parameters: { description: 'Neither endpoint nor backend is set: the element says so instead of failing silently.' },
};

export const HostWording: Story = {
  name: 'Host wording (message overrides)',
  args: {
    messages: {
      'root.title': 'Send findings to your tracker',
      'status.heading': 'Your trackers',
    } as MessageBundle,
  },
  parameters: {
    scenario: 'revoke',
    description: 'A host replaces single messages of the catalog; everything else keeps the default English text.',
  },
};
