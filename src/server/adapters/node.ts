/**
 * Runs a Fetch-style handler on node:http:
 * `http.createServer(toNodeListener(createHandler(options)))`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { setClientAddress } from '../handler/client-address.js';
import { BodyTooLargeError } from '../handler/http.js';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface NodeListenerOptions {
  /**
   * Stop reading a request body after this many bytes. The handler enforces
   * its own limit as it reads; this one also protects handlers that do not.
   */
  maxBodyBytes?: number;
  /** Called when the handler throws or the response cannot be written. */
  onError?: (error: unknown) => void;
}

export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A web ReadableStream over the request body that pulls only as fast as it is read. */
function bodyStream(req: IncomingMessage, maxBytes: number | undefined): ReadableStream<Uint8Array> {
  let received = 0;
  let finished = false;
  const discard = () => {
    // Drain what the client still sends rather than cut the socket, so the
    // error answer can still be written.
    finished = true;
    if (onData) req.off('data', onData);
    req.resume();
  };
  let onData: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk: Buffer) => {
        if (finished) return;
        received += chunk.byteLength;
        if (maxBytes !== undefined && received > maxBytes) {
          discard();
          controller.error(new BodyTooLargeError());
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      req.on('data', onData);
      req.once('end', () => {
        if (finished) return;
        finished = true;
        controller.close();
      });
      req.once('error', (error) => {
        if (finished) return;
        finished = true;
        controller.error(error);
      });
    },
    pull() {
      if (!finished) req.resume();
    },
    cancel() {
      discard();
    },
  });
}

/** Builds a Fetch Request from a node:http request; `signal` aborts it (e.g. when the client goes away). */
export function toRequest(req: IncomingMessage, options: NodeListenerOptions = {}, signal?: AbortSignal): Request {
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  // Concatenated, not resolved: a request target like `//other.example/x` stays a path.
  const target = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  const url = new URL(`${encrypted ? 'https' : 'http'}://${host}${target}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (signal) init.signal = signal;
  if (hasBody) {
    init.body = bodyStream(req, options.maxBodyBytes);
    init.duplex = 'half';
  }
  const request = new Request(url, init);
  setClientAddress(request, req.socket.remoteAddress);
  return request;
}

async function writeResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (cookies.length) res.setHeader('set-cookie', cookies);
  // Bodies here are small JSON or HTML pages: buffer them and send a length.
  const body = method === 'HEAD' || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  if (body) res.setHeader('content-length', body.byteLength);
  res.end(body);
}

export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): NodeListener {
  return (req, res) => {
    void (async () => {
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      let response: Response;
      try {
        response = await handler(toRequest(req, options, gone.signal));
      } catch (error) {
        options.onError?.(error);
        response = new Response(
          JSON.stringify({ code: 'BACKEND_UNAVAILABLE', message: 'The backend hit an unexpected error.' }),
          { status: 503, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } },
        );
      }
      // If the body was not read to the end (refused early), close the
      // connection after answering instead of waiting for the rest.
      if (!req.complete) res.setHeader('connection', 'close');
      await writeResponse(response, res, req.method ?? 'GET');
    })().catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}
