export type * from './types.js';
export { createMemoryStore, MEMORY_STORE_DEFAULTS, type MemoryStoreOptions } from './memory.js';
