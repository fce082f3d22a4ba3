// Which runner runs which test folder, decided in one place for npm test and
// the browser test runner's own config.
//
// The rule: every folder directly under test/ is named after what it tests, a
// src/ layer (or cdn, the CDN build of the define entry), and that decides the
// runner. Layers without the DOM (core, backend, server) run under node --test;
// what runs in a page (client, testing, elements, react, vue, cdn) runs in
// headless Chromium. A folder that holds tests but has no runner here, or a test
// file directly in test/, fails the run rather than being skipped. Folders of
// helpers only (support) need no runner.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUNNER_OF_FOLDER = Object.freeze({
  core: 'node',
  backend: 'node',
  server: 'node',
  client: 'browser',
  testing: 'browser',
  elements: 'browser',
  react: 'browser',
  vue: 'browser',
  cdn: 'browser',
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
  if (top !== 'test' || !layer || !Object.hasOwn(RUNNER_OF_FOLDER, layer)) return undefined;
  return RUNNER_OF_FOLDER[layer];
}

/** Globs of the folders a runner runs (for the browser test runner's config). */
export function globsOf(runner) {
  return Object.entries(RUNNER_OF_FOLDER)
    .filter(([, r]) => r === runner)
    .map(([layer]) => `test/${layer}/**/*.test.ts`);
}

/** Every test file under test/, by runner, and the ones no rule covers. */
export function discover() {
  const found = { node: [], browser: [], unassigned: [] };
  for (const file of testFilesIn('test')) found[runnerOf(file) ?? 'unassigned'].push(file);
  return found;
}
