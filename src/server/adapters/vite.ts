/**
 * Vite plugin that serves the backend from the dev and preview servers, so
 * `npm start` runs the demo against it in-process.
 */
import type { Plugin, ViteDevServer, PreviewServer } from 'vite';
import { errorResponse, ProblemResponse } from '../../backend/http.js';
import type { OpenDatabaseOptions } from '../db/open.js';
import { openStore, type OpenedStore } from '../db/store.js';
import { createNodeBackend, type NodeBackendOptions } from '../node-backend.js';
import { ptsMiddleware, type ConnectMiddleware } from './connect.js';

export interface PtsVitePluginOptions extends NodeBackendOptions {
  /** Where the routes live. Default `/api/pts`. */
  basePath?: string;
  /**
   * Keep targets in the durable store (`openStore`): PostgreSQL when DATABASE_URL is set,
   * else the embedded database in PTS_DATA_DIR (default `.pts-data`), so they survive a
   * restart of the dev server. `true` reads the environment; an object is passed to
   * `openDatabase`. Default: the `store` option, else memory.
   */
  database?: boolean | OpenDatabaseOptions;
}

export function ptsVitePlugin(options: PtsVitePluginOptions = {}): Plugin {
  const { database, ...backendOptions } = options;
  const basePath = options.basePath ?? '/api/pts';
  // One backend (and store) for dev and preview, so saved targets survive reloads of the page.
  let ready: Promise<{ middleware: ConnectMiddleware; stored?: OpenedStore }> | undefined;
  const start = () =>
    (ready ??= (async () => {
      const stored = database ? await openStore(database === true ? {} : database) : undefined;
      const handler = createNodeBackend({
        simulateAuth: true,
        ...backendOptions,
        ...(stored ? { store: stored.store, rateLimiter: options.rateLimiter ?? stored.rateLimiter } : {}),
        basePath,
      });
      const middleware = ptsMiddleware(handler, { basePath, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
      return stored ? { middleware, stored } : { middleware };
    })());

  const mount = (server: ViteDevServer | PreviewServer) => {
    const opening = start().catch((error: unknown) => {
      server.config.logger.error(`provider-target-setup: the backend's store did not open: ${error instanceof Error ? error.message : String(error)}`);
      // The pages still load; the backend's routes answer that it is unavailable.
      const unavailable = async () => errorResponse(new ProblemResponse('BACKEND_UNAVAILABLE', 'The backend could not open its store.'));
      return { middleware: ptsMiddleware(unavailable, { basePath }), stored: undefined };
    });
    // Closing the server closes the database, which releases the embedded data folder.
    server.httpServer?.once('close', () => {
      void opening.then(({ stored }) => stored?.close());
    });
    server.middlewares.use((req, res, next) => {
      void opening.then(({ middleware }) => middleware(req, res, next));
    });
  };
  return {
    name: 'provider-target-setup-backend',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
