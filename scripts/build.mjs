#!/usr/bin/env node
// Library build: ES modules for every public entry (dependencies left external), type
// declarations from tsc, and the backend contract as JSON Schema for non-TypeScript teams.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = (await import('../package.json', { with: { type: 'json' } })).default;

export const ENTRIES = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'core/index': 'src/core/index.ts',
  'testing/index': 'src/testing/index.ts',
  'backend/index': 'src/backend/index.ts',
  'server/index': 'src/server/index.ts',
  'server/db/index': 'src/server/db/index.ts',
  'react/index': 'src/react/index.ts',
  'vue/index': 'src/vue/index.ts',
  'locales/de': 'src/locales/de.ts',
};

const deps = [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies].flatMap((d) => Object.keys(d ?? {}));
const external = (id) =>
  id.startsWith('node:') || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: ENTRIES, formats: ['es'] },
    rolldownOptions: {
      external,
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

// cdn/: self-contained modules for a <script type="module" src> from a CDN (scripts/build-cdn.mjs).
const { buildCdn } = await import('./build-cdn.mjs');
await buildCdn();

const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// The store's migration scripts are read at run time from beside the server code.
cpSync(new URL('../src/server/db/migrations', import.meta.url), new URL('../dist/server/db/migrations', import.meta.url), {
  recursive: true,
});
const { loadMigrations } = await import('../dist/server/db/index.js');
console.log(`build: ${(await loadMigrations()).length} migration scripts`);

const { z } = await import('zod/mini');
const { CONTRACT_SCHEMAS, EXPORT_CONTRACT_SCHEMAS } = await import('../dist/core/index.js');
const defs = Object.fromEntries(
  Object.entries({ ...CONTRACT_SCHEMAS, ...EXPORT_CONTRACT_SCHEMAS }).map(([name, schema]) => {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, { unrepresentable: 'any' });
    return [name, json];
  }),
);
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${pkg.name}/contract.schema.json`,
  title: `${pkg.name} backend contract ${pkg.version}`,
  description: 'Request, response and error bodies of the backend the element calls. Wire fields are snake_case.',
  $defs: defs,
};
writeFileSync(new URL('../dist/contract.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
console.log(`build: ${Object.keys(ENTRIES).length} entries, ${Object.keys(defs).length} contract schemas`);

// custom-elements.json from the element JSDoc; it is committed, so CI's rebuild must leave no diff.
const cem = spawnSync(
  process.execPath,
  ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (cem.status !== 0) process.exit(cem.status ?? 1);
