#!/usr/bin/env node
// Prints the speed and size figures: bundle size against its budget, the server
// URL check, the flow machine, and the backend on each store. Figures only; nothing here passes or fails a build.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const steps = [
  ['size', ['scripts/size.mjs', '--parts']],
  ['server URL check (stub resolver)', ['--import', 'tsx', 'scripts/bench-check.ts']],
  ['server URL check against request-filtering-agent (same URLs, same stub resolver)', ['scripts/bench-compare.mjs']],
  ['flow machine', ['--import', 'tsx', 'scripts/bench-flow.ts']],
  ['backend over node:http (stub URL check, memory store)', ['--import', 'tsx', 'scripts/bench-backend.ts']],
  ['backend over node:http on each store: memory, PGlite, PostgreSQL (best of 2 rounds)', ['--import', 'tsx', 'scripts/bench-store.ts']],
  ['element first render, memory and step change (headless Chromium)', ['scripts/bench-render.mjs']],
];
let failed = false;
for (const [title, args] of steps) {
  console.log(`\n## ${title}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
