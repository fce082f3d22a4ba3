#!/usr/bin/env node
// Runs every Node test and every browser test in one command and exits non-zero on
// any failure. Usage:
//   npm test                         all tests
//   npm test -- test/core/flow.test.ts   one file (Node or browser, told apart by folder)
//   npm run test:node / test:browser one half
//
// Test files are found, not listed: every *.test.ts under test/, run by the runner
// its folder's rule names (scripts/test-folders.mjs). A test file no rule covers
// stops the run with an error, so a new folder can never be skipped unnoticed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';
import { discover, runnerOf, RUNNER_OF_FOLDER } from './test-folders.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const args = process.argv.slice(2);
const onlyNode = args.includes('--node');
const onlyBrowser = args.includes('--browser');
const files = args.filter((a) => !a.startsWith('--'));

const unassigned = files.length ? files.filter((f) => !runnerOf(f)) : discover().unassigned;
if (unassigned.length) {
  const layers = Object.keys(RUNNER_OF_FOLDER).join(', ');
  console.error(`No runner for: ${unassigned.join(', ')}`);
  console.error(`Test files live in a folder under test/ named after what they test (${layers}); see scripts/test-folders.mjs.`);
  process.exit(1);
}
const found = files.length
  ? { node: files.filter((f) => runnerOf(f) === 'node'), browser: files.filter((f) => runnerOf(f) === 'browser') }
  : discover();
const nodeFiles = onlyBrowser ? [] : found.node;
const browserFiles = onlyNode ? [] : found.browser;

/** Runs a command, echoing its output, and resolves with the exit code and the text. */
function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      text += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

/** Debian, as root, with no browser: install Debian's Chromium. Elsewhere say what to do. */
function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const debianRoot = process.platform === 'linux' && existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!debianRoot) {
    console.error('No Chrome or Chromium found: install one, or set CHROME_PATH to its binary, then run npm test again.');
    process.exit(1);
  }
  console.log('No browser found: installing Debian\'s chromium package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [
    ['apt-get', ['update', '-qq']],
    ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation']],
  ];
  for (const [cmd, cmdArgs] of steps) {
    const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`${cmd} ${cmdArgs.join(' ')} failed; install chromium by hand or set CHROME_PATH.`);
      process.exit(1);
    }
  }
  const installed = findChrome();
  if (!installed) {
    console.error('chromium was installed but not found; set CHROME_PATH.');
    process.exit(1);
  }
  return installed;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRun = false;

if (nodeFiles.length) {
  const r = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeFiles]);
  const count = (label) => Number(r.text.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped') + count('todo');
  if (r.code !== 0) failedRun = true;
}

if (browserFiles.length) {
  const chrome = ensureChrome();
  const wtr = join(root, 'node_modules/@web/test-runner/dist/bin.js');
  // The files are named here, so the browser runs exactly what the rule assigned to it.
  const fileArgs = browserFiles.flatMap((f) => ['--files', f]);
  const r = await run(process.execPath, [wtr, '--config', 'web-test-runner.config.mjs', ...fileArgs], {
    CHROME_PATH: chrome,
  });
  const summaries = [...r.text.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
  const last = summaries.at(-1);
  if (last) {
    totals.passed += Number(last[1]);
    totals.failed += Number(last[2]);
    totals.skipped += Number(last[3] ?? 0);
  }
  if (r.code !== 0 || !last) failedRun = true;
}

if (!nodeFiles.length && !browserFiles.length) {
  console.error('No test files matched.');
  process.exit(1);
}

if (failedRun && totals.failed === 0) totals.failed = 1;
console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failedRun ? 1 : 0);
