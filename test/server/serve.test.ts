import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MISSING_KEY_MESSAGE } from '../../src/server/db/secret-key.js';
import { freshDataDir, stopTestPostgres } from './fixtures/databases.js';
import { testPostgres } from './fixtures/postgres.js';
import { cloudSave, send, SERVE_CHILD, SERVE_CLI, startServerProcess } from './fixtures/serve-process.js';

after(stopTestPostgres);

const KEY = btoa('q'.repeat(32));

/** Runs the real `npm run serve` entry and resolves with how it ended and what it printed. */
function runCli(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE_CLI], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** True once nothing accepts connections on the port any more. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('npm run serve', () => {
  it('refuses to start in production without PTS_SECRET_KEY, before touching the database', async () => {
    const { dataDir, remove } = await freshDataDir();
    try {
      const envs: Array<Record<string, string>> = [
        { DATABASE_URL: 'postgres://127.0.0.1:1/unreachable' },
        { NODE_ENV: 'production', PTS_DATA_DIR: join(dataDir, 'x') },
      ];
      for (const env of envs) {
        const { code, output } = await runCli(env);
        assert.equal(code, 1, output);
        assert.ok(output.includes(MISSING_KEY_MESSAGE), output);
        assert.ok(!output.includes('listening'), output);
      }
      assert.equal(existsSync(join(dataDir, 'x')), false, 'no data folder was made');
    } finally {
      remove();
    }
  });

  it('on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0', async () => {
    const { dataDir, remove } = await freshDataDir();
    const env = { PTS_DATA_DIR: join(dataDir, '..'), PTS_SECRET_KEY: KEY, PTS_TEST_VERIFY_DELAY_MS: '500' };
    try {
      const server = await startServerProcess(SERVE_CHILD, env);
      const port = Number(new URL(server.url).port);
      const agent = new Agent({ keepAlive: true });
      const inFlight = send(`${server.url}/targets`, 'POST', cloudSave('sigterm', 'CANARY-serve-sigterm-token'), {}, agent);
      await server.waitFor(/^verifying$/);
      server.child.kill('SIGTERM');
      await server.waitFor(/^shutting down: 1 request\(s\) in flight$/);
      assert.equal(await refused(port), true, 'no new connection once it is shutting down');

      const answer = await inFlight;
      assert.equal(answer.status, 201, answer.body);
      const { id } = JSON.parse(answer.body) as { id: string };
      assert.deepEqual(await server.exited, { code: 0, signal: null });
      assert.ok(server.lines.includes('stopped'), server.lines.join('\n'));
      assert.equal(existsSync(`${dataDir}.lock`), false, 'the data folder was released');
      agent.destroy();

      // The answered save is there after a restart.
      const again = await startServerProcess(SERVE_CHILD, env);
      try {
        const read = await send(`${again.url}/targets/${encodeURIComponent(id)}`, 'GET');
        assert.equal(read.status, 200, read.body);
        assert.equal((JSON.parse(read.body) as { has_credentials: boolean }).has_credentials, true);
      } finally {
        again.child.kill('SIGTERM');
        assert.equal((await again.exited).code, 0);
      }
    } finally {
      remove();
    }
  });

  it('serves PostgreSQL from DATABASE_URL with the real services', async (t) => {
    const { server: postgres, skip } = await testPostgres();
    if (skip) return t.skip(skip);
    const url = await postgres!.createDatabase();
    const server = await startServerProcess(SERVE_CLI, { DATABASE_URL: url, PTS_SECRET_KEY: KEY });
    try {
      assert.match(server.lines.join('\n'), /listening on http:\/\/127\.0\.0\.1:\d+\/api\/pts \(PostgreSQL\)/);
      const status = await send(`${server.url}/status`, 'GET');
      assert.equal(status.status, 200, status.body);
      assert.deepEqual((JSON.parse(status.body) as { targets: unknown[] }).targets, []);
      // The real URL check refuses loopback, as it must.
      const check = await send(`${server.url}/url-checks`, 'POST', {
        provider: 'github',
        edition: 'ghes',
        deployment_mode: 'self-hosted',
        base_url: 'https://127.0.0.1/',
        ownership_confirmed: true,
        export_authorized: true,
      });
      assert.equal((JSON.parse(check.body) as { status: string }).status, 'blocked', check.body);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal((await server.exited).code, 0);
    }
  });
});
