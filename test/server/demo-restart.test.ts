/**
 * `npm start` keeps its targets across a restart: the demo's vite server, started twice
 * on one data folder, and its reset control clearing what was saved. A person can also
 * take a saved target on to its destination and a test export, offline.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshDataDir } from './fixtures/databases.js';
import { cloudSave, send } from './fixtures/serve-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** `npm start` on a data folder; resolves with the demo backend's URL and a stop function. */
async function startDemo(dataDir: string): Promise<{ api: string; stop(): Promise<number | null> }> {
  // stdin stays open: vite stops when it ends.
  const child = spawn(process.execPath, [VITE, '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    // The embedded default, whatever database the surrounding environment names.
    env: { ...process.env, PTS_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: '', PTS_SECRET_KEY: '', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output: string[] = [];
  child.stderr.on('data', (d) => output.push(String(d)));
  const local = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const match = /Local:\s+(http:\/\/\S+?)\/?$/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`vite exited (${code}) before it listened:\n${output.join('\n')}`)));
  });
  return {
    api: `${local}/api/pts`,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** vite exits 128 + 15 after a clean stop on SIGTERM. */
const STOPPED_BY_SIGTERM = 143;

const tenants = async (api: string) => {
  const status = await send(`${api}/status`, 'GET');
  assert.equal(status.status, 200, status.body);
  return (JSON.parse(status.body) as { targets: Array<{ tenant?: string | null }> }).targets.map((t) => t.tenant);
};

describe('npm start', () => {
  it('keeps saved targets across a restart, and "reset demo data" clears them', async () => {
    const { dataDir, remove } = await freshDataDir();
    const folder = join(dataDir, '..');
    try {
      const first = await startDemo(folder);
      const seeded = await tenants(first.api);
      assert.ok(seeded.length > 0, 'the demo starts with its sample targets');
      const saved = await send(`${first.api}/targets`, 'POST', cloudSave('restart', 'github_pat_demo_restart_0123456789'));
      assert.equal(saved.status, 201, saved.body);
      assert.equal(await first.stop(), STOPPED_BY_SIGTERM);

      const second = await startDemo(folder);
      try {
        assert.deepEqual(await tenants(second.api), [...seeded, 'https://github.com/org-restart']);
        const reset = await send(`${second.api}/demo/reset`, 'POST');
        assert.equal(reset.status, 204, reset.body);
        assert.deepEqual(await tenants(second.api), seeded);
      } finally {
        assert.equal(await second.stop(), STOPPED_BY_SIGTERM);
      }
    } finally {
      remove();
    }
  });

  it('lets a person choose a destination, save the settings and run a test export, offline', async () => {
    const { dataDir, remove } = await freshDataDir();
    const demo = await startDemo(join(dataDir, '..'));
    const call = async (path: string, method: string, body?: unknown) => {
      const answer = await send(`${demo.api}${path}`, method, body);
      assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${answer.body}`);
      return JSON.parse(answer.body) as Record<string, any>;
    };
    try {
      // The sample GitHub.com target (organisation acme) holds no credential until it is reconnected, with any token.
      const seeded = await send(`${demo.api}/targets/tgt_github_acme/destinations`, 'POST', {});
      assert.equal(seeded.status, 401, seeded.body);
      assert.equal(JSON.parse(seeded.body).code, 'PROVIDER_AUTH_REQUIRED');
      const github = await call('/targets', 'POST', { ...cloudSave('x', 'github_pat_demo_export_0123456789'), tenant: 'acme', target_id: 'tgt_github_acme' });
      const repos = await call(`/targets/${github.id}/destinations`, 'POST', {});
      assert.equal(repos.items[0].name, 'acme/service-0001');
      const repo = { level: 'repository', id: repos.items[0].id, name: repos.items[0].name };
      const settings = await call(`/targets/${github.id}/export-settings`, 'PUT', { destination: [repo], duplicates: 'comment' });
      assert.deepEqual(settings.export_settings, { destination: [repo], duplicates: 'comment' });
      const test = await call(`/targets/${github.id}/test-export`, 'POST');
      assert.equal(test.status, 'succeeded', JSON.stringify(test));
      assert.match(test.ticket.url, /\/acme\/service-0001\/issues\/\d+$/);

      // Jira Data Center on the demo's ready host: the URL check, then project, then issue type.
      const check = await call('/url-checks', 'POST', {
        provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', base_url: 'https://jira.example.com', ownership_confirmed: true, export_authorized: true,
      });
      assert.equal(check.status, 'passed', JSON.stringify(check));
      const jira = await call('/targets', 'POST', {
        provider: 'jira', edition: 'jira-dc', deployment_mode: 'self-hosted', base_url: 'https://jira.example.com', check_id: check.check_id,
        allowlist_status: 'direct', ownership_confirmed: true, export_authorized: true, auth_method: 'pat', token_type: 'jira_dc_pat', credential: 'jira-demo-pat-0123456789',
      });
      const project = (await call(`/targets/${jira.id}/destinations`, 'POST', {})).items[0];
      const type = (await call(`/targets/${jira.id}/destinations`, 'POST', { parent: { level: 'project', id: project.id } })).items[0];
      await call(`/targets/${jira.id}/export-settings`, 'PUT', {
        destination: [{ level: 'project', id: project.id, name: project.name }, { level: 'issue_type', id: type.id, name: type.name }],
      });
      const jiraTest = await call(`/targets/${jira.id}/test-export`, 'POST');
      assert.equal(jiraTest.status, 'succeeded', JSON.stringify(jiraTest));
      assert.match(jiraTest.ticket.url, /^https:\/\/jira\.example\.com\/browse\//);
      assert.deepEqual((await call(`/targets/${jira.id}`, 'GET')).last_test, jiraTest);
    } finally {
      assert.equal(await demo.stop(), STOPPED_BY_SIGTERM);
      remove();
    }
  });
});
