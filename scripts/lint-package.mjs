#!/usr/bin/env node
// Checks the package as npm would publish it: `npm pack` into a temporary folder, then publint
// (exports, files, fields) and Are the Types Wrong (types resolve for every export under Node's
// ESM and bundler resolution). The package is ESM only, so attw runs with its esm-only profile:
// CommonJS `require` of an ES module is expected to fail and is not a finding. Run after
// `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

for (const built of ['dist/index.js', 'cdn/provider-target-setup.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`lint:package: ${built} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pts-pack-'));
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status === 0;
let ok = false;
try {
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (packed.status !== 0 || !tarball) {
    process.stderr.write(packed.stderr ?? '');
    throw new Error('npm pack failed');
  }
  const file = join(dir, tarball);
  const publint = run(process.execPath, [bin('publint', 'src/cli.js'), 'run', file, '--strict']);
  const attw = run(process.execPath, [bin('@arethetypeswrong/cli', 'dist/index.js'), file, '--profile', 'esm-only', '--no-definitely-typed']);
  console.log(`lint:package: publint ${publint ? 'passed' : 'FAILED'}, attw ${attw ? 'passed' : 'FAILED'}`);
  ok = publint && attw;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
