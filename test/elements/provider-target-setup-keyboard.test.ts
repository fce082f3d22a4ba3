/**
 * <provider-target-setup> by keyboard only: real key presses through
 * `sendKeys`, asserting where focus is after each move (following shadow roots
 * down to the focused control).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import { GITHUB_PAT, JIRA_PAT, deepActive, describeFocus, mount, phase, scenario, settle, tabTo } from './provider-target-setup.fixtures.js';

const byText = (text: string) => (el: Element) =>
  `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').includes(text);

function expectHeadingFocused(el: ProviderTargetSetup, step: Parameters<typeof msg>[0]): void {
  const active = deepActive();
  expect(active?.id, describeFocus()).to.equal('step-heading');
  expect(active?.getRootNode()).to.equal(el.shadowRoot);
  expect(active?.textContent?.trim()).to.equal(msg(step));
}

describe('<provider-target-setup> keyboard', () => {
  it('completes a cloud setup with the keyboard only', async () => {
    await scenario('cloud-ready');
    const el = await mount();

    await tabTo(byText(msg('status.addLabel', { provider: 'GitHub' })), 'Add GitHub');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'edition');
    expectHeadingFocused(el, 'steps.deployment');

    const first = await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio', 'the edition radios');
    expect((first as HTMLInputElement).value).to.equal('github-com');
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect((first as HTMLInputElement).checked).to.equal(true);
    await tabTo(byText(msg('root.continue')), 'Continue');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'tenant');
    expectHeadingFocused(el, 'steps.network');

    await tabTo((e) => e.id === 'tenant', 'the tenant field');
    await sendKeys({ type: 'acme' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('confirm');
    await sendKeys({ press: 'Space' });
    await settle(el);
    await tabTo(byText(msg('root.continue')), 'Continue');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'auth');
    expectHeadingFocused(el, 'steps.network');

    const method = await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio', 'the auth methods');
    expect((method as HTMLInputElement).value).to.equal('github_app');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect((deepActive() as HTMLInputElement).value).to.equal('fine_grained_pat');
    expect(el.state.phase === 'auth' && el.state.method?.id).to.equal('fine_grained_pat');

    await tabTo((e) => e.id === 'credential', 'the credential field');
    await sendKeys({ type: GITHUB_PAT });
    await settle(el);
    await sendKeys({ press: 'Enter' });
    await phase(el, 'export-setup');
    expectHeadingFocused(el, 'steps.provider-setup');
  });

  it('completes a self-hosted setup with the keyboard only', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();

    await tabTo(byText(msg('status.addLabel', { provider: 'Jira' })), 'Add Jira');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'edition');
    expectHeadingFocused(el, 'steps.deployment');

    await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio', 'the edition radios');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect((deepActive() as HTMLInputElement).value).to.equal('jira-dc');
    await tabTo(byText(msg('root.continue')), 'Continue');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'ownership');
    expectHeadingFocused(el, 'steps.network');

    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('ownership');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('authorisation');
    await sendKeys({ press: 'Space' });
    await phase(el, 'base-url');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id, 'the URL field follows the confirmations').to.equal('url');
    await sendKeys({ type: 'https://jira.example.com' });
    await sendKeys({ press: 'Enter' });
    await phase(el, 'allowlist');
    const summary = deepActive();
    expect(summary?.hasAttribute('data-autofocus'), describeFocus()).to.equal(true);

    await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio', 'the network path radios');
    expect((deepActive() as HTMLInputElement).value).to.equal('direct');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect((deepActive() as HTMLInputElement).value).to.equal('tunnel');
    await tabTo(byText(msg('root.continue')), 'Continue');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'auth');
    expectHeadingFocused(el, 'steps.network');

    await tabTo((e) => e.id === 'credential', 'the credential field');
    await sendKeys({ type: JIRA_PAT });
    await settle(el);
    await tabTo(byText(msg('root.save')), 'Save target');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'export-setup');
    expectHeadingFocused(el, 'steps.provider-setup');
    expect(el.state.phase === 'export-setup' && el.state.target.allowlist_status).to.equal('tunnel');
  });

  it('goes back to an earlier step from the step path', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ provider: 'jira' });
    await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio', 'the edition radios');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(byText(msg('root.continue')), 'Continue');
    await sendKeys({ press: 'Enter' });
    await phase(el, 'ownership');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    const back = deepActive();
    expect(back?.textContent, describeFocus()).to.contain(msg('steps.deployment'));
    await sendKeys({ press: 'Enter' });
    await phase(el, 'edition');
    expectHeadingFocused(el, 'steps.deployment');
  });
});
