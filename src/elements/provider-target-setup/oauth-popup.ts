/**
 * The authorisation window of OAuth and app-install methods. The backend's
 * callback page posts `{type: 'pts-auth-result', state, status,
 * authorization_id}` to its opener; the token itself stays with the backend,
 * so nothing the host page can read ever holds one.
 *
 * A message counts only when it comes from the popup we opened, from exactly
 * the origin the backend named, parses with the contract schema and echoes the
 * `state` of this start. Everything else is ignored silently.
 */
import type { ErrorCode } from '../../core/contract/errors.js';
import { AuthResultMessageSchema, type AuthStartResponse } from '../../core/contract/schemas.js';
import { safeHref } from '../base/links.js';

/**
 * How an authorisation ended without a grant. `denied` and `closed` share the
 * code `AUTH_CANCELLED` but not their words: a customer who said no at the
 * provider needs to hear that, not that a window was closed.
 */
export type PopupFailure = 'denied' | 'closed' | 'error';

export type PopupOutcome =
  | { readonly status: 'authorized'; readonly authorizationId: string }
  | { readonly status: 'failed'; readonly code: ErrorCode; readonly reason: PopupFailure };

export interface AuthPopupOptions {
  /** The backend's answer to `/auth/start`. */
  readonly start: AuthStartResponse;
  /** Called once, with the result, or with `AUTH_CANCELLED` (reason `closed`) when the window closed first. */
  readonly onResult: (outcome: PopupOutcome) => void;
  /** The window that opens the popup and receives its message. */
  readonly window?: Window;
  /** How often to look whether the popup was closed, in milliseconds. */
  readonly pollMs?: number;
}

/** Window name: a second attempt reuses the same window instead of stacking popups. */
const POPUP_NAME = 'pts-authorization';
const POLL_MS = 400;

/** The exact origin of an absolute http(s) URL, or `null`. */
export function exactOrigin(url: string): string | null {
  const href = safeHref(url);
  if (!href) return null;
  const origin = new URL(href).origin;
  return origin === 'null' ? null : origin;
}

function features(win: Window): string {
  const width = 600;
  const height = 720;
  const left = Math.max(0, Math.round(win.screenX + (win.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(win.screenY + (win.outerHeight - height) / 2));
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/** Whether the start is past its `expires_at` (a popup opened from it would fail anyway). */
export function startExpired(start: AuthStartResponse, now = Date.now()): boolean {
  const at = Date.parse(start.expires_at);
  return Number.isNaN(at) || at <= now;
}

export class AuthPopup {
  readonly #start: AuthStartResponse;
  readonly #origin: string | null;
  readonly #url: string | undefined;
  readonly #onResult: (outcome: PopupOutcome) => void;
  readonly #win: Window;
  readonly #pollMs: number;
  #popup: Window | null = null;
  #poll: ReturnType<typeof setInterval> | undefined;
  #grace: ReturnType<typeof setTimeout> | undefined;
  #done = false;

  constructor(options: AuthPopupOptions) {
    this.#start = options.start;
    this.#origin = exactOrigin(options.start.result_origin);
    this.#url = safeHref(options.start.authorization_url);
    this.#onResult = options.onResult;
    this.#win = options.window ?? window;
    this.#pollMs = options.pollMs ?? POLL_MS;
  }

  /** Whether the backend's answer can be used at all (http(s) URL, a real result origin). */
  get usable(): boolean {
    return this.#origin !== null && this.#url !== undefined;
  }

  /**
   * Opens the window. Call it from a user gesture where possible. Returns
   * `false` when the browser blocked the popup; nothing is listened to then.
   */
  open(): boolean {
    if (!this.usable || this.#done) return false;
    const popup = this.#win.open(this.#url, POPUP_NAME, features(this.#win));
    if (!popup) return false;
    this.#popup = popup;
    this.#win.addEventListener('message', this.#onMessage);
    this.#poll = setInterval(this.#check, this.#pollMs);
    try {
      popup.focus();
    } catch {
      /* a cross-origin window may refuse focus() */
    }
    return true;
  }

  /** Stops listening and closes the window, without reporting anything. */
  dispose(): void {
    this.#finish();
    try {
      this.#popup?.close();
    } catch {
      /* already gone */
    }
    this.#popup = null;
  }

  #finish(): void {
    this.#done = true;
    clearInterval(this.#poll);
    clearTimeout(this.#grace);
    this.#win.removeEventListener('message', this.#onMessage);
  }

  #report(outcome: PopupOutcome): void {
    if (this.#done) return;
    this.#finish();
    this.#onResult(outcome);
  }

  readonly #onMessage = (event: MessageEvent): void => {
    // Exact origin and the very window we opened; never '*', never a prefix match.
    if (this.#done || this.#origin === null || event.origin !== this.#origin) return;
    if (this.#popup === null || event.source !== this.#popup) return;
    const parsed = AuthResultMessageSchema.safeParse(event.data);
    if (!parsed.success || parsed.data.state !== this.#start.state) return;
    const message = parsed.data;
    const popup = this.#popup;
    if (message.status === 'authorized') {
      // "Authorized" without an id is no grant: keep waiting for a real answer.
      if (!message.authorization_id) return;
      this.#report({ status: 'authorized', authorizationId: message.authorization_id });
    } else {
      this.#report({ status: 'failed', code: message.code ?? 'AUTH_CANCELLED', reason: message.status });
    }
    try {
      popup.close();
    } catch {
      /* the callback page may have closed itself */
    }
  };

  readonly #check = (): void => {
    if (this.#done || !this.#popup || this.#grace !== undefined) return;
    let closed: boolean;
    try {
      closed = this.#popup.closed;
    } catch {
      closed = false;
    }
    // The callback page posts and then closes itself: give its message a moment to arrive.
    if (closed) this.#grace = setTimeout(() => this.#report({ status: 'failed', code: 'AUTH_CANCELLED', reason: 'closed' }), this.#pollMs);
  };
}
