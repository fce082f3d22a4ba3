#!/usr/bin/env node
// First render, memory and step change of <provider-target-setup> in headless
// Chromium, on a production build of scripts/bench-render/page.ts:
//   - 40 mounts with an in-page backend until the status step shows its provider
//     rows, against a plain Lit element rendering the same rows: both medians and
//     their ratio (goal: at most 5 ms and 10x);
//   - heap growth over 1,000 mount/unmount cycles (goal: under 256 KB);
//   - Continue at the deployment step to the next step with a warm cache (goal:
//     under 100 ms).
// Figures only: nothing here fails on a time.
//
//   node scripts/bench-render.mjs            the figures
//   node scripts/bench-render.mjs --profile  also where the first render spends its time
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundle } from './bundle.mjs';
import { findChrome } from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const profile = process.argv.includes('--profile');
const MOUNTS = 40;
const CYCLES = 1000;
const CONTINUES = 20;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (n) => `${n.toFixed(2)} ms`;

const outDir = mkdtempSync(join(tmpdir(), 'pts-bench-'));
// Unminified names make the profile readable; the figures use the minified build.
await bundle(join(root, 'scripts/bench-render/page.ts'), { outDir, minify: !profile, fileName: 'page' });
writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><body><script type="module" src="/page.js"></script>');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  try {
    const body = readFileSync(join(outDir, path === '/' ? 'index.html' : path));
    res.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: findChrome(),
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await page.context().newCDPSession(page);

  // Warm up both, so the figures are of mounting, not of compiling.
  await page.evaluate(() => window.bench.mounts('root', 5));
  await page.evaluate(() => window.bench.mounts('plain', 5));

  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.evaluate((n) => window.bench.mounts('root', n), MOUNTS);
    const { profile: cpu } = await cdp.send('Profiler.stop');
    printProfile(cpu);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.evaluate((n) => window.bench.mounts('root', n), MOUNTS);
    printTrace(JSON.parse((await browser.stopTracing()).toString('utf8')));
  }

  const element = await page.evaluate((n) => window.bench.mounts('root', n), MOUNTS);
  const plain = await page.evaluate((n) => window.bench.mounts('plain', n), MOUNTS);
  console.log(`first render, ${MOUNTS} mounts (append to provider rows laid out), median:`);
  console.log(`  <provider-target-setup>  ${ms(median(element))}   (min ${ms(Math.min(...element))}, max ${ms(Math.max(...element))})`);
  console.log(`  plain Lit element        ${ms(median(plain))}   (min ${ms(Math.min(...plain))}, max ${ms(Math.max(...plain))})`);
  console.log(`  ratio                    ${(median(element) / median(plain)).toFixed(1)}x   (goal: at most 5 ms and 10x)`);

  // Several collections with pauses between them, so finalisers and pending tasks settle first.
  const heap = async () => {
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      await cdp.send('HeapProfiler.collectGarbage');
    }
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await cdp.send('HeapProfiler.enable');
  await page.evaluate(() => window.bench.cycles(50));
  const before = await heap();
  await page.evaluate((n) => window.bench.cycles(n), CYCLES);
  const after = await heap();
  console.log(`heap growth over ${CYCLES} mount/unmount cycles: ${((after - before) / 1024).toFixed(0)} KB   (goal: under 256 KB)`);

  // One untimed walk loads every step's module; the timed ones run on that warm cache.
  await page.evaluate(() => window.bench.continues(1));
  const steps = await page.evaluate((n) => window.bench.continues(n), CONTINUES);
  console.log(`Continue to the next step, warm cache, ${CONTINUES} runs, median: ${ms(median(steps))}   (max ${ms(Math.max(...steps))}; goal: under 100 ms)`);
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}

/** Self time per function, the heaviest first, from a CDP CPU profile. */
function printProfile(cpu) {
  const self = new Map();
  const total = cpu.samples.length;
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of cpu.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, count] of counts) {
    const node = byId.get(id);
    const f = node.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + count);
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`profile of ${MOUNTS} mounts: self time by function (share of ${total} samples)`);
  for (const [key, count] of rows) console.log(`  ${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
}

/** Renderer main-thread time by trace event (script, style recalculation, layout…), per mount. */
function printTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
  }
  const rows = [...totals].filter(([name]) => !/^(RunTask|ThreadControllerImpl::RunTask|RunMicrotasks)$/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`trace of ${MOUNTS} mounts: main-thread CPU time per mount by event (events nest, so they do not add up)`);
  for (const [name, total] of rows) console.log(`  ${(total / MOUNTS).toFixed(2).padStart(7)} ms  ${name}`);
}
