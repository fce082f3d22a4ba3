/**
 * Vite plugin that serves the reference backend from the dev and preview
 * servers, so `npm start` runs the demo against it in-process.
 */
import type { Plugin } from 'vite';
import { createHandler, type HandlerOptions } from '../handler/index.js';
import { ptsMiddleware } from './connect.js';

export interface PtsVitePluginOptions extends HandlerOptions {
  /** Where the routes live. Default `/api/pts`. */
  basePath?: string;
}

export function ptsVitePlugin(options: PtsVitePluginOptions = {}): Plugin {
  const basePath = options.basePath ?? '/api/pts';
  // One handler (and store) for dev and preview, so saved targets survive reloads of the page.
  let handler: ReturnType<typeof createHandler> | undefined;
  const middleware = () => {
    handler ??= createHandler({ simulateAuth: true, ...options, basePath });
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
