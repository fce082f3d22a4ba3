export type { Backend, CallOptions, SaveOptions } from './backend.js';
export { BackendError, isBackendError, toBackendError } from './errors.js';
export type { BackendErrorInit } from './errors.js';
export { createHttpBackend, DEFAULT_TIMEOUT_MS, newIdempotencyKey, parseRetryAfter } from './http.js';
export type { HeaderSource, HttpBackendOptions } from './http.js';
