/**
 * Connect-style middleware (vite's dev server, express, connect) that hands
 * requests under `basePath` to a Fetch-style handler and passes the rest on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeListener, type FetchHandler, type NodeListenerOptions } from './node.js';

export interface MiddlewareOptions extends NodeListenerOptions {
  /** Same prefix the handler was created with, e.g. `/api/pts`. */
  basePath: string;
}

export type ConnectMiddleware = (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export function ptsMiddleware(handler: FetchHandler, options: MiddlewareOptions): ConnectMiddleware {
  const base = options.basePath.replace(/\/+$/, '');
  const listener = toNodeListener(handler, options);
  return (req, res, next) => {
    // Mounted under a path, connect strips it from req.url; the handler routes on the full path.
    const url = req.originalUrl ?? req.url ?? '/';
    const path = url.split('?', 1)[0]!;
    if (base !== '' && path !== base && !path.startsWith(`${base}/`)) {
      next();
      return;
    }
    req.url = url;
    try {
      listener(req, res);
    } catch (error) {
      next(error);
    }
  };
}
