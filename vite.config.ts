/**
 * `npm start`: the demo dashboard in demo/, served with the reference backend
 * in-process at /api/pts (its targets kept in the embedded database under
 * .pts-data) and msw's worker at the site root for the scenario switcher.
 * The backend runs offline: the real URL check over the demo's DNS
 * (src/testing/dns.ts) probing a simulated provider, which also answers the
 * credential checks, the destination lists and the test export (instead of the
 * connect-time guard's real network). Nothing else is simulated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { ptsVitePlugin } from './src/server/adapters/vite.js';
import { createDemoServices } from './src/testing/demo.js';
import { SAMPLE_EGRESS_ADDRESSES, SAMPLE_PORTABLE_EXPORT, SAMPLE_TARGETS } from './src/testing/samples.js';

const demo = createDemoServices();

/** Where the demo mounts the reference backend; demo/shared/config.ts uses the same path. */
const DEMO_BACKEND_PATH = '/api/pts';

/**
 * msw's worker must be served from the site root to control the demo pages.
 * Served straight from the installed package, so no copy lives in the repo.
 */
function mswWorker(): Plugin {
  const file = fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js'));
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url?.split('?', 1)[0] !== '/mockServiceWorker.js') return next();
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end(readFileSync(file));
  };
  return {
    name: 'demo-msw-worker',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/** Pretty routes: `/` goes to the settings page; `/settings` and `/gallery` need no trailing slash. */
function demoRoutes(): Plugin {
  const pages = new Set(['/settings', '/gallery']);
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const [path = '/', query] = (req.url ?? '/').split('?', 2);
    if (path === '/') {
      res.statusCode = 302;
      res.setHeader('location', '/settings');
      res.end();
      return;
    }
    if (pages.has(path)) req.url = `${path}/${query ? `?${query}` : ''}`;
    next();
  };
  return {
    name: 'demo-routes',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  appType: 'mpa',
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  plugins: [
    demoRoutes(),
    mswWorker(),
    ptsVitePlugin({
      basePath: DEMO_BACKEND_PATH,
      // A couple of targets so the dashboard does not start empty: one connected, one to repair.
      seed: [SAMPLE_TARGETS.cloudConnected, SAMPLE_TARGETS.authRequired],
      egressAddresses: [...SAMPLE_EGRESS_ADDRESSES],
      portableExport: SAMPLE_PORTABLE_EXPORT,
      checkOptions: { lookup: demo.lookup, transport: demo.transport },
      verifyCredential: demo.verifyCredential,
      // Destination lists and test exports reach the simulated provider, offline.
      providerFetch: demo.providerFetch,
      // The "Reset demo data" button; a production configuration leaves this off.
      demoReset: true,
      // Targets survive a restart: the embedded database in PTS_DATA_DIR (default .pts-data,
      // git-ignored), or PostgreSQL when DATABASE_URL is set. The reset button clears it.
      database: true,
      // A person trying every sample host checks more URLs a minute than a customer would.
      rateLimit: { urlChecks: { max: 60, windowMs: 60_000 } },
    }),
  ],
  // `vite build` writes the demo to demo/dist (ignored by git); `vite preview` serves it with the same backend.
  build: {
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./demo/index.html', import.meta.url)),
        settings: fileURLToPath(new URL('./demo/settings/index.html', import.meta.url)),
        gallery: fileURLToPath(new URL('./demo/gallery/index.html', import.meta.url)),
        auth: fileURLToPath(new URL('./demo/pts-mock-auth.html', import.meta.url)),
      },
    },
  },
});
