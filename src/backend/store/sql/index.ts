/**
 * The `TargetStore` over SQL: PostgreSQL through the tiny driver interface,
 * so one store runs on the embedded PGlite and on a PostgreSQL server, in
 * one process or in many. No Node in here; the drivers live in src/server/db.
 *
 * Each method is one statement or one transaction, and every decision that
 * must hold across instances is a constraint, a conditional update or a lock
 * in the database (see src/backend/sql/README.md). Secrets are sealed with
 * the secret box before they reach SQL and written in the transaction that
 * writes their record.
 *
 * To add a method: write it in the file of its table (or a new one) as a
 * function of `SqlStoreContext`, and list it below. A new column for a
 * constraint comes with a new migration; anything else rides in `record`.
 */
import type { SecretBox } from '../../secrets/secret-box.js';
import type { SqlDriver } from '../../sql/driver.js';
import type { TargetStore } from '../types.js';
import * as authorizations from './authorizations.js';
import * as checks from './checks.js';
import { getIdempotentAnswer } from './idempotency.js';
import { createRecordReader } from './records.js';
import type { SqlStoreContext } from './shared.js';
import * as targets from './targets.js';

export { createSqlRateLimiter, sqlRateLimiters, type SqlRateLimiterOptions } from './rate-limit.js';
export { TARGETS_LOCK } from './targets.js';

export interface SqlStoreOptions {
  /** A driver whose database the shipped migrations have been applied to. */
  db: SqlDriver;
  /** Seals credentials and grants; holds the previous keys during a rotation. */
  secrets: SecretBox;
}

/** Every table the store writes, for `clear`. */
export const STORE_TABLES = [
  'pts_targets',
  'pts_secrets',
  'pts_url_checks',
  'pts_authorizations',
  'pts_grants',
  'pts_idempotency_keys',
  'pts_rate_limits',
] as const;

export function createSqlStore(options: SqlStoreOptions): TargetStore {
  const ctx: SqlStoreContext = { db: options.db, secrets: options.secrets, records: createRecordReader() };
  const { db } = ctx;
  return {
    getTarget: (id) => targets.getTarget(ctx, id),
    listTargets: ({ limit }) => targets.listTargets(ctx, limit),
    createTarget: (input) => targets.createTarget(ctx, input),
    reconnectTarget: (input) => targets.reconnectTarget(ctx, input),
    revokeTarget: (input) => targets.revokeTarget(ctx, input),
    saveExportSettings: (input) => targets.updateTarget(ctx, input),
    recordTestResult: (input) => targets.updateTarget(ctx, input),
    importTarget: ({ record, uniqueKey }) => targets.importTarget(ctx, record, uniqueKey),
    getSecret: (targetId) => targets.getSecret(ctx, targetId),

    saveCheck: (check) => checks.saveCheck(ctx, check),
    getCheck: (id) => checks.getCheck(db, id),

    saveAuthorization: (authorization) => authorizations.saveAuthorization(ctx, authorization),
    getAuthorization: (id) => authorizations.getAuthorization(db, id),
    getAuthorizationByState: (state) => authorizations.getAuthorizationByState(db, state),
    completeAuthorization: (input) => authorizations.completeAuthorization(ctx, input),
    getGrant: (authorizationId) => authorizations.getGrant(ctx, authorizationId),

    getIdempotentAnswer: (key, now) => getIdempotentAnswer(db, key, now),

    async clear() {
      await db.transaction((tx) => tx.exec(`TRUNCATE ${STORE_TABLES.join(', ')}`));
    },
  };
}
