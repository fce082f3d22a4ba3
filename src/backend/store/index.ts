export type * from './types.js';
export { createMemoryStore, MEMORY_STORE_DEFAULTS, type MemoryStoreOptions } from './memory.js';
export { createSqlStore, createSqlRateLimiter, sqlRateLimiters, type SqlRateLimiterOptions, type SqlStoreOptions } from './sql/index.js';
