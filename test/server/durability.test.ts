/**
 * A save answered 201 is on disk: the backend process is killed with SIGKILL in the middle
 * of a bounded load of saves over loopback, then started again on the same database. Every
 * acknowledged save must be there, and no row may be half written (a target without its
 * secret, a secret that does not open, an idempotency key without its answer).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TargetRecordSchema } from '../../src/core/contract/index.js';
import { sealedContext } from '../../src/backend/sql/reseal.js';
import { openDatabase } from '../../src/server/db/open.js';
import { freshDataDir, stopTestPostgres } from './fixtures/databases.js';
import { testPostgres } from './fixtures/postgres.js';
import { cloudSave, send, SERVE_CHILD, startServerProcess } from './fixtures/serve-process.js';

after(stopTestPostgres);

const KEY = btoa('d'.repeat(32));
const CLIENTS = 8;
const ACKS_BEFORE_KILL = 120;
const MAX_LOAD_MS = 4000;
const credential = (n: number) => `CANARY-durable-${n}-github_pat_0123456789`;

interface Load {
  acked: Array<{ id: string; n: number }>;
  /** Saves sent whose answer never came (the process died first). */
  unanswered: number[];
}

/** Saves from CLIENTS concurrent clients until enough were answered, then SIGKILL with saves in flight. */
async function saveUntilKilled(env: Record<string, string>): Promise<Load> {
  const server = await startServerProcess(SERVE_CHILD, env);
  const load: Load = { acked: [], unanswered: [] };
  let next = 0;
  let killed = false;
  const started = Date.now();
  const kill = () => {
    if (killed) return;
    killed = true;
    server.child.kill('SIGKILL');
  };
  const client = async () => {
    while (!killed) {
      const n = next++;
      try {
        const answer = await send(`${server.url}/targets`, 'POST', cloudSave(n, credential(n)), { 'idempotency-key': `durable-${n}` });
        assert.equal(answer.status, 201, answer.body);
        load.acked.push({ id: (JSON.parse(answer.body) as { id: string }).id, n });
        if (load.acked.length >= ACKS_BEFORE_KILL || Date.now() - started > MAX_LOAD_MS) kill();
      } catch (error) {
        if (!killed) throw error;
        load.unanswered.push(n);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  assert.equal((await server.exited).signal, 'SIGKILL');
  return load;
}

/** Acknowledged saves the restarted backend cannot find. */
async function countLost(env: Record<string, string>, load: Load): Promise<number> {
  const server = await startServerProcess(SERVE_CHILD, env);
  try {
    let lost = 0;
    for (const { id } of load.acked) {
      const read = await send(`${server.url}/targets/${encodeURIComponent(id)}`, 'GET');
      if (read.status !== 200) lost += 1;
    }
    return lost;
  } finally {
    server.child.kill('SIGTERM');
    assert.equal((await server.exited).code, 0);
  }
}

/**
 * Rows a crash could have left half written, read straight from the database. A save cut
 * off before its answer may or may not have committed; either is fine, if it is whole.
 */
async function countHalfWritten(env: Record<string, string>, load: Load): Promise<{ halfWritten: number; unansweredCommitted: number }> {
  const { db, secrets } = await openDatabase({ env, warn: () => {} });
  try {
    let halfWritten = 0;
    const targets = await db.query<{ id: string; record: unknown; key_id: string | null; ciphertext: Uint8Array | null }>(
      'SELECT t.id, t.record, s.key_id, s.ciphertext FROM pts_targets t LEFT JOIN pts_secrets s ON s.target_id = t.id',
    );
    const byTenant = new Map<string, string>();
    for (const row of targets) {
      const record = TargetRecordSchema.safeParse(row.record);
      if (!record.success || !row.key_id || !row.ciphertext) {
        halfWritten += 1;
        continue;
      }
      byTenant.set(record.data.tenant ?? '', row.id);
      const n = Number(/org-(\d+)$/.exec(record.data.tenant ?? '')?.[1]);
      const opened = await secrets
        .open({ keyId: row.key_id, ciphertext: row.ciphertext }, sealedContext('pts_secrets', row.id))
        .catch(() => undefined);
      if (!opened || (JSON.parse(opened) as { credential?: string }).credential !== credential(n)) halfWritten += 1;
    }
    const [orphans] = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM pts_secrets s WHERE NOT EXISTS (SELECT 1 FROM pts_targets t WHERE t.id = s.target_id)',
    );
    const [unanswered] = await db.query<{ n: number }>('SELECT count(*) AS n FROM pts_idempotency_keys WHERE status IS NULL OR record IS NULL');
    halfWritten += orphans!.n + unanswered!.n;
    const unansweredCommitted = load.unanswered.filter((n) => byTenant.has(`https://github.com/org-${n}`)).length;
    return { halfWritten, unansweredCommitted };
  } finally {
    await db.close();
  }
}

async function runDurability(name: string, env: Record<string, string>) {
  const load = await saveUntilKilled(env);
  const lost = await countLost(env, load);
  const { halfWritten, unansweredCommitted } = await countHalfWritten(env, load);
  console.log(
    `# durability on ${name}: ${load.acked.length} saves acknowledged with 201, ${lost} lost, ${halfWritten} half-written; ` +
      `${load.unanswered.length} in flight at kill -9, ${unansweredCommitted} of them committed whole`,
  );
  assert.ok(load.acked.length > 0, 'the load saved something before the kill');
  assert.equal(lost, 0, 'acknowledged saves lost');
  assert.equal(halfWritten, 0, 'half-written rows');
}

describe('durability: kill -9 under load, then restart', () => {
  it('PGlite in a data folder loses no acknowledged save and leaves no half-written row', async () => {
    const { dataDir, remove } = await freshDataDir();
    try {
      await runDurability('PGlite', { PTS_DATA_DIR: join(dataDir, '..'), PTS_SECRET_KEY: KEY, PTS_TEST_MAX_TARGETS: '100000' });
    } finally {
      remove();
    }
  });

  it('PostgreSQL loses no acknowledged save and leaves no half-written row', async (t) => {
    const { server, skip } = await testPostgres();
    if (skip) return t.skip(skip);
    await runDurability('PostgreSQL', { DATABASE_URL: await server!.createDatabase(), PTS_SECRET_KEY: KEY, PTS_TEST_MAX_TARGETS: '100000' });
  });
});
