/**
 * After save, on the msw kit's export scenarios: for every provider, choose
 * where tickets go, how duplicates are handled, run the test export, land on
 * the overview, edit, and revoke; each test export failure with its reason
 * and action. Asserts the public events and the requests the backend got.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ExportSettings, TargetRecord } from '../../src/core/contract/index.js';
import { DESTINATION_PATHS } from '../../src/core/contract/index.js';
import { getProvider, PROVIDER_IDS, type ProviderId } from '../../src/core/providers/index.js';
import type { PtsDestinationPicker, PtsExportSetup, ProviderTargetSetup } from '../../src/index.js';
import { msg } from '../../src/index.js';
import { SIMULATED_WEBHOOK_SECRET, TEST_EXPORT_FAILURES, type ScenarioId } from '../../src/testing/index.js';
import {
  deep,
  deepAll,
  listen,
  mount,
  must,
  part,
  phase,
  press,
  recordingBackend,
  saveThroughUi,
  scenario,
  TOKEN,
  settle,
  textOf,
  type RecordedRequest,
} from './provider-target-setup.fixtures.js';


const setupOf = (el: ProviderTargetSetup) => part<PtsExportSetup>(el, 'pts-export-setup');
const pickers = (el: ProviderTargetSetup) => deepAll<PtsDestinationPicker>(setupOf(el), 'pts-destination-picker').filter((p) => p.id !== 'labels');

/** Chooses the first item of every list down the provider's path, with the pointer. */
async function chooseDestination(el: ProviderTargetSetup): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const open = pickers(el).find((p) => !p.value);
    if (!open) return;
    await waitUntil(() => !open.matches(':state(loading)') && !open.matches(':state(error)'), `list ${open.level} loaded`, { timeout: 5000 });
    must<HTMLInputElement>(open, 'input').click();
    await open.updateComplete;
    must(open, '[role=option]').click();
    await settle(el);
  }
  throw new Error('the destination path did not end');
}

function requestsTo(requests: RecordedRequest[], suffix: string, method = 'POST'): RecordedRequest[] {
  return requests.filter((r) => r.method === method && r.path.endsWith(suffix));
}

async function revoke(el: ProviderTargetSetup): Promise<void> {
  await press(el, msg('status.revoke'));
  await phase(el, 'revoke-at-provider');
  const revokeEl = part(el, 'pts-revoke');
  must<HTMLInputElement>(revokeEl, '#ack').click();
  await settle(el);
  must<HTMLButtonElement>(revokeEl, '[part~=disconnect]').click();
  await phase(el, 'revoked');
}

