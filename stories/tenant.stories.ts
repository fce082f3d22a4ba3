import { html } from 'lit';
import type { ErrorCode } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { Meta, StoryObj } from './support/csf.js';
import { edition, EDITION_IDS, provider, PROVIDER_IDS } from './support/fixtures.js';

defineSubElements();

interface Args {
  provider: string;
  edition: string;
  value: string;
  confirmed: boolean;
  /** A backend error for the field, e.g. VALIDATION_FAILED; empty for none. */
  errorCode: ErrorCode | '';
}

const meta: Meta<Args> = {
  title: 'Elements/Tenant',
  component: 'pts-tenant',
  args: { provider: 'jira', edition: 'jira-cloud', value: '', confirmed: false, errorCode: '' },
  argTypes: {
    provider: { control: 'select', options: PROVIDER_IDS },
    edition: { control: 'select', options: EDITION_IDS },
  },
  render: (args) => html`<pts-tenant
    .provider=${provider(args.provider)}
    .edition=${edition(args.provider, args.edition)}
    .value=${args.value}
    ?confirmed=${args.confirmed}
    .error=${args.errorCode ? { code: args.errorCode } : null}
  ></pts-tenant>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = { name: 'Jira Cloud site, empty' };
export const TypingInvalid: Story = { name: 'Typing something that is not a site (no error before leaving the field)', args: { value: 'acme atlassian' } };
export const ValidNotConfirmed: Story = { name: 'Valid site, not confirmed', args: { value: 'acme.atlassian.net' } };
export const Confirmed: Story = { name: 'Valid site, confirmed', args: { value: 'acme.atlassian.net', confirmed: true } };
export const GitHubOrganisation: Story = {
  name: 'GitHub organisation',
  args: { provider: 'github', edition: 'github-com', value: 'acme', confirmed: true },
};
export const AzureDevOps: Story = {
  name: 'Azure DevOps organisation',
  args: { provider: 'azure-devops', edition: 'azure-devops-services', value: '' },
};
export const ServerRefused: Story = {
  name: 'The backend refused the value',
  args: { value: 'acme.atlassian.net', confirmed: true, errorCode: 'VALIDATION_FAILED' },
};
