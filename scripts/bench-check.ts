/**
 * Median time of one checkBaseUrl call with a stub resolver (and, for the probe,
 * a stub transport). Run: node --import tsx scripts/bench-check.ts
 */
import { performance } from 'node:perf_hooks';
import { checkBaseUrl, type CheckBaseUrlOptions, type LookupFunction, type Transport } from '../src/server/index.js';

const lookup: LookupFunction = (_host, _options, callback) => {
  queueMicrotask(() => callback(null, [{ address: '8.8.8.8', family: 4 }, { address: '2606:4700:4700::1111', family: 6 }]));
};
const transport: Transport = async (request) =>
  request.url.endsWith('/serverInfo')
    ? { status: 200, headers: {}, body: '{"baseUrl":"https://jira.example.com/jira","version":"9.12.0","deploymentType":"Server"}' }
    : { status: 200, headers: {} };

async function measure(label: string, url: string, options: CheckBaseUrlOptions, expected = 'passed', runs = 1000): Promise<void> {
  for (let i = 0; i < 100; i++) await checkBaseUrl(url, options);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const outcome = await checkBaseUrl(url, options);
    times.push(performance.now() - t0);
    if (outcome.status !== expected) throw new Error(`${label}: unexpected ${outcome.status}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(`${label.padEnd(44)} runs=${runs} median=${(at(0.5) * 1000).toFixed(1)}µs p95=${(at(0.95) * 1000).toFixed(1)}µs`);
}

await measure('probe off (parse, DNS, addresses, 2nd lookup)', 'https://jira.example.com/jira', { lookup, probe: false });
await measure('probe on, stub transport, ownership (jira)', 'https://jira.example.com/jira', {
  lookup,
  transport,
  provider: 'jira',
  deploymentMode: 'self-hosted',
});
await measure('blocked literal (static only)', 'https://0x7f.1/', { lookup }, 'blocked');
