import { html } from 'lit';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { Meta, StoryObj } from './support/csf.js';
import { EDITION_IDS, provider, PROVIDER_IDS } from './support/fixtures.js';

defineSubElements();

interface Args {
  provider: string;
  /** The chosen edition id; empty before a choice. */
  value: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Deployment mode',
  component: 'pts-deployment-mode',
  args: { provider: 'jira', value: '' },
  argTypes: {
    provider: { control: 'select', options: PROVIDER_IDS },
    value: { control: 'select', options: ['', ...EDITION_IDS] },
  },
  render: (args) => html`<pts-deployment-mode .provider=${provider(args.provider)} value=${args.value}></pts-deployment-mode>`,
};
export default meta;

type Story = StoryObj<Args>;

export const NotChosen: Story = { name: 'Jira, nothing chosen yet' };
export const CloudChosen: Story = { name: 'Jira Cloud chosen', args: { value: 'jira-cloud' } };
export const SelfHostedChosen: Story = { name: 'Jira Data Center chosen (version notes)', args: { value: 'jira-dc' } };
export const ThreeEditions: Story = { name: 'GitHub: three editions', args: { provider: 'github', value: 'ghes' } };
export const BlockingLimitation: Story = {
  name: 'Bitbucket: an edition that cannot hold tickets',
  args: { provider: 'bitbucket', value: 'bitbucket-dc' },
};
export const Webhook: Story = { name: 'Webhook', args: { provider: 'webhook', value: 'webhook' } };
export const NoProvider: Story = { name: 'No provider chosen', args: { provider: '' } };