describe('<provider-target-setup> after save: where tickets go, duplicates, test export, overview', () => {
  for (const provider of PROVIDER_IDS) {
    it(`${provider}: save → destination → duplicates → test export → overview → edit → revoke`, async () => {
      await scenario('destinations-small');
      const { backend, requests } = recordingBackend();
      const el = await mount({ backend, endpoint: null });
      const { seen, stop } = listen('target-saved', 'target-configured', 'target-revoked', 'step-change');
      await saveThroughUi(el, provider);
      const saved = el.state.phase === 'export-setup' ? el.state.target : null;
      expect(saved?.provider).to.equal(provider);
      const id = saved!.id;
      expect(seen.filter((e) => e.type === 'step-change').at(-1)?.detail, 'save leads straight to the setup').to.deep.equal({ step: 'provider-setup', previous: 'network' });

      if (provider === 'webhook') {
        expect(pickers(el).length).to.equal(0);
        must<HTMLInputElement>(setupOf(el), 'input[name=events][value="finding.resolved"]').click();
      } else {
        await chooseDestination(el);
        must<HTMLInputElement>(setupOf(el), 'input[name=duplicates][value=comment]').click();
        const lists = requestsTo(requests, `/targets/${id}/destinations`);
        expect(lists.length, 'one list per level at least').to.be.at.least(DESTINATION_PATHS[provider].length - (provider === 'clickup' ? 1 : 0));
        expect(lists[0]!.body).to.deep.equal({});
      }
      await settle(el);
      await press(el, msg('export.save'));
      await phase(el, 'existing-target');

      const put = requestsTo(requests, `/targets/${id}/export-settings`, 'PUT');
      expect(put.length).to.equal(1);
      const sent = put[0]!.body as ExportSettings;
      const configured = seen.filter((e) => e.type === 'target-configured');
      expect(configured.length).to.equal(1);
      const record = (configured[0]!.detail as { target: TargetRecord }).target;
      expect(record.id).to.equal(id);
      if (provider === 'webhook') {
        expect(sent).to.deep.equal({ destination: [], duplicates: 'update', events: ['finding.created', 'finding.updated'] });
      } else {
        expect(sent.duplicates).to.equal('comment');
        expect(record.export_settings?.destination).to.deep.equal(sent.destination);
        expect(textOf(el)).to.contain(sent.destination.map((s) => s.name).join(' › '));
      }
      expect(seen.filter((e) => e.type === 'step-change').at(-1)?.detail).to.deep.equal({ step: 'target', previous: 'provider-setup' });

      // The test export, from the overview.
      await press(el, msg(provider === 'webhook' ? 'overview.test.runWebhook' : 'overview.test.run'));
      await waitUntil(() => el.state.phase === 'existing-target' && el.state.target.last_test, 'test result', { timeout: 5000 });
      await settle(el);
      expect(requestsTo(requests, `/targets/${id}/test-export`).length).to.equal(1);
      const result = el.state.phase === 'existing-target' ? el.state.target.last_test : null;
      expect(result?.status).to.equal('succeeded');
      const section = must(el, '[part~=test]');
      if (result?.ticket) expect(must<HTMLAnchorElement>(section, 'a').href).to.equal(result.ticket.url);
      if (provider === 'webhook') {
        expect(textOf(section)).to.contain(msg('test.status', { status: result!.delivery!.http_status }));
        expect(textOf(section)).to.contain('webhook-signature');
      }

      // Edit: back in the setup with the saved choices, then a change saved again.
      await press(el, msg('overview.edit'));
      await phase(el, 'export-setup');
      if (provider !== 'webhook') {
        expect(pickers(el).map((p) => p.value?.id)).to.deep.equal(sent.destination.map((s) => s.id));
        expect(must<HTMLInputElement>(setupOf(el), 'input[name=duplicates][value=comment]').checked).to.equal(true);
        must<HTMLInputElement>(setupOf(el), 'input[name=duplicates][value=skip]').click();
        await settle(el);
      }
      await press(el, msg('export.save'));
      await phase(el, 'existing-target');
      expect(requestsTo(requests, `/targets/${id}/export-settings`, 'PUT').length).to.equal(2);
      expect(seen.filter((e) => e.type === 'target-configured').length).to.equal(2);

      await revoke(el);
      expect(seen.filter((e) => e.type === 'target-revoked').length).to.equal(1);
      expect(requestsTo(requests, `/targets/${id}/revoke`).length).to.equal(1);
      stop();

      // The credential went out once, in the save, and nowhere else.
      const secret = provider === 'webhook' ? SIMULATED_WEBHOOK_SECRET : TOKEN;
      expect(requests.filter((r) => JSON.stringify(r.body ?? '').includes(secret)).map((r) => r.path)).to.deep.equal(['/targets']);
      expect(seen.some((e) => JSON.stringify(e.detail).includes(secret))).to.equal(false);
    });
  }

  it('destinations-empty: the empty list says what is missing, with the provider’s exact action; nothing can be saved', async () => {
    await scenario('destinations-empty');
    const { backend, requests } = recordingBackend();
    const el = await mount({ backend, endpoint: null });
    await saveThroughUi(el, 'github');
    const picker = pickers(el)[0]!;
    await waitUntil(() => picker.shadowRoot?.querySelector('[part~=empty]'), 'the empty list', { timeout: 5000 });
    const page = await backend.listDestinations!(el.state.phase === 'export-setup' ? el.state.target.id : '', {});
    const empty = textOf(must(picker, '[part~=empty]'));
    expect(empty).to.contain(page.empty!.message);
    expect(empty).to.contain(page.empty!.action!.label);
    await press(el, msg('export.save'));
    expect(el.state.phase, 'no destination, no save').to.equal('export-setup');
    expect(requests.filter((r) => r.method === 'PUT')).to.deep.equal([]);
    expect(textOf(picker)).to.contain(msg('export.required', { level: msg('export.level.repository') }));
  });

  for (const [id, code] of Object.entries(TEST_EXPORT_FAILURES) as Array<[ScenarioId, string]>) {
    it(`${id}: the test export fails with ${code}, its reason and its action`, async () => {
      await scenario(id);
      const { backend } = recordingBackend();
      const el = await mount({ backend, endpoint: null });
      await saveThroughUi(el, 'github');
      await chooseDestination(el);
      await press(el, msg('export.save'));
      await phase(el, 'existing-target');
      await press(el, msg('overview.test.run'));
      await waitUntil(() => el.state.phase === 'existing-target' && el.state.target.last_test, 'test result', { timeout: 5000 });
      await settle(el);
      const result = el.state.phase === 'existing-target' ? el.state.target.last_test : null;
      expect(result?.error?.code).to.equal(code);
      const section = textOf(must(el, '[part~=test]'));
      expect(section).to.contain(msg('test.failed'));
      expect(section).to.contain(msg(`test.error.${code}` as Parameters<typeof msg>[0]));
      expect(section).to.contain(result!.error!.action!.label);
      expect(textOf(el)).to.contain(msg('overview.ready.test.failed'));
      expect(deep(el, '#run-test')?.textContent).to.contain(msg('overview.test.again'));
      if (code === 'PROVIDER_AUTH_REQUIRED') {
        // The backend now holds the record as needing authorisation: reconnect reads it and opens its auth step.
        await press(el, msg('status.reconnect'));
        await phase(el, 'auth-required');
        expect(el.state.phase === 'auth-required' && el.state.reconnect?.state).to.equal('auth_required');
      }
    });
  }
});
