export * from './errors.js';
export * from './schemas.js';
export * from './export.js';
export { readTargetRecord } from './records.js';
