/**
 * A simulated webhook receiver: it checks a Standard Webhooks signature
 * (webhook-id, webhook-timestamp, webhook-signature) or a GitHub-style
 * X-Hub-Signature-256 against its secret, answers 204 when one verifies and 401 when
 * none does, and can be told to answer any other status instead.
 */
import { json, type ProviderApi, type SimulatedFailure } from './shared.js';

export interface ReceiverOptions {
  /** The signing secret the receiver holds (whsec_… for Standard Webhooks). */
  secret: string;
  /** Answer this status whatever arrives (a 302 sends a Location header too). */
  status?: number;
  failure?: SimulatedFailure;
}

const encoder = new TextEncoder();

async function hmac(key: Uint8Array<ArrayBuffer>, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message)));
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function verifies(request: Request, body: string, secret: string): Promise<boolean> {
  const signatures = request.headers.get('webhook-signature');
  if (signatures) {
    const id = request.headers.get('webhook-id') ?? '';
    const timestamp = request.headers.get('webhook-timestamp') ?? '';
    const key = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
    const expected = `v1,${base64(await hmac(key, `${id}.${timestamp}.${body}`))}`;
    return signatures.split(' ').includes(expected);
  }
  const github = request.headers.get('x-hub-signature-256');
  return github === `sha256=${hex(await hmac(encoder.encode(secret), body))}`;
}

export function createWebhookReceiver(options: ReceiverOptions): ProviderApi {
  const created: Array<Record<string, unknown>> = [];
  const handler = async (request: Request): Promise<Response> => {
    if (options.failure === 'network') return Response.error();
    if (options.failure === 'server-error') return new Response('Bad Gateway', { status: 502 });
    if (options.failure === 'rate-limit') return new Response(null, { status: 429, headers: { 'retry-after': '30' } });
    const body = await request.text();
    if (options.status !== undefined) {
      const headers: Record<string, string> = options.status >= 300 && options.status < 400 ? { location: new URL('/moved', request.url).href } : {};
      return new Response(null, { status: options.status, headers });
    }
    if (options.failure === 'auth' || !(await verifies(request, body, options.secret))) return json({ error: 'invalid signature' }, 401);
    created.push({ headers: Object.fromEntries(request.headers), body });
    return new Response(null, { status: 204 });
  };
  return Object.assign(handler, { created });
}
