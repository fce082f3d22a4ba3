// Which runner runs which test folder, decided in one place for npm test and
// the browser test runner's own config.
//
// The rule: every folder directly under test/ is named after the src/ layer
// it tests, and the layer decides the runner. Layers without the DOM (core,
// backend, server) run under node --test; layers that run in a page (client,
// testing, elements) run in headless Chromium. A folder that holds tests but
// is named after no layer, or a test file directly in test/, fails the run
// rather than being skipped.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUNNER_OF_LAYER = Object.freeze({
  core: 'node',
  backend: 'node',
  server: 'node',
  client: 'browser',
  testing: 'browser',
  elements: 'browser',
});

export const TEST_FILE = /\.test\.ts$/;

const root = fileURLToPath(new URL('..', import.meta.url));

/** Test files under `dir` (relative to the repository), recursively, sorted. */
export function testFilesIn(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const name of readdirSync(abs)) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) out.push(...testFilesIn(relative(root, path)));
    else if (TEST_FILE.test(name)) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

/** The runner of a test file, by the folder under test/ it sits in; `undefined` when no rule covers it. */
export function runnerOf(file) {
  const [top, layer] = file.replace(/^\.\//, '').split('/');
  if (top !== 'test' || !layer || !Object.hasOwn(RUNNER_OF_LAYER, layer)) return undefined;
  return RUNNER_OF_LAYER[layer];
}

/** Globs of the folders a runner runs (for the browser test runner's config). */
export function globsOf(runner) {
  return Object.entries(RUNNER_OF_LAYER)
    .filter(([, r]) => r === runner)
    .map(([layer]) => `test/${layer}/**/*.test.ts`);
}

/** Every test file under test/, by runner, and the ones no rule covers. */
export function discover() {
  const found = { node: [], browser: [], unassigned: [] };
  for (const file of testFilesIn('test')) found[runnerOf(file) ?? 'unassigned'].push(file);
  return found;
}
