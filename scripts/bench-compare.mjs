/**
 * URLs per second: `checkBaseUrl` with the probe off against request-filtering-agent's
 * address check, over the same URL list and the same stub resolver, in one process.
 * Prints both rates and their ratio; nothing here passes or fails.
 * Run: node scripts/bench-compare.mjs (plain Node: no loader hooks on either side)
 *
 * request-filtering-agent checks addresses inside an http(s).Agent as a socket is
 * created. To run exactly its code without opening sockets, the base class's
 * `createConnection` is replaced in this process only: it hands RFA's filtering lookup
 * to the stub resolver, as the socket layer would, and reports the verdict.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { RequestFilteringHttpsAgent } from 'request-filtering-agent';

// Measure the check as it ships (a plain ES2022 bundle), not through the dev-time
// TypeScript loader, which wraps functions for stack names. RFA runs from its own build.
// Inside node_modules so the bundle resolves the same dependencies.
const cache = fileURLToPath(new URL('../node_modules/.cache', import.meta.url));
mkdirSync(cache, { recursive: true });
const outdir = mkdtempSync(join(cache, 'pts-bench-'));
await build({
  entryPoints: [fileURLToPath(new URL('../src/server/check/index.ts', import.meta.url))],
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  packages: 'external',
  logLevel: 'warning',
});
const { checkBaseUrl } = await import(pathToFileURL(join(outdir, 'index.js')).href);
rmSync(outdir, { recursive: true, force: true });

/** Host names and their answers; a mix of public, private, special-purpose and mixed answers. */
/** @type {Record<string, Array<{ address: string, family: 4 | 6 }>>} */
const ZONE = {};
const zone = (name, ...addresses) => {
  ZONE[name] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return name;
};

const URLS = [
  `https://${zone('jira.example.com', '8.8.8.8')}/`,
  `https://${zone('git.example.com', '140.82.112.3', '140.82.112.4')}/`,
  `https://${zone('v6.example.com', '2606:4700:4700::1111')}/api`,
  `https://${zone('dual.example.com', '1.1.1.1', '2606:4700:4700::1001')}/`,
  `https://${zone('many.example.com', '8.8.8.8', '8.8.4.4', '2001:4860:4860::8888', '2001:4860:4860::8844')}/`,
  `https://${zone('tracker.example.org', '151.101.1.69')}:8443/jira`,
  `https://${zone('internal.example.net', '192.168.1.5')}/`,
  `https://${zone('mixed.example.net', '8.8.8.8', '10.0.0.1')}/`,
  `https://${zone('loop.example.net', '127.0.0.1')}/`,
  `https://${zone('meta.example.net', '169.254.169.254')}/latest/meta-data/`,
  `https://${zone('ula.example.net', 'fd00::1')}/`,
  `https://${zone('cgnat.example.net', '100.64.1.1')}/`,
  `https://${zone('xn--bcher-kva.example', '93.184.216.34')}/`,
  `https://${zone('gitlab.example.io', '172.65.251.78')}/gitlab`,
  `https://${zone('youtrack.example.dev', '13.107.42.14', '2a00:1450:4001:80b::200e')}/youtrack`,
  'https://8.8.8.8/',
  'https://1.1.1.1:9443/',
  'https://[2606:4700:4700::1111]/',
  'https://10.0.0.1/',
  'https://127.0.0.1/',
  'https://169.254.169.254/',
  'https://192.168.0.10:8080/',
  'https://[::1]/',
  'https://[fe80::1]/',
  'https://0x7f.1/',
  'https://2130706433/',
  // Special-purpose space the registries call globally reachable.
  `https://${zone('as112.example.net', '192.31.196.1')}/`,
  'https://[::ffff:8.8.8.8]/',
  'https://[2002:808:808::1]/',
];

/** The same stub for both: answers from ZONE on a microtask, like a cached resolver. */
const lookup = (hostname, _options, callback) => {
  const answer = ZONE[hostname];
  queueMicrotask(() => {
    if (answer) callback(null, answer);
    else callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  });
};

// Stand-in for the socket layer under RFA's agent: literal hosts skip the lookup, names
// go through the lookup RFA installed, which calls ours and then judges every answer.
https.Agent.prototype.createConnection = (options, done) => {
  if (isIP(options.host) !== 0) {
    queueMicrotask(() => done(null));
    return undefined;
  }
  options.lookup(options.host, { all: true }, (err) => done(err));
  return undefined;
};
const agent = new RequestFilteringHttpsAgent();
const rfaCreate = agent.createConnection.bind(agent);

/** RFA's verdict for one URL: true when it would connect. */
function rfaAllows(text) {
  const url = new URL(text);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return new Promise((resolve) => {
    rfaCreate({ host, port: Number(url.port || 443), lookup }, (err) => resolve(err === null));
  });
}

async function oursAllows(text) {
  return (await checkBaseUrl(text, { lookup, probe: false })).status === 'passed';
}

async function rate(fn, rounds) {
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const url of URLS) await fn(url);
  return (rounds * URLS.length) / ((performance.now() - t0) / 1000);
}

const agree = [];
for (const url of URLS) {
  const [a, b] = [await oursAllows(url), await rfaAllows(url)];
  if (a !== b) agree.push(`${url} (ours ${a ? 'passes' : 'blocks'}, RFA ${b ? 'passes' : 'blocks'})`);
}

// Warm both, then alternate rounds so machine noise hits both alike; report the best.
await rate(oursAllows, 400);
await rate(rfaAllows, 400);
const ours = [];
const theirs = [];
for (let i = 0; i < 7; i++) {
  ours.push(await rate(oursAllows, 200));
  theirs.push(await rate(rfaAllows, 200));
}
const best = (xs) => Math.max(...xs);
const fmt = (n) => `${Math.round(n).toLocaleString('en-US')}/s`;
console.log(`URL list: ${URLS.length} URLs (names with public, private, special-purpose and mixed answers; literal addresses)`);
console.log(`checkBaseUrl, probe off          ${fmt(best(ours)).padStart(10)}`);
console.log(`request-filtering-agent 3.2.1    ${fmt(best(theirs)).padStart(10)}`);
console.log(`ratio (ours / RFA)               ${(best(ours) / best(theirs)).toFixed(2)}x`);
console.log(agree.length === 0 ? `verdicts: the same for all ${URLS.length} URLs` : `verdicts differ on ${agree.length}: ${agree.join('; ')}`);
