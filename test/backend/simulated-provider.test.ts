// The kit's export scenarios, each a configuration of the real backend answered by
// the one simulated provider: for every provider, save a target with a token the
// simulated provider accepts, walk its destination path down to where tickets are
// created, save the settings and run the test export; then the same walk meets each
// failure the scenarios play.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DestinationPageSchema,
  TargetRecordSchema,
  TestExportResultSchema,
  UrlCheckResponseSchema,
  type DestinationStep,
  type TestExportResult,
} from '../../src/core/contract/index.js';
import type { ProviderId } from '../../src/core/providers/types.js';
import { createScenarioBackend } from '../../src/testing/scenario-backend.js';
import { TEST_EXPORT_FAILURES, type ScenarioId } from '../../src/testing/scenarios.js';
import { SIMULATED_WEBHOOK_SECRET } from '../../src/testing/provider-apis/index.js';
import { KIT_SAVES as SAVES } from '../support/kit-saves.js';

const ENDPOINT = 'http://localhost/api/pts';
const TOKEN = 'kit-token-0123456789abcdef';

function kit(scenario: ScenarioId) {
  const { handler } = createScenarioBackend(scenario, ENDPOINT, 'http://localhost');
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    const response = await handler(new Request(`${ENDPOINT}${path}`, init));
    const text = await response.text();
    assert.ok(!text.includes(TOKEN) && !text.includes(SIMULATED_WEBHOOK_SECRET), `a secret leaked: ${text.slice(0, 200)}`);
    return { status: response.status, json: JSON.parse(text) as unknown };
  };
  return { call };
}

/** Saves a target, walks its path choosing the first item at each level, saves the settings and runs the test. */
async function walk(scenario: ScenarioId, provider: ProviderId): Promise<{ result: TestExportResult; path: DestinationStep[]; state: string }> {
  const { call } = kit(scenario);
  let saved;
  if (provider === 'webhook') {
    const check = UrlCheckResponseSchema.parse(
      (await call('POST', '/url-checks', { provider, edition: 'webhook', deployment_mode: 'webhook', base_url: 'https://hooks.example.com/in', ownership_confirmed: true, export_authorized: true })).json,
    );
    saved = await call('POST', '/targets', {
      provider, edition: 'webhook', deployment_mode: 'webhook', base_url: check.normalized_url, check_id: check.check_id, allowlist_status: 'direct',
      ownership_confirmed: true, export_authorized: true, auth_method: 'signing_secret', token_type: 'webhook_hmac_secret', credential: SIMULATED_WEBHOOK_SECRET,
    });
  } else {
    saved = await call('POST', '/targets', { provider, deployment_mode: 'cloud', ownership_confirmed: true, export_authorized: true, credential: TOKEN, ...SAVES[provider] });
  }
  assert.equal(saved.status, 201, `${provider}: ${JSON.stringify(saved.json)}`);
  const id = TargetRecordSchema.parse(saved.json).id;
  const path: DestinationStep[] = [];
  if (provider !== 'webhook') {
    for (let parent: { level: DestinationStep['level']; id: string } | undefined; ; ) {
      const answer = await call('POST', `/targets/${id}/destinations`, parent ? { parent } : {});
      assert.equal(answer.status, 200, `${provider} below ${JSON.stringify(parent)}: ${JSON.stringify(answer.json)}`);
      const first = DestinationPageSchema.parse(answer.json).items[0];
      assert.ok(first, `${provider}: an item below ${JSON.stringify(parent)}`);
      path.push({ level: first.level, id: first.id, name: first.name });
      if (!first.has_children) break;
      parent = { level: first.level, id: first.id };
    }
  }
  const settings = provider === 'webhook' ? { destination: [], events: ['finding.created'] } : { destination: path };
  const stored = await call('PUT', `/targets/${id}/export-settings`, settings);
  assert.equal(stored.status, 200, `${provider}: ${JSON.stringify(stored.json)}`);
  const tested = await call('POST', `/targets/${id}/test-export`);
  assert.equal(tested.status, 200, `${provider}: ${JSON.stringify(tested.json)}`);
  const result = TestExportResultSchema.parse(tested.json);
  const after = TargetRecordSchema.parse((await call('GET', `/targets/${id}`)).json);
  assert.deepEqual(after.last_test, result, `${provider}: the result is kept on the target`);
  return { result, path, state: after.state };
}

const PROVIDERS = [...Object.keys(SAVES), 'webhook'] as ProviderId[];

describe('the kit\'s export scenarios, for every provider', () => {
  for (const provider of PROVIDERS) {
    it(`${provider}: destinations-small walks the whole path and creates one test ticket`, async () => {
      const { result, path } = await walk('destinations-small', provider);
      assert.equal(result.status, 'succeeded', JSON.stringify(result.error));
      if (provider === 'webhook') assert.equal(result.delivery?.http_status, 204);
      else assert.ok(result.ticket?.url.startsWith('https://'), JSON.stringify(result));
      assert.equal(path.length > 0, provider !== 'webhook');
    });
  }

  for (const [scenario, code] of Object.entries(TEST_EXPORT_FAILURES) as Array<[ScenarioId, string]>) {
    it(`${scenario}: every provider's test export fails with ${code}, with an action`, async () => {
      for (const provider of PROVIDERS) {
        const { result, state } = await walk(scenario, provider);
        assert.equal(result.status, 'failed', `${provider}: ${JSON.stringify(result)}`);
        assert.equal(result.error?.code, code, `${provider}: ${JSON.stringify(result.error)}`);
        assert.ok(result.error?.action?.label, `${provider}: an action`);
        assert.equal(state, code === 'PROVIDER_AUTH_REQUIRED' ? 'auth_required' : 'connected', provider);
      }
    });
  }

  it('destinations-large and destinations-empty: 5,000 repositories page on; none explains itself', async () => {
    for (const [scenario, expectMore] of [['destinations-large', true], ['destinations-empty', false]] as const) {
      const { call } = kit(scenario);
      const saved = await call('POST', '/targets', { provider: 'github', deployment_mode: 'cloud', ownership_confirmed: true, export_authorized: true, credential: TOKEN, ...SAVES.github });
      const id = TargetRecordSchema.parse(saved.json).id;
      const page = DestinationPageSchema.parse((await call('POST', `/targets/${id}/destinations`, {})).json);
      assert.equal(page.next_cursor !== null, expectMore, scenario);
      if (!expectMore) assert.equal(page.empty?.reason, 'nothing_accessible');
      if (expectMore) {
        const found = DestinationPageSchema.parse((await call('POST', `/targets/${id}/destinations`, { query: 'service-0042' })).json);
        assert.deepEqual(found.items.map((i) => i.name), ['acme/service-0042']);
      }
    }
  });
});
