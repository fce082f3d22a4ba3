import { html } from 'lit';
import type { ErrorCode, TargetRecord } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import { SAMPLE_TARGETS } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';
import { authMethod, provider } from './support/fixtures.js';

defineSubElements();

interface Args {
  target: TargetRecord;
  revokedAtProvider: boolean;
  busy: boolean;
  revoked: boolean;
  errorCode: ErrorCode | '';
}

const meta: Meta<Args> = {
  title: 'Elements/Revoke',
  component: 'pts-revoke',
  args: { target: SAMPLE_TARGETS.cloudConnected, revokedAtProvider: false, busy: false, revoked: false, errorCode: '' },
  argTypes: { target: { control: 'object' } },
  render: ({ target, ...args }) => html`<pts-revoke
    .provider=${provider(target.provider)}
    .method=${authMethod(target.provider, target.edition, target.auth_method)}
    .target=${target}
    ?revoked-at-provider=${args.revokedAtProvider}
    ?busy=${args.busy}
    ?revoked=${args.revoked}
    .error=${args.errorCode ? { code: args.errorCode } : null}
  ></pts-revoke>`,
};
export default meta;

type Story = StoryObj<Args>;

export const RevokeAtProviderFirst: Story = { name: 'Step 1: revoke at the provider first' };
export const Acknowledged: Story = { name: 'Revoked at the provider, ready to disconnect', args: { revokedAtProvider: true } };
export const Disconnecting: Story = { name: 'Disconnecting', args: { revokedAtProvider: true, busy: true } };
export const Disconnected: Story = { name: 'Disconnected', args: { revokedAtProvider: true, revoked: true } };
export const DisconnectFailed: Story = {
  name: 'Disconnect failed',
  args: { revokedAtProvider: true, errorCode: 'BACKEND_UNAVAILABLE' },
};
export const SelfHostedToken: Story = {
  name: 'Self-hosted target (no revoke link)',
  args: { target: SAMPLE_TARGETS.selfHostedConnected },
};
