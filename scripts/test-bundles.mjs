// Pages and bundles the browser tests load that the test runner must not transform.
//   /bundles/react.js, /bundles/vue.js  a framework fixture with its framework and the
//                                       package's source bundled in by esbuild (React and
//                                       Vue ship CommonJS or need a compiler step)
//   /cdn/…                              the CDN build, served as plain files beside a plain
//                                       HTML page: no import map, no bundler, no rewriting
// Each is built once per test run, on first request.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCdn } from './build-cdn.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Compiles `.vue` single-file components the way a Vue build plugin would. */
function vueSfc(isCustomElement) {
  return {
    name: 'vue-sfc',
    setup(b) {
      b.onLoad({ filter: /\.vue$/ }, async (args) => {
        const { parse, compileScript } = await import('vue/compiler-sfc');
        // The template is parsed once here and reused by compileScript, so both need the option.
        const { descriptor, errors } = parse(readFileSync(args.path, 'utf8'), {
          filename: args.path,
          templateParseOptions: { isCustomElement },
        });
        if (errors.length) return { errors: errors.map((e) => ({ text: String(e.message ?? e) })) };
        const script = compileScript(descriptor, {
          id: relative(root, args.path),
          inlineTemplate: true,
          templateOptions: { compilerOptions: { isCustomElement } },
        });
        return { contents: script.content, loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

async function bundleFixture(entry, { plugins = [], define = {} } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    // The fixtures import the sources, which package.json's `sideEffects` (written for dist/) does not cover.
    ignoreAnnotations: true,
    tsconfig: join(dirname(entry), 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"development"', ...define },
    plugins,
    logLevel: 'warning',
  });
  return new Map([['', result.outputFiles[0].text]]);
}

const BUILDS = {
  '/bundles/react.js': () => bundleFixture('test/react/fixture.tsx'),
  '/bundles/vue.js': async () => {
    const { tsImport } = await import('tsx/esm/api');
    const { isPtsElementTag } = await tsImport('../src/vue/index.ts', import.meta.url);
    return bundleFixture('test/vue/fixture.ts', {
      plugins: [vueSfc(isPtsElementTag)],
      define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    });
  },
  '/cdn/': async () => {
    const outdir = join(root, '.cdn-test');
    const { files } = await buildCdn({ outdir, write: false });
    const served = new Map(files.map((f) => [relative(outdir, f.path), f.text]));
    served.set('index.html', readFileSync(join(root, 'test/cdn/page.html'), 'utf8'));
    return served;
  },
};

const built = new Map();

/** Koa middleware for the test runner: answers the paths above, passes everything else on. */
export async function testBundles(context, next) {
  const path = context.path;
  const prefix = Object.keys(BUILDS).find((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
  if (!prefix) return next();
  if (!built.has(prefix)) built.set(prefix, BUILDS[prefix]());
  const files = await built.get(prefix);
  const body = files.get(prefix.endsWith('/') ? path.slice(prefix.length) || 'index.html' : '');
  if (body === undefined) return next();
  context.type = path.endsWith('.html') || path.endsWith('/') ? 'text/html' : 'application/javascript';
  context.set('cache-control', 'no-store');
  context.body = body;
  return undefined;
}
