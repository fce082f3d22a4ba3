/**
 * The probe's HTTP transport: one request, never following redirects, over a
 * connection to exactly the address the check approved. No DNS happens here, so
 * a rebinding answer cannot swap the destination; TLS still verifies the host name.
 */
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Agent, buildConnector, request } from 'undici';
import type { ProbeRequest, ProbeResponse, Transport } from '../../backend/check/index.js';

export type { ProbeRequest, ProbeResponse, Transport };

export interface PinnedTransportOptions {
  /** TLS settings such as `ca` for a private certificate authority. Verification stays on. */
  tls?: Pick<ConnectionOptions, 'ca' | 'cert' | 'key' | 'minVersion'>;
  /** Connect timeout in milliseconds. Default 5000. */
  connectTimeoutMs?: number;
}

/** A connector that ignores the URL's host for the socket and dials `address` instead. */
export function pinnedConnector(address: string, base: buildConnector.connector): buildConnector.connector {
  return (options, callback) => {
    const servername = isIP(options.hostname) ? undefined : options.hostname;
    base({ ...options, hostname: address, ...(servername ? { servername } : {}) }, callback);
  };
}

async function readStart(body: AsyncIterable<Buffer | Uint8Array> & { destroy(): void }, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.from(chunk);
    chunks.push(buf);
    size += buf.length;
    if (size >= limit) break;
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** The default transport, built on undici. */
export function createPinnedTransport(options: PinnedTransportOptions = {}): Transport {
  return async (req) => {
    const base = buildConnector({ ...options.tls, rejectUnauthorized: true, timeout: options.connectTimeoutMs ?? 5000 });
    const agent = new Agent({ connect: pinnedConnector(req.address, base), connections: 1, pipelining: 1 });
    try {
      const res = await request(req.url, {
        dispatcher: agent,
        method: req.method as 'GET',
        headers: req.headers,
        signal: req.signal,
      });
      let body: string | undefined;
      if (req.bodyLimit && req.bodyLimit > 0) body = await readStart(res.body, req.bodyLimit);
      else await res.body.dump();
      return body === undefined ? { status: res.statusCode, headers: res.headers } : { status: res.statusCode, headers: res.headers, body };
    } finally {
      await agent.destroy().catch(() => undefined);
    }
  };
}
