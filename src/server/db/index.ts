/** Storage for the reference backend: drivers, migrations and sealed secrets (Node only). */
export { openDatabase, type Database, type OpenDatabaseOptions } from './open.js';
export { openPglite, pgliteDriver, type PgliteInstance, type PgliteOptions } from './pglite.js';
export { openPostgres, type PostgresOptions } from './postgres.js';
export { loadMigrations, migrationsDir } from './migrations.js';
export { isProduction, resolveSecretKeys, type ResolveSecretKeysOptions } from './secret-key.js';
export {
  takeLocks,
  type SqlDriver,
  type SqlParam,
  type SqlRow,
  type SqlSession,
  type SqlTransaction,
  type TransactionOptions,
} from '../../backend/sql/driver.js';
export { migrate, MigrationError, type MigrateResult, type Migration } from '../../backend/sql/migrate.js';
export { resealSecrets, sealedContext, SEALED_TABLES, type ResealResult } from '../../backend/sql/reseal.js';
export {
  createSecretBox,
  decodeSecretKey,
  generateSecretKey,
  secretKeyId,
  SecretBoxError,
  type SealedSecret,
  type SecretBox,
  type SecretBoxKeys,
} from '../../backend/secrets/secret-box.js';
