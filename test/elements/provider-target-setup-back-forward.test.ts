/**
 * <provider-target-setup> walked back and forward through every step of a
 * self-hosted and a cloud flow: every confirmed choice and every typed
 * non-secret value is still there on the way forward; the credential never is.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import {
  JIRA_PAT,
  addProvider,
  credentialInput,
  deepAll,
  enterCredential,
  mount,
  must,
  part,
  phase,
  press,
  scenario,
  settle,
  tick,
  typeInto,
} from './provider-target-setup.fixtures.js';

/** A scoped Atlassian API token: its hint pattern fits, so no soft warning changes the flow. */
const ATLASSIAN_TOKEN = 'ATATTcanaryBackForward0123456789abcdef';

function radio(el: ProviderTargetSetup, tag: string, value: string): HTMLInputElement {
  return must<HTMLInputElement>(part(el, tag), `input[type=radio][value="${value}"]`);
}

/** Every input value in the document and its open shadow roots: where a secret could be left behind. */
function inputValues(): string[] {
  return deepAll<HTMLInputElement>(document, 'input').map((i) => i.value);
}

async function back(el: ProviderTargetSetup): Promise<void> {
  await press(el, msg('root.back'));
}

async function next(el: ProviderTargetSetup): Promise<void> {
  await press(el, msg('root.continue'));
}

