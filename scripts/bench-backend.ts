/**
 * Throughput of the backend as served: createNodeBackend's adapter on
 * node:http over loopback, one request at a time on a kept-alive connection,
 * memory store. URL checks/s and saves/s with no stored checks and with
 * 100,000; GET /status/s with 10 targets and with the most an installation may
 * hold. The URL check itself is a stub, so the figures are the backend's own
 * cost. Each pair is measured in alternating rounds and the best round of each
 * is kept, since other work on the machine only ever slows a round down.
 * Goals: each pair within 2x. Run: node --import tsx scripts/bench-backend.ts
 */
import { createMemoryStore, BACKEND_DEFAULTS, targetKey } from '../src/backend/index.js';
import { checkBody, fmt, rate as rateOf, record, saveBody, serve, storeChecks, type Answer } from './bench-http.js';

const STORED_CHECKS = 100_000;
const RUNS = 1_000;
const ROUNDS = 3;

/** A measured operation: `round` runs `RUNS` calls and answers their rate per second. */
interface Bench {
  round(): Promise<number>;
  close(): void;
}

const rate = (op: () => Promise<Answer>, expected: number) => rateOf(op, expected, RUNS);

async function urlChecks(stored: number): Promise<Bench> {
  const store = createMemoryStore({ maxChecks: stored + (ROUNDS + 1) * RUNS + 1000 });
  await storeChecks(store, stored, 'old');
  const { send, close } = await serve(store);
  let n = 0;
  const op = () => send('POST', '/url-checks', checkBody(n++));
  await rate(op, 200);
  return { round: () => rate(op, 200), close };
}

async function saves(stored: number): Promise<Bench> {
  const store = createMemoryStore({ maxChecks: stored + 2 * (ROUNDS + 1) * RUNS + 1000 });
  await storeChecks(store, stored, 'old');
  // The checks the measured saves consume, under other URLs than the stored ones.
  const fresh = (ROUNDS + 1) * RUNS;
  await storeChecks(store, fresh, 'new', 1_000_000);
  const { send, close } = await serve(store, { maxTargets: fresh + 10 });
  let n = 1_000_000;
  const op = () => {
    const i = n++;
    return send('POST', '/targets', saveBody('new', i), { 'idempotency-key': `bench-save-${i}` });
  };
  await rate(op, 201);
  return { round: () => rate(op, 201), close };
}

async function statuses(targets: number): Promise<Bench> {
  const store = createMemoryStore();
  for (let i = 0; i < targets; i++) await store.importTarget({ record: record(i), uniqueKey: targetKey(record(i)) });
  const { send, close } = await serve(store);
  const op = () => send('GET', '/status');
  await rate(op, 200);
  return { round: () => rate(op, 200), close };
}

/** Runs two benches in alternating rounds and prints the best rate of each and their ratio. */
async function pair(label: string, [aLabel, a]: [string, Bench], [bLabel, b]: [string, Bench]): Promise<void> {
  let bestA = 0;
  let bestB = 0;
  for (let i = 0; i < ROUNDS; i++) {
    bestA = Math.max(bestA, await a.round());
    bestB = Math.max(bestB, await b.round());
  }
  a.close();
  b.close();
  const ratio = Math.max(bestA, bestB) / Math.min(bestA, bestB);
  console.log(`${label.padEnd(12)} ${aLabel}: ${fmt(bestA).padStart(6)}/s   ${bLabel}: ${fmt(bestB).padStart(6)}/s   ratio ${ratio.toFixed(2)}x (goal ≤ 2x)`);
}

const max = BACKEND_DEFAULTS.maxTargets;
await pair('URL checks', ['0 stored checks', await urlChecks(0)], [`${fmt(STORED_CHECKS)} stored checks`, await urlChecks(STORED_CHECKS)]);
await pair('saves', ['0 stored checks', await saves(0)], [`${fmt(STORED_CHECKS)} stored checks`, await saves(STORED_CHECKS)]);
await pair('GET /status', ['10 targets', await statuses(10)], [`${max} targets (the cap)`, await statuses(max)]);
