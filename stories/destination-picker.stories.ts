import { html } from 'lit';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { Meta, StoryObj } from './support/csf.js';
import { listLoader, type ListOptions } from './support/destinations.js';

defineSubElements();

interface Args {
  list: ListOptions;
  invalid: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Destination picker',
  component: 'pts-destination-picker',
  args: { list: { level: 'repository', prefix: 'acme/service', size: 12 }, invalid: false },
  argTypes: { list: { control: 'object' } },
  render: ({ list, invalid }) => html`<pts-destination-picker
    .level=${list.level ?? 'repository'}
    .load=${listLoader(list)}
    ?invalid=${invalid}
  ></pts-destination-picker>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Small: Story = { name: 'A few repositories' };
export const Large: Story = { name: '5,000 repositories, loaded page by page', args: { list: { level: 'repository', prefix: 'acme/service', size: 5000 } } };
export const Empty: Story = {
  name: 'Empty: the reason and the provider’s action',
  args: {
    list: {
      level: 'repository',
      size: 0,
      empty: {
        reason: 'nothing_accessible',
        message: 'The GitHub App installation can reach no repository.',
        action: { label: 'Add repositories to the installation in GitHub: Settings → GitHub Apps → Configure.', url: 'https://github.com/settings/installations' },
      },
    },
  },
};
export const Failed: Story = { name: 'The list could not be loaded', args: { list: { level: 'project', fail: 'NETWORK_UNREACHABLE' } } };
export const Required: Story = { name: 'Required, nothing chosen', args: { list: { level: 'project', prefix: 'Project' }, invalid: true } };
