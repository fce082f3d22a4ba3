export * from './contract/index.js';
export * from './providers/index.js';
export * from './flow/index.js';
export * from './url/index.js';
