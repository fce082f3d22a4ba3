import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveAll, ResolveError } from '../../src/server/check/resolve.js';
import { stubLookup } from './fixtures/stubs.js';

const lookup = stubLookup({ 'quick.example': ['8.8.8.8'], 'slow.example': 'hang', 'v6.example': ['2606:4700::1111'] });

/** Settles to the code of the rejection, or 'ok'. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof ResolveError ? err.code : 'other'),
  );

describe('resolveAll', () => {
  test('answers every address with its family', async () => {
    assert.deepEqual(await resolveAll(lookup, 'quick.example', 1000), [{ address: '8.8.8.8', family: 4 }]);
    assert.deepEqual(await resolveAll(lookup, 'v6.example', 1000), [{ address: '2606:4700::1111', family: 6 }]);
  });

  test('each lookup keeps its own deadline, a short one armed after a long one included', async () => {
    const order: string[] = [];
    const track = (name: string, p: Promise<unknown>) => outcome(p).then((code) => order.push(`${name}:${code}`));
    const long = track('long', resolveAll(lookup, 'slow.example', 400));
    const short = track('short', resolveAll(lookup, 'slow.example', 20));
    const answered = track('answered', resolveAll(lookup, 'quick.example', 20));
    await short;
    assert.deepEqual(order, ['answered:ok', 'short:ETIMEOUT']);
    await Promise.all([long, answered]);
    assert.deepEqual(order, ['answered:ok', 'short:ETIMEOUT', 'long:ETIMEOUT']);
  });

  test('a timed-out lookup rejects once, even if the answer comes later', async () => {
    let late: (() => void) | undefined;
    const slow: Parameters<typeof resolveAll>[0] = (_host, _options, callback) => {
      late = () => callback(null, [{ address: '8.8.8.8', family: 4 }]);
    };
    assert.equal(await outcome(resolveAll(slow, 'late.example', 10)), 'ETIMEOUT');
    late!();
  });

  test('a cancelled signal rejects at once, before and during the lookup', async () => {
    const before = new AbortController();
    before.abort();
    assert.equal(await outcome(resolveAll(lookup, 'slow.example', 1000, before.signal)), 'ABORTED');
    const during = new AbortController();
    const pending = outcome(resolveAll(lookup, 'slow.example', 1000, during.signal));
    during.abort();
    assert.equal(await pending, 'ABORTED');
  });
});
