/**
 * Where sealed secrets live in the SQL schema, and the key rotation over them: every value
 * not sealed under the current key is opened with its old key and sealed again.
 */
import type { SecretBox } from '../secrets/secret-box.js';
import type { SqlDriver } from './driver.js';

/** A table of sealed values: each row's id is also the context its value is sealed for. */
export interface SealedTable {
  table: string;
  idColumn: string;
  /** Context prefix: a value of row `x` is sealed for `${context}:${x}`. */
  context: string;
}

export const SEALED_TABLES = [
  { table: 'pts_secrets', idColumn: 'target_id', context: 'target' },
  { table: 'pts_grants', idColumn: 'authorization_id', context: 'grant' },
] as const satisfies readonly SealedTable[];

export type SealedTableName = (typeof SEALED_TABLES)[number]['table'];

/** The context a row's value is sealed for, so it opens only in that row. */
export function sealedContext(table: SealedTableName, id: string): string {
  const entry = SEALED_TABLES.find((t) => t.table === table)!;
  return `${entry.context}:${id}`;
}

export interface ResealResult {
  /** Rows sealed again, per table. */
  resealed: Record<SealedTableName, number>;
}

/**
 * Seals every value again under the box's current key, in batches of `batchSize` rows per
 * transaction, each row locked while it changes. Safe while the backend runs: rows written
 * meanwhile are already under the current key, and readers open old rows with the previous
 * key until their turn comes. Fails on the first row whose key the box does not hold,
 * leaving earlier batches done; running it again continues.
 */
export async function resealSecrets(db: SqlDriver, box: SecretBox, { batchSize = 100 } = {}): Promise<ResealResult> {
  const resealed = {} as Record<SealedTableName, number>;
  for (const { table, idColumn } of SEALED_TABLES) {
    resealed[table] = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string; key_id: string; ciphertext: Uint8Array }>(
          `SELECT ${idColumn} AS id, key_id, ciphertext FROM ${table}
           WHERE key_id <> $1 ORDER BY ${idColumn} LIMIT $2 FOR UPDATE`,
          [box.currentKeyId, batchSize],
        );
        for (const row of rows) {
          const context = sealedContext(table, row.id);
          const plaintext = await box.open({ keyId: row.key_id, ciphertext: row.ciphertext }, context);
          const sealed = await box.seal(plaintext, context);
          await tx.query(`UPDATE ${table} SET key_id = $1, ciphertext = $2 WHERE ${idColumn} = $3`, [
            sealed.keyId,
            sealed.ciphertext,
            row.id,
          ]);
        }
        return rows.length;
      });
      resealed[table] += done;
      if (done < batchSize) break;
    }
  }
  return { resealed };
}
