import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { openPglite } from '../../src/server/db/pglite.js';
import { freshDataDir } from './fixtures/databases.js';

const WRITER = new URL('./fixtures/pglite-writer.ts', import.meta.url).pathname;

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('PGlite data folder', () => {
  it('holds a lock file while open and removes it on close', async () => {
    const { dataDir, remove } = await freshDataDir();
    try {
      const db = await openPglite({ dataDir });
      assert.equal(readFileSync(`${dataDir}.lock`, 'utf8').trim(), String(process.pid));
      await db.close();
      assert.equal(existsSync(`${dataDir}.lock`), false);
    } finally {
      remove();
    }
  });

  it('refuses a second open of a folder this process holds', async () => {
    const { dataDir, remove } = await freshDataDir();
    try {
      const db = await openPglite({ dataDir });
      try {
        await assert.rejects(openPglite({ dataDir }), /already open in this process/);
      } finally {
        await db.close();
      }
      // Closed: it opens again.
      await (await openPglite({ dataDir })).close();
    } finally {
      remove();
    }
  });

  it('refuses a folder another live process holds', async () => {
    const { dataDir, remove } = await freshDataDir();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(`${dataDir}.lock`, `${holder.pid}\n`);
      await assert.rejects(openPglite({ dataDir }), new RegExp(`in use by process ${holder.pid}`));
      assert.equal(readFileSync(`${dataDir}.lock`, 'utf8').trim(), String(holder.pid), 'the holder keeps its lock');
    } finally {
      holder.kill();
      remove();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const { dataDir, remove } = await freshDataDir();
    try {
      writeFileSync(`${dataDir}.lock`, `${deadPid()}\n`);
      const db = await openPglite({ dataDir });
      assert.equal(readFileSync(`${dataDir}.lock`, 'utf8').trim(), String(process.pid));
      await db.close();
    } finally {
      remove();
    }
  });

  it('keeps every committed row when its process is killed with SIGKILL', async () => {
    const { dataDir, remove } = await freshDataDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let acked = 0;
      for await (const line of createInterface({ input: child.stdout! })) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked = Number(match[1]);
        if (acked >= 40) {
          child.kill('SIGKILL');
          break;
        }
      }
      await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(child.signalCode, 'SIGKILL');

      // The killed process left its lock behind; opening takes it over.
      const db = await openPglite({ dataDir });
      try {
        const rows = await db.query<{ n: number; payload: string }>('SELECT n, payload FROM acked ORDER BY n');
        const numbers = rows.map((r) => r.n);
        assert.ok(rows.length >= acked, `${acked} acknowledged, ${rows.length} found`);
        assert.deepEqual(numbers.slice(0, acked), Array.from({ length: acked }, (_, i) => i + 1));
        assert.ok(rows.every((r) => r.payload === `row ${r.n} `.repeat(50)), 'no half-written row');
      } finally {
        await db.close();
      }
    } finally {
      remove();
    }
  });
});
