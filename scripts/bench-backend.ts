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
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { toNodeListener } from '../src/server/index.js';
import { BACKEND_DEFAULTS, createBackend, createMemoryStore, targetKey, type TargetStore } from '../src/backend/index.js';
import { CHECK_NAMES, type TargetRecord, type UrlCheckOutcome } from '../src/core/contract/index.js';

const BASE = '/api/pts';
const STORED_CHECKS = 100_000;
const RUNS = 1_000;
const ROUNDS = 3;

const passed = (url: string): UrlCheckOutcome => ({
  status: 'passed',
  normalized_url: url.replace(/\/$/, ''),
  addresses: ['93.184.215.14'],
  checks: CHECK_NAMES.map((name) => ({ name, status: 'passed', detail: 'Stub check for the benchmark.' })),
});

interface Answer {
  status: number;
  text(): string;
}
type Send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/** Serves a backend over `store` on loopback and returns a client with one kept-alive connection. */
async function serve(store: TargetStore, maxTargets: number = BACKEND_DEFAULTS.maxTargets): Promise<{ send: Send; close(): void }> {
  const handler = createBackend({
    basePath: BASE,
    store,
    maxTargets,
    checkUrl: async (url) => passed(url),
    rateLimiter: { hit: () => ({ allowed: true }) },
  });
  const server = createServer(toNodeListener(handler));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send: Send = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        { host: '127.0.0.1', port, method, path: `${BASE}${path}`, agent, headers: text ? { 'content-type': 'application/json', ...headers } : headers },
        (res) => {
          // The bytes are received but not decoded: decoding is the client's cost, not the backend's.
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: () => Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  return {
    send,
    close() {
      agent.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

const ghes = (i: number) => `https://ghes-${i}.example.com`;
const checkBody = (i: number) => ({ provider: 'github', edition: 'ghes', deployment_mode: 'self-hosted', base_url: ghes(i), ownership_confirmed: true, export_authorized: true });

/** Fills the store with `count` live checks, as that many earlier URL checks would have. */
async function storeChecks(store: TargetStore, count: number, prefix: string): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    await store.saveCheck({
      id: `${prefix}_${i}`,
      provider: 'github',
      edition: 'ghes',
      deployment_mode: 'self-hosted',
      requested_url: ghes(i),
      outcome: passed(ghes(i)),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + 10 * 60_000).toISOString(),
    });
  }
}

/** A measured operation: `round` runs `RUNS` calls and answers their rate per second. */
interface Bench {
  round(): Promise<number>;
  close(): void;
}

/** Operations per second over `RUNS` sequential calls of `op`. */
async function rate(op: () => Promise<Answer>, expected: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const answer = await op();
    if (answer.status !== expected) throw new Error(`answered ${answer.status}: ${answer.text().slice(0, 300)}`);
  }
  return RUNS / ((performance.now() - t0) / 1000);
}

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
  const now = Date.now();
  for (let i = 0; i < fresh; i++) {
    const url = ghes(1_000_000 + i);
    await store.saveCheck({
      id: `new_${i}`,
      provider: 'github',
      edition: 'ghes',
      deployment_mode: 'self-hosted',
      requested_url: url,
      outcome: passed(url),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + 10 * 60_000).toISOString(),
    });
  }
  const { send, close } = await serve(store, fresh + 10);
  let n = 0;
  const op = () => {
    const i = n++;
    return send(
      'POST',
      '/targets',
      {
        ...checkBody(1_000_000 + i),
        check_id: `new_${i}`,
        allowlist_status: 'direct',
        auth_method: 'fine_grained_pat',
        token_type: 'github_fine_grained_pat',
        credential: `github_pat_bench_${i.toString(36).padStart(8, '0')}`,
      },
      { 'idempotency-key': `bench-save-${i}` },
    );
  };
  await rate(op, 201);
  return { round: () => rate(op, 201), close };
}

function record(i: number): TargetRecord {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  return {
    id: `tgt_bench_${i}`,
    provider: 'github',
    edition: 'github-com',
    deployment_mode: 'cloud',
    display_name: `Organisation ${i}`,
    state: 'connected',
    tenant: `https://github.com/org-${i}`,
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    scopes: ['Issues: Read and write'],
    has_credentials: true,
    created_at: at,
    updated_at: at,
    history: [
      { at, event: 'created' },
      { at, event: 'connected', detail: 'Fine-grained personal access token' },
    ],
  };
}

async function statuses(targets: number): Promise<Bench> {
  const store = createMemoryStore();
  for (let i = 0; i < targets; i++) await store.importTarget({ record: record(i), uniqueKey: targetKey(record(i)) });
  const { send, close } = await serve(store);
  const op = () => send('GET', '/status');
  await rate(op, 200);
  return { round: () => rate(op, 200), close };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

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
