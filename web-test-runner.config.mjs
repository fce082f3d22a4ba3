// Browser tests run in real headless Chromium. The browser is found by scripts/find-chrome.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome } from './scripts/find-chrome.mjs';
import { globsOf } from './scripts/test-folders.mjs';
import { testBundles } from './scripts/test-bundles.mjs';

const workerFile = fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js'));

/** msw's worker must be served from the site root to control the test pages. */
function mswWorker(context, next) {
  if (context.path === '/mockServiceWorker.js') {
    context.type = 'application/javascript';
    context.body = readFileSync(workerFile, 'utf8');
    return undefined;
  }
  return next();
}

/** ipaddr.js ships CommonJS only; wrap it so the browser can import it as a module. */
const ipaddrAsEsm = {
  name: 'ipaddr-as-esm',
  transform(context) {
    if (context.path.includes('/node_modules/ipaddr.js/')) {
      return { body: `const module = { exports: {} };\n${context.body}\nexport default module.exports;\n` };
    }
    return undefined;
  },
};

export default {
  // npm test names the files itself; run directly, the runner takes the folders the rule gives the browser
  // (the React and Vue fixtures and the CDN build among them, see scripts/test-bundles.mjs).
  files: globsOf('browser'),
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [ipaddrAsEsm, esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' })],
  middleware: [mswWorker, testBundles],
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
