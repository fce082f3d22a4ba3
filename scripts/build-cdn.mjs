#!/usr/bin/env node
// The CDN build: self-contained ES modules for `<script type="module" src>` with no bundler and
// no import map. Every dependency is bundled in, shared code and lazily imported steps become
// chunks next to the entries (code splitting), and the build fails if any import is left bare.
//   cdn/provider-target-setup.js  registers every tag (what src/define.ts does)
//   cdn/index.js                  the main entry's exports (classes, events, client, core)
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const CDN_ENTRIES = {
  'provider-target-setup': 'src/define.ts',
  index: 'src/index.ts',
};

/**
 * Builds into `outdir` (default `cdn/`, emptied first) and returns the output files with
 * their byte sizes. Throws when an output still imports something it does not ship.
 */
export async function buildCdn({ outdir = fileURLToPath(new URL('../cdn', import.meta.url)), write = true } = {}) {
  if (write) rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: CDN_ENTRIES,
    outdir,
    write,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: 'tsconfig.json',
    metafile: true,
    logLevel: 'warning',
  });
  const bare = Object.entries(result.metafile.outputs).flatMap(([file, out]) =>
    out.imports.filter((i) => i.external).map((i) => `${file} imports ${i.path}`),
  );
  if (bare.length) throw new Error(`CDN build left imports it does not ship:\n${bare.join('\n')}`);
  return {
    outdir,
    metafile: result.metafile,
    files: (result.outputFiles ?? []).filter((f) => f.path.endsWith('.js')),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outdir, metafile } = await buildCdn();
  const js = Object.entries(metafile.outputs).filter(([f]) => f.endsWith('.js'));
  console.log(`cdn: ${js.length} files in ${relative(root, outdir) || '.'}/`);
}
