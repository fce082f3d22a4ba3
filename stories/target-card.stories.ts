import { html } from 'lit';
import type { TargetRecord } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import { SAMPLE_TARGETS } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';
import { edition, provider } from './support/fixtures.js';

defineSubElements();

interface Args {
  target: TargetRecord;
  showRevoke: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Target card',
  component: 'pts-target-card',
  args: { target: SAMPLE_TARGETS.cloudConnected, showRevoke: true },
  argTypes: { target: { control: 'object' } },
  render: ({ target, showRevoke }) => html`<pts-target-card
    .target=${target}
    .provider=${provider(target.provider)}
    .edition=${edition(target.provider, target.edition)}
    .showRevoke=${showRevoke}
  ></pts-target-card>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Connected: Story = { name: 'Connected cloud target' };
export const SelfHosted: Story = { name: 'Self-hosted target with its network path', args: { target: SAMPLE_TARGETS.selfHostedConnected } };
export const AuthRequired: Story = { name: 'Authorisation required, with the provider action', args: { target: SAMPLE_TARGETS.authRequired } };
export const Blocked: Story = { name: 'Blocked by a URL check', args: { target: SAMPLE_TARGETS.blocked } };
export const Revoked: Story = { name: 'Revoked: history kept, no credentials', args: { target: SAMPLE_TARGETS.revoked } };
export const WithoutRevoke: Story = { name: 'Without where to revoke (a revoke step says it)', args: { showRevoke: false } };
export const UnsafeLink: Story = {
  name: 'An action link that is not http(s): shown as text',
  args: {
    target: {
      ...SAMPLE_TARGETS.authRequired,
      error: { code: 'PROVIDER_AUTH_REQUIRED', message: 'Expired.', action: { label: 'Renew the token', url: 'javascript:alert(1)' } },
    },
  },
};
