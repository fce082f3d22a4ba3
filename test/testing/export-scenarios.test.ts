// The kit's export scenarios in the browser, through the service worker and the
// HTTP client: save a GitHub target, list repositories, save the settings, run the
// test export, and read what each scenario answers.
import { expect } from '@open-wc/testing';
import { createHttpBackend } from '../../src/client/index.js';
import type { TestExportResult } from '../../src/core/contract/index.js';
import { DEFAULT_MOCK_ENDPOINT, SCENARIOS, startWorker, TEST_EXPORT_FAILURES, type MockWorker, type ScenarioId } from '../../src/testing/index.js';
import { githubCloudSave, rejection } from './backend-fixtures.js';

const backend = createHttpBackend({ endpoint: DEFAULT_MOCK_ENDPOINT });
const CANARY = 'pts-canary-5a1e-export-do-not-leak';

async function savedGithub(): Promise<string> {
  return (await backend.saveTarget(githubCloudSave(CANARY))).id;
}

async function testExport(scenario: ScenarioId): Promise<{ id: string; result: TestExportResult }> {
  const id = await savedGithub();
  const page = await backend.listDestinations!(id, {});
  const first = page.items[0]!;
  const record = await backend.saveExportSettings!(id, { destination: [{ level: first.level, id: first.id, name: first.name }] });
  expect(record.export_settings?.duplicates, scenario).to.equal('update');
  const result = await backend.runTestExport!(id);
  expect(JSON.stringify(result)).not.to.contain(CANARY);
  return { id, result };
}

describe('msw export scenarios', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await startWorker('destinations-small');
  });

  it('every export scenario starts on GitHub.com', () => {
    for (const id of ['destinations-small', 'destinations-large', 'destinations-empty', 'destination-read-only', 'test-export-succeeded'] as const) {
      expect(SCENARIOS[id].preset.provider, id).to.equal('github');
    }
  });

  it('destinations-small and destinations-large: three repositories, or 5,000 paged and searchable', async () => {
    mock.use('destinations-small');
    let id = await savedGithub();
    const small = await backend.listDestinations!(id, {});
    expect(small.items.map((i) => i.name)).to.deep.equal(['acme/service-0001', 'acme/service-0002', 'acme/service-0003']);
    expect(small.next_cursor).to.equal(null);
    mock.use('destinations-large');
    id = await savedGithub();
    const large = await backend.listDestinations!(id, {});
    expect(large.next_cursor).to.be.a('string');
    const next = await backend.listDestinations!(id, { cursor: large.next_cursor! });
    expect(next.items[0]!.name > large.items.at(-1)!.name).to.equal(true);
    const found = await backend.listDestinations!(id, { query: 'service-0042' });
    expect(found.items.map((i) => i.name)).to.deep.equal(['acme/service-0042']);
  });

  it('destinations-empty: the empty list names the provider action', async () => {
    mock.use('destinations-empty');
    const page = await backend.listDestinations!(await savedGithub(), {});
    expect(page.items).to.deep.equal([]);
    expect(page.empty?.reason).to.equal('nothing_accessible');
    expect(page.empty?.action?.label).to.contain('Repository access');
  });

  it('test-export-succeeded: one test ticket, linked, and kept as last_test', async () => {
    mock.use('test-export-succeeded');
    const { id, result } = await testExport('test-export-succeeded');
    expect(result.status).to.equal('succeeded');
    expect(result.ticket?.url).to.match(/^https:\/\/api\.github\.com\/acme\/service-0001\/issues\/1$/);
    expect((await backend.getTarget(id)).last_test).to.deep.equal(result);
  });

  for (const [scenario, code] of Object.entries(TEST_EXPORT_FAILURES) as Array<[ScenarioId, string]>) {
    it(`${scenario}: the test export fails with ${code} and its action`, async () => {
      mock.use(scenario);
      const { id, result } = await testExport(scenario);
      expect(result.status).to.equal('failed');
      expect(result.error?.code).to.equal(code);
      expect(result.error?.action?.label).to.be.a('string');
      expect((await backend.getTarget(id)).state).to.equal(code === 'PROVIDER_AUTH_REQUIRED' ? 'auth_required' : 'connected');
    });
  }

  it('answers a target without a credential with PROVIDER_AUTH_REQUIRED', async () => {
    mock.use('revoke');
    const error = await rejection(backend.listDestinations!('tgt_jira_cloud_acme', {}));
    expect(error.code).to.equal('PROVIDER_AUTH_REQUIRED');
  });
});
