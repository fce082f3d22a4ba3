import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { UrlCheckOutcomeSchema, type UrlCheckOutcome } from '../../src/core/contract/schemas.js';
import { checkBaseUrl } from '../../src/server/index.js';
import { stubLookup, stubTransport } from './fixtures/stubs.js';
import { BLOCKED_CASES, PASSING_CASES, WORLD, countByCategory, type UrlCase } from './fixtures/url-cases.js';

async function run(c: UrlCase): Promise<{ outcome: UrlCheckOutcome; transport: ReturnType<typeof stubTransport> }> {
  const lookup = stubLookup({ ...WORLD, ...c.dns });
  const transport = stubTransport(c.responses, c.fallback);
  const outcome = await checkBaseUrl(c.url, { ...c.options, lookup, transport });
  UrlCheckOutcomeSchema.parse(outcome);
  return { outcome, transport };
}

/** The probe may only ever connect to addresses the outcome lists as checked. */
function assertPinned(outcome: UrlCheckOutcome, transport: ReturnType<typeof stubTransport>): void {
  for (const call of transport.calls) assert.ok(outcome.addresses.includes(call.address), `connected to unchecked ${call.address}`);
}

const counted = { blocked: 0, passing: 0 };

describe('checkBaseUrl blocks', () => {
  for (const c of BLOCKED_CASES) {
    test(`[${c.category}] ${c.title.slice(0, 120)}`, async () => {
      const { outcome, transport } = await run(c);
      assert.equal(outcome.status, 'blocked');
      assert.equal(outcome.code, 'PROVIDER_BASE_URL_BLOCKED');
      const entry = outcome.checks.find((e) => e.name === c.fails);
      assert.equal(entry?.status, 'failed', `expected ${c.fails} to fail: ${JSON.stringify(outcome.checks)}`);
      assert.ok(entry?.detail && entry.detail.length > 0);
      if (c.offender !== undefined) assert.equal(entry?.offender, c.offender);
      if (c.secret !== undefined) assert.ok(!JSON.stringify(outcome).includes(c.secret), 'outcome echoes a credential');
      assertPinned(outcome, transport);
      counted.blocked++;
    });
  }
});

describe('checkBaseUrl passes', () => {
  for (const c of PASSING_CASES) {
    test(`[${c.category}] ${c.title.slice(0, 120)}`, async () => {
      const { outcome, transport } = await run(c);
      assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks.filter((e) => e.status === 'failed')));
      assert.equal(outcome.code, undefined);
      assert.ok(outcome.checks.every((e) => e.status !== 'failed'));
      assert.deepEqual(
        outcome.checks.map((e) => e.name),
        ['scheme', 'private_network', 'reserved_ip', 'redirect', 'dns_rebinding', 'ownership'],
      );
      assert.ok(outcome.addresses.length > 0);
      if (c.normalized !== undefined) assert.equal(outcome.normalized_url, c.normalized);
      if (c.options?.provider && c.options.deploymentMode === 'self-hosted') {
        assert.equal(outcome.checks.find((e) => e.name === 'ownership')?.status, 'passed');
      }
      assertPinned(outcome, transport);
      counted.passing++;
    });
  }
});

test('case table meets its floor', () => {
  assert.ok(BLOCKED_CASES.length >= 200, `only ${BLOCKED_CASES.length} blocked cases`);
  assert.ok(PASSING_CASES.length >= 50, `only ${PASSING_CASES.length} passing cases`);
  assert.equal(new Set(BLOCKED_CASES.map((c) => `${c.category}|${c.title}|${JSON.stringify(c.options ?? {})}`)).size, BLOCKED_CASES.length, 'duplicate blocked case');
  assert.equal(new Set(PASSING_CASES.map((c) => `${c.category}|${c.title}|${JSON.stringify(c.options ?? {})}`)).size, PASSING_CASES.length, 'duplicate passing case');
});

after(() => {
  const line = (cases: readonly UrlCase[]) =>
    Object.entries(countByCategory(cases))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
  console.log(`cases blocked (${counted.blocked}/${BLOCKED_CASES.length} asserted): ${line(BLOCKED_CASES)}`);
  console.log(`cases passing (${counted.passing}/${PASSING_CASES.length} asserted): ${line(PASSING_CASES)}`);
});