describe('<provider-target-setup> back and forward', () => {
  it('self-hosted: keeps the edition, confirmations, typed URL, network path and method; never the credential', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();

    // Deployment: chosen, not yet confirmed, then back to the list and in again.
    await addProvider(el, 'Jira');
    radio(el, 'pts-deployment-mode', 'jira-dc').click();
    await settle(el);
    await back(el);
    expect(el.state.phase).to.equal('status');
    await addProvider(el, 'Jira');
    expect(radio(el, 'pts-deployment-mode', 'jira-dc').checked, 'a chosen edition is kept').to.equal(true);
    await next(el);
    await phase(el, 'ownership');

    // Network: one confirmation given, then back and forward.
    tick(must<HTMLInputElement>(part(el, 'pts-network-check'), '#ownership'));
    await settle(el);
    await back(el);
    await phase(el, 'edition');
    expect(radio(el, 'pts-deployment-mode', 'jira-dc').checked).to.equal(true);
    await next(el);
    await phase(el, 'ownership');
    const net = (): LitElement => part(el, 'pts-network-check');
    expect(must<HTMLInputElement>(net(), '#ownership').checked, 'a given confirmation is kept').to.equal(true);
    expect(must<HTMLInputElement>(net(), '#authorisation').checked).to.equal(false);

    // Both confirmations, a typed URL not yet checked, then back and forward.
    tick(must<HTMLInputElement>(net(), '#authorisation'));
    await settle(el);
    expect(el.state.phase).to.equal('base-url');
    typeInto(must<HTMLInputElement>(net(), '#url'), 'https://jira.example.com/jira');
    await settle(el);
    await back(el);
    await phase(el, 'edition');
    await next(el);
    await phase(el, 'base-url');
    expect(must<HTMLInputElement>(net(), '#ownership').checked).to.equal(true);
    expect(must<HTMLInputElement>(net(), '#authorisation').checked).to.equal(true);
    expect(must<HTMLInputElement>(net(), '#url').value, 'a typed URL is kept').to.equal('https://jira.example.com/jira');

    // Checked; a network path chosen but not confirmed, then back and checked again.
    must<HTMLButtonElement>(net(), 'button[part~=run]').click();
    await phase(el, 'allowlist');
    radio(el, 'pts-allowlist-status', 'tunnel').click();
    await settle(el);
    await back(el);
    await phase(el, 'base-url');
    must<HTMLButtonElement>(net(), 'button[part~=run]').click();
    await phase(el, 'allowlist');
    expect(radio(el, 'pts-allowlist-status', 'tunnel').checked, 'a chosen network path is kept').to.equal(true);
    await next(el);
    await phase(el, 'auth');

    // Credential step: another method, a typed credential, then back.
    radio(el, 'pts-auth', 'oauth2_dc').click();
    await settle(el);
    radio(el, 'pts-auth', 'pat').click();
    await settle(el);
    await enterCredential(el, JIRA_PAT);
    expect(inputValues()).to.include(JIRA_PAT);
    await back(el);
    await phase(el, 'allowlist');
    expect(inputValues(), 'the credential goes with its step').not.to.include(JIRA_PAT);
    expect(radio(el, 'pts-allowlist-status', 'tunnel').checked).to.equal(true);
    await next(el);
    await phase(el, 'auth');
    expect(el.state.phase === 'auth' && el.state.method?.id, 'the method is kept').to.equal('pat');
    expect(credentialInput(el)?.value, 'never the credential').to.equal('');
    expect(el.state.phase === 'auth' && el.state.credentialEntered).to.equal(false);

    // All the way back to the list, and forward again: every choice is offered once more.
    for (const expected of ['allowlist', 'base-url', 'edition', 'status'] as const) {
      await back(el);
      await phase(el, expected);
    }
    await addProvider(el, 'Jira');
    expect(radio(el, 'pts-deployment-mode', 'jira-dc').checked).to.equal(true);
    await next(el);
    await phase(el, 'base-url');
    expect(must<HTMLInputElement>(net(), '#url').value).to.equal('https://jira.example.com/jira');
    must<HTMLButtonElement>(net(), 'button[part~=run]').click();
    await phase(el, 'allowlist');
    expect(radio(el, 'pts-allowlist-status', 'tunnel').checked).to.equal(true);
    await next(el);
    await phase(el, 'auth');
    expect(el.state.phase === 'auth' && el.state.method?.id).to.equal('pat');
    expect(credentialInput(el)?.value).to.equal('');
    expect(inputValues()).not.to.include(JIRA_PAT);

    // And it still saves, with the kept choices.
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'export-setup');
    const saved = el.state.phase === 'export-setup' ? el.state.target : null;
    expect(saved?.allowlist_status).to.equal('tunnel');
    expect(saved?.base_url).to.equal('https://jira.example.com/jira');
    expect(inputValues()).not.to.include(JIRA_PAT);
  });

  it('cloud: keeps the edition, the tenant and its confirmation, the method and the account email; never the token', async () => {
    await scenario('cloud-ready');
    const el = await mount();
    await addProvider(el, 'Jira');
    radio(el, 'pts-deployment-mode', 'jira-cloud').click();
    await settle(el);
    await next(el);
    await phase(el, 'tenant');

    // A tenant typed, not confirmed: back and forward keep the text.
    const tenant = (): LitElement => part(el, 'pts-tenant');
    typeInto(must<HTMLInputElement>(tenant(), '#tenant'), 'acme');
    await settle(el);
    await back(el);
    await phase(el, 'edition');
    await next(el);
    await phase(el, 'tenant');
    expect(must<HTMLInputElement>(tenant(), '#tenant').value).to.equal('acme');
    tick(must<HTMLInputElement>(tenant(), '#confirm'));
    await settle(el);
    await next(el);
    await phase(el, 'auth');

    // The token method with its account email and a token, then back to the tenant.
    radio(el, 'pts-auth', 'scoped_api_token').click();
    await settle(el);
    typeInto(must<HTMLInputElement>(part(el, 'pts-auth'), '#field-email'), 'ops@acme.example');
    await settle(el);
    await enterCredential(el, ATLASSIAN_TOKEN);
    await back(el);
    await phase(el, 'tenant');
    expect(inputValues()).not.to.include(ATLASSIAN_TOKEN);
    expect(must<HTMLInputElement>(tenant(), '#tenant').value, 'the confirmed tenant is kept').to.equal('acme');
    expect(must<HTMLInputElement>(tenant(), '#confirm').checked, 'with its confirmation').to.equal(true);

    // Back to the list and forward again.
    await back(el);
    await phase(el, 'edition');
    await back(el);
    await phase(el, 'status');
    await addProvider(el, 'Jira');
    expect(radio(el, 'pts-deployment-mode', 'jira-cloud').checked).to.equal(true);
    await next(el);
    await phase(el, 'tenant');
    expect(must<HTMLInputElement>(tenant(), '#tenant').value).to.equal('acme');
    await next(el);
    await phase(el, 'auth');
    const auth = part(el, 'pts-auth');
    expect(el.state.phase === 'auth' && el.state.method?.id).to.equal('scoped_api_token');
    expect(must<HTMLInputElement>(auth, '#field-email').value, 'the account email is kept').to.equal('ops@acme.example');
    expect(credentialInput(el)?.value).to.equal('');
    expect(inputValues()).not.to.include(ATLASSIAN_TOKEN);

    await enterCredential(el, ATLASSIAN_TOKEN);
    await press(el, msg('root.save'));
    await phase(el, 'export-setup');
    // Back from the saved target leaves for its overview, then the list; the next draft starts afresh.
    await press(el, msg('root.back'));
    await phase(el, 'existing-target');
    await press(el, msg('root.backToTargets'));
    await phase(el, 'status');
    await addProvider(el, 'Jira');
    expect(radio(el, 'pts-deployment-mode', 'jira-cloud').checked, 'a saved draft is not offered again').to.equal(false);
  });
});
