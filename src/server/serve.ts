/**
 * The reference backend alone over node:http, configured from the environment, on the
 * durable store: `npm run serve`, or `startServer()` from your own entry point.
 *
 * Environment:
 * - `PORT` (default 8080) and `HOST` (default 127.0.0.1; `0.0.0.0` in a container).
 * - `DATABASE_URL`: PostgreSQL. Without it, the embedded database in `PTS_DATA_DIR`
 *   (default `.pts-data`).
 * - `PTS_SECRET_KEY` (32 bytes, base64) and `PTS_SECRET_KEY_PREVIOUS`; required in
 *   production (`DATABASE_URL` or `NODE_ENV=production`), see `resolveSecretKeys`.
 * - `PTS_BASE_PATH` (default `/api/pts`), `PTS_PUBLIC_URL` (the backend's public URL with
 *   the base path; without it only loopback host names are served) and
 *   `PTS_ALLOWED_ORIGINS` (comma-separated origins allowed to call cross-origin).
 *
 * On SIGTERM or SIGINT it stops accepting connections, lets the requests in flight finish
 * (for up to `shutdownTimeoutMs`), closes the database and exits 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from './adapters/node.js';
import type { Env } from './db/secret-key.js';
import { openStore, type OpenedStore } from './db/store.js';
import { createNodeBackend, type NodeBackendOptions } from './node-backend.js';
import { createNodeCredentialVerifier } from './verify.js';

export interface StartServerOptions {
  /** Default `process.env`. */
  env?: Env;
  /** Backend options over the ones the environment gives (services, limits, a seed). */
  backend?: NodeBackendOptions;
  /** How long a shutdown waits for requests in flight before it cuts them. Default 10 s. */
  shutdownTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** The backend's base URL as it listens, e.g. `http://127.0.0.1:8080/api/pts`. */
  url: string;
  server: Server;
  stored: OpenedStore;
  /** Stops accepting, waits for requests in flight, closes the database. Idempotent. */
  close(): Promise<void>;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const port = env.PORT ? Number(env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number; it is "${env.PORT}".`);
  const host = env.HOST || '127.0.0.1';
  const basePath = env.PTS_BASE_PATH || '/api/pts';

  const stored = await openStore({ env, warn: (message) => log(`warning: ${message}`) });
  const origins = list(env.PTS_ALLOWED_ORIGINS);
  const handler = createNodeBackend({
    basePath,
    ...(env.PTS_PUBLIC_URL ? { publicUrl: env.PTS_PUBLIC_URL } : {}),
    ...(origins.length ? { allowedOrigins: origins } : {}),
    verifyCredential: createNodeCredentialVerifier(),
    onError: (error) => log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    ...options.backend,
    store: stored.store,
    rateLimiter: options.backend?.rateLimiter ?? stored.rateLimiter,
  });

  const server = createServer(toNodeListener(handler, { onError: (error) => log(`error: ${String(error)}`) }));
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      // A kept-alive connection goes idle once its answer is out; while shutting down, close it.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await stored.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}${basePath}`;
  const where = stored.database.dataDir ? `the embedded database in ${stored.database.dataDir}` : 'PostgreSQL';
  log(`provider-target-setup backend listening on ${url} (${where})`);

  const close = () =>
    (closing ??= (async () => {
      const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Said once the listener is closed, so whoever reads it can rely on new connections being refused.
      log(`shutting down: ${inFlight} request(s) in flight`);
      const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      try {
        await drained;
      } finally {
        clearTimeout(timer);
        await stored.close();
      }
      log('stopped');
    })());
  return { url, server, stored, close };
}

/**
 * `startServer`, then a clean stop on SIGTERM or SIGINT: what `npm run serve` runs. A start
 * that fails (no key in production, a database that does not answer) prints why and exits 1.
 */
export async function serveUntilSignalled(options: StartServerOptions = {}): Promise<RunningServer | undefined> {
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    console.error(`provider-target-setup backend did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return undefined;
  }
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`provider-target-setup backend did not stop cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return running;
}
