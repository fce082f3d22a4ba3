/**
 * axe on <provider-target-setup> at every step and every error state, each
 * reached through the real controls.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import { SAMPLE_TARGET_IDS } from '../../src/testing/index.js';
import {
  JIRA_PAT,
  addProvider,
  chooseEdition,
  confirmOwnership,
  deep,
  deepAll,
  enterCredential,
  idle,
  mount,
  mountAtSelfHostedAuth,
  must,
  part,
  phase,
  press,
  runCheck,
  saveThroughUi,
  scenario,
  settle,
  tick,
} from './provider-target-setup.fixtures.js';

/** Lets entrance animations finish, then runs axe over the element and its shadow roots. */
async function accessible(el: ProviderTargetSetup, label: string): Promise<void> {
  await settle(el);
  const animations = deepAll(el, '*').flatMap((n) => n.shadowRoot?.getAnimations() ?? []);
  await Promise.all(
    animations.filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)),
  );
  try {
    await expect(el).to.be.accessible();
  } catch (error) {
    throw new Error(`${label}: ${String(error)}`);
  }
}

async function toUrl(el: ProviderTargetSetup, url: string): Promise<void> {
  await chooseEdition(el, 'jira-dc');
  await confirmOwnership(el);
  await runCheck(el, url);
  await idle(el);
}

/** Saves GitHub, opens the repository list and chooses its first item. */
async function toOverview(el: ProviderTargetSetup): Promise<void> {
  await saveThroughUi(el, 'github');
  await toOverviewFromSetup(el);
}

async function toOverviewFromSetup(el: ProviderTargetSetup): Promise<void> {
  const picker = deep(el, 'pts-destination-picker')!;
  await waitUntil(() => !picker.matches(':state(loading)'), 'repositories');
  must<HTMLInputElement>(picker, 'input').click();
  await settle(el);
  await accessible(el, 'repository list open');
  must(picker, '[role=option]').click();
  await settle(el);
  await press(el, msg('export.save'));
  await phase(el, 'existing-target');
}

async function runTest(el: ProviderTargetSetup): Promise<void> {
  await press(el, msg('overview.test.run'));
  await waitUntil(() => el.state.phase === 'existing-target' && el.state.target.last_test, 'test result');
}

