/**
 * Runs a Fetch-style handler on node:http:
 * `http.createServer(toNodeListener(createNodeBackend(options)))`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { BodyTooLargeError, errorResponse, ProblemResponse } from '../../backend/index.js';
import { setClientAddress } from './client-address.js';

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

/** A request the Fetch API cannot even represent; answered with a contract error, never a 5xx. */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}

/**
 * Builds a Fetch Request from a node:http request; `signal` aborts it (e.g.
 * when the client goes away). Throws MalformedRequestError for a Host that is
 * not a host (`[::1`) and for methods Fetch forbids (TRACE, TRACK, CONNECT).
 */
export function toRequest(req: IncomingMessage, options: NodeListenerOptions = {}, signal?: AbortSignal): Request {
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  // Concatenated, not resolved: a request target like `//other.example/x` stays a path.
  const target = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  let url: URL;
  try {
    // The Host must be a host and port only: `a.example/x?` would otherwise move the path.
    const named = new URL(`http://${host}/`);
    if (named.pathname !== '/' || named.search || named.hash || named.username || named.password) throw new TypeError(host);
    url = new URL(`${encrypted ? 'https' : 'http'}://${named.host}${target}`);
  } catch {
    throw new MalformedRequestError('The Host header is not a valid host.');
  }
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
  let request: Request;
  try {
    request = new Request(url, init);
  } catch {
    throw new MalformedRequestError('The request method or a header is not supported.');
  }
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
        if (error instanceof MalformedRequestError) {
          // Its body was never going to be read: let it drain, and answer.
          req.resume();
          response = errorResponse(new ProblemResponse('VALIDATION_FAILED', error.message));
        } else {
          options.onError?.(error);
          response = errorResponse(new ProblemResponse('BACKEND_UNAVAILABLE', 'The backend hit an unexpected error.'));
        }
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
