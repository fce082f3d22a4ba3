// The webhook test delivery against a loopback receiver. Signatures are checked here
// with node:crypto, independently of the adapter: Standard Webhooks v1 (spec
// "Signature scheme": HMAC-SHA256 over "{msg_id}.{timestamp}.{payload}" with the
// base64-decoded whsec_ secret, sent as "v1,<base64>") and GitHub's
// X-Hub-Signature-256 ("sha256=" + hex HMAC-SHA256 of the raw body, keyed with the secret).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { createWebhookReceiver, type ReceiverOptions } from '../../../src/testing/provider-apis/webhook.js';
import { closedOrigin, context, serve } from './serve.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const NOW = new Date('2026-11-29T12:00:00.000Z');
const settings = ExportSettingsSchema.parse({ destination: [], events: ['finding.created', 'finding.resolved'] });

function webhookContext(endpoint: string, signing: 'standard-webhooks' | 'github-hmac-sha256' | null = null, secret = SECRET) {
  return context({
    provider: 'webhook',
    edition: 'webhook',
    method: 'signing_secret',
    apiRoot: endpoint,
    secret,
    baseUrl: endpoint,
    signing,
    now: () => NOW,
    randomId: () => '0f8fad5b-d9cb-469f-a165-70867728950e',
  });
}

async function deliver(receiver: ReceiverOptions, signing: 'standard-webhooks' | 'github-hmac-sha256' | null = null, secret = SECRET) {
  const server = await serve(createWebhookReceiver(receiver));
  try {
    const result = await runTestExport(webhookContext(`${server.origin}/hooks/tickets?team=7`, signing, secret), settings);
    return { result, requests: server.requests, origin: server.origin };
  } finally {
    await server.close();
  }
}

test('a Standard Webhooks delivery verifies with the whsec_ secret, and the result shows what the receiver got', async () => {
  const { result, requests } = await deliver({ secret: SECRET });
  assert.equal(requests.length, 1);
  const [req] = requests;
  assert.equal(req?.method, 'POST');
  assert.equal(req?.path, '/hooks/tickets');
  assert.deepEqual(req?.query, { team: '7' }, 'the whole URL is kept');
  assert.equal(req?.headers['content-type'], 'application/json');
  assert.equal(req?.headers.authorization, undefined, 'a signing secret never travels');
  const id = String(req?.headers['webhook-id']);
  const timestamp = String(req?.headers['webhook-timestamp']);
  assert.equal(id, 'msg_0f8fad5bd9cb469fa16570867728950e');
  assert.equal(timestamp, String(NOW.getTime() / 1000));
  const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${req?.body}`).digest('base64');
  assert.equal(req?.headers['webhook-signature'], `v1,${expected}`);
  assert.equal(JSON.stringify(req?.body).includes(SECRET), false);
  const payload = req?.json as { type: string; timestamp: string; data: { test: boolean; events: string[]; title: string } };
  assert.equal(payload.type, 'export.test');
  assert.equal(payload.timestamp, NOW.toISOString());
  assert.equal(payload.data.test, true);
  assert.deepEqual(payload.data.events, ['finding.created', 'finding.resolved']);
  assert.match(payload.data.title, /\[Test\]/);

  assert.equal(result.status, 'succeeded');
  assert.equal(result.delivery?.http_status, 204);
  assert.equal(result.delivery?.event, 'export.test');
  assert.deepEqual(
    result.delivery?.headers,
    ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({ name, value: String(req?.headers[name]) })),
  );
});

test('a GitHub-style delivery carries X-Hub-Signature-256 that verifies with the secret as GitHub computes it', async () => {
  const secret = 'a-shared-secret-the-receiver-already-uses';
  const { result, requests } = await deliver({ secret }, 'github-hmac-sha256', secret);
  const [req] = requests;
  const expected = `sha256=${createHmac('sha256', secret).update(req?.body ?? '').digest('hex')}`;
  assert.equal(req?.headers['x-hub-signature-256'], expected);
  assert.equal(req?.headers['x-github-event'], 'export.test');
  assert.equal(req?.headers['x-github-delivery'], '0f8fad5b-d9cb-469f-a165-70867728950e');
  assert.equal(req?.headers['webhook-signature'], undefined);
  assert.equal(req?.headers['x-hub-signature'], undefined, 'no SHA-1 signature');
  assert.equal(result.status, 'succeeded');
  assert.deepEqual(result.delivery?.headers.map((h) => h.name), ['content-type', 'X-Hub-Signature-256', 'X-GitHub-Event', 'X-GitHub-Delivery']);
});

test('a receiver that rejects the signature is PROVIDER_AUTH_REQUIRED, with the status and headers it got', async () => {
  const other = `whsec_${randomBytes(32).toString('base64')}`;
  const { result } = await deliver({ secret: other });
  assert.equal(result.status, 'failed');
  assert.equal(result.error?.code, 'PROVIDER_AUTH_REQUIRED');
  assert.match(result.error?.action?.label ?? '', /verify the webhook-signature header/);
  assert.equal(result.delivery?.http_status, 401);
  assert.equal(result.delivery?.headers.length, 4);
});

test('each refusal by the endpoint maps to its reason; a redirect is never followed', async () => {
  const gone = await deliver({ secret: SECRET, status: 410 });
  assert.equal(gone.result.error?.code, 'DESTINATION_NOT_WRITABLE');
  assert.equal(gone.result.delivery?.http_status, 410);
  const moved = await deliver({ secret: SECRET, status: 307 });
  assert.equal(moved.result.error?.code, 'PROVIDER_LIMITATION');
  assert.deepEqual(moved.requests.map((r) => r.path), ['/hooks/tickets'], 'the Location was not followed');
  const failing = await deliver({ secret: SECRET, failure: 'server-error' });
  assert.equal(failing.result.error?.code, 'PROVIDER_UNAVAILABLE', 'the endpoint was reached: not the network path');
  assert.match(failing.result.error?.action?.label ?? '', /receiving service is up/);
  assert.equal(failing.result.delivery?.http_status, 502);
  const slow = await deliver({ secret: SECRET, failure: 'rate-limit' });
  assert.equal(slow.result.error?.code, 'RATE_LIMITED');
  assert.equal(slow.result.error?.retry_after, 30);
});

test('an endpoint that cannot be reached is NETWORK_UNREACHABLE, with no delivery to show', async () => {
  const result = await runTestExport(webhookContext(`${await closedOrigin()}/hooks`), settings);
  assert.equal(result.error?.code, 'NETWORK_UNREACHABLE');
  assert.equal(result.delivery, undefined);
  const dropped = await deliver({ secret: SECRET, failure: 'network' });
  assert.equal(dropped.result.error?.code, 'NETWORK_UNREACHABLE');
});

test('a secret that is not whsec_ base64 is refused before anything is sent', async () => {
  const { result, requests } = await deliver({ secret: SECRET }, 'standard-webhooks', 'whsec_short');
  assert.equal(result.error?.code, 'PROVIDER_AUTH_REQUIRED');
  assert.equal(requests.length, 0);
  await assert.rejects(adapterFor('webhook').verify(webhookContext('https://hooks.example.com/x', null, 'whsec_short')));
  assert.deepEqual(await adapterFor('webhook').verify(webhookContext('https://hooks.example.com/x')), { id: 'webhook', name: 'hooks.example.com' });
});

test('a webhook has no destinations to list', async () => {
  await assert.rejects(adapterFor('webhook').listDestinations(webhookContext('https://hooks.example.com/x'), {}), { code: 'PROVIDER_LIMITATION' });
});
