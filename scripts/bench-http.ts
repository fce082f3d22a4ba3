/**
 * What the backend benches share: a backend over a given store served by node:http on
 * loopback with a stub URL check, a client with kept-alive connections, the records and
 * checks they fill stores with, and the rate of a run of calls.
 */
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { toNodeListener } from '../src/server/index.js';
import { BACKEND_DEFAULTS, createBackend, type TargetStore } from '../src/backend/index.js';
import { CHECK_NAMES, type TargetRecord, type UrlCheckOutcome } from '../src/core/contract/index.js';

export const BASE = '/api/pts';

export const passed = (url: string): UrlCheckOutcome => ({
  status: 'passed',
  normalized_url: url.replace(/\/$/, ''),
  addresses: ['93.184.215.14'],
  checks: CHECK_NAMES.map((name) => ({ name, status: 'passed', detail: 'Stub check for the benchmark.' })),
});

export interface Answer {
  status: number;
  text(): string;
}
export type Send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/**
 * Serves a backend over `store` on loopback and returns a client with `sockets` kept-alive
 * connections (one request at a time on each).
 */
export async function serve(
  store: TargetStore,
  { maxTargets = BACKEND_DEFAULTS.maxTargets, sockets = 1 }: { maxTargets?: number; sockets?: number } = {},
): Promise<{ send: Send; close(): void }> {
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
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
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

export const ghes = (i: number) => `https://ghes-${i}.example.com`;
export const checkBody = (i: number) => ({
  provider: 'github',
  edition: 'ghes',
  deployment_mode: 'self-hosted',
  base_url: ghes(i),
  ownership_confirmed: true,
  export_authorized: true,
});

/** Stores live checks `${prefix}_${from}`… for the URLs `ghes(from)`…, as that many URL checks would have. */
export async function storeChecks(store: TargetStore, count: number, prefix: string, from = 0): Promise<void> {
  const now = Date.now();
  for (let i = from; i < from + count; i++) {
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

/** A save that consumes the check `${prefix}_${i}` stored by `storeChecks`. */
export function saveBody(prefix: string, i: number) {
  return {
    ...checkBody(i),
    check_id: `${prefix}_${i}`,
    allowlist_status: 'direct',
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    credential: `github_pat_bench_${i.toString(36).padStart(8, '0')}`,
  };
}

export function record(i: number): TargetRecord {
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

/** Calls per second over `runs` calls of `op`, `clients` at a time; every answer must have `expected` status. */
export async function rate(op: () => Promise<Answer>, expected: number, runs: number, clients = 1): Promise<number> {
  let left = runs;
  const client = async () => {
    while (left > 0) {
      left -= 1;
      const answer = await op();
      if (answer.status !== expected) throw new Error(`answered ${answer.status}: ${answer.text().slice(0, 300)}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return runs / ((performance.now() - t0) / 1000);
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en');
