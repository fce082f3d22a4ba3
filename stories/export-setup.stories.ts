import { html } from 'lit';
import type { TargetRecord } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import { SAMPLE_TARGETS } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';
import { treeLoader, type ListOptions } from './support/destinations.js';

defineSubElements();

interface Args {
  target: TargetRecord;
  providerLabel: string;
  lists: Record<string, ListOptions>;
  busy: boolean;
}

const jira = { ...SAMPLE_TARGETS.cloudConnected, provider: 'jira' as const };

const meta: Meta<Args> = {
  title: 'Elements/Export setup',
  component: 'pts-export-setup',
  args: {
    target: jira,
    providerLabel: 'Jira',
    lists: { root: { level: 'project', prefix: 'Project', size: 8, hasChildren: true }, project: { level: 'issue_type', prefix: 'Issue type', size: 4 } },
    busy: false,
  },
  argTypes: { target: { control: 'object' }, lists: { control: 'object' } },
  render: ({ target, providerLabel, lists, busy }) => html`<pts-export-setup
    .target=${target}
    .providerLabel=${providerLabel}
    .loader=${treeLoader(lists)}
    ?busy=${busy}
  ></pts-export-setup>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Jira: Story = { name: 'Jira: project, then issue type' };
export const Saved: Story = {
  name: 'Editing saved settings',
  args: {
    target: {
      ...jira,
      export_settings: {
        destination: [
          { level: 'project', id: 'project-0002', name: 'Project 0002' },
          { level: 'issue_type', id: 'issue_type-0001', name: 'Issue type 0001' },
        ],
        duplicates: 'comment',
      },
    },
  },
};
export const GitHub: Story = {
  name: 'GitHub: repository and labels',
  args: {
    target: { ...jira, provider: 'github' },
    providerLabel: 'GitHub',
    lists: { root: { level: 'repository', prefix: 'acme/service', size: 5000 }, label: { level: 'label', prefix: 'label', size: 6 } },
  },
};
export const ClickUp: Story = {
  name: 'ClickUp: workspace, space, folder or list',
  args: {
    target: { ...jira, provider: 'clickup' },
    providerLabel: 'ClickUp',
    lists: {
      root: { level: 'workspace', prefix: 'Workspace', size: 2, hasChildren: true },
      workspace: { level: 'space', prefix: 'Space', size: 3, hasChildren: true },
      space: { level: 'folder', prefix: 'Folder', size: 2, hasChildren: true, also: { level: 'list', prefix: 'List in space', size: 2 } },
      folder: { level: 'list', prefix: 'List', size: 3 },
    },
  },
};
export const Webhook: Story = { name: 'Webhook: which events are delivered', args: { target: { ...SAMPLE_TARGETS.selfHostedConnected, provider: 'webhook' }, providerLabel: 'Webhook' } };
export const Saving: Story = { name: 'Saving: choices locked', args: { busy: true } };
