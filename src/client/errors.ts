import type { ErrorBody, ErrorCode } from '../core/contract/index.js';
import { RETRYABLE_CODES } from '../core/contract/index.js';

export interface BackendErrorInit {
  status?: number;
  /** The backend's error body, only when it matched the contract. */
  body?: ErrorBody;
  /** Seconds to wait before retrying (429 or an error body's `retry_after`). */
  retryAfter?: number;
}

/**
 * The one error every backend call rejects with. Its message is either the
 * backend's own (contract-checked) message or a fixed text of ours; it never
 * quotes a request body, since the save request carries a credential.
 */
export class BackendError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly body?: ErrorBody;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, init: BackendErrorInit = {}) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.body !== undefined) this.body = init.body;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
  }

  /** Whether repeating the same request may succeed. */
  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }
}

/** True for a BackendError, also one made by another copy of this module on the page. */
export function isBackendError(error: unknown): error is BackendError {
  if (error instanceof BackendError) return true;
  return (
    error instanceof Error &&
    error.name === 'BackendError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Turns whatever a host-supplied `backend` threw into a BackendError. Foreign
 * messages are not kept: they could echo anything, including a request body.
 */
export function toBackendError(error: unknown): BackendError {
  if (isBackendError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new BackendError('REQUEST_ABORTED', 'The request was cancelled.');
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new BackendError('REQUEST_TIMEOUT', 'The backend did not answer in time.');
  }
  return new BackendError('BACKEND_UNAVAILABLE', 'The backend could not be reached.');
}
