/**
 * OAuth and app install: the backend's authorisation start, the popup it
 * opens and the one message that ends it. A start whose popup the browser
 * blocked is kept and reopened on the next click, inside that click.
 */
import type { ErrorCode } from '../../../core/contract/errors.js';
import type { AuthStartRequest, AuthStartResponse } from '../../../core/contract/schemas.js';
import { selectedProvider } from '../../../core/flow/phases.js';
import { isGrantKind } from '../../../core/providers/types.js';
import { BackendCall } from '../backend-call.js';
import { AuthPopup, startExpired } from '../oauth-popup.js';
import type { Later } from './later.js';

export class AuthorisationController {
  readonly #later: Later;
  readonly #start: BackendCall<[AuthStartRequest], AuthStartResponse>;
  #popup: AuthPopup | undefined;
  /** An authorisation start whose popup the browser blocked; reopened on the next click. */
  #blockedStart: AuthStartResponse | undefined;
  /** The last grant failed because the customer said no at the provider (not because a window was closed). */
  denied = false;

  constructor(later: Later) {
    this.#later = later;
    const setup = later.setup;
    this.#start = new BackendCall(setup.host, setup, {
      run: (backend, [request], signal) => backend.startAuth(request, { signal }),
      current: () => this.#pending(),
      announce: () => null,
      done: (start) => this.#open(start),
      failed: (error) => this.#failed(error.code, false, true),
    });
  }

  #pending(): boolean {
    const f = this.#later.setup.state;
    return f.phase === 'auth' && f.authorization.status === 'pending';
  }

  /** "Connect with <provider>": asks the backend for an authorisation URL and opens it. */
  connect(): void {
    const setup = this.#later.setup;
    const f = setup.state;
    if (f.phase !== 'auth' || !f.method || !isGrantKind(f.method) || f.authorization.status === 'pending') return;
    const reuse = this.#blockedStart;
    this.#blockedStart = undefined;
    this.denied = false;
    setup.send({ type: 'authorization-started' });
    // A start whose popup was blocked is reopened right here, inside the click, so the browser allows it.
    if (reuse && !startExpired(reuse)) {
      this.#open(reuse);
      return;
    }
    if (!setup.hasBackend()) {
      this.#failed('BACKEND_UNAVAILABLE');
      return;
    }
    const site = f.site;
    this.#start.run({
      provider: f.provider.id,
      edition: f.edition.id,
      auth_method: f.method.id,
      return_origin: location.origin,
      ...(site.tenant ? { tenant: site.tenant } : {}),
      ...(site.kind === 'checked' ? { base_url: site.check.url, check_id: site.check.checkId } : {}),
    });
  }

  /** The credential step was left: the window closes and nothing it says counts any more. */
  reset(): void {
    this.denied = false;
    this.close();
    this.#blockedStart = undefined;
    this.#start.abort();
  }

  close(): void {
    this.#popup?.dispose();
    this.#popup = undefined;
  }

  #open(start: AuthStartResponse): void {
    const setup = this.#later.setup;
    this.close();
    const popup = new AuthPopup({
      start,
      onResult: (outcome) => {
        if (this.#popup !== popup) return;
        this.#popup = undefined;
        if (!this.#pending()) return;
        if (outcome.status === 'authorized') {
          setup.send({ type: 'authorization-completed', authorizationId: outcome.authorizationId });
          setup.announce(setup.say('auth.connected', { provider: selectedProvider(setup.state)?.label ?? '' }));
          // The Connect button gives way to the connected notice: Save is what comes next.
          if (setup.state.phase === 'auth') setup.focus.request('save');
        } else {
          this.#failed(outcome.code, outcome.reason === 'denied');
        }
      },
    });
    if (!popup.usable) {
      this.#failed('MALFORMED_RESPONSE');
      return;
    }
    if (!popup.open()) {
      this.#blockedStart = start;
      this.#failed('AUTH_POPUP_BLOCKED');
      return;
    }
    this.#popup = popup;
  }

  /** `logged`: the backend call has recorded it already. */
  #failed(code: ErrorCode, denied = false, logged = false): void {
    const later = this.#later;
    const setup = later.setup;
    const before = setup.state;
    const next = setup.send({ type: 'authorization-failed', error: { code } });
    this.denied = denied && code === 'AUTH_CANCELLED';
    if (!logged) setup.log(code);
    later.blocked(code, undefined, before);
    if (code !== 'REQUEST_ABORTED') setup.announce(this.errorText(code), true);
    // Back to the Connect button for another try.
    if (next.phase === 'auth') setup.focus.request('connect');
  }

  errorText(code: ErrorCode): string {
    const setup = this.#later.setup;
    if (code === 'AUTH_CANCELLED' && this.denied) {
      return setup.say('root.authDenied', { provider: selectedProvider(setup.state)?.label ?? '' });
    }
    return setup.errorText(code);
  }
}
