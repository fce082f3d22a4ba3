/**
 * A customer webhook endpoint. There is nothing to list and no account to ask about;
 * the test is one signed delivery of an `export.test` event, and the result shows
 * the status the receiver answered and the headers it got.
 *
 * Signing, by the scheme the target saved (the catalog's default otherwise), with the
 * header names the catalog lists for it:
 * - Standard Webhooks v1: `webhook-signature: v1,<base64 HMAC-SHA256>` over
 *   "<webhook-id>.<webhook-timestamp>.<body>", keyed with the base64-decoded part of
 *   the whsec_ secret; the timestamp is Unix seconds.
 * - GitHub style: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`, keyed
 *   with the secret's UTF-8 bytes as GitHub receivers use it, plus an event header and
 *   a delivery id.
 */
import { WEBHOOK_TEST_EVENT } from '../../core/contract/export.js';
import { getProvider, type WebhookSigning } from '../../core/providers/index.js';
import { toBase64, toHex, utf8 } from '../../core/bytes.js';
import { STANDARD_SECRET_PREFIX, standardWebhooksKey } from '../../core/providers/signing-secret.js';
import { authRequired, limitation, ProviderError, rateLimited, retryAfterSeconds } from './errors.js';
import { send } from './http.js';
import { testTicket } from './ticket.js';
import type { ProviderAdapter, ProviderContext, TestOutcome } from './types.js';

function scheme(ctx: ProviderContext): WebhookSigning {
  const schemes = getProvider('webhook')?.webhookSigning ?? [];
  const chosen = schemes.find((s) => s.id === ctx.target.signing) ?? schemes.find((s) => s.isDefault);
  if (!chosen) throw limitation('No webhook signing scheme is configured.');
  return chosen;
}

/** The HMAC key: Standard Webhooks decodes the whsec_ secret, GitHub-style uses its bytes as they are. */
function signingKey(ctx: ProviderContext, signing: WebhookSigning): Uint8Array<ArrayBuffer> {
  const secret = ctx.credential.secret;
  if (signing.id !== 'standard-webhooks') return utf8(secret);
  // Targets saved before the prefix was required may hold the bare base64.
  const key = standardWebhooksKey(secret.startsWith(STANDARD_SECRET_PREFIX) ? secret : STANDARD_SECRET_PREFIX + secret);
  if (!key) {
    throw authRequired(ctx, 'the saved signing secret is not a Standard Webhooks secret (whsec_ followed by base64 of 24 to 64 bytes)');
  }
  return key;
}

async function hmac(key: Uint8Array<ArrayBuffer>, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(message)));
}

async function signedHeaders(ctx: ProviderContext, signing: WebhookSigning, body: string, now: Date): Promise<Array<[string, string]>> {
  const key = signingKey(ctx, signing);
  const id = ctx.randomId?.() ?? crypto.randomUUID();
  if (signing.id === 'standard-webhooks') {
    const [idHeader = 'webhook-id', timestampHeader = 'webhook-timestamp', signatureHeader = 'webhook-signature'] = signing.headers;
    const messageId = `msg_${id.replace(/-/g, '')}`;
    const seconds = String(Math.floor(now.getTime() / 1000));
    const signature = toBase64(await hmac(key, `${messageId}.${seconds}.${body}`));
    return [
      [idHeader, messageId],
      [timestampHeader, seconds],
      [signatureHeader, `v1,${signature}`],
    ];
  }
  const [signatureHeader = 'X-Hub-Signature-256', eventHeader = 'X-GitHub-Event', deliveryHeader = 'X-GitHub-Delivery'] = signing.headers;
  return [
    [signatureHeader, `sha256=${toHex(await hmac(key, body))}`],
    [eventHeader, WEBHOOK_TEST_EVENT],
    [deliveryHeader, id],
  ];
}

/** What a receiver's answer means for the test; undefined for a 2xx. */
function refusal(ctx: ProviderContext, response: Response, now: Date): ProviderError | undefined {
  const status = response.type === 'opaqueredirect' ? 302 : response.status;
  if (status >= 200 && status < 300) return undefined;
  if (status === 401 || status === 403) {
    return new ProviderError('PROVIDER_AUTH_REQUIRED', `The endpoint refused the signed delivery with HTTP ${status}.`, {
      action: { label: ctx.method.authRequiredAction },
    });
  }
  if (status === 429) return rateLimited(ctx, retryAfterSeconds(response.headers, now));
  if (status >= 500) {
    return new ProviderError('PROVIDER_UNAVAILABLE', `The endpoint answered with a server error: HTTP ${status}.`, {
      action: { label: 'Check that the receiving service is up and its logs for the delivery, then run the test again.' },
    });
  }
  if (status >= 300 && status < 400) {
    return limitation(`The endpoint answered HTTP ${status} (a redirect); deliveries never follow redirects.`, {
      label: 'Enter the final address of the endpoint, the one that answers 2xx itself.',
    });
  }
  return new ProviderError('DESTINATION_NOT_WRITABLE', `The endpoint did not accept the delivery: HTTP ${status}.`, {
    action: { label: 'Check that the endpoint URL is right and that it accepts POST requests with a JSON body.' },
  });
}

export const webhook: ProviderAdapter = {
  provider: 'webhook',

  async verify(ctx) {
    signingKey(ctx, scheme(ctx));
    return { id: 'webhook', name: new URL(ctx.apiRoot).host };
  },

  async listDestinations() {
    throw limitation('A webhook has no destinations to list: choose which events it receives instead.');
  },

  async createTestTicket(ctx, settings): Promise<TestOutcome> {
    const now = ctx.now?.() ?? new Date();
    const ticket = testTicket(ctx);
    const body = JSON.stringify({
      type: WEBHOOK_TEST_EVENT,
      timestamp: now.toISOString(),
      data: { test: true, title: ticket.title, message: ticket.paragraphs.join(' '), events: settings.events ?? [] },
    });
    const headers: Array<[string, string]> = [['content-type', 'application/json'], ...(await signedHeaders(ctx, scheme(ctx), body, now))];
    const response = await send(ctx, new URL(ctx.apiRoot), { method: 'POST', headers, body });
    await response.body?.cancel().catch(() => undefined);
    const error = refusal(ctx, response, now);
    const delivery = {
      http_status: response.type === 'opaqueredirect' ? 302 : response.status,
      headers: headers.map(([name, value]) => ({ name, value })),
      event: WEBHOOK_TEST_EVENT,
    };
    return error ? { delivery, error: error.toTestError() } : { delivery };
  },
};
