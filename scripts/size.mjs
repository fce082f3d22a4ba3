#!/usr/bin/env node
// Prints the min+gzip size of the define entry with every dependency bundled in,
// which is what a host that drops in one script tag pays. Budget: 30 kB.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET = 30 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles one entry with all dependencies, minified; returns raw and gzip -9 bytes. */
export async function measure(entry) {
  const outDir = mkdtempSync(join(tmpdir(), 'pts-size-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        target: 'es2022',
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'bundle' },
        rolldownOptions: { output: { minify: true, codeSplitting: false } },
      },
    });
    const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
    const code = readFileSync(join(outDir, file));
    return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = [['src/define.ts', 'define entry (everything a host loads)']];
if (process.argv.includes('--parts')) {
  rows.push(
    ['src/core/contract/index.ts', 'contract schemas (zod/mini)'],
    ['src/core/providers/index.ts', 'provider catalog'],
    ['src/core/flow/index.ts', 'flow machine'],
    ['src/client/index.ts', 'backend client + contract'],
    ['scripts/size-deps.ts', 'lit + context + floating-ui + contract'],
  );
}
let over = false;
for (const [entry, label] of rows.filter(([e]) => existsSync(join(root, e)))) {
  const { min, gzip } = await measure(entry);
  console.log(`${label.padEnd(42)} ${String(min).padStart(8)} B min  ${String(gzip).padStart(7)} B gzip  (${kb(gzip)})`);
  if (entry === 'src/define.ts' && gzip > BUDGET) over = true;
}
console.log(`budget for the define entry: ${kb(BUDGET)} min+gzip${over ? ' — OVER BUDGET' : ''}`);
