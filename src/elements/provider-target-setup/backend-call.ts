/**
 * One lifecycle for every backend call of the root, on lit's `Task`: a new run
 * aborts the one before and only the latest run's answer is delivered; the
 * answer is dropped when the flow has moved on meanwhile; any failure becomes
 * one typed `BackendError`, is logged for support details and announced.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Backend } from '../../client/backend.js';
import { BackendError, toBackendError } from '../../client/errors.js';
import type { ErrorCode } from '../../core/contract/errors.js';

/** What a call needs from the element that owns it. */
export interface CallOwner {
  /** The backend to call; the HTTP client may still be loading. */
  backend(): Promise<Backend | undefined>;
  /** Records a failure for support details (never an aborted call). */
  log(code: ErrorCode): void;
  /** Says a result in a live region; `urgent` is assertive. */
  announce(text: string, urgent?: boolean): void;
  errorText(code: ErrorCode): string;
}

export interface CallSpec<A extends readonly unknown[], R> {
  run(backend: Backend, args: A, signal: AbortSignal): Promise<R>;
  /** Whether an answer for `args` is still wanted when it arrives; checked before `done` and `failed`. */
  current?(args: A): boolean;
  done(result: R, args: A): void;
  /** After the failure was logged; an aborted call arrives here too, with `REQUEST_ABORTED`. */
  failed?(error: BackendError, args: A): void;
  /** What to say about a failure (default: the code's text, assertively); `null` says nothing. */
  announce?(error: BackendError, args: A): string | null;
}

export class BackendCall<A extends readonly unknown[], R> {
  readonly #task: Task<A, R>;
  #args: A | undefined;

  constructor(host: ReactiveControllerHost, owner: CallOwner, spec: CallSpec<A, R>) {
    this.#task = new Task<A, R>(host, {
      autoRun: false,
      task: async (args, { signal }) => {
        const backend = await owner.backend();
        if (!backend) throw new BackendError('BACKEND_UNAVAILABLE', 'No backend is configured.');
        return spec.run(backend, args, signal);
      },
      onComplete: (result) => {
        const args = this.#args as A;
        if (spec.current?.(args) === false) return;
        spec.done(result, args);
      },
      onError: (raw) => {
        const args = this.#args as A;
        if (spec.current?.(args) === false) return;
        const error = toBackendError(raw);
        if (error.code !== 'REQUEST_ABORTED') {
          owner.log(error.code);
          const text = spec.announce ? spec.announce(error, args) : owner.errorText(error.code);
          if (text) owner.announce(text, true);
        }
        spec.failed?.(error, args);
      },
    });
  }

  /** Starts the call; one still in flight is aborted and its answer ignored. */
  run(...args: A): void {
    this.#args = args;
    void this.#task.run(args);
  }

  /** Aborts the call in flight, if any. */
  abort(): void {
    this.#task.abort();
  }

  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }
}
