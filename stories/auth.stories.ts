import { html } from 'lit';
import type { Action, ErrorCode } from '../src/core/contract/index.js';
import { defineSubElements } from '../src/elements/define-sub-elements.js';
import type { Meta, StoryObj } from './support/csf.js';
import { edition, EDITION_IDS, provider, PROVIDER_IDS } from './support/fixtures.js';

defineSubElements();

interface Args {
  provider: string;
  edition: string;
  /** Auth method id; empty picks the catalog's recommended one. */
  method: string;
  credentialAllowed: boolean;
  authRequired: boolean;
  action: Action | null;
  connecting: boolean;
  authorized: boolean;
  errorCode: ErrorCode | '';
  fields: Record<string, string>;
  /** Busy (saving): choices and fields are read-only. */
  disabled: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Auth',
  component: 'pts-auth',
  args: {
    provider: 'jira',
    edition: 'jira-cloud',
    method: '',
    credentialAllowed: true,
    authRequired: false,
    action: null,
    connecting: false,
    authorized: false,
    errorCode: '',
    fields: {},
    disabled: false,
  },
  argTypes: {
    provider: { control: 'select', options: PROVIDER_IDS },
    edition: { control: 'select', options: EDITION_IDS },
    action: { control: 'object' },
    fields: { control: 'object' },
  },
  render: (args) => html`<pts-auth
    .provider=${provider(args.provider)}
    .edition=${edition(args.provider, args.edition)}
    method=${args.method}
    ?credential-allowed=${args.credentialAllowed}
    ?auth-required=${args.authRequired}
    .action=${args.action}
    ?connecting=${args.connecting}
    ?authorized=${args.authorized}
    .error=${args.errorCode ? { code: args.errorCode } : null}
    .fields=${args.fields}
    ?disabled=${args.disabled}
  ></pts-auth>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Locked: Story = { name: 'Locked until the flow allows credentials', args: { credentialAllowed: false } };
export const OAuthConnect: Story = { name: 'OAuth: connect with Jira' };
export const OAuthConnecting: Story = { name: 'OAuth: authorisation window open', args: { connecting: true } };
export const OAuthAuthorized: Story = { name: 'OAuth: authorised', args: { authorized: true } };
export const OAuthPopupBlocked: Story = { name: 'OAuth: popup blocked', args: { errorCode: 'AUTH_POPUP_BLOCKED' } };
export const ApiTokenWithEmail: Story = {
  name: 'API token with account email',
  args: { method: 'scoped_api_token', fields: { email: 'admin@acme.example' } },
};
export const AppInstall: Story = { name: 'GitHub App install', args: { provider: 'github', edition: 'github-com' } };
export const FineGrainedToken: Story = {
  name: 'GitHub fine-grained token',
  args: { provider: 'github', edition: 'github-com', method: 'fine_grained_pat' },
};
export const SelfHostedToken: Story = {
  name: 'Jira Data Center personal access token',
  args: { edition: 'jira-dc', method: 'pat' },
};
export const AuthRequired: Story = {
  name: 'Provider auth required',
  args: {
    provider: 'github',
    edition: 'github-com',
    method: 'fine_grained_pat',
    authRequired: true,
    action: {
      label: 'Create a new fine-grained personal access token with Issues: read and write on the target repository.',
      url: 'https://github.com/settings/personal-access-tokens',
    },
  },
};
export const CredentialRejected: Story = {
  name: 'Credential rejected',
  args: { edition: 'jira-dc', method: 'pat', errorCode: 'CREDENTIALS_REJECTED' },
};
export const BusySaving: Story = {
  name: 'Busy while saving (disabled)',
  args: { method: 'scoped_api_token', fields: { email: 'admin@acme.example' }, disabled: true },
};
export const BusyConnecting: Story = { name: 'OAuth: busy while saving (disabled)', args: { authorized: true, disabled: true } };
export const WebhookSigningSecret: Story = { name: 'Webhook signing secret', args: { provider: 'webhook', edition: 'webhook' } };
