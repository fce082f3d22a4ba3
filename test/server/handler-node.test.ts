import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ErrorBodySchema,
  StatusResponseSchema,
  TargetRecordSchema,
  UrlCheckResponseSchema,
  type TargetRecord,
} from '../../src/core/contract/index.js';
import { ptsMiddleware } from '../../src/server/adapters/connect.js';
import { toNodeListener } from '../../src/server/adapters/node.js';
import { ptsVitePlugin } from '../../src/server/adapters/vite.js';
import { createNodeBackend, getClientAddress } from '../../src/server/index.js';
import { BASE, CANARY, ghesCheck, githubCloudSave, stubCheck } from '../backend/handler-helpers.js';

const seed: TargetRecord = {
  id: 'tgt_demo_github',
  provider: 'github',
  edition: 'github-com',
  deployment_mode: 'cloud',
  state: 'connected',
  tenant: 'https://github.com/acme',
  auth_method: 'github_app',
  token_type: 'github_app_installation',
  scopes: ['Issues: Read and write', 'Metadata: Read'],
  has_credentials: true,
  created_at: '2026-01-05T08:00:00.000Z',
  updated_at: '2026-01-05T08:00:00.000Z',
  history: [{ at: '2026-01-05T08:00:00.000Z', event: 'created' }],
};

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function parsed<T>(
  response: Response,
  status: number,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  const result = schema.safeParse(JSON.parse(text));
  assert.ok(result.success, text);
  return result.data;
}

/** Sends a raw request and resolves with the response, without waiting for the body to be sent. */
function rawRequest(
  url: string,
  options: { method: string; headers: Record<string, string | number> },
  write: (req: ReturnType<typeof httpRequest>) => void,
): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ res, body }));
      res.on('error', reject);
    });
    // The server may close the connection once it answered; that is expected here.
    req.on('error', () => undefined);
    write(req);
  });
}

