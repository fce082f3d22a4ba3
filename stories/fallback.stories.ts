import { html } from 'lit';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import { SAMPLE_PORTABLE_EXPORT } from '../src/testing/index.js';
import type { Meta, StoryObj } from './support/csf.js';

defineSubElements();

interface Args {
  available: boolean;
  formats: readonly string[];
  format: string;
  url: string;
  reason: 'blocked' | 'unreachable' | '';
  chosen: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Fallback',
  component: 'pts-fallback',
  args: { available: true, formats: SAMPLE_PORTABLE_EXPORT.formats, format: '', url: '', reason: '', chosen: false },
  argTypes: { reason: { control: 'select', options: ['', 'blocked', 'unreachable'] }, formats: { control: 'object' } },
  render: (args) => html`<pts-fallback
    .available=${args.available}
    .formats=${args.formats}
    format=${args.format}
    url=${args.url}
    reason=${args.reason}
    ?chosen=${args.chosen}
  ></pts-fallback>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Offered: Story = { name: 'Offered' };
export const AfterBlockedUrl: Story = { name: 'After a blocked URL', args: { reason: 'blocked', format: 'json' } };
export const ServerUnreachable: Story = {
  name: 'Server unreachable, with a documentation link',
  args: { reason: 'unreachable', url: 'https://docs.example.com/portable-export' },
};
export const Chosen: Story = { name: 'Chosen', args: { reason: 'blocked', chosen: true } };
export const Unavailable: Story = { name: 'Not offered by this backend', args: { available: false, formats: [] } };
