import { html } from 'lit';
import { STEP_IDS, type StepId } from '../src/elements/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { Meta, StoryObj } from './support/csf.js';

defineSubElements();

interface Args {
  current: StepId;
  blocked: boolean;
  navigable: boolean;
  /** Steps before `current` that were passed over. */
  skipped: StepId[];
}

const meta: Meta<Args> = {
  title: 'Elements/Step path',
  component: 'pts-step-path',
  args: { current: 'status', blocked: false, navigable: false, skipped: [] },
  argTypes: { current: { control: 'select', options: STEP_IDS }, skipped: { control: 'object' } },
  render: (args) =>
    html`<pts-step-path current=${args.current} ?blocked=${args.blocked} ?navigable=${args.navigable} .skipped=${args.skipped}></pts-step-path>`,
};
export default meta;

type Story = StoryObj<Args>;

export const IntegrationStatus: Story = { name: 'Integration status (start)' };
export const DeploymentMode: Story = { name: 'Deployment mode', args: { current: 'deployment' } };
export const AuthAndNetworkCheck: Story = { name: 'Auth and network check', args: { current: 'network' } };
export const ProviderSetup: Story = { name: 'Provider-specific setup', args: { current: 'provider-setup' } };
export const TicketExportTarget: Story = { name: 'Ticket export target', args: { current: 'target' } };
export const BlockedAtNetworkCheck: Story = { name: 'Blocked at the network check', args: { current: 'network', blocked: true } };
export const NavigableBack: Story = { name: 'Completed steps navigable', args: { current: 'provider-setup', navigable: true } };
export const SkippedSetup: Story = {
  name: 'Provider setup skipped (portable export chosen)',
  args: { current: 'target', navigable: true, skipped: ['provider-setup'] },
};
