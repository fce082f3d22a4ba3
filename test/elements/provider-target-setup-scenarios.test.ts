/**
 * <provider-target-setup> against every msw scenario: what the customer sees.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import { SAMPLE_TARGET_IDS, SCENARIOS, type ScenarioId } from '../../src/testing/index.js';
import {
  GITHUB_PAT,
  JIRA_PAT,
  button,
  chooseEdition,
  cloudToAuth,
  confirmOwnership,
  confirmTenant,
  credentialInput,
  deep,
  deepAll,
  enterCredential,
  idle,
  mount,
  must,
  part,
  phase,
  press,
  runCheck,
  scenario,
  selfHostedToAuth,
  settle,
  textOf,
  tick,
  typeInto,
} from './provider-target-setup.fixtures.js';

type NetworkCheck = LitElement & { result: { status: string; checks: Array<{ name: string; status: string; offender?: string }> } | null };

async function toCheck(el: ProviderTargetSetup, url: string): Promise<void> {
  await chooseEdition(el, 'jira-dc');
  await confirmOwnership(el);
  await runCheck(el, url);
  await idle(el);
}

describe('<provider-target-setup> scenarios', () => {
  it('cloud-ready: a cloud target is saved', async () => {
    await scenario('cloud-ready');
    const el = await mount();
    await cloudToAuth(el, 'acme');
    await enterCredential(el, GITHUB_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'export-setup');
    expect(el.hasCustomState('saved')).to.equal(true);
    // Stored as the catalog's tenant URL, like the reference backend does.
    expect(el.state.phase === 'export-setup' && el.state.target.tenant).to.equal('https://github.com/acme');
    expect(textOf(el)).to.contain(msg('root.saved', { target: 'https://github.com/acme' }));
  });

  it('self-hosted-ready: a self-hosted target is saved with its network path', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ exportSetup: 'external' });
    await selfHostedToAuth(el, 'https://jira.example.com', 'allowlist');
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'saved');
    const polite = el.shadowRoot?.querySelector('[role=status][aria-live=polite]');
    expect(polite?.textContent?.trim(), 'async results are polite').to.equal(msg('root.saved', { target: 'https://jira.example.com' }));
    const target = el.state.phase === 'saved' ? el.state.target : null;
    expect(target?.base_url).to.equal('https://jira.example.com');
    expect(target?.allowlist_status).to.equal('allowlist');
    expect(textOf(el)).to.contain(msg('allowlist.allowlist'));
    expect(el.targets.map((t) => t.id)).to.include(target?.id);
  });

  const blocked: Array<[ScenarioId, string, string]> = [
    ['url-blocked-private-network', 'private_network', '10.0.0.12'],
    ['url-blocked-reserved-ip', 'reserved_ip', '198.18.0.10'],
    ['url-blocked-redirect', 'redirect', 'http://192.168.10.5/login'],
    ['url-blocked-dns-rebinding', 'dns_rebinding', '127.0.0.1'],
    ['url-blocked-ownership', 'ownership', ''],
  ];
  for (const [id, check, offender] of blocked) {
    it(`${id}: stops before credentials and names the failed check`, async () => {
      await scenario(id);
      const el = await mount({ provider: 'jira' });
      await toCheck(el, SCENARIOS[id].preset.baseUrl ?? 'https://jira.example.com');
      expect(el.state.phase).to.equal('url-blocked');
      expect(el.hasCustomState('blocked')).to.equal(true);
      const net = part<NetworkCheck>(el, 'pts-network-check');
      expect(net.result?.status).to.equal('blocked');
      const failed = net.result?.checks.find((c) => c.status === 'failed');
      expect(failed?.name).to.equal(check);
      const text = textOf(el);
      expect(text).to.contain(msg('network.blocked.title'));
      if (offender) expect(text).to.contain(offender);
      expect(button(el, msg('network.blocked.export'))).to.exist;
      expect(button(el, msg('network.blocked.cloud'))).to.exist;
      expect(credentialInput(el)).to.equal(null);
      expect((part(el, 'pts-step-path') as LitElement & { blocked: boolean }).blocked).to.equal(true);
    });
  }

  it('url-blocked: a cloud target is a way on', async () => {
    await scenario('url-blocked-private-network');
    const el = await mount({ provider: 'jira' });
    await toCheck(el, 'https://jira.corp.example.com');
    await press(el, msg('network.blocked.cloud'));
    expect(el.state.phase).to.equal('tenant');
    expect(el.state.phase === 'tenant' && el.state.edition.id).to.equal('jira-cloud');
  });

  it('url-blocked: editing the URL keeps what was typed', async () => {
    await scenario('url-blocked-private-network');
    const el = await mount({ provider: 'jira' });
    await toCheck(el, 'https://jira.corp.example.com');
    await press(el, msg('network.blocked.edit'));
    expect(el.state.phase).to.equal('base-url');
    expect(must<HTMLInputElement>(el, 'input#url').value).to.equal('https://jira.corp.example.com');
  });

  it('allowlist-missing: the save is refused and the network path is asked again', async () => {
    await scenario('allowlist-missing');
    const el = await mount();
    await selfHostedToAuth(el);
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'allowlist');
    expect(textOf(el)).to.contain(msg('error.ALLOWLIST_STATUS_MISSING'));
    expect(el.hasCustomState('blocked')).to.equal(true);
    expect(credentialInput(el)).to.equal(null);
  });

  it('allowlist-missing: says why the save came back and keeps the recorded path', async () => {
    await scenario('allowlist-missing');
    const el = await mount();
    await selfHostedToAuth(el, 'https://jira.example.com', 'tunnel');
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'allowlist');
    const notice = must(el, '.notice.danger');
    expect(textOf(notice)).to.contain(msg('root.saveRefused')).and.contain(msg('error.ALLOWLIST_STATUS_MISSING'));
    const checked = deepAll<HTMLInputElement>(part(el, 'pts-allowlist-status'), 'input[type=radio]').filter((r) => r.checked);
    expect(checked.map((r) => r.value), 'the choice made before is still chosen').to.deep.equal(['tunnel']);
    // Continue works straight away with the kept choice.
    await press(el, msg('root.continue'));
    expect(el.state.phase).to.equal('auth');
  });

  it('allowlist: an unreachable server opens nothing but offers portable export', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ provider: 'jira' });
    await toCheck(el, 'https://jira.example.com');
    must<HTMLInputElement>(part(el, 'pts-allowlist-status'), 'input[value=unreachable]').click();
    await settle(el);
    await press(el, msg('root.continue'));
    expect(el.state.phase).to.equal('allowlist');
    expect(el.hasCustomState('blocked')).to.equal(true);
    expect(textOf(el)).to.contain(msg('fallback.reason.unreachable'));
    expect(credentialInput(el)).to.equal(null);
  });

  it('ownership-unclear: the check is refused and the confirmations are asked again', async () => {
    await scenario('ownership-unclear');
    const el = await mount({ provider: 'jira' });
    await toCheck(el, 'https://jira.example.com');
    expect(el.state.phase).to.equal('ownership');
    expect(textOf(el)).to.contain(msg('error.OWNERSHIP_UNCONFIRMED'));
    expect(deep(el, 'input#url')).to.equal(null);
    expect(el.hasCustomState('blocked')).to.equal(true);
    // The backend's message restates the catalog sentence: only one of them is shown.
    expect(el.state.phase === 'ownership' && el.state.error?.message).to.contain('authorises scanning');
    expect(textOf(el)).not.to.contain('authorises scanning');
  });

  it('provider-limitation: an edition that cannot hold tickets stops at the mode step', async () => {
    await scenario('provider-limitation');
    const el = await mount({ provider: 'bitbucket' });
    await chooseEdition(el, 'bitbucket-dc');
    expect(el.state.phase).to.equal('limitation-blocked');
    expect(textOf(el)).to.contain(msg('root.limitation.title', { edition: 'Bitbucket Data Center' }));
    expect(deep(el, 'pts-fallback')).to.exist;
    await press(el, msg('deploy.limit.alternative', { edition: 'Jira Data Center' }));
    expect(el.state.phase).to.equal('ownership');
    expect(el.state.phase === 'ownership' && el.state.edition.id).to.equal('jira-dc');
  });

  it('provider-limitation: a limitation the backend reports stops the save', async () => {
    await scenario('provider-limitation');
    const el = await mount();
    await selfHostedToAuth(el);
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'limitation-blocked');
    expect(textOf(el)).to.contain(msg('root.limitation.title', { edition: 'Jira Data Center' }));
    // "Jira Data Center cannot hold tickets." says the title again in other words: left out.
    expect(el.state.phase === 'limitation-blocked' && el.state.limitation.message).to.contain('cannot hold tickets');
    expect(textOf(el)).not.to.contain('cannot hold tickets');
    expect(textOf(el)).not.to.contain(msg('error.PROVIDER_LIMITATION'));
  });

  it('provider-limitation: the backend’s action for a limitation it reports is shown', async () => {
    await scenario('provider-limitation');
    const el = await mount({ provider: 'bitbucket' });
    await chooseEdition(el, 'bitbucket-cloud');
    await confirmTenant(el, 'acme');
    await phase(el, 'auth');
    const auth = part(el, 'pts-auth');
    typeInto(must<HTMLInputElement>(auth, '#field-email'), 'dev@example.com');
    await enterCredential(el, 'ATATT3xFfGF0canary0123456789abcdef');
    await press(el, msg('root.save'));
    await phase(el, 'limitation-blocked');
    expect(el.state.phase === 'limitation-blocked' && el.state.error?.action?.label).to.equal('Connect Jira Cloud instead.');
    expect(textOf(el)).to.contain(msg('root.limitation.title', { edition: 'Bitbucket Cloud' }));
    expect(textOf(el)).to.contain('Connect Jira Cloud instead.');
  });

  it('auth-required: the provider action is shown and nothing is saved', async () => {
    await scenario('auth-required');
    const el = await mount();
    await selfHostedToAuth(el);
    await enterCredential(el, JIRA_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'auth-required');
    const auth = part<LitElement & { authRequired: boolean; action: { label: string } | null }>(el, 'pts-auth');
    expect(auth.authRequired).to.equal(true);
    expect(auth.action?.label).to.contain('personal access token');
    expect(el.targets).to.deep.equal([]);
    expect(credentialInput(el)).to.equal(null);
    await press(el, msg('root.authRequired.continue'));
    expect(el.state.phase).to.equal('auth');
    expect(credentialInput(el)?.value).to.equal('');
  });

  it('reconnect: new credentials repair the target', async () => {
    await scenario('reconnect');
    const el = await mount({ targetId: SAMPLE_TARGET_IDS.authRequired });
    await phase(el, 'auth-required');
    await press(el, msg('root.authRequired.continue'));
    await enterCredential(el, GITHUB_PAT);
    await press(el, msg('root.save'));
    await phase(el, 'export-setup');
    const target = el.state.phase === 'export-setup' ? el.state.target : null;
    expect(target?.id).to.equal(SAMPLE_TARGET_IDS.authRequired);
    expect(target?.state).to.equal('connected');
    expect(target?.history.at(-1)?.event).to.equal('reconnected');
  });

  it('revoke: revoke at the provider, then disconnect; the record stays', async () => {
    await scenario('revoke');
    const el = await mount();
    await press(el, msg('status.revokeLabel', { target: 'Acme Jira' }));
    expect(el.state.phase).to.equal('revoke-at-provider');
    tick(must<HTMLInputElement>(part(el, 'pts-revoke'), '#ack'));
    await settle(el);
    expect(el.state.phase).to.equal('revoke-disconnect');
    must<HTMLButtonElement>(part(el, 'pts-revoke'), '[part~=disconnect]').click();
    await phase(el, 'revoked');
    expect(textOf(el)).to.contain(msg('revoke.done', { target: 'Acme Jira' }));
    const record = el.targets.find((t) => t.id === SAMPLE_TARGET_IDS.cloudConnected);
    expect(record?.state).to.equal('revoked');
    expect(record?.has_credentials).to.equal(false);
    expect(record?.history.length).to.be.greaterThan(2);
    const facts = textOf(must(el, 'dl.facts'));
    expect(facts, 'the card speaks of the grant in the past').to.contain(msg('root.target.authRevoked'));
    expect(facts).not.to.contain(msg('root.target.auth'));
    await press(el, msg('root.backToTargets'));
    expect(el.state.phase).to.equal('status');
  });

  it('slow-backend: the loading state is visible while /status loads', async () => {
    await scenario('slow-backend', { latencyMs: 600 });
    const el = await mount({ settle: false });
    const status = part<LitElement & { loading: boolean }>(el, 'pts-integration-status');
    expect(el.hasCustomState('loading')).to.equal(true);
    expect(status.loading).to.equal(true);
    expect(el.shadowRoot?.querySelector('section')?.getAttribute('aria-busy')).to.equal('true');
    await idle(el);
    expect(status.loading).to.equal(false);
    expect(el.targets.length).to.equal(1);
  });

  it('slow-backend: a preselected provider shows /status loading without holding the mode choice', async () => {
    await scenario('slow-backend', { latencyMs: 600 });
    const el = await mount({ provider: 'jira', settle: false });
    await settle(el);
    expect(el.state.phase).to.equal('edition');
    expect(el.hasCustomState('loading')).to.equal(true);
    expect(textOf(el)).to.contain(msg('root.statusLoading'));
    await chooseEdition(el, 'jira-cloud');
    expect(el.state.phase, 'the choice goes on while /status loads').to.equal('tenant');
    await idle(el);
    expect(textOf(el)).not.to.contain(msg('root.statusLoading'));
  });

  it('slow-backend: a URL check in flight shows its progress', async () => {
    await scenario('slow-backend', { latencyMs: 400 });
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.example.com');
    expect(el.state.phase).to.equal('checking');
    expect(el.hasCustomState('loading')).to.equal(true);
    expect(part<LitElement & { checking: boolean }>(el, 'pts-network-check').checking).to.equal(true);
    await phase(el, 'allowlist');
  });

  it('backend-down: an error with a retry, and nothing typed is lost', async () => {
    await scenario('backend-down');
    const el = await mount({ provider: 'jira' });
    expect(el.hasCustomState('error')).to.equal(true);
    expect(textOf(el)).to.contain(msg('error.BACKEND_UNAVAILABLE'));
    await toCheck(el, 'https://jira.example.com/jira');
    expect(el.state.phase).to.equal('base-url');
    expect(must<HTMLInputElement>(el, 'input#url').value).to.equal('https://jira.example.com/jira');
    expect(textOf(part(el, 'pts-network-check'))).to.contain(msg('error.BACKEND_UNAVAILABLE'));

    await scenario('self-hosted-ready');
    button(part(el, 'pts-network-check'), msg('common.retry')).click();
    await phase(el, 'allowlist');
    await press(el, msg('common.retry'));
    await idle(el);
    expect(el.hasCustomState('error')).to.equal(false);
  });

  it('backend-down: the status list offers a retry that recovers', async () => {
    await scenario('backend-down', { downAs: 'network-error' });
    const el = await mount();
    const status = part<LitElement & { error: { code: string } | null }>(el, 'pts-integration-status');
    expect(status.error?.code).to.equal('BACKEND_UNAVAILABLE');
    await scenario('revoke');
    button(status, msg('common.retry')).click();
    await waitUntil(() => el.targets.length === 2);
    await idle(el);
    expect(status.error).to.equal(null);
  });

  it('backend-down: a failed save keeps the form, not the secret', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    await selfHostedToAuth(el);
    await enterCredential(el, JIRA_PAT);
    await scenario('backend-down');
    await press(el, msg('root.save'));
    await phase(el, 'auth');
    await idle(el);
    expect(textOf(el)).to.contain(msg('error.BACKEND_UNAVAILABLE'));
    expect(textOf(el)).to.contain(msg('root.retypeCredential'));
    const alert = el.shadowRoot?.querySelector('[role=alert][aria-live=assertive]');
    expect(alert?.textContent?.trim(), 'errors on submit are assertive').to.equal(msg('error.BACKEND_UNAVAILABLE'));
    expect(credentialInput(el)?.value).to.equal('');
    expect(el.state.phase === 'auth' && el.state.credentialEntered).to.equal(false);
    expect(el.state.phase === 'auth' && el.state.site.kind === 'checked' && el.state.site.allowlistStatus).to.equal('tunnel');
  });

  it('malformed-response: a clear error instead of a crash', async () => {
    await scenario('malformed-response');
    const el = await mount({ provider: 'jira' });
    expect(textOf(el)).to.contain(msg('error.MALFORMED_RESPONSE'));
    await toCheck(el, 'https://jira.example.com');
    expect(el.state.phase).to.equal('base-url');
    expect(textOf(part(el, 'pts-network-check'))).to.contain(msg('error.MALFORMED_RESPONSE'));
    expect(el.supportDetails()).to.contain('MALFORMED_RESPONSE');
  });
});
