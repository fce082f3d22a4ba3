// How a host's bundler would ship an entry: every dependency bundled, production
// mode, ES2022, split where the code imports dynamically. Shared by the size and
// render figures so both measure the same build.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `entry`; returns the output chunks. `outDir` writes them there (else
 * nothing is written); `minify: false` keeps names readable for a profile;
 * `split: false` makes one file.
 */
export async function bundle(entry, { outDir, minify = true, split = true, fileName = 'entry' } = {}) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      ...(outDir ? { outDir, emptyOutDir: true } : { write: false }),
      target: 'es2022',
      minify,
      lib: { entry, formats: ['es'], fileName },
      rolldownOptions: { output: { minify, ...(split ? {} : { codeSplitting: false }) } },
    },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output ?? []).filter((o) => o.type === 'chunk');
}
