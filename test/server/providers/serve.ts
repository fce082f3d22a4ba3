/**
 * Mounts a simulated provider API on a loopback node:http server and records every
 * request it gets, so adapter tests assert what really went over the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderContext } from '../../../src/backend/providers/index.js';
import { findAuthMethod, getEdition } from '../../../src/core/providers/index.js';
import type { ProviderApi } from '../../../src/testing/provider-apis/shared.js';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
}

export interface Served {
  origin: string;
  requests: Recorded[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function serve(api: ProviderApi): Promise<Served> {
  const requests: Recorded[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, json: parsed });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await api(
      new Request(url, { method: req.method ?? 'GET', headers, ...(body && req.method !== 'GET' ? { body } : {}) }),
    );
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ContextInput {
  provider: ProviderContext['provider'];
  edition: string;
  method: string;
  apiRoot: string;
  secret: string;
  fields?: Record<string, string>;
  tenant?: string;
  baseUrl?: string;
  signing?: ProviderContext['target']['signing'];
  now?: () => Date;
  randomId?: () => string;
}

/** An adapter context for a catalog edition and method, pointed at the loopback server. */
export function context(input: ContextInput): ProviderContext {
  const edition = getEdition(input.provider, input.edition);
  const method = edition && findAuthMethod(edition, input.method);
  if (!edition || !method) throw new Error(`no ${input.edition}/${input.method} in the catalog`);
  return {
    provider: input.provider,
    edition,
    method,
    apiRoot: input.apiRoot,
    credential: { secret: input.secret, ...(input.fields ? { fields: input.fields } : {}) },
    target: { tenant: input.tenant ?? null, base_url: input.baseUrl ?? null, signing: input.signing ?? null },
    fetch,
    ...(input.now ? { now: input.now } : {}),
    ...(input.randomId ? { randomId: input.randomId } : {}),
  };
}

/** The Basic value for user:password, computed here independently of the adapters. */
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A port that refuses connections: bound, then closed. */
export async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
