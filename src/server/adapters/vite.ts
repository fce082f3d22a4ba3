/**
 * Vite plugin that serves the backend from the dev and preview servers, so
 * `npm start` runs the demo against it in-process.
 */
import type { Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { errorResponse, ProblemResponse } from '../../backend/http.js';
import type { PtsHandler } from '../../backend/options.js';
import type { OpenDatabaseOptions } from '../db/open.js';
import { openStore, type OpenedStore } from '../db/store.js';
import { createNodeBackend, type NodeBackendOptions } from '../node-backend.js';
import { ptsMiddleware } from './connect.js';

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
  let logger: Logger | undefined;
  // One backend (and store) for dev and preview, so saved targets survive reloads of the page.
  // Made on the first request under basePath: pages never wait for the database, and a dev
  // server restart opens it only after the old server let go of it.
  let backend: Promise<{ handler: PtsHandler; stored?: OpenedStore }> | undefined;
  const open = () =>
    (backend ??= (async () => {
      const stored = database ? await openStore(database === true ? {} : database) : undefined;
      const handler = createNodeBackend({
        simulateAuth: true,
        ...backendOptions,
        ...(stored ? { store: stored.store, rateLimiter: options.rateLimiter ?? stored.rateLimiter } : {}),
        basePath,
      });
      return stored ? { handler, stored } : { handler };
    })().catch((error: unknown) => {
      backend = undefined; // the next request tries again
      logger?.error(`provider-target-setup: the backend's store did not open: ${error instanceof Error ? error.message : String(error)}`);
      return { handler: async () => errorResponse(new ProblemResponse('BACKEND_UNAVAILABLE', 'The backend could not open its store.')) };
    }));
  const close = async () => {
    const opened = backend;
    backend = undefined;
    await (await opened)?.stored?.close();
  };
  const middleware = ptsMiddleware(async (request) => (await open()).handler(request), {
    basePath,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });

  const mount = (server: ViteDevServer | PreviewServer) => {
    logger = server.config.logger;
    // Closing the server closes the database, which releases the embedded data folder.
    server.httpServer?.once('close', () => void close());
    server.middlewares.use(middleware);
  };
  return {
    name: 'provider-target-setup-backend',
    configureServer: mount,
    configurePreviewServer: mount,
    // Awaited by the dev server's close (also on SIGTERM, before vite exits).
    closeBundle: close,
  };
}
