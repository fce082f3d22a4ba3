#!/usr/bin/env node
/**
 * `npm run rotate-key`: seals every stored credential and grant again under PTS_SECRET_KEY.
 *
 * 1. Set the new key as PTS_SECRET_KEY and the old one in PTS_SECRET_KEY_PREVIOUS on every
 *    instance, and restart them: they seal under the new key and still open old rows.
 * 2. Run this with the same environment. It works in batches while the backend serves
 *    (PostgreSQL); the embedded database is one process's, so stop the backend first there.
 * 3. Once it reports done, drop PTS_SECRET_KEY_PREVIOUS.
 *
 * Options: --batch-size N (rows per transaction, default 100).
 */
import { parseArgs } from 'node:util';
import { resealSecrets } from '../../backend/sql/reseal.js';
import { openDatabase } from '../db/open.js';

const { values } = parseArgs({ options: { 'batch-size': { type: 'string', default: '100' } } });
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch-size must be a whole number of rows, at least 1.');
  process.exit(2);
}

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({ warn: (message) => console.error(`warning: ${message}`) });
} catch (error) {
  console.error(`rotate-key: cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
try {
  const { resealed } = await resealSecrets(database.db, database.secrets, { batchSize });
  const total = Object.values(resealed).reduce((a, b) => a + b, 0);
  const detail = Object.entries(resealed)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  console.log(`rotate-key: ${total} row(s) sealed again under key ${database.secrets.currentKeyId} (${detail})`);
} catch (error) {
  console.error(`rotate-key: stopped: ${error instanceof Error ? error.message : String(error)}; rows done so far stay done, run it again to continue.`);
  process.exitCode = 1;
} finally {
  await database.db.close();
}
