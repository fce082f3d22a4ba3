import { html } from 'lit';
import type { ErrorCode } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { UrlCheckView } from '../src/elements/index.js';
import type { Meta, StoryObj } from './support/csf.js';
import { checkResult, edition, provider, WEBHOOK_OWNERSHIP_SKIPPED } from './support/fixtures.js';

defineSubElements();

interface Args {
  provider: string;
  edition: string;
  ownershipConfirmed: boolean;
  exportAuthorized: boolean;
  baseUrl: string;
  checking: boolean;
  result: UrlCheckView | null;
  /** Why the checks could not run; empty for none. */
  errorCode: ErrorCode | '';
  portableExport: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Network check',
  component: 'pts-network-check',
  args: {
    provider: 'jira',
    edition: 'jira-dc',
    ownershipConfirmed: false,
    exportAuthorized: false,
    baseUrl: '',
    checking: false,
    result: null,
    errorCode: '',
    portableExport: true,
  },
  argTypes: { result: { control: 'object' } },
  render: (args) => html`<pts-network-check
    .provider=${provider(args.provider)}
    .edition=${edition(args.provider, args.edition)}
    ?ownership-confirmed=${args.ownershipConfirmed}
    ?export-authorized=${args.exportAuthorized}
    .baseUrl=${args.baseUrl}
    ?checking=${args.checking}
    .result=${args.result}
    .error=${args.errorCode ? { code: args.errorCode } : null}
    ?portable-export=${args.portableExport}
  ></pts-network-check>`,
};
export default meta;

type Story = StoryObj<Args>;

const confirmed = { ownershipConfirmed: true, exportAuthorized: true };

export const Idle: Story = { name: 'Idle: confirm ownership first' };
export const OwnershipOnly: Story = { name: 'Ownership confirmed, export not yet', args: { ownershipConfirmed: true } };
export const Confirmed: Story = { name: 'Confirmed, URL field empty', args: confirmed };
export const TypingInvalid: Story = { name: 'Typing: not a URL yet', args: { ...confirmed, baseUrl: 'jira.example' } };
export const TypingHttp: Story = { name: 'Typing: http instead of https', args: { ...confirmed, baseUrl: 'http://jira.example.com' } };
export const TypingPrivateAddress: Story = {
  name: 'Typing: a private address',
  args: { ...confirmed, baseUrl: 'https://10.0.0.12/jira' },
};
export const TypingUserinfo: Story = {
  name: 'Typing: a user name in the URL',
  args: { ...confirmed, baseUrl: 'https://admin@jira.example.com' },
};
export const ReadyToCheck: Story = { name: 'A valid URL, ready to check', args: { ...confirmed, baseUrl: 'https://jira.example.com' } };
export const Checking: Story = {
  name: 'Server checks running',
  args: { ...confirmed, baseUrl: 'https://jira.example.com', checking: true },
};
export const Passed: Story = {
  name: 'Every check passed',
  args: { ...confirmed, baseUrl: 'https://jira.example.com', result: checkResult('https://jira.example.com') },
};
export const BlockedPrivateNetwork: Story = {
  name: 'Blocked: private network',
  args: {
    ...confirmed,
    baseUrl: 'https://jira.corp.example.com',
    result: checkResult('https://jira.corp.example.com', {
      check: 'private_network',
      detail: 'jira.corp.example.com resolves to 10.0.0.12, a private-network address (10.0.0.0/8).',
      offender: '10.0.0.12',
    }),
  },
};
export const BlockedReservedIp: Story = {
  name: 'Blocked: reserved address',
  args: {
    ...confirmed,
    baseUrl: 'https://jira.example.org',
    result: checkResult('https://jira.example.org', {
      check: 'reserved_ip',
      detail: 'jira.example.org resolves to 198.18.0.10, in the benchmarking range 198.18.0.0/15, which is not globally reachable.',
      offender: '198.18.0.10',
    }),
  },
};
export const BlockedRedirect: Story = {
  name: 'Blocked: redirect',
  args: {
    ...confirmed,
    baseUrl: 'https://tickets.example.com',
    result: checkResult('https://tickets.example.com', {
      check: 'redirect',
      detail: 'https://tickets.example.com redirects (hop 1) to http://192.168.10.5/login, which is not https and resolves to a private-network address.',
      offender: 'http://192.168.10.5/login',
    }),
  },
};
export const BlockedDnsRebinding: Story = {
  name: 'Blocked: DNS rebinding',
  args: {
    ...confirmed,
    baseUrl: 'https://jira.example.net',
    result: checkResult('https://jira.example.net', {
      check: 'dns_rebinding',
      detail: 'A second lookup of jira.example.net answered 127.0.0.1 instead of the checked 93.184.215.14.',
      offender: '127.0.0.1',
    }),
  },
};
export const BlockedOwnership: Story = {
  name: 'Blocked: ownership probe',
  args: {
    ...confirmed,
    baseUrl: 'https://intranet.example.com',
    result: checkResult('https://intranet.example.com', {
      check: 'ownership',
      detail: 'https://intranet.example.com/rest/api/2/serverInfo did not answer as Jira Data Center.',
      offender: 'https://intranet.example.com/rest/api/2/serverInfo',
    }),
  },
};
export const BlockedWithoutExport: Story = {
  name: 'Blocked, no portable export offered',
  args: { ...BlockedPrivateNetwork.args, portableExport: false },
};
export const ChecksCouldNotRun: Story = {
  name: 'Checks could not run (backend down)',
  args: { ...confirmed, baseUrl: 'https://jira.example.com', errorCode: 'BACKEND_UNAVAILABLE' },
};
export const RateLimited: Story = {
  name: 'Too many checks',
  args: { ...confirmed, baseUrl: 'https://jira.example.com', errorCode: 'RATE_LIMITED' },
};
export const WebhookEndpoint: Story = {
  name: 'Webhook endpoint',
  args: { provider: 'webhook', edition: 'webhook', ...confirmed, baseUrl: 'https://hooks.example.com/scanner' },
};
export const WebhookChecked: Story = {
  name: 'Webhook endpoint checked: no identity endpoint, ownership skipped',
  args: {
    ...WebhookEndpoint.args,
    result: checkResult('https://hooks.example.com/scanner', undefined, { ownership: WEBHOOK_OWNERSHIP_SKIPPED }),
  },
};
