/**
 * The root's flow: one immutable `FlowState`, replaced on every change, and
 * the one `send` that changes it; the public `step-change` event; `/status`
 * and an opened target; the support log and the live-region announcements.
 * Everything past the integration status (the transition table, the later
 * steps and their backend calls) arrives with the later chunk (`lazy.ts`), so
 * the first screen does not wait for it.
 */
import type { ReactiveController } from 'lit';
import type { Backend } from '../../client/backend.js';
import type { HeaderSource } from '../../client/http.js';
import type { ErrorCode } from '../../core/contract/errors.js';
import type { StatusResponse, TargetRecord, UrlCheckEntry } from '../../core/contract/schemas.js';
import { currentStep, initialState, withStatus } from '../../core/flow/phases.js';
import type { FlowEvent, FlowState } from '../../core/flow/types.js';
import { loadProvider, loadedProvider } from '../../core/providers/load.js';
import type { DocOverrides, Provider } from '../../core/providers/types.js';
import type { PtsElement } from '../base/pts-element.js';
import { sayFor, type Say } from '../base/say.js';
import { firstEnglish } from '../messages/en-first.js';
import type { PtsErrorView } from '../base/view.js';
import { BackendCall, type CallOwner } from './backend-call.js';
import { StepChangeEvent } from './events.js';
import type { FocusController } from './focus-controller.js';
import { loadLater, type LaterModule } from './lazy.js';
import type { LoggedError } from './support.js';

const MAX_LOGGED_ERRORS = 10;

/** The root element as the controller sees it: its public properties. */
export interface SetupHost extends PtsElement {
  backend: Backend | undefined;
  endpoint: string;
  headers: HeaderSource | undefined;
  credentials: RequestCredentials | undefined;
  timeout: number | undefined;
  provider: string;
  targetId: string;
  docLinks: DocOverrides | undefined;
  exportSetup: string;
}

/** The later steps once loaded: the transition table and what follows a change. */
export type Later = ReturnType<typeof LaterModule.createLater>;

export class SetupController implements ReactiveController, CallOwner {
  readonly host: SetupHost;
  readonly focus: FocusController;
  /** The root's words; every word once the later steps have loaded. */
  say: Say;

  state: FlowState = initialState();
  targets: readonly TargetRecord[] = [];
  portable: StatusResponse['portable_export'] | null = null;
  /** Saved targets the backend left out of `/status`. */
  omitted = 0;
  statusLoading = false;
  statusError: PtsErrorView | null = null;
  openingTarget = false;
  targetError: PtsErrorView | null = null;
  /** A customer action waits for the later chunk or a provider's detail. */
  waiting = 0;
  /** Past the first render and the provider preselection. */
  started = false;

  /** The polite and assertive live regions; the keys re-create the text so it is spoken again. */
  polite = '';
  politeKey = 0;
  assertive = '';
  assertiveKey = 0;

  /** Errors seen in this session, for support details. */
  errors: readonly LoggedError[] = [];
  /** The last server check answer, for support details. */
  lastChecks: readonly UrlCheckEntry[] | undefined;

  later: Later | undefined;
  #batch: { step: ReturnType<typeof currentStep> } | null = null;
  #httpBackend: Promise<Backend> | undefined;
  #openedTargetId = '';

  readonly #status: BackendCall<[], StatusResponse>;
  readonly #target: BackendCall<[string], TargetRecord>;

