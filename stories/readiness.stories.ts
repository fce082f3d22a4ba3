import { html } from 'lit';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { ReadyItem } from '../src/elements/index.js';
import type { Meta, StoryObj } from './support/csf.js';
import { authMethod } from './support/fixtures.js';

defineSubElements();

interface Args {
  items: readonly ReadyItem[];
}

const meta: Meta<Args> = {
  title: 'Elements/Readiness',
  component: 'pts-readiness',
  args: { items: [] },
  argTypes: { items: { control: 'object' } },
  render: (args) => html`<pts-readiness .items=${args.items}></pts-readiness>`,
};
export default meta;

type Story = StoryObj<Args>;

// Revoke locations come from the catalog, as the root element shows them.
const cloudMethod = authMethod('jira', 'jira-cloud', 'oauth2_3lo');
const dcMethod = authMethod('jira', 'jira-dc', 'pat');

export const NothingReady: Story = { name: 'Nothing ready yet' };
export const CloudReady: Story = {
  name: 'Cloud target ready',
  args: {
    items: [
      { key: 'cloud-target', status: 'ready', reason: 'acme.atlassian.net confirmed as your site.' },
      { key: 'self-hosted-target', status: 'not-applicable' },
      { key: 'allowlist', status: 'not-applicable' },
      { key: 'credential-boundary', status: 'ready', reason: cloudMethod?.grants, revoke: cloudMethod?.revoke },
      { key: 'fallback', status: 'ready' },
    ],
  },
};
export const SelfHostedReady: Story = {
  name: 'Self-hosted target ready',
  args: {
    items: [
      { key: 'cloud-target', status: 'not-applicable' },
      { key: 'self-hosted-target', status: 'ready', reason: 'https://jira.example.com passed every check.' },
      { key: 'allowlist', status: 'ready', reason: 'Firewall or VPN allowlist recorded.' },
      { key: 'credential-boundary', status: 'ready', reason: dcMethod?.grants, revoke: dcMethod?.revoke },
      { key: 'fallback', status: 'ready' },
    ],
  },
};
// Reasons as the flow's codes (`readiness()` in the core), worded by the element's catalog.
export const ReasonCodesSelfHosted: Story = {
  name: 'Reason codes: URL blocked, server unreachable',
  args: {
    items: [
      { key: 'cloud-target', status: 'not-applicable', code: 'other-mode' },
      { key: 'self-hosted-target', status: 'not-ready', code: 'url-blocked' },
      { key: 'allowlist', status: 'not-ready', code: 'allowlist-unreachable' },
      { key: 'credential-boundary', status: 'not-ready', code: 'auth-method-not-chosen' },
      { key: 'fallback', status: 'ready', code: 'fallback-available' },
    ],
  },
};
export const ReasonCodesCloud: Story = {
  name: 'Reason codes: waiting for approval at the provider',
  args: {
    items: [
      { key: 'cloud-target', status: 'ready', code: 'target-confirmed' },
      { key: 'self-hosted-target', status: 'not-applicable', code: 'other-mode' },
      { key: 'allowlist', status: 'not-applicable', code: 'no-base-url' },
      { key: 'credential-boundary', status: 'not-ready', code: 'authorization-pending' },
      { key: 'fallback', status: 'not-ready', code: 'fallback-unavailable' },
    ],
  },
};
export const PartlyReady: Story = {
  name: 'Partly ready: allowlist and credential missing',
  args: {
    items: [
      { key: 'cloud-target', status: 'not-applicable' },
      { key: 'self-hosted-target', status: 'ready' },
      { key: 'allowlist', status: 'not-ready' },
      { key: 'credential-boundary', status: 'not-ready' },
      { key: 'fallback', status: 'not-ready', reason: 'This backend does not offer portable export.' },
    ],
  },
};
