import { html } from 'lit';
import type { TargetRecord } from '../src/core/contract/index.js';
import { PROVIDERS } from '../src/core/providers/index.js';
import type { PtsErrorView } from '../src/elements/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import { SAMPLE_TARGETS } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';

defineSubElements();

interface Args {
  targets: readonly TargetRecord[];
  /** Provider ids to list; empty lists the whole catalog. */
  providers: readonly string[];
  loading: boolean;
  error: PtsErrorView | null;
  /** No backend to ask yet: the targets are unknown, adding stays possible. */
  targetsUnknown: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Integration status',
  component: 'pts-integration-status',
  args: { targets: [], providers: [], loading: false, error: null, targetsUnknown: false },
  argTypes: { targets: { control: 'object' }, providers: { control: 'object' } },
  render: (args) => {
    const providers = args.providers.length ? PROVIDERS.filter((p) => args.providers.includes(p.id)) : PROVIDERS;
    return html`<pts-integration-status
      .providers=${providers}
      .targets=${args.targets}
      ?loading=${args.loading}
      .error=${args.error}
      ?targets-unknown=${args.targetsUnknown}
    ></pts-integration-status>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const FEW = ['jira', 'github', 'gitlab', 'webhook'];

export const NothingConnected: Story = { name: 'Nothing connected yet', args: { providers: FEW } };
export const EveryTargetState: Story = {
  name: 'One target in each state',
  args: { targets: Object.values(SAMPLE_TARGETS), providers: FEW },
};
export const AuthRequired: Story = {
  name: 'A target needs authorisation',
  args: { targets: [SAMPLE_TARGETS.authRequired, SAMPLE_TARGETS.cloudConnected], providers: FEW },
};
export const WholeCatalog: Story = { name: 'Whole catalog', args: { targets: [SAMPLE_TARGETS.cloudConnected] } };
export const Loading: Story = { name: 'Loading', args: { loading: true, providers: FEW } };
export const TargetsUnknown: Story = {
  name: 'Targets not loaded (no backend yet)',
  args: { targetsUnknown: true, providers: FEW },
};
export const LoadFailed: Story = {
  name: 'Status could not load',
  args: { error: { code: 'BACKEND_UNAVAILABLE' }, providers: FEW },
};
