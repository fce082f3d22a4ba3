/**
 * <provider-target-setup>: what the sub-elements are told about the real
 * state — the readiness reasons, the revoke location shown once, skipped
 * steps on the fallback screen, a busy credential step, and a status that
 * could not be loaded.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { createHttpBackend, msg, type Backend, type ProviderTargetSetup } from '../../src/index.js';
import { SAMPLE_TARGET_IDS } from '../../src/testing/index.js';
import {
  ENDPOINT,
  JIRA_PAT,
  addProvider,
  chooseEdition,
  cloudToAuth,
  confirmOwnership,
  confirmTenant,
  credentialInput,
  enterCredential,
  idle,
  mount,
  mountAtSelfHostedAuth,
  must,
  part,
  phase,
  press,
  runCheck,
  scenario,
  selfHostedToAuth,
  settle,
  textOf,
} from './provider-target-setup.fixtures.js';

type ReadinessView = LitElement & { items: Array<{ key: string; status: string; code?: string }> };

/** The credential boundary's reason, without the revoke location after it. */
function boundaryReason(el: ProviderTargetSetup): string {
  const readiness = part<ReadinessView>(el, 'pts-readiness');
  const row = [...readiness.shadowRoot!.querySelectorAll('[part~=item]')].find(
    (r) => r.querySelector('.item-name')?.textContent === msg('ready.credential-boundary'),
  )!;
  const reason = (row.querySelector('.reason')?.textContent ?? '').replace(/\s+/g, ' ');
  return reason.split(msg('ready.revokeWhere'))[0]!.trim();
}

describe('<provider-target-setup> states told to the sub-elements', () => {
  describe('readiness', () => {
    it('says what is missing once a method is chosen: the authorisation for OAuth', async () => {
      await scenario('cloud-ready');
      const el = await mount();
      await addProvider(el, 'Jira');
      await chooseEdition(el, 'jira-cloud');
      await confirmTenant(el, 'acme-demo.atlassian.net');
      await phase(el, 'auth');
      const item = part<ReadinessView>(el, 'pts-readiness').items.find((i) => i.key === 'credential-boundary');
      expect(item).to.include({ status: 'not-ready', code: 'authorization-missing' });
      expect(boundaryReason(el)).to.equal(msg('ready.reason.authorization-missing'));
      expect(textOf(part(el, 'pts-readiness'))).not.to.contain(msg('ready.credential-boundary.not-ready'));
    });

    it('says the credential is missing for a token method, and ready once it is typed', async () => {
      await scenario('cloud-ready');
      const el = await mount();
      await cloudToAuth(el);
      expect(boundaryReason(el)).to.equal(msg('ready.reason.credential-missing'));
      await enterCredential(el, 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU');
      expect(boundaryReason(el)).to.equal(msg('ready.credential-boundary.ready'));
    });

    it('shows where to revoke once on the credential step, in the checklist', async () => {
      const el = await mountAtSelfHostedAuth();
      const where = part<LitElement & { selectedMethod: { revoke: { label: string } } }>(el, 'pts-auth').selectedMethod.revoke.label;
      const count = (node: Node) => textOf(node).split(where).length - 1;
      expect(count(el)).to.equal(1);
      expect(count(part(el, 'pts-readiness'))).to.equal(1);
      expect(count(part(el, 'pts-auth'))).to.equal(0);
    });
  });

  it('shows where to revoke once while revoking: in the revoke steps, not again in the target card', async () => {
    await scenario('revoke');
    const el = await mount({ targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await phase(el, 'existing-target');
    const opened = el.state;
    const where = opened.phase === 'existing-target' ? opened.method?.revoke.label : undefined;
    expect(where, 'the catalog knows where to revoke').to.be.a('string');
    const count = (node: Node) => textOf(node).split(where!).length - 1;
    expect(count(el), 'the card says it before revoking starts').to.equal(1);
    await press(el, msg('status.revoke'));
    expect(el.state.phase).to.equal('revoke-at-provider');
    expect(count(el)).to.equal(1);
    expect(count(part(el, 'pts-revoke'))).to.equal(1);
  });

  it('shows the skipped provider setup as skipped on the portable-export screen', async () => {
    await scenario('url-blocked-private-network');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.corp.example.com');
    await phase(el, 'url-blocked');
    await press(el, msg('network.blocked.export'));
    await phase(el, 'fallback');
    const path = part<LitElement & { skipped: string[]; current: string }>(el, 'pts-step-path');
    expect(path.current).to.equal('target');
    expect(path.skipped).to.deep.equal(['provider-setup']);
    const classes = [...path.shadowRoot!.querySelectorAll('li')].map((li) => li.className);
    expect(classes).to.deep.equal(['complete', 'complete', 'complete', 'skipped', 'current']);
  });

  it('disables the credential step while the save is in flight, and clears the field after', async () => {
    await scenario('self-hosted-ready');
    const real = createHttpBackend({ endpoint: ENDPOINT });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const backend: Backend = { ...real, saveTarget: async (request, options) => (await gate, real.saveTarget(request, options)) };
    const el = await mount({ backend, endpoint: null });
    await selfHostedToAuth(el);
    await enterCredential(el, JIRA_PAT);
    const auth = part<LitElement & { disabled: boolean }>(el, 'pts-auth');
    expect(auth.disabled).to.equal(false);
    await press(el, msg('root.save'));
    expect(el.state.phase).to.equal('saving');
    expect(auth.disabled).to.equal(true);
    const input = credentialInput(el)!;
    expect(input.readOnly).to.equal(true);
    expect(input.value, 'the secret left the input for the one save request').to.equal('');
    release();
    await phase(el, 'export-setup');
    expect(credentialInput(el)).to.equal(null);
  });

  describe('integration status without a loaded status', () => {
    it('keeps the provider list usable while /status fails', async () => {
      await scenario('backend-down');
      const el = await mount();
      const status = part(el, 'pts-integration-status');
      const t = textOf(status);
      expect(t).to.contain(msg('status.loadFailed'));
      expect(t).not.to.contain(msg('status.empty'));
      must(status, '[role=alert] button');
      await addProvider(el, 'Jira');
      expect(el.state.phase).to.equal('edition');
    });

    it('says the targets are not loaded when no backend is configured', async () => {
      const el = await mount({ endpoint: null });
      await idle(el);
      await settle(el);
      const t = textOf(part(el, 'pts-integration-status'));
      expect(t).to.contain(msg('status.notLoaded'));
      expect(t).not.to.contain(msg('status.empty'));
      expect(t).not.to.contain(msg('status.state.not_connected'));
    });
  });
});
