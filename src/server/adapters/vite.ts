/**
 * Vite plugin that serves the backend from the dev and preview servers, so
 * `npm start` runs the demo against it in-process.
 */
import type { Plugin } from 'vite';
import { createNodeBackend, type NodeBackendOptions } from '../node-backend.js';
import { ptsMiddleware } from './connect.js';

export interface PtsVitePluginOptions extends NodeBackendOptions {
  /** Where the routes live. Default `/api/pts`. */
  basePath?: string;
}

export function ptsVitePlugin(options: PtsVitePluginOptions = {}): Plugin {
  const basePath = options.basePath ?? '/api/pts';
  // One backend (and store) for dev and preview, so saved targets survive reloads of the page.
  let handler: ReturnType<typeof createNodeBackend> | undefined;
  const middleware = () => {
    handler ??= createNodeBackend({ simulateAuth: true, ...options, basePath });
    return ptsMiddleware(handler, { basePath, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  };
  return {
    name: 'provider-target-setup-backend',
    configureServer(server) {
      server.middlewares.use(middleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware());
    },
  };
}
