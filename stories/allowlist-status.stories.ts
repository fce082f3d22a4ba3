import { html } from 'lit';
import type { AllowlistStatus, ErrorCode } from '../src/core/contract/index.js';
import { ALLOWLIST_STATUSES } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import { SAMPLE_EGRESS_ADDRESSES } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';

defineSubElements();

interface Args {
  value: AllowlistStatus | null;
  egressAddresses: readonly string[];
  errorCode: ErrorCode | '';
}

const meta: Meta<Args> = {
  title: 'Elements/Allowlist status',
  component: 'pts-allowlist-status',
  args: { value: null, egressAddresses: SAMPLE_EGRESS_ADDRESSES, errorCode: '' },
  argTypes: { value: { control: 'select', options: [null, ...ALLOWLIST_STATUSES] }, egressAddresses: { control: 'object' } },
  render: (args) => html`<pts-allowlist-status
    .value=${args.value}
    .egressAddresses=${args.egressAddresses}
    .error=${args.errorCode ? { code: args.errorCode } : null}
  ></pts-allowlist-status>`,
};
export default meta;

type Story = StoryObj<Args>;

export const NotChosen: Story = { name: 'Nothing chosen yet' };
export const Direct: Story = { name: 'Direct', args: { value: 'direct' } };
export const Tunnel: Story = { name: 'Customer-approved tunnel', args: { value: 'tunnel' } };
export const FirewallAllowlist: Story = { name: 'Firewall or VPN allowlist, with egress addresses', args: { value: 'allowlist' } };
export const AllowlistNoAddresses: Story = {
  name: 'Allowlist, backend reports no addresses',
  args: { value: 'allowlist', egressAddresses: [] },
};
export const Unreachable: Story = { name: 'Unreachable', args: { value: 'unreachable' } };
export const Missing: Story = { name: 'Missing (save refused)', args: { errorCode: 'ALLOWLIST_STATUS_MISSING' } };
