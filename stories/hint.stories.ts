import { html } from 'lit';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { Meta, StoryObj } from './support/csf.js';

defineSubElements();

interface Args {
  label: string;
  placement: 'top' | 'right' | 'bottom' | 'left';
  open: boolean;
  text: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Hint',
  component: 'pts-hint',
  args: {
    label: 'Why we check the URL',
    placement: 'top',
    open: false,
    text: 'The backend connects only to public addresses, so a credential is never sent to a host inside a private network.',
  },
  argTypes: { placement: { control: 'select', options: ['top', 'right', 'bottom', 'left'] } },
  render: (args) => html`<p>
    Server checks
    <pts-hint label=${args.label} placement=${args.placement} ?open=${args.open}>${args.text}</pts-hint>
  </p>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Closed: Story = { name: 'Closed' };
export const Open: Story = { name: 'Open', args: { open: true, placement: 'right' } };