  constructor(host: SetupHost, focus: FocusController) {
    this.host = host;
    this.focus = focus;
    this.say = sayFor(host, firstEnglish);
    host.addController(this);
    this.#status = new BackendCall(host, this, {
      run: (backend, _args, signal) => backend.getStatus({ signal }),
      done: (status) => this.applyStatus(status),
      announce: () => null,
      failed: (error) => {
        this.statusLoading = false;
        if (error.code === 'REQUEST_ABORTED') return;
        this.statusError = { code: error.code };
        this.announce(`${this.say('status.loadFailed')} ${this.errorText(error.code)}`);
      },
    });
    this.#target = new BackendCall(host, this, {
      run: (backend, [id], signal) => backend.getTarget(id, { signal }),
      done: (target) => {
        this.openingTarget = false;
        this.upsert(target);
        void this.openTarget(target);
      },
      announce: (error) => this.errorText(error.code),
      failed: (error) => {
        this.openingTarget = false;
        if (error.code === 'REQUEST_ABORTED') this.#openedTargetId = '';
        else this.targetError = { code: error.code };
      },
    });
  }

  hostDisconnected(): void {
    // Every call in flight is dropped; its failure lands in the state as REQUEST_ABORTED.
    this.#status.abort();
    this.#target.abort();
  }

  // ------------------------------------------------------------------ backend

  /** Whether there is a backend to ask: the `backend` property, or an `endpoint` for the HTTP client. */
  hasBackend(): boolean {
    return !!this.host.backend || !!this.host.endpoint;
  }

  /**
   * The backend: the host's, or the HTTP client over `endpoint`. The client
   * (fetch, timeouts and the contract's schemas) is its own chunk, loaded by
   * the first call, which starts before the first render is done.
   */
  backend(): Promise<Backend | undefined> {
    const host = this.host;
    if (host.backend) return Promise.resolve(host.backend);
    if (!host.endpoint) return Promise.resolve(undefined);
    const options = {
      endpoint: host.endpoint,
      ...(host.headers ? { headers: host.headers } : {}),
      ...(host.credentials ? { credentials: host.credentials } : {}),
      ...(host.timeout !== undefined && Number.isFinite(host.timeout) ? { timeoutMs: host.timeout } : {}),
    };
    const created = (this.#httpBackend ??= import('../../client/http.js').then(({ createHttpBackend }) => createHttpBackend(options)));
    // A client that could not load is loaded again by the next call.
    created.catch(() => {
      if (this.#httpBackend === created) this.#httpBackend = undefined;
    });
    return created;
  }

  /** The backend settings changed: the next call builds a new HTTP backend. */
  backendChanged(): void {
    this.#httpBackend = undefined;
  }

  log(code: ErrorCode): void {
    if (code === 'REQUEST_ABORTED') return;
    this.errors = [...this.errors, { code, at: new Date().toISOString() }].slice(-MAX_LOGGED_ERRORS);
  }

  announce(text: string, urgent = false): void {
    if (urgent) {
      this.assertiveKey++;
      this.assertive = text;
    } else {
      this.politeKey++;
      this.polite = text;
    }
    this.host.requestUpdate();
  }

  errorText(code: ErrorCode): string {
    return this.say(`error.${code}`);
  }

  // ------------------------------------------------------------------ the flow

  /**
   * Applies one flow event and what follows from it: the later steps react to
   * the new phase (drafts and notices reset, the backend call it needs), the
   * step-change event fires and focus moves. Before the later chunk has
   * loaded, only `/status` arriving applies at once; anything else waits for it.
   */
  send(event: FlowEvent): FlowState {
    const later = this.later;
    if (event.type === 'status-loaded') return this.#replace(withStatus(this.state, event));
    if (!later) {
      void this.ready().then(() => this.send(event), () => undefined);
      return this.state;
    }
    const before = this.state;
    const next = later.transition(before, event);
    if (next === before) return next;
    this.focus.noteFocus();
    this.#replace(next);
    const from = currentStep(before);
    const to = currentStep(next);
    if (this.#batch === null && from !== to) this.host.dispatchEvent(new StepChangeEvent({ step: to, previous: from }));
    if (from !== to) this.focus.request('heading');
    else if (before.phase !== next.phase) this.focus.request('auto');
    later.changed(before, next);
    return this.state;
  }

  /** Several events as one customer action: one step-change event at most. */
  batched(run: () => void): void {
    const outer = this.#batch === null;
    if (outer) this.#batch = { step: currentStep(this.state) };
    try {
      run();
    } finally {
      if (outer) {
        const from = this.#batch?.step;
        this.#batch = null;
        const to = currentStep(this.state);
        if (from && from !== to) this.host.dispatchEvent(new StepChangeEvent({ step: to, previous: from }));
      }
    }
  }

  #replace(next: FlowState): FlowState {
    this.state = next;
    this.host.requestUpdate();
    return next;
  }

  /**
   * The later chunk (and a provider's detail when `providerId` is given),
   * loading them if needed. While a customer waits for them the element is
   * busy; a chunk that cannot load is told like an unreachable service.
   */
  async ready(providerId?: string): Promise<Provider | undefined> {
    const haveLater = this.later !== undefined;
    const haveProvider = !providerId || loadedProvider(providerId) !== undefined;
    if (!haveLater || !haveProvider) {
      this.waiting++;
      this.host.requestUpdate();
    }
    try {
      const [module, provider] = await Promise.all([haveLater ? undefined : loadLater(), providerId ? loadProvider(providerId) : undefined]);
      if (module && !this.later) {
        this.say = sayFor(this.host, module.english);
        this.later = module.createLater(this);
      }
      return provider;
    } catch (error) {
      this.targetError = { code: 'BACKEND_UNAVAILABLE' };
      this.announce(this.errorText('BACKEND_UNAVAILABLE'), true);
      throw error;
    } finally {
      if (!haveLater || !haveProvider) {
        this.waiting--;
        this.host.requestUpdate();
      }
    }
  }

  /** First update: the preselected provider (the flow then opens at its deployment mode) and `/status`. */
  start(): void {
    const id = this.host.provider;
    if (!id) {
      this.started = true;
      return;
    }
    void this.ready(id).then(
      (provider) => {
        this.started = true;
        if (provider && this.state.phase === 'status') {
          // The state the flow starts in: no step change, nothing to announce.
          this.#replace(this.later!.start(this.state, provider));
        }
        this.openRequestedTarget();
      },
      () => (this.started = true),
    );
  }

  /** Add, from the integration status or a changed `provider` property. */
  chooseProvider(id: string): void {
    void this.ready(id).then((provider) => {
      if (provider && (this.state.phase === 'status' || this.state.phase === 'edition')) this.send({ type: 'select-provider', provider });
    }, () => undefined);
  }

  // ------------------------------------------------------------------ status and saved targets

  loadStatus(): void {
    if (!this.hasBackend()) {
      this.statusLoading = false;
      return;
    }
    this.statusLoading = true;
    this.statusError = null;
    this.#status.run();
  }

  /** A `/status` answer: the list, portable export and the surroundings the flow keeps. */
  applyStatus(status: StatusResponse): void {
    this.statusLoading = false;
    this.targets = status.targets;
    this.portable = status.portable_export;
    this.omitted = status.omitted ?? 0;
    this.send({
      type: 'status-loaded',
      portableExportAvailable: status.portable_export.available,
      egressAddresses: status.egress_addresses,
    });
    this.openRequestedTarget();
  }

  upsert(target: TargetRecord): void {
    const at = this.targets.findIndex((t) => t.id === target.id);
    this.targets = at < 0 ? [...this.targets, target] : this.targets.map((t, i) => (i === at ? target : t));
    this.host.requestUpdate();
  }

  /** Opens the target named by `target-id` once `/status` is in, fetching it when the list does not hold it. */
  openRequestedTarget(): void {
    const id = this.host.targetId;
    if (!id || id === this.#openedTargetId || this.state.phase !== 'status' || this.statusLoading || !this.started) return;
    this.#openedTargetId = id;
    const known = this.targets.find((t) => t.id === id);
    if (known) {
      void this.openTarget(known);
      return;
    }
    if (!this.hasBackend()) return;
    this.openingTarget = true;
    this.targetError = null;
    this.#target.run(id);
  }

  retryTarget(): void {
    this.#openedTargetId = '';
    this.targetError = null;
    if (this.statusError || this.targets.length === 0) this.loadStatus();
    else this.openRequestedTarget();
  }

  /** Opens a saved target; `then` runs on the opened state (reconnect, revoke). */
  async openTarget(target: TargetRecord, then?: (state: FlowState) => void): Promise<void> {
    let provider: Provider | undefined;
    try {
      provider = await this.ready(target.provider);
    } catch {
      return;
    }
    if (!provider) {
      this.targetError = { code: 'VALIDATION_FAILED' };
      this.host.requestUpdate();
      return;
    }
    if (this.state.phase !== 'status') return;
    this.batched(() => {
      const next = this.send({ type: 'open-target', target, provider });
      if (next.rejected) this.targetError = { code: 'VALIDATION_FAILED' };
      else then?.(next);
    });
  }

  targetById(id: string): TargetRecord | undefined {
    return this.targets.find((t) => t.id === id);
  }
}
