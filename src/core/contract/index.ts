export * from './errors.js';
export * from './schemas.js';
export { readTargetRecord } from './records.js';