describe('toNodeListener on a real local server', () => {
  let server: Server;
  let origin: string;
  const keys: Array<string | undefined> = [];

  before(async () => {
    const handler = createNodeBackend({
      basePath: BASE,
      checkUrl: stubCheck(),
      seed: [seed],
      maxBodyBytes: 4096,
      rateLimit: { urlChecks: { max: 2, windowMs: 60_000 } },
    });
    server = createServer(
      toNodeListener(async (request) => {
        keys.push(getClientAddress(request));
        return handler(request);
      }),
    );
    origin = await listen(server);
  });
  after(() => close(server));

  it('serves the contract over HTTP', async () => {
    const status = await parsed(await fetch(`${origin}${BASE}/status`), 200, StatusResponseSchema);
    assert.deepEqual(status.targets.map((t) => t.id), ['tgt_demo_github']);

    const response = await fetch(`${origin}${BASE}/targets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(githubCloudSave()),
    });
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.clone().text();
    assert.ok(!text.includes(CANARY));
    const saved = await parsed(response, 201, TargetRecordSchema);
    const again = await parsed(await fetch(`${origin}${BASE}/targets/${saved.id}`), 200, TargetRecordSchema);
    assert.deepEqual(again, saved);
    await parsed(await fetch(`${origin}/elsewhere`), 404, ErrorBodySchema);
  });

  it('keys the rate limit on the socket address, not on headers the client sends', async () => {
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${origin}${BASE}/url-checks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(ghesCheck()),
      });
    await parsed(await post(), 200, UrlCheckResponseSchema);
    await parsed(await post({ 'x-forwarded-for': '198.51.100.1' }), 200, UrlCheckResponseSchema);
    const limited = await post({ 'x-forwarded-for': '198.51.100.2' });
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal((await parsed(limited, 429, ErrorBodySchema)).code, 'RATE_LIMITED');
    assert.equal(keys.at(-1), '127.0.0.1');
  });

  it('refuses a chunked body that grows past the limit', async () => {
    const { res, body } = await rawRequest(
      `${origin}${BASE}/targets`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (req) => {
        for (let i = 0; i < 20; i++) req.write(`{"pad":"${'x'.repeat(1000)}"`);
        req.end();
      },
    );
    assert.equal(res.statusCode, 413);
    assert.equal(ErrorBodySchema.parse(JSON.parse(body)).code, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a too-large declared length before the body arrives', { timeout: 10_000 }, async () => {
    let sent: ReturnType<typeof httpRequest> | undefined;
    const { res, body } = await rawRequest(
      `${origin}${BASE}/targets`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 1_000_000 } },
      (req) => {
        sent = req;
        req.write('{"provider":');
        // Never finished: the answer must not wait for the remaining bytes.
      },
    );
    sent?.destroy();
    assert.equal(res.statusCode, 413);
    assert.equal(res.headers.connection, 'close');
    assert.equal(ErrorBodySchema.parse(JSON.parse(body)).code, 'PAYLOAD_TOO_LARGE');
  });

  it('keeps a request target that looks like another host as a path', async () => {
    const { res, body } = await rawRequest(
      `${origin}//evil.example${BASE}/status`,
      { method: 'GET', headers: {} },
      (req) => req.end(),
    );
    assert.equal(res.statusCode, 404);
    assert.equal(ErrorBodySchema.parse(JSON.parse(body)).code, 'TARGET_NOT_FOUND');
  });

  it('answers wrong media types and malformed JSON', async () => {
    const plain = await fetch(`${origin}${BASE}/targets`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal((await parsed(plain, 415, ErrorBodySchema)).code, 'UNSUPPORTED_MEDIA_TYPE');
    const broken = await fetch(`${origin}${BASE}/targets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    assert.equal((await parsed(broken, 400, ErrorBodySchema)).code, 'VALIDATION_FAILED');
  });
});

describe('toNodeListener body limit', () => {
  it('stops reading at its own limit even when the handler would take more', async () => {
    const server = createServer(
      toNodeListener(createNodeBackend({ basePath: BASE, checkUrl: stubCheck(), maxBodyBytes: 1_000_000 }), { maxBodyBytes: 512 }),
    );
    const origin = await listen(server);
    try {
      const big = await fetch(`${origin}${BASE}/targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(githubCloudSave({ display_name: 'x'.repeat(190), credential: `${CANARY}${'y'.repeat(600)}` })),
      });
      assert.equal((await parsed(big, 413, ErrorBodySchema)).code, 'PAYLOAD_TOO_LARGE');
      const small = await fetch(`${origin}${BASE}/targets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(githubCloudSave()),
      });
      await parsed(small, 201, TargetRecordSchema);
    } finally {
      await close(server);
    }
  });
});

describe('ptsMiddleware', () => {
  it('handles the base path and passes everything else on', async () => {
    const middleware = ptsMiddleware(createNodeBackend({ basePath: BASE, checkUrl: stubCheck(), seed: [seed] }), { basePath: BASE });
    const server = createServer((req, res) =>
      middleware(req, res, (error) => {
        res.statusCode = error ? 500 : 299;
        res.end('next');
      }),
    );
    const origin = await listen(server);
    try {
      const status = await parsed(await fetch(`${origin}${BASE}/status`), 200, StatusResponseSchema);
      assert.equal(status.targets.length, 1);
      for (const path of ['/', '/api/ptsx/status', '/settings', '/api']) {
        const other = await fetch(`${origin}${path}`);
        assert.equal(other.status, 299, path);
        assert.equal(await other.text(), 'next');
      }
      await parsed(await fetch(`${origin}${BASE}/unknown`), 404, ErrorBodySchema);
    } finally {
      await close(server);
    }
  });
});

describe('ptsVitePlugin', () => {
  it('serves the backend from a vite dev server in-process', async () => {
    const { createServer: createViteServer } = await import('vite');
    const root = mkdtempSync(join(tmpdir(), 'pts-vite-'));
    const vite = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [ptsVitePlugin({ seed: [seed], checkUrl: stubCheck() })],
    });
    try {
      await vite.listen();
      const address = vite.httpServer!.address() as AddressInfo;
      const origin = `http://127.0.0.1:${address.port}`;
      const status = await parsed(await fetch(`${origin}/api/pts/status`), 200, StatusResponseSchema);
      assert.deepEqual(status.targets.map((t) => t.id), ['tgt_demo_github']);
      const check = await fetch(`${origin}/api/pts/url-checks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(ghesCheck()),
      });
      assert.equal((await parsed(check, 200, UrlCheckResponseSchema)).status, 'passed');
      // The simulated OAuth flow is on for the demo.
      const start = await fetch(`${origin}/api/pts/auth/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ provider: 'github', edition: 'github-com', auth_method: 'github_app', return_origin: origin }),
      });
      assert.equal(start.status, 200, await start.clone().text());
    } finally {
      await vite.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('default URL check', () => {
  it('uses checkBaseUrl with the options given, here a stub resolver and no probe', async () => {
    const answers: Record<string, string> = { 'github.internal.example': '10.1.2.3', 'github.acme.example': '93.184.215.14' };
    const handler = createNodeBackend({
      basePath: BASE,
      publicUrl: `https://backend.test${BASE}`,
      checkOptions: {
        probe: false,
        lookup: (hostname, _options, callback) => {
          const address = answers[hostname];
          if (!address) callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
          else callback(null, [{ address, family: 4 }]);
        },
      },
    });
    const post = (url: string) =>
      handler(
        new Request(`https://backend.test${BASE}/url-checks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ghesCheck(url)),
        }),
      );
    const blocked = await parsed(await post('https://github.internal.example'), 200, UrlCheckResponseSchema);
    assert.equal(blocked.status, 'blocked');
    assert.ok(blocked.checks.some((c) => c.status === 'failed' && c.offender?.includes('10.1.2.3')), JSON.stringify(blocked.checks));
    const passed = await parsed(await post('https://github.acme.example'), 200, UrlCheckResponseSchema);
    assert.equal(passed.status, 'passed', JSON.stringify(passed.checks));
    assert.deepEqual(passed.addresses, ['93.184.215.14']);
  });
});