describe('<provider-target-setup> accessibility', () => {
  it('the provider-specific setup, the overview and a test export that succeeded', async () => {
    await scenario('destinations-small');
    const el = await mount();
    await saveThroughUi(el, 'github');
    await accessible(el, 'export setup');
    await press(el, msg('export.save'));
    await accessible(el, 'export setup with a missing destination');
    await toOverviewFromSetup(el);
    await accessible(el, 'overview before a test');
    await runTest(el);
    await accessible(el, 'overview with a test ticket');
  });

  it('an empty destination list, a failed test export, and a webhook delivery', async () => {
    await scenario('destinations-empty');
    let el = await mount();
    await saveThroughUi(el, 'github');
    await waitUntil(() => deep(el, 'pts-destination-picker')?.shadowRoot?.querySelector('[part~=empty]'), 'the empty list');
    await accessible(el, 'empty list with its action');
    await scenario('test-export-auth-failed');
    el = await mount();
    await toOverview(el);
    await runTest(el);
    await accessible(el, 'failed test export');
    await scenario('test-export-succeeded');
    el = await mount();
    await saveThroughUi(el, 'webhook');
    await accessible(el, 'webhook events');
    await press(el, msg('export.save'));
    await phase(el, 'existing-target');
    await press(el, msg('overview.test.runWebhook'));
    await waitUntil(() => el.state.phase === 'existing-target' && el.state.target.last_test, 'delivery');
    must<HTMLDetailsElement>(el, 'details.headers').open = true;
    await accessible(el, 'webhook delivery with headers');
  });

  it('every step of a self-hosted setup', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    await accessible(el, 'status');
    await addProvider(el, 'Jira');
    await accessible(el, 'deployment');
    await chooseEdition(el, 'jira-dc');
    await accessible(el, 'ownership');
    await confirmOwnership(el);
    await accessible(el, 'base-url');
    await runCheck(el, 'https://jira.example.com');
    await phase(el, 'allowlist');
    must<HTMLInputElement>(part(el, 'pts-allowlist-status'), 'input[value=allowlist]').click();
    await accessible(el, 'allowlist with egress addresses');
    await press(el, msg('root.continue'));
    await accessible(el, 'auth');
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'export-setup');
    await accessible(el, 'export-setup');
  });

  it('the tenant step and an OAuth method', async () => {
    await scenario('cloud-ready');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-cloud');
    await accessible(el, 'tenant');
    const tenant = part(el, 'pts-tenant');
    must<HTMLInputElement>(tenant, '#tenant').value = 'acme';
    must<HTMLInputElement>(tenant, '#tenant').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    tick(must<HTMLInputElement>(tenant, '#confirm'));
    await settle(el);
    await press(el, msg('root.continue'));
    await phase(el, 'auth');
    await accessible(el, 'auth with a connect button');
  });

  it('blocked and error states', async () => {
    await scenario('url-blocked-redirect');
    let el = await mount({ provider: 'jira' });
    await toUrl(el, 'https://tickets.example.com');
    expect(el.state.phase).to.equal('url-blocked');
    await accessible(el, 'url blocked');
    await press(el, msg('network.blocked.export'));
    await accessible(el, 'fallback: pick a format');
    await press(el, msg('fallback.choose'));
    await accessible(el, 'fallback chosen');

    await scenario('ownership-unclear');
    el = await mount({ provider: 'jira' });
    await toUrl(el, 'https://jira.example.com');
    await accessible(el, 'ownership unclear');

    el = await mount({ provider: 'bitbucket' });
    await chooseEdition(el, 'bitbucket-dc');
    await accessible(el, 'provider limitation');

    await scenario('self-hosted-ready');
    el = await mount({ provider: 'jira' });
    await toUrl(el, 'https://jira.example.com');
    must<HTMLInputElement>(part(el, 'pts-allowlist-status'), 'input[value=unreachable]').click();
    await settle(el);
    await press(el, msg('root.continue'));
    await accessible(el, 'unreachable');

    el = await mountAtSelfHostedAuth('allowlist-missing');
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'allowlist');
    await accessible(el, 'allowlist missing');

    el = await mountAtSelfHostedAuth('auth-required');
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'auth-required');
    await accessible(el, 'auth required');
  });

  it('backend errors', async () => {
    await scenario('backend-down');
    let el = await mount();
    await accessible(el, 'status failed');
    el = await mount({ provider: 'jira' });
    await toUrl(el, 'https://jira.example.com');
    await accessible(el, 'check failed');

    await scenario('malformed-response');
    el = await mount();
    await accessible(el, 'malformed status');

    el = await mountAtSelfHostedAuth();
    await enterCredential(el, JIRA_PAT);
    await scenario('backend-down');
    await press(el, msg('root.save'));
    await phase(el, 'auth');
    await idle(el);
    await accessible(el, 'save failed');
  });

  it('loading, reconnect and revoke', async () => {
    await scenario('slow-backend', { latencyMs: 800 });
    let el = await mount({ settle: false });
    await accessible(el, 'loading');
    el = await mount({ provider: 'jira', settle: false });
    await accessible(el, 'loading behind a preselected provider');

    await scenario('reconnect');
    el = await mount({ targetId: SAMPLE_TARGET_IDS.authRequired });
    await phase(el, 'auth-required');
    await accessible(el, 'reconnect');

    await scenario('revoke');
    el = await mount({ targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await phase(el, 'existing-target');
    await accessible(el, 'existing target');
    await press(el, msg('status.revoke'));
    tick(must<HTMLInputElement>(part(el, 'pts-revoke'), '#ack'));
    await settle(el);
    await accessible(el, 'revoke');
    must<HTMLButtonElement>(part(el, 'pts-revoke'), '[part~=disconnect]').click();
    await phase(el, 'revoked');
    await accessible(el, 'revoked');
  });
});
