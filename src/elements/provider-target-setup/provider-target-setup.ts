import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Backend } from '../../client/backend.js';
import { toBackendError, type BackendError } from '../../client/errors.js';
import { createHttpBackend, type HeaderSource } from '../../client/http.js';
import { RETRYABLE_CODES, type ErrorCode } from '../../core/contract/errors.js';
import type {
  AllowlistStatus,
  AuthStartRequest,
  AuthStartResponse,
  SaveTargetRequest,
  StatusResponse,
  TargetRecord,
  UrlCheckEntry,
} from '../../core/contract/schemas.js';
import {
  blockedReason,
  canSave,
  canShowBaseUrlField,
  canShowCredentialField,
  currentStep,
  initialState,
  isBusy,
  isGrantKind,
  limitationWarnings,
  readiness,
  saveRequest,
  selectedEdition,
  selectedProvider,
  transition,
  urlCheckRequest,
  DRAFT_PHASES,
  FLOW_STEPS,
} from '../../core/flow/index.js';
import type { FlowError, FlowErrorInput, FlowEvent, FlowState, FlowStep } from '../../core/flow/types.js';
import { getProvider, recommendedMethod, withDocOverrides } from '../../core/providers/index.js';
import { PROVIDERS } from '../../core/providers/index.js';
import type { AuthMethod, DocOverrides, Edition, Provider } from '../../core/providers/types.js';
import type { PtsAuth } from '../auth/auth.js';
import type { PtsAllowlistStatus } from '../allowlist-status/allowlist-status.js';
import type { PtsEvent } from '../base/events.js';
import { copyText } from '../base/clipboard.js';
import { icon } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import { MODE_ICONS, targetName, type PtsErrorView } from '../base/view.js';
import type { PtsDeploymentMode } from '../deployment-mode/deployment-mode.js';
import { defineSubElements } from '../define-sub-elements.js';
import { formatDate, type MessageBundle } from '../messages/messages.js';
import type { ReadyItem } from '../readiness/readiness.js';
import type { PtsTenant } from '../tenant/tenant.js';
import { setupContext, type SetupContextValue } from './context.js';
import {
  FallbackChosenEvent,
  StepChangeEvent,
  TargetBlockedEvent,
  TargetRevokedEvent,
  TargetRevokeRequestEvent,
  TargetSavedEvent,
} from './events.js';
import { draftOf } from './draft.js';
import { AuthPopup, startExpired } from './oauth-popup.js';
import { setupStyles } from './provider-target-setup.styles.js';
import { buildSupportDetails, type LoggedError } from './support.js';
import { addsInformation } from './wording.js';

/** Codes that stop the flow until the customer acts; they become `target-blocked`. */
const BLOCK_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PROVIDER_AUTH_REQUIRED',
  'PROVIDER_BASE_URL_BLOCKED',
  'ALLOWLIST_STATUS_MISSING',
  'OWNERSHIP_UNCONFIRMED',
  'PROVIDER_LIMITATION',
]);

const MAX_LOGGED_ERRORS = 10;

type Request = 'status' | 'target' | 'check' | 'save' | 'revoke' | 'auth';

function isGrant(method: AuthMethod | null | undefined): boolean {
  return !!method && isGrantKind(method);
}

/** "Provider · Edition", naming it once where the edition is called like its provider (Linear, a webhook). */
function providerLine(provider: string, edition: string | undefined): string {
  return edition && edition !== provider ? `${provider} · ${edition}` : provider;
}

/** Steps passed over on the way to portable export: between where it was chosen and the last step. */
function skippedSteps(f: FlowState): FlowStep[] {
  if (f.phase !== 'fallback') return [];
  const from = FLOW_STEPS.indexOf(currentStep(f.from));
  return FLOW_STEPS.filter((_, i) => i > from && i < FLOW_STEPS.length - 1);
}

function flowErrorOf(error: BackendError): FlowErrorInput {
  const body = error.body;
  const input: FlowErrorInput = { code: error.code };
  // Only contract-checked backend text is kept; the client's own messages name routes.
  if (body?.message) input.message = body.message;
  if (body?.action) input.action = body.action;
  if (body?.checks) input.checks = body.checks;
  if (body?.field) input.field = body.field;
  if (error.retryAfter !== undefined) input.retry_after = error.retryAfter;
  return input;
}

/**
 * State lives here as one immutable `FlowState`, replaced on every change. It
 * is shared with descendants through `@lit/context` (`setupContext`,
 * subscribe to follow changes) and passed to the built-in `pts-*`
 * sub-elements as plain properties, so each of them also renders alone.
 *
 * The credential exists only in the `pts-auth` input and in the one save
 * request; it is never in an attribute, event, log, storage or error text.
 *
 * Public events bubble, are composed and carry a frozen copy of their detail.
 *
 * @summary Guides a customer through saving a ticket export target: Integration
 * status → Deployment mode → Auth and network check → Provider-specific setup
 * → Ticket export target. Every gate is decided by the core flow machine; the
 * backend runs the URL checks, stores the target and revokes it.
 *
 * @tagname provider-target-setup
 * @fires {TargetSavedEvent} target-saved - The backend stored the target. Detail `TargetSavedDetail`: `{ target: TargetRecord }`.
 * @fires {TargetBlockedEvent} target-blocked - The backend refused the target for a reason the customer must act on. Detail `TargetBlockedDetail`: `{ code: ErrorCode; checks?: UrlCheckEntry[]; draft: TargetDraft }`.
 * @fires {TargetRevokedEvent} target-revoked - The backend dropped the target's credentials; record and history stay. Detail `TargetRevokedDetail`: `{ target: TargetRecord }`.
 * @fires {TargetRevokeRequestEvent} target-revoke-request - Cancelable: fired before a disconnect is sent; `preventDefault()` stops it. Detail `TargetRevokeRequestDetail`: `{ target: TargetRecord }`.
 * @fires {StepChangeEvent} step-change - The visible step changed. Detail `StepChangeDetail`: `{ step: FlowStep; previous: FlowStep }`.
 * @fires {FallbackChosenEvent} fallback-chosen - Portable export was chosen, once per decision: where several formats are offered, after the customer picked one and confirmed. Detail `FallbackChosenDetail`: `{ draft: TargetDraft; format?: string }`.
 * @slot footer - Extra content in the footer, e.g. a link to the host's help.
 * @csspart base - The card around everything.
 * @csspart header - Title and step path.
 * @csspart step - The current step.
 * @csspart step-heading - The current step's heading (focused on each step change).
 * @csspart actions - The row of Back / Continue / Save buttons.
 * @csspart footer - The footer with "Copy support details", the `footer` slot and Cancel (while a target is being drafted, `DRAFT_PHASES`).
 * @cssstate loading - A backend call is in flight (status, URL check, save, revoke, authorisation).
 * @cssstate blocked - The flow is blocked (auth required, URL blocked, allowlist missing, ownership unclear, provider limitation).
 * @cssstate saved - The target was saved.
 * @cssstate error - An error is shown.
 * @cssprop [--pts-max-width=880px] - Widest the card grows.
 */
export class ProviderTargetSetup extends PtsElement {
  static override tag = 'provider-target-setup';
  static override styles = [PtsElement.styles, setupStyles];

  /** Registers the element and every `pts-*` sub-element it renders; taken tags are skipped. */
  static override define(
    this: CustomElementConstructor & { tag: string },
    tag?: string,
    registry: CustomElementRegistry = customElements,
  ): void {
    defineSubElements(registry);
    PtsElement.define.call(this, tag, registry);
  }

  /** Base URL of the backend contract; an HTTP backend is created from it. Ignored when `backend` is set. */
  @property() endpoint = '';

  /** A `Backend` implementation (custom transport, auth, CSRF). Wins over `endpoint`. */
  @property({ attribute: false }) backend: Backend | undefined;

  /** Extra request headers for the `endpoint` backend (CSRF or bearer token); a function is called per request. */
  @property({ attribute: false }) headers: HeaderSource | undefined;

  /** fetch credentials mode for the `endpoint` backend (`include` for a backend on another origin with cookies). */
  @property() credentials: RequestCredentials | undefined;

  /** Per-request timeout of the `endpoint` backend in milliseconds (default 15000). */
  @property({ type: Number }) timeout: number | undefined;

  /** Preselects a provider by id: the flow opens at its deployment mode. */
  @property() provider = '';

  /** Opens an existing target: one in `auth_required` opens at its auth step, a connected one offers revoke. */
  @property({ attribute: 'target-id' }) targetId = '';

  /** Documentation-link overrides per provider (`DocOverrides`); only http(s) addresses are used. */
  @property({ attribute: false }) docLinks: DocOverrides | undefined;

  override headingLevel = 2;

  @state() private flow: FlowState = initialState();
  @state() private statusLoading = false;
  @state() private statusError: PtsErrorView | null = null;
  @state() private statusTargets: readonly TargetRecord[] = [];
  @state() private portable: StatusResponse['portable_export'] | null = null;
  @state() private openingTarget = false;
  @state() private targetError: PtsErrorView | null = null;
  @state() private editionDraft = '';
  @state() private modeError = false;
  @state() private tenantValue = '';
  @state() private tenantConfirmed = false;
  @state() private ownershipDraft = { ownership: false, exportAuthorization: false };
  @state() private allowlistDraft: AllowlistStatus | null = null;
  @state() private saveError: PtsErrorView | null = null;
  @state() private retype = false;
  /** The last grant failed because the customer said no at the provider (not because a window was closed). */
  @state() private authDenied = false;
  /** The host answered `target-revoke-request` with `preventDefault()`. */
  @state() private revokeVetoed = false;
  /** Portable export was confirmed (with its format) and `fallback-chosen` fired. */
  @state() private fallbackConfirmed = false;
  @state() private supportCopy: 'idle' | 'copied' | 'failed' = 'idle';
  @state() private polite = '';
  @state() private assertive = '';

  #politeKey = 0;
  #assertiveKey = 0;
  #providers: readonly Provider[] = PROVIDERS;
  #backendCache: Backend | undefined;
  #requests = new Map<Request, AbortController>();
  #popup: AuthPopup | undefined;
  /** An authorisation start whose popup the browser blocked; reopened on the next click. */
  #blockedStart: AuthStartResponse | undefined;
  #errors: LoggedError[] = [];
  #lastChecks: readonly UrlCheckEntry[] | undefined;
  #openedTargetId = '';
  #needsLoad = false;
  #started = false;
  /** Where focus goes after the next render, if it was inside the element: `save` and `connect` outlive a vanishing control. */
  #focus: 'heading' | 'auto' | 'save' | 'connect' | null = null;
  #hadFocus = false;
  #batch: { step: FlowStep } | null = null;
  #fallbackFormat: string | undefined;

  readonly #context = new ContextProvider(this, { context: setupContext, initialValue: this.#contextValue() });

  // ------------------------------------------------------------------ public API

  /** The current flow state (immutable; replaced on every change). */
  get state(): FlowState {
    return this.flow;
  }

  /** Saved targets as the backend last reported them. */
  get targets(): readonly TargetRecord[] {
    return this.statusTargets;
  }

  /** Loads `/status` again. */
  reload(): void {
    this.#loadStatus();
  }

  /** A redacted summary for support: provider, mode, host, check results, error codes, time. Never a secret. */
  supportDetails(): string {
    return buildSupportDetails({
      state: this.flow,
      errors: this.#errors,
      lastChecks: this.#lastChecks,
      ...(this.flow.phase === 'fallback' ? { fallback: { confirmed: this.fallbackConfirmed, format: this.#fallbackFormat } } : {}),
    });
  }

  /** Copies `supportDetails()` to the clipboard; resolves with whether it worked. */
  async copySupportDetails(): Promise<boolean> {
    const ok = await copyText(this.supportDetails(), this.renderRoot as ShadowRoot);
    this.supportCopy = ok ? 'copied' : 'failed';
    this.#announce(this.t(ok ? 'root.copiedSupport' : 'root.copyFailed'));
    return ok;
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#needsLoad = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Every call in flight is dropped; its failure lands in the state as REQUEST_ABORTED.
    for (const controller of this.#requests.values()) controller.abort();
    this.#requests.clear();
    this.#closePopup();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('docLinks')) {
      this.#providers = this.docLinks ? withDocOverrides(this.docLinks) : PROVIDERS;
    }
    const backendChanged =
      changed.has('backend') || changed.has('endpoint') || changed.has('headers') || changed.has('credentials') || changed.has('timeout');
    if (backendChanged) this.#backendCache = undefined;

    if (!this.#started) {
      this.#started = true;
      const preselect = this.provider ? getProvider(this.provider, this.#providers) : undefined;
      if (preselect) {
        this.flow = initialState({ provider: preselect });
        this.#enterPhase(null, this.flow);
      }
    } else if (changed.has('provider') && this.provider) {
      const chosen = getProvider(this.provider, this.#providers);
      if (chosen && (this.flow.phase === 'status' || this.flow.phase === 'edition')) {
        this.#send({ type: 'select-provider', provider: chosen });
      }
    }

    if (this.#needsLoad || (backendChanged && this.hasUpdated)) {
      this.#needsLoad = false;
      this.#loadStatus();
    } else if (changed.has('targetId') && this.hasUpdated) {
      this.#openRequestedTarget();
    }

    this.setCustomState('loading', this.#loading);
    this.setCustomState('blocked', blockedReason(this.flow) !== null);
    this.setCustomState('saved', this.flow.phase === 'saved');
    this.setCustomState('error', this.#currentError !== null);

    const contextKeys = ['flow', 'statusTargets', 'portable', 'statusLoading', 'statusError', 'messages', 'docLinks'];
    if (contextKeys.some((k) => changed.has(k as keyof ProviderTargetSetup))) this.#context.setValue(this.#contextValue());
  }

  protected override updated(): void {
    const focus = this.#focus;
    this.#focus = null;
    if (!focus || !this.#hadFocus) return;
    if (focus === 'heading') {
      this.#stepHeading()?.focus();
      return;
    }
    if (focus === 'save') {
      this.renderRoot.querySelector<HTMLElement>('#save')?.focus();
      return;
    }
    if (focus === 'connect') {
      const auth = this.renderRoot.querySelector<PtsAuth>('pts-auth');
      void auth?.updateComplete.then(() => auth.renderRoot.querySelector<HTMLElement>('[part=connect]')?.focus());
      return;
    }
    // Sub-elements render after this one: look once they are done whether the focused control went away.
    const children = [...this.renderRoot.querySelectorAll<PtsElement>('*')].filter((e) => e instanceof PtsElement);
    void Promise.all(children.map((c) => c.updateComplete)).then(() => {
      if (this.#focus !== null || !this.isConnected || this.shadowRoot?.activeElement != null) return;
      // Land on the phase's summary, else the step heading.
      (this.renderRoot.querySelector<HTMLElement>('[data-autofocus]') ?? this.#stepHeading())?.focus();
    });
  }

  // ------------------------------------------------------------------ state

  get #loading(): boolean {
    const f = this.flow;
    return (
      this.statusLoading ||
      this.openingTarget ||
      isBusy(f) ||
      (f.phase === 'auth' && f.authorization.status === 'pending')
    );
  }

  get #currentError(): PtsErrorView | null {
    if (this.statusError) return this.statusError;
    if (this.targetError) return this.targetError;
    if (this.saveError) return this.saveError;
    const f = this.flow;
    if ('error' in f && f.error) return { code: f.error.code, message: f.error.message };
    return null;
  }

  #contextValue(): SetupContextValue {
    return Object.freeze({
      state: this.flow,
      providers: this.#providers,
      targets: this.statusTargets,
      portableExport: this.portable,
      loading: this.statusLoading,
      statusError: this.statusError,
      messages: this.messages as MessageBundle | undefined,
      send: (event: FlowEvent) => void this.#send(event),
      reload: () => this.reload(),
    });
  }

  get #backend(): Backend | undefined {
    if (this.backend) return this.backend;
    if (!this.endpoint) return undefined;
    this.#backendCache ??= createHttpBackend({
      endpoint: this.endpoint,
      ...(this.headers ? { headers: this.headers } : {}),
      ...(this.credentials ? { credentials: this.credentials } : {}),
      ...(this.timeout !== undefined && Number.isFinite(this.timeout) ? { timeoutMs: this.timeout } : {}),
    });
    return this.#backendCache;
  }

  #controller(kind: Request): AbortController {
    this.#requests.get(kind)?.abort();
    const controller = new AbortController();
    this.#requests.set(kind, controller);
    return controller;
  }

  #done(kind: Request, controller: AbortController): boolean {
    if (this.#requests.get(kind) !== controller) return false;
    this.#requests.delete(kind);
    return true;
  }

  #log(code: ErrorCode): void {
    if (code === 'REQUEST_ABORTED') return;
    this.#errors = [...this.#errors, { code, at: new Date().toISOString() }].slice(-MAX_LOGGED_ERRORS);
  }

  #announce(text: string, urgent = false): void {
    if (urgent) {
      this.#assertiveKey++;
      this.assertive = text;
    } else {
      this.#politeKey++;
      this.polite = text;
    }
  }

  /**
   * Applies one flow event and everything that follows from the new phase:
   * drafts reset on entry, the backend call the phase needs, the step-change
   * event and where focus goes.
   */
  #send(event: FlowEvent): FlowState {
    const before = this.flow;
    let next = transition(before, event);
    // Entering the credential step without a method: the catalog's recommendation is preselected.
    if (next.phase === 'auth' && next.method === null) {
      const recommended = recommendedMethod(next.edition);
      if (recommended) next = transition(next, { type: 'choose-auth-method', methodId: recommended.id });
    }
    if (next === before) return next;
    this.#hadFocus = this.shadowRoot?.activeElement != null;
    this.flow = next;
    if (before.phase !== next.phase) this.#enterPhase(before, next);

    const from = currentStep(before);
    const to = currentStep(next);
    if (this.#batch === null && from !== to) {
      this.dispatchEvent(new StepChangeEvent({ step: to, previous: from }));
    }
    if (from !== to) this.#focus = 'heading';
    else if (before.phase !== next.phase && this.#focus === null) this.#focus = 'auto';

    if (next.phase === 'checking' && (before.phase !== 'checking' || before.pending.seq !== next.pending.seq)) this.#runCheck(next);
    if (next.phase === 'saving' && before.phase !== 'saving') this.#runSave(next);
    if (next.phase === 'revoking' && before.phase !== 'revoking') this.#runRevoke(next);
    return next;
  }

  /** Several events as one user action: one step-change event at most. */
  #batched(run: () => void): void {
    const outer = this.#batch === null;
    if (outer) this.#batch = { step: currentStep(this.flow) };
    try {
      run();
    } finally {
      if (outer) {
        const from = this.#batch?.step;
        this.#batch = null;
        const to = currentStep(this.flow);
        if (from && from !== to) this.dispatchEvent(new StepChangeEvent({ step: to, previous: from }));
      }
    }
  }

  #enterPhase(before: FlowState | null, next: FlowState): void {
    const left = (phases: readonly FlowState['phase'][]): boolean =>
      !!before && phases.includes(before.phase) && !phases.includes(next.phase);
    if (next.phase === 'edition' || next.phase === 'limitation-blocked') {
      // Coming back to the mode choice shows the edition chosen before; a new provider starts empty.
      const previous = before && selectedProvider(before)?.id === next.provider.id ? selectedEdition(before) : null;
      const editions = next.provider.editions;
      const only = editions.length === 1 ? (editions[0]?.id ?? '') : '';
      this.editionDraft = 'edition' in next ? next.edition.id : (previous?.id ?? only);
      this.modeError = false;
    }
    if (next.phase === 'tenant') {
      this.tenantValue = next.tenantDraft;
      this.tenantConfirmed = false;
    }
    if (next.phase === 'ownership') this.ownershipDraft = { ownership: false, exportAuthorization: false };
    if (next.phase === 'allowlist' && before?.phase !== 'allowlist') {
      // Back from the credential step, or sent back by a refused save, the recorded path is offered again.
      const kept = before && 'site' in before && before.site.kind === 'checked' ? before.site.allowlistStatus : null;
      this.allowlistDraft = next.allowlistStatus ?? kept;
    }
    if (left(['checking'])) this.#requests.get('check')?.abort();
    if (left(['auth', 'saving', 'auth-required'])) {
      this.saveError = null;
      this.retype = false;
    }
    if (left(['auth', 'saving'])) {
      this.authDenied = false;
      this.#closePopup();
      this.#blockedStart = undefined;
      this.#requests.get('auth')?.abort();
    }
    if (next.phase === 'status') {
      this.targetError = null;
    }
    this.revokeVetoed = false;
    this.supportCopy = 'idle';
  }

  #blocked(code: ErrorCode, checks: readonly UrlCheckEntry[] | undefined, from: FlowState): void {
    if (!BLOCK_CODES.has(code)) return;
    this.dispatchEvent(
      new TargetBlockedEvent({ code, ...(checks && checks.length ? { checks: [...checks] } : {}), draft: draftOf(from) }),
    );
  }

  // ------------------------------------------------------------------ backend calls

  #loadStatus(): void {
    const backend = this.#backend;
    if (!backend) {
      this.statusLoading = false;
      return;
    }
    const controller = this.#controller('status');
    this.statusLoading = true;
    this.statusError = null;
    backend.getStatus({ signal: controller.signal }).then(
      (status) => {
        if (!this.#done('status', controller)) return;
        this.statusLoading = false;
        this.statusTargets = status.targets;
        this.portable = status.portable_export;
        this.#send({
          type: 'status-loaded',
          portableExportAvailable: status.portable_export.available,
          egressAddresses: status.egress_addresses,
        });
        this.#openRequestedTarget();
      },
      (error: unknown) => {
        if (!this.#done('status', controller)) return;
        const err = toBackendError(error);
        this.statusLoading = false;
        if (err.code === 'REQUEST_ABORTED') return;
        this.statusError = { code: err.code };
        this.#log(err.code);
        this.#announce(`${this.t('status.loadFailed')} ${this.t(`error.${err.code}`)}`);
      },
    );
  }

  #openRequestedTarget(): void {
    const id = this.targetId;
    if (!id || id === this.#openedTargetId || this.flow.phase !== 'status' || this.statusLoading) return;
    this.#openedTargetId = id;
    const known = this.statusTargets.find((t) => t.id === id);
    if (known) {
      this.#openTarget(known);
      return;
    }
    const backend = this.#backend;
    if (!backend) return;
    const controller = this.#controller('target');
    this.openingTarget = true;
    this.targetError = null;
    backend.getTarget(id, { signal: controller.signal }).then(
      (target) => {
        if (!this.#done('target', controller)) return;
        this.openingTarget = false;
        this.#upsert(target);
        this.#openTarget(target);
      },
      (error: unknown) => {
        if (!this.#done('target', controller)) return;
        this.openingTarget = false;
        const err = toBackendError(error);
        if (err.code === 'REQUEST_ABORTED') {
          this.#openedTargetId = '';
          return;
        }
        this.targetError = { code: err.code };
        this.#log(err.code);
        this.#announce(this.t(`error.${err.code}`));
      },
    );
  }

  #retryTarget(): void {
    this.#openedTargetId = '';
    this.targetError = null;
    if (this.statusError || this.statusTargets.length === 0) this.#loadStatus();
    else this.#openRequestedTarget();
  }

  #openTarget(target: TargetRecord, then?: (state: FlowState) => void): void {
    const provider = getProvider(target.provider, this.#providers);
    if (!provider) {
      this.targetError = { code: 'VALIDATION_FAILED' };
      return;
    }
    this.#batched(() => {
      const next = this.#send({ type: 'open-target', target, provider });
      if (next.rejected) this.targetError = { code: 'VALIDATION_FAILED' };
      else then?.(next);
    });
  }

  #upsert(target: TargetRecord): void {
    const rest = this.statusTargets.filter((t) => t.id !== target.id);
    const at = this.statusTargets.findIndex((t) => t.id === target.id);
    this.statusTargets = at < 0 ? [...rest, target] : [...rest.slice(0, at), target, ...rest.slice(at)];
  }

  #runCheck(checking: Extract<FlowState, { phase: 'checking' }>): void {
    const request = urlCheckRequest(checking);
    const seq = checking.pending.seq;
    const backend = this.#backend;
    const current = (): boolean => this.flow.phase === 'checking' && this.flow.pending.seq === seq;
    if (!request || !backend) {
      queueMicrotask(() => current() && this.#send({ type: 'check-failed', seq, error: { code: 'BACKEND_UNAVAILABLE' } }));
      return;
    }
    const controller = this.#controller('check');
    backend.checkUrl(request, { signal: controller.signal }).then(
      (result) => {
        this.#done('check', controller);
        if (!current()) return;
        this.#lastChecks = result.checks;
        const next = this.#send({ type: 'check-result', seq, result });
        if (next.phase === 'url-blocked') {
          this.#log('PROVIDER_BASE_URL_BLOCKED');
          this.#blocked('PROVIDER_BASE_URL_BLOCKED', result.checks, checking);
          this.#announce(this.t('network.blocked.title'), true);
        } else if (next.phase === 'allowlist') {
          this.#announce(this.t('network.passed', { url: next.check.url }));
        } else if ('error' in next && next.error) {
          this.#announce(this.t(`error.${next.error.code}`), true);
        }
      },
      (error: unknown) => {
        this.#done('check', controller);
        if (!current()) return;
        const err = toBackendError(error);
        if (err.body?.checks) this.#lastChecks = err.body.checks;
        this.#send({ type: 'check-failed', seq, error: flowErrorOf(err) });
        this.#log(err.code);
        this.#blocked(err.code, err.body?.checks, checking);
        if (err.code !== 'REQUEST_ABORTED') this.#announce(this.t(`error.${err.code}`), true);
      },
    );
  }

  #runSave(saving: Extract<FlowState, { phase: 'saving' }>): void {
    const body = saveRequest(saving);
    const backend = this.#backend;
    const typed = !isGrant(saving.method);
    // The one place the secret leaves its input: straight into this request, and the input is emptied.
    const credential = typed ? (this.renderRoot.querySelector<PtsAuth>('pts-auth')?.takeCredential() ?? '') : '';
    this.saveError = null;
    this.retype = false;
    const fail = (err: BackendError): void => {
      const next = this.#send({ type: 'save-failed', error: flowErrorOf(err) });
      this.#afterFailedSave(next, err.code, typed);
      this.#blocked(err.code, err.body?.checks, saving);
    };
    if (!body || !backend) {
      queueMicrotask(() => this.flow.phase === 'saving' && fail(toBackendError(new Error('no backend'))));
      return;
    }
    const request: SaveTargetRequest = credential ? { ...body, credential } : body;
    const controller = this.#controller('save');
    backend.saveTarget(request, { signal: controller.signal }).then(
      (target) => {
        this.#done('save', controller);
        if (this.flow.phase !== 'saving') return;
        const next = this.#send({ type: 'saved', target });
        if (next.phase === 'saved') {
          this.#upsert(next.target);
          this.dispatchEvent(new TargetSavedEvent({ target: next.target }));
          this.#announce(this.t('root.saved', { target: targetName(next.target) }));
          return;
        }
        const code: ErrorCode =
          next.phase === 'auth-required'
            ? 'PROVIDER_AUTH_REQUIRED'
            : target.state === 'blocked'
              ? (target.error?.code ?? 'PROVIDER_BASE_URL_BLOCKED')
              : 'MALFORMED_RESPONSE';
        this.#afterFailedSave(next, code, typed);
        this.#blocked(code, target.error?.checks, saving);
      },
      (error: unknown) => {
        this.#done('save', controller);
        if (this.flow.phase !== 'saving') return;
        fail(toBackendError(error));
      },
    );
  }

  #afterFailedSave(next: FlowState, code: ErrorCode, typed: boolean): void {
    this.#log(code);
    if (next.phase === 'auth') {
      this.saveError = next.error ? { code: next.error.code } : { code };
      // The input was emptied for the request; the flow must not think it still holds a credential.
      if (typed && next.credentialEntered) this.#send({ type: 'credential-changed', entered: false });
      this.retype = typed;
    }
    if (code === 'REQUEST_ABORTED') return;
    // Announced as shown: a limitation is told by its title, naming the edition.
    const text =
      next.phase === 'limitation-blocked'
        ? this.t('root.limitation.title', { edition: this.#view(next).edition?.label ?? next.edition.label })
        : this.t(`error.${code}`);
    this.#announce(text, true);
  }

  #runRevoke(revoking: Extract<FlowState, { phase: 'revoking' }>): void {
    const backend = this.#backend;
    const target = revoking.target;
    if (!backend) {
      queueMicrotask(() => this.flow.phase === 'revoking' && this.#send({ type: 'revoke-failed', error: { code: 'BACKEND_UNAVAILABLE' } }));
      return;
    }
    const controller = this.#controller('revoke');
    backend.revokeTarget(target.id, { revoked_at_provider: true }, { signal: controller.signal }).then(
      (record) => {
        this.#done('revoke', controller);
        if (this.flow.phase !== 'revoking') return;
        const next = this.#send({ type: 'revoke-completed', target: record });
        if (next.phase === 'revoked') {
          this.#upsert(next.target);
          this.dispatchEvent(new TargetRevokedEvent({ target: next.target }));
          this.#announce(this.t('revoke.done', { target: targetName(next.target) }));
        } else {
          this.#log('MALFORMED_RESPONSE');
          this.#announce(this.t('error.MALFORMED_RESPONSE'), true);
        }
      },
      (error: unknown) => {
        this.#done('revoke', controller);
        if (this.flow.phase !== 'revoking') return;
        const err = toBackendError(error);
        this.#send({ type: 'revoke-failed', error: flowErrorOf(err) });
        this.#log(err.code);
        if (err.code !== 'REQUEST_ABORTED') this.#announce(this.t(`error.${err.code}`), true);
      },
    );
  }

  // ------------------------------------------------------------------ OAuth and app install

  #closePopup(): void {
    this.#popup?.dispose();
    this.#popup = undefined;
  }

  #connect(): void {
    const f = this.flow;
    if (f.phase !== 'auth' || !isGrant(f.method) || f.authorization.status === 'pending') return;
    const reuse = this.#blockedStart;
    this.#blockedStart = undefined;
    this.authDenied = false;
    this.#send({ type: 'authorization-started' });
    // A start whose popup was blocked is reopened right here, inside the click, so the browser allows it.
    if (reuse && !startExpired(reuse)) {
      this.#openPopup(reuse);
      return;
    }
    const backend = this.#backend;
    const method = f.method;
    if (!backend || !method) {
      this.#authFailed('BACKEND_UNAVAILABLE');
      return;
    }
    const site = f.site;
    const request: AuthStartRequest = {
      provider: f.provider.id,
      edition: f.edition.id,
      auth_method: method.id,
      return_origin: location.origin,
      ...(site.tenant ? { tenant: site.tenant } : {}),
      ...(site.kind === 'checked' ? { base_url: site.check.url, check_id: site.check.checkId } : {}),
    };
    const controller = this.#controller('auth');
    backend.startAuth(request, { signal: controller.signal }).then(
      (start) => {
        if (!this.#done('auth', controller) || !this.#authPending()) return;
        this.#openPopup(start);
      },
      (error: unknown) => {
        if (!this.#done('auth', controller) || !this.#authPending()) return;
        this.#authFailed(toBackendError(error).code);
      },
    );
  }

  #authPending(): boolean {
    return this.flow.phase === 'auth' && this.flow.authorization.status === 'pending';
  }

  #openPopup(start: AuthStartResponse): void {
    this.#closePopup();
    const popup = new AuthPopup({
      start,
      onResult: (outcome) => {
        if (this.#popup !== popup) return;
        this.#popup = undefined;
        if (!this.#authPending()) return;
        if (outcome.status === 'authorized') {
          this.#send({ type: 'authorization-completed', authorizationId: outcome.authorizationId });
          const provider = selectedProvider(this.flow);
          this.#announce(this.t('auth.connected', { provider: provider?.label ?? '' }));
          // The Connect button gives way to the connected notice: Save is what comes next.
          if (this.flow.phase === 'auth') this.#focus = 'save';
        } else {
          this.#authFailed(outcome.code, outcome.reason === 'denied');
        }
      },
    });
    if (!popup.usable) {
      this.#authFailed('MALFORMED_RESPONSE');
      return;
    }
    if (!popup.open()) {
      this.#blockedStart = start;
      this.#authFailed('AUTH_POPUP_BLOCKED');
      return;
    }
    this.#popup = popup;
  }

  #authFailed(code: ErrorCode, denied = false): void {
    const before = this.flow;
    const next = this.#send({ type: 'authorization-failed', error: { code } });
    this.authDenied = denied && code === 'AUTH_CANCELLED';
    this.#log(code);
    this.#blocked(code, undefined, before);
    if (code !== 'REQUEST_ABORTED') this.#announce(this.#authErrorText(code), true);
    // Back to the Connect button for another try.
    if (next.phase === 'auth') this.#focus = 'connect';
  }

  #authErrorText(code: ErrorCode): string {
    if (code === 'AUTH_CANCELLED' && this.authDenied) {
      return this.t('root.authDenied', { provider: selectedProvider(this.flow)?.label ?? '' });
    }
    return this.t(`error.${code}`);
  }

  // ------------------------------------------------------------------ user actions

  #add(e: PtsEvent<'pts-status-add'>): void {
    const provider = getProvider(e.detail.provider, this.#providers);
    if (provider) this.#send({ type: 'select-provider', provider });
  }

  #targetById(id: string): TargetRecord | undefined {
    return this.statusTargets.find((t) => t.id === id);
  }

  #reconnect(id: string): void {
    const target = this.#targetById(id);
    if (!target) return;
    this.#openTarget(target, (s) => {
      if (s.phase === 'existing-target') this.#send({ type: 'reconnect' });
    });
  }

  #startRevoke(id: string): void {
    const target = this.#targetById(id);
    if (!target) return;
    this.#openTarget(target, () => this.#send({ type: 'revoke-started' }));
  }

  #continueEdition(): void {
    const id = this.editionDraft;
    if (!id) {
      this.modeError = true;
      this.#announce(this.t('root.chooseMode'), true);
      void this.updateComplete.then(() => this.renderRoot.querySelector<PtsDeploymentMode>('pts-deployment-mode')?.focus());
      return;
    }
    this.#send({ type: 'select-edition', editionId: id });
  }

  #alternative(e: PtsEvent<'pts-mode-alternative'>): void {
    const { provider: providerId, edition } = e.detail;
    this.#batched(() => {
      const current = selectedProvider(this.flow);
      if (current?.id !== providerId) {
        const provider = getProvider(providerId, this.#providers);
        if (!provider) return;
        this.#send({ type: 'select-provider', provider });
      }
      this.#send({ type: 'select-edition', editionId: edition });
    });
  }

  #continueTenant(): void {
    const el = this.renderRoot.querySelector<PtsTenant>('pts-tenant');
    if (el && !el.validate()) return;
    this.#send({ type: 'confirm-tenant', value: el?.value ?? this.tenantValue });
  }

  #confirmOwnership(e: PtsEvent<'pts-network-confirm'>): void {
    const { ownershipConfirmed, exportAuthorized } = e.detail;
    if (this.flow.phase === 'ownership') {
      this.ownershipDraft = { ownership: ownershipConfirmed, exportAuthorization: exportAuthorized };
      if (ownershipConfirmed && exportAuthorized) {
        this.#send({ type: 'confirm-ownership', ownership: true, exportAuthorization: true });
      }
    } else if (!ownershipConfirmed || !exportAuthorized) {
      // Taking a confirmation back returns to the confirmations; the typed URL is kept.
      this.#batched(() => {
        if (this.flow.phase === 'checking' || this.flow.phase === 'url-blocked') this.#send({ type: 'back' });
        if (this.flow.phase === 'base-url') this.#send({ type: 'back' });
      });
      this.ownershipDraft = { ownership: ownershipConfirmed, exportAuthorization: exportAuthorized };
    }
  }

  #editUrl(value: string): void {
    this.#send({ type: 'edit-base-url', value });
  }

  #runChecks(e: PtsEvent<'pts-network-run'>): void {
    const f = this.flow;
    if (f.phase !== 'base-url') return;
    this.#send({ type: 'check-requested', baseUrl: e.detail.baseUrl });
  }

  #toCloud(): void {
    const provider = selectedProvider(this.flow);
    const cloud = provider?.editions.find((ed) => ed.mode === 'cloud' && !ed.baseUrl);
    if (cloud) this.#send({ type: 'select-edition', editionId: cloud.id });
  }

  /**
   * Portable export. `fallback-chosen` fires once per decision, with the format
   * it was made in. A choice made without a format (the blocked URL's button)
   * while several formats are offered opens the portable-export step, where the
   * format is picked and the choice confirmed.
   */
  #chooseFallback(format?: string): void {
    const current = this.flow;
    if (current.phase === 'fallback') {
      if (!this.fallbackConfirmed) this.#confirmFallback(current.from, format);
      return;
    }
    const next = this.#send({ type: 'fallback-chosen' });
    if (next.phase !== 'fallback') return;
    const formats = this.portable?.formats ?? [];
    this.#fallbackFormat = undefined;
    this.fallbackConfirmed = false;
    if (format !== undefined || formats.length <= 1) this.#confirmFallback(current, format ?? formats[0]);
  }

  #confirmFallback(from: FlowState, format: string | undefined): void {
    this.#fallbackFormat = format;
    this.fallbackConfirmed = true;
    this.dispatchEvent(new FallbackChosenEvent({ draft: draftOf(from), ...(format ? { format } : {}) }));
    this.#announce(format ? this.t('fallback.chosenAs', { format: format.toUpperCase() }) : this.t('fallback.chosen'));
  }

  #continueAllowlist(): void {
    const f = this.flow;
    if (f.phase !== 'allowlist') return;
    const value = this.allowlistDraft;
    if (!value) {
      this.renderRoot.querySelector<PtsAllowlistStatus>('pts-allowlist-status')?.validate();
      this.#announce(this.t('error.ALLOWLIST_STATUS_MISSING'), true);
      return;
    }
    this.#send({ type: 'record-allowlist', status: value });
  }

  #save(): void {
    const f = this.flow;
    if (f.phase === 'saving') return;
    if (f.phase !== 'auth') return;
    if (!canSave(f)) {
      if (isGrant(f.method)) {
        this.#announce(this.t('root.authorizeFirst'), true);
        this.renderRoot.querySelector<PtsAuth>('pts-auth')?.focus();
      } else {
        this.renderRoot.querySelector<PtsAuth>('pts-auth')?.validate();
      }
      return;
    }
    this.#send({ type: 'save-requested' });
  }

  #confirmRevoke(): void {
    const f = this.flow;
    if (f.phase !== 'revoke-disconnect') return;
    const request = new TargetRevokeRequestEvent({ target: f.target });
    this.revokeVetoed = !this.dispatchEvent(request);
    if (this.revokeVetoed) {
      // Nothing changes on screen otherwise: say so, politely; focus stays on the Disconnect button.
      this.#announce(this.t('root.revokeVetoed'));
      return;
    }
    this.#send({ type: 'disconnect-requested' });
  }

  #ackRevoke(e: PtsEvent<'pts-revoke-acknowledge'>): void {
    const f = this.flow;
    if (e.detail.revokedAtProvider && f.phase === 'revoke-at-provider') this.#send({ type: 'revoked-at-provider-confirmed' });
    else if (!e.detail.revokedAtProvider && f.phase === 'revoke-disconnect') this.#send({ type: 'back' });
  }

  #cancelRevoke(): void {
    this.#batched(() => {
      for (let i = 0; i < 3 && (this.flow.phase === 'revoke-at-provider' || this.flow.phase === 'revoke-disconnect'); i++) {
        this.#send({ type: 'back' });
      }
    });
  }

  #back(): void {
    this.#send({ type: 'back' });
  }

  #cancel(): void {
    this.#send({ type: 'cancel' });
  }

  /** Goes back step by step until the chosen (earlier) step is reached. */
  #goToStep(step: FlowStep): void {
    const goal = FLOW_STEPS.indexOf(step);
    this.#batched(() => {
      for (let i = 0; i < 12 && FLOW_STEPS.indexOf(currentStep(this.flow)) > goal; i++) {
        if (this.#send({ type: 'back' }).rejected) break;
      }
    });
  }

  // ------------------------------------------------------------------ view helpers

  #stepHeading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#step-heading');
  }

  /** The catalog entries with doc overrides applied, looked up fresh by id. */
  #view(state: FlowState): { provider: Provider | null; edition: Edition | null } {
    const p = selectedProvider(state);
    const e = selectedEdition(state);
    const provider = p ? (getProvider(p.id, this.#providers) ?? p) : null;
    const edition = e ? (provider?.editions.find((x) => x.id === e.id) ?? e) : null;
    return { provider, edition };
  }

  #viewMethod(edition: Edition | null, method: AuthMethod | null | undefined): AuthMethod | null {
    if (!method) return null;
    return edition?.authMethods.find((m) => m.id === method.id) ?? method;
  }

  get #sub(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + 2);
  }

  #errorText(error: PtsErrorView): string {
    return this.t(`error.${error.code}`);
  }

  #notice(tone: 'danger' | 'warning' | 'info' | 'success', body: TemplateResult | string, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const icons = { danger: 'warning', warning: 'warning', info: 'info', success: 'checkCircle' } as const;
    return html`<div class="notice ${tone}">${icon(icons[tone])}<div class="body">${body}${extra}</div></div>`;
  }

  /**
   * A refusal in the catalog's words, the backend's message under them only when
   * it adds information (`addsInformation`), and the backend's action, a concrete
   * next step the catalog cannot know.
   */
  #errorNotice(error: FlowError, lead = ''): TemplateResult {
    const text = this.#errorText(error);
    const extra = error.message && addsInformation(error.message, [lead, text]) ? error.message : '';
    const action = error.action;
    return this.#notice(
      'danger',
      html`<p>${lead ? html`<strong>${lead}</strong> ` : nothing}${text}</p>`,
      html`${extra ? html`<p class="muted">${extra}</p>` : nothing}
      ${action ? html`<p>${action.url ? externalLink(action.label, action.url, this.t('common.newTab')) : action.label}</p>` : nothing}`,
    );
  }

  #actions(back: TemplateResult | typeof nothing, primary: TemplateResult | typeof nothing): TemplateResult {
    return html`<div class="actions" part="actions">
      <div class="row">${back}</div>
      <div class="row">${primary}</div>
    </div>`;
  }

  #backButton(label = this.t('root.back'), onClick: () => void = () => this.#back()): TemplateResult {
    return html`<button type="button" class="btn ghost" @click=${onClick}>${label}</button>`;
  }

  // ------------------------------------------------------------------ render

  override render() {
    const f = this.flow;
    const step = currentStep(f);
    const index = FLOW_STEPS.indexOf(step);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const navigable = !isBusy(f) && index > 0 && f.phase !== 'saved';
    return html`<section class="shell card" part="base" aria-labelledby="title" aria-busy=${this.#loading ? 'true' : 'false'}>
      <header part="header">
        <div role="heading" aria-level=${level} class="title" id="title">${this.t('root.title')}</div>
        <pts-step-path
          .messages=${this.messages}
          .current=${step}
          .blocked=${blockedReason(f) !== null}
          .navigable=${navigable}
          .skipped=${skippedSteps(f)}
          @pts-step-select=${(e: PtsEvent<'pts-step-select'>) => this.#goToStep(e.detail.step)}
        ></pts-step-path>
      </header>
      ${this.#renderGlobalNotices(step)}
      <div class="step" part="step">
        <p class="eyebrow" aria-hidden="true">${this.t('steps.position', { index: index + 1, total: FLOW_STEPS.length })}</p>
        <div id="step-heading" part="step-heading" class="step-heading" role="heading" aria-level=${Math.min(6, level + 1)} tabindex="-1">
          ${this.t(`steps.${step}`)}
        </div>
        ${this.#renderStep()}
      </div>
      <footer part="footer">
        <div class="row">
          <button type="button" class="btn ghost small" @click=${() => void this.copySupportDetails()}>
            ${icon(this.supportCopy === 'copied' ? 'check' : 'copy')}${this.t(this.supportCopy === 'copied' ? 'root.copiedSupport' : 'root.copySupport')}
          </button>
          <slot name="footer"></slot>
        </div>
        ${DRAFT_PHASES.has(f.phase)
          ? html`<button type="button" class="btn ghost small" @click=${() => this.#cancel()}>${this.t('root.cancel')}</button>`
          : nothing}
      </footer>
      ${this.supportCopy === 'failed'
        ? html`<div class="support-fallback">
            <label class="label" for="support-text">${this.t('root.copyFailed')}</label>
            <textarea id="support-text" class="input" readonly rows="8">${this.supportDetails()}</textarea>
          </div>`
        : nothing}
      <div class="sr-only" role="status" aria-live="polite">${keyed(this.#politeKey, html`<span>${this.polite}</span>`)}</div>
      <div class="sr-only" role="alert" aria-live="assertive">${keyed(this.#assertiveKey, html`<span>${this.assertive}</span>`)}</div>
    </section>`;
  }

  #renderGlobalNotices(step: FlowStep): TemplateResult | typeof nothing {
    if (!this.backend && !this.endpoint) return this.#notice('warning', html`<p>${this.t('root.noBackend')}</p>`);
    if (this.statusError && step !== 'status') {
      return this.#notice(
        'danger',
        html`<p><strong>${this.t('status.loadFailed')}</strong> ${this.#errorText(this.statusError)}</p>`,
        html`<div class="row"><button type="button" class="btn small" @click=${() => this.reload()}>${icon('refresh')}${this.t('common.retry')}</button></div>`,
      );
    }
    // A preselected provider starts past the status step: say that /status is still on its way, without holding the step.
    if (this.statusLoading && step !== 'status') {
      return html`<p class="muted loading-line status-loading">${icon('spinner', 'spin')}${this.t('root.statusLoading')}</p>`;
    }
    return nothing;
  }

  #renderStep(): TemplateResult | typeof nothing {
    const f = this.flow;
    switch (f.phase) {
      case 'status':
        return this.#renderStatus();
      case 'existing-target':
      case 'revoke-at-provider':
      case 'revoke-disconnect':
      case 'revoking':
      case 'revoked':
        return this.#renderExisting(f);
      case 'edition':
      case 'limitation-blocked':
        return this.#renderDeployment(f);
      case 'tenant':
        return this.#renderTenant(f);
      case 'ownership':
      case 'base-url':
      case 'checking':
      case 'url-blocked':
        return this.#renderNetwork(f);
      case 'allowlist':
        return this.#renderAllowlist(f);
      case 'auth':
      case 'auth-required':
      case 'saving':
        return this.#renderAuth(f);
      case 'saved':
        return this.#renderSaved(f);
      case 'fallback':
        return this.#renderFallback(f);
    }
  }

  #renderStatus(): TemplateResult {
    const targetError = this.targetError;
    return html`${targetError
        ? this.#notice(
            'danger',
            html`<p>${this.#errorText(targetError)}</p>`,
            RETRYABLE_CODES.has(targetError.code)
              ? html`<div class="row">
                  <button type="button" class="btn small" @click=${() => this.#retryTarget()}>${icon('refresh')}${this.t('common.retry')}</button>
                </div>`
              : nothing,
          )
        : nothing}
      ${this.openingTarget ? html`<p class="muted loading-line">${icon('spinner', 'spin')}${this.t('root.openingTarget')}</p>` : nothing}
      <pts-integration-status
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .providers=${this.#providers}
        .targets=${this.statusTargets}
        .loading=${this.statusLoading || !this.#started}
        .error=${this.statusError}
        .targetsUnknown=${this.portable === null}
        @pts-status-add=${(e: PtsEvent<'pts-status-add'>) => this.#add(e)}
        @pts-status-reconnect=${(e: PtsEvent<'pts-status-reconnect'>) => this.#reconnect(e.detail.targetId)}
        @pts-status-revoke=${(e: PtsEvent<'pts-status-revoke'>) => this.#startRevoke(e.detail.targetId)}
        @pts-status-retry=${() => this.reload()}
      ></pts-integration-status>`;
  }

  #renderTargetCard(
    target: TargetRecord,
    provider: Provider | null,
    edition: Edition | null,
    known?: AuthMethod | null,
    withRevoke = true,
  ): TemplateResult {
    const method = known ?? edition?.authMethods.find((m) => m.id === target.auth_method);
    const tone = { connected: 'success', auth_required: 'warning', blocked: 'danger', revoked: '' }[target.state];
    const stateIcon = { connected: 'checkCircle', auth_required: 'key', blocked: 'shield', revoked: 'unlink' } as const;
    const updated = new Date(target.updated_at);
    return html`<section class="target card" aria-labelledby="target-name">
      <div class="target-head">
        <span class="logo" aria-hidden="true">${provider?.label.charAt(0) ?? '?'}</span>
        <div>
          <div role="heading" aria-level=${this.#sub} class="subtitle" id="target-name">${targetName(target)}</div>
          <div class="muted small">${providerLine(provider?.label ?? target.provider, edition?.label)}</div>
        </div>
        <span class="badge ${tone}">${icon(stateIcon[target.state])}${this.t(`status.state.${target.state}`)}</span>
      </div>
      <dl class="facts">
        <dt>${this.t('root.target.mode')}</dt>
        <dd>${icon(MODE_ICONS[target.deployment_mode])}${this.t(`mode.${target.deployment_mode}`)}</dd>
        ${target.base_url || target.tenant
          ? html`<dt>${this.t('root.target.address')}</dt>
              <dd><code>${target.base_url ?? target.tenant}</code></dd>`
          : nothing}
        ${target.allowlist_status
          ? html`<dt>${this.t('root.target.network')}</dt>
              <dd>${this.t(`allowlist.${target.allowlist_status}`)}</dd>`
          : nothing}
        <dt>${this.t(target.state === 'revoked' ? 'root.target.authRevoked' : 'root.target.auth')}</dt>
        <dd>${method?.label ?? target.auth_method} <code>${target.token_type}</code></dd>
        ${target.scopes.length
          ? html`<dt>${this.t('auth.scopes')}</dt>
              <dd class="scopes">${target.scopes.map((s) => html`<code>${s}</code>`)}</dd>`
          : nothing}
        ${withRevoke && method && target.has_credentials && target.state !== 'revoked'
          ? html`<dt>${this.t('root.target.revoke')}</dt>
              <dd>${externalLink(method.revoke.label, method.revoke.url, this.t('common.newTab'))}</dd>`
          : nothing}
        ${Number.isNaN(updated.getTime())
          ? nothing
          : html`<dt>${this.t('root.target.updated')}</dt>
              <dd>${formatDate(updated, this.resolvedLang || undefined)}</dd>`}
      </dl>
      ${target.error && target.state !== 'connected' && target.state !== 'revoked'
        ? this.#notice(
            target.state === 'blocked' ? 'danger' : 'warning',
            html`<p>${this.t(`error.${target.error.code}`)}</p>`,
            target.error.action
              ? html`<p>${target.error.action.url ? externalLink(target.error.action.label, target.error.action.url, this.t('common.newTab')) : target.error.action.label}</p>`
              : nothing,
          )
        : nothing}
      ${target.history.length
        ? html`<details class="history">
            <summary>${this.t('root.target.history')}</summary>
            <ol>
              ${target.history.map(
                (h) => html`<li><span class="muted small">${formatDate(new Date(h.at), this.resolvedLang || undefined)}</span> ${this.t(`root.history.${h.event}`)}</li>`,
              )}
            </ol>
          </details>`
        : nothing}
    </section>`;
  }

  #renderExisting(
    f: Extract<FlowState, { phase: 'existing-target' | 'revoke-at-provider' | 'revoke-disconnect' | 'revoking' | 'revoked' }>,
  ): TemplateResult {
    const { provider, edition } = this.#view(f);
    // While revoking, pts-revoke shows where to revoke; the card does not repeat it.
    const card = this.#renderTargetCard(f.target, provider, edition, undefined, f.phase === 'existing-target');
    if (f.phase === 'existing-target') {
      const t = f.target;
      const canRevoke = t.has_credentials && t.state !== 'revoked';
      return html`${card}
      ${this.#actions(
        this.#backButton(this.t('root.backToTargets')),
        html`${t.state !== 'connected'
          ? html`<button type="button" class="btn ${canRevoke ? '' : 'primary'}" @click=${() => this.#send({ type: 'reconnect' })}>
              ${icon('refresh')}${this.t('status.reconnect')}
            </button>`
          : nothing}
        ${canRevoke
          ? html`<button type="button" class="btn danger" @click=${() => this.#send({ type: 'revoke-started' })}>
              ${icon('unlink')}${this.t('status.revoke')}
            </button>`
          : nothing}`,
      )}`;
    }
    const method = this.#viewMethod(edition, f.method);
    return html`${card}
      <pts-revoke
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .provider=${provider}
        .method=${method}
        .target=${f.target}
        .revokedAtProvider=${f.phase !== 'revoke-at-provider'}
        .busy=${f.phase === 'revoking'}
        .revoked=${f.phase === 'revoked'}
        .error=${f.phase === 'revoke-disconnect' && f.error ? { code: f.error.code } : null}
        @pts-revoke-acknowledge=${(e: PtsEvent<'pts-revoke-acknowledge'>) => this.#ackRevoke(e)}
        @pts-revoke-confirm=${() => this.#confirmRevoke()}
        @pts-revoke-cancel=${() => this.#cancelRevoke()}
      ></pts-revoke>
      ${f.phase === 'revoke-disconnect' && this.revokeVetoed ? this.#notice('info', html`<p>${this.t('root.revokeVetoed')}</p>`) : nothing}
      ${f.phase === 'revoked'
        ? this.#actions(nothing, html`<button type="button" class="btn primary" @click=${() => this.#back()}>${this.t('root.backToTargets')}</button>`)
        : nothing}`;
  }

  #renderInlineFallback(reason: 'blocked' | 'unreachable' | ''): TemplateResult | typeof nothing {
    if (this.flow.env.portableExport !== true) return nothing;
    return html`<pts-fallback
      .messages=${this.messages}
      .headingLevel=${this.#sub}
      .available=${true}
      .formats=${this.portable?.formats ?? []}
      .url=${this.portable?.url ?? ''}
      .reason=${reason}
      @pts-fallback-choose=${(e: PtsEvent<'pts-fallback-choose'>) => this.#chooseFallback(e.detail.format)}
    ></pts-fallback>`;
  }

  #renderDeployment(f: Extract<FlowState, { phase: 'edition' | 'limitation-blocked' }>): TemplateResult {
    const { provider, edition } = this.#view(f);
    const blockedEdition = f.phase === 'limitation-blocked' ? edition : null;
    const stuck = f.phase === 'limitation-blocked' && this.editionDraft === f.edition.id;
    const title = this.t('root.limitation.title', { edition: blockedEdition?.label ?? '' });
    // The catalog's own limitations are told by the mode card; the backend's reason only when it says more than the title.
    const limitation = f.phase === 'limitation-blocked' ? f.limitation : null;
    const known = !!limitation && !!blockedEdition?.limitations.some((l) => l.id === limitation.id);
    const reason = limitation && !known && addsInformation(limitation.message, [title]) ? limitation.message : '';
    // Where the backend says to go instead, shown verbatim like any provider action.
    const action = f.phase === 'limitation-blocked' ? f.error?.action : undefined;
    return html`<pts-deployment-mode
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .provider=${provider}
        .catalog=${this.#providers}
        .value=${this.editionDraft}
        @pts-mode-change=${(e: PtsEvent<'pts-mode-change'>) => {
          this.editionDraft = e.detail.edition;
          this.modeError = false;
        }}
        @pts-mode-alternative=${(e: PtsEvent<'pts-mode-alternative'>) => this.#alternative(e)}
      ></pts-deployment-mode>
      ${this.modeError
        ? html`<p class="feedback error" role="alert">${icon('warning')}<span>${this.t('root.chooseMode')}</span></p>`
        : nothing}
      ${f.phase === 'limitation-blocked'
        ? html`${this.#notice(
              'danger',
              html`<p><strong>${title}</strong></p>
                ${reason ? html`<p>${reason}</p>` : nothing}
                ${action
                  ? html`<p>
                      ${action.url ? externalLink(action.label, action.url, this.t('common.newTab')) : action.label}
                    </p>`
                  : nothing}`,
            )}
            ${this.#renderInlineFallback('')}`
        : nothing}
      ${this.#actions(
        this.#backButton(),
        html`<button type="button" class="btn primary" aria-disabled=${stuck ? 'true' : 'false'} @click=${() => !stuck && this.#continueEdition()}>
          ${this.t('root.continue')}
        </button>`,
      )}`;
  }

  #renderTenant(f: Extract<FlowState, { phase: 'tenant' }>): TemplateResult {
    const { provider, edition } = this.#view(f);
    return html`<pts-tenant
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .provider=${provider}
        .edition=${edition}
        .value=${this.tenantValue}
        .confirmed=${this.tenantConfirmed}
        .error=${f.error && f.error.code !== 'VALIDATION_FAILED' ? { code: f.error.code } : null}
        @pts-tenant-change=${(e: PtsEvent<'pts-tenant-change'>) => {
          this.tenantValue = e.detail.value;
          this.tenantConfirmed = e.detail.confirmed;
        }}
        @pts-tenant-submit=${() => this.#continueTenant()}
      ></pts-tenant>
      ${this.#actions(
        this.#backButton(),
        html`<button type="button" class="btn primary" @click=${() => this.#continueTenant()}>${this.t('root.continue')}</button>`,
      )}`;
  }

  #renderNetwork(f: Extract<FlowState, { phase: 'ownership' | 'base-url' | 'checking' | 'url-blocked' }>): TemplateResult {
    const { provider, edition } = this.#view(f);
    const fieldAllowed = canShowBaseUrlField(f);
    const url = f.phase === 'url-blocked' ? f.blocked.url : f.urlDraft;
    const ownershipError = f.phase === 'ownership' && f.error ? f.error : null;
    const urlError = f.phase === 'base-url' && f.error && f.error.code !== 'VALIDATION_FAILED' ? { code: f.error.code } : null;
    return html`${ownershipError ? this.#errorNotice(ownershipError) : nothing}
      <pts-network-check
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .provider=${provider}
        .edition=${edition}
        .ownershipConfirmed=${fieldAllowed || this.ownershipDraft.ownership}
        .exportAuthorized=${fieldAllowed || this.ownershipDraft.exportAuthorization}
        .baseUrl=${url}
        .checking=${f.phase === 'checking'}
        .result=${f.phase === 'url-blocked' ? { status: 'blocked', checks: f.blocked.checks, normalized_url: f.blocked.url } : null}
        .error=${urlError}
        .portableExport=${f.env.portableExport === true}
        @pts-network-confirm=${(e: PtsEvent<'pts-network-confirm'>) => this.#confirmOwnership(e)}
        @pts-network-input=${(e: PtsEvent<'pts-network-input'>) => this.#editUrl(e.detail.baseUrl)}
        @pts-network-run=${(e: PtsEvent<'pts-network-run'>) => this.#runChecks(e)}
        @pts-network-fallback=${() => this.#chooseFallback()}
        @pts-network-cloud=${() => this.#toCloud()}
        @pts-network-edit=${() => this.#editUrl(url)}
      ></pts-network-check>
      ${this.#actions(this.#backButton(), nothing)}`;
  }

  #renderChecks(checks: readonly UrlCheckEntry[], providerLabel: string): TemplateResult {
    return html`<ul class="check-list">
      ${checks.map(
        (c) => html`<li class=${c.status}>
          ${icon(c.status === 'passed' ? 'checkCircle' : c.status === 'failed' ? 'crossCircle' : 'dash')}
          <span>${c.name === 'ownership' ? this.t('network.check.ownership', { provider: providerLabel }) : this.t(`network.check.${c.name}`)}</span>
          <span class=${c.status === 'passed' ? 'sr-only' : 'muted'}>${this.t(`network.outcome.${c.status}`)}</span>
        </li>`,
      )}
    </ul>`;
  }

  #renderAllowlist(f: Extract<FlowState, { phase: 'allowlist' }>): TemplateResult {
    const { provider } = this.#view(f);
    const unreachable = f.allowlistStatus === 'unreachable';
    const stuck = unreachable && this.allowlistDraft === 'unreachable';
    // A refused save is explained above; the group is marked only when nothing is chosen.
    const error = f.error && !this.allowlistDraft ? { code: f.error.code } : null;
    return html`${f.error ? this.#errorNotice(f.error, this.t('root.saveRefused')) : nothing}
      <div class="notice success checked" tabindex="-1" data-autofocus>
        ${icon('checkCircle')}
        <div class="body">
          <p>${this.t('network.passed', { url: f.check.url })}</p>
          ${f.check.checks.length ? this.#renderChecks(f.check.checks, provider?.label ?? '') : nothing}
          <div class="row">
            <button type="button" class="btn small" @click=${() => this.#editUrl(f.check.url)}>${this.t('network.blocked.edit')}</button>
          </div>
        </div>
      </div>
      <pts-allowlist-status
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .value=${this.allowlistDraft}
        .egressAddresses=${f.env.egressAddresses}
        .error=${error}
        @pts-allowlist-change=${(e: PtsEvent<'pts-allowlist-change'>) => {
          this.allowlistDraft = e.detail.value;
        }}
      ></pts-allowlist-status>
      ${unreachable ? this.#renderInlineFallback('unreachable') : nothing}
      ${this.#actions(
        this.#backButton(),
        html`<button type="button" class="btn primary" aria-disabled=${stuck ? 'true' : 'false'} @click=${() => !stuck && this.#continueAllowlist()}>
          ${this.t('root.continue')}
        </button>`,
      )}`;
  }

  #readyItems(f: FlowState, method: AuthMethod | null): ReadyItem[] {
    return readiness(f).map((item) => ({
      key: item.id,
      status: item.status,
      code: item.reason,
      ...(item.id === 'credential-boundary' && method ? { revoke: method.revoke } : {}),
    }));
  }

  #renderAuth(f: Extract<FlowState, { phase: 'auth' | 'auth-required' | 'saving' }>): TemplateResult {
    const { provider, edition } = this.#view(f);
    const method = this.#viewMethod(edition, f.method);
    const grant = isGrant(method);
    const allowed = f.phase !== 'auth-required' && method !== null && (grant || canShowCredentialField(f));
    const required = f.phase === 'auth-required';
    const stateError = f.phase !== 'saving' && f.error && f.error.code !== 'PROVIDER_AUTH_REQUIRED' ? { code: f.error.code } : null;
    const error = this.saveError ?? stateError;
    const messages: MessageBundle | undefined = required
      ? { ...this.messages, 'auth.locked': this.t('root.authRequired.locked') }
      : error?.code === 'AUTH_CANCELLED' && this.authDenied
        ? { ...this.messages, 'error.AUTH_CANCELLED': this.#authErrorText('AUTH_CANCELLED') }
        : this.messages;
    const warnings = limitationWarnings(f);
    const saving = f.phase === 'saving';
    const authorized = f.phase !== 'auth-required' && f.authorization.status === 'completed';
    const ready = canSave(f);
    return html`${f.reconnect ? html`<p class="muted">${icon('refresh')} ${this.t('root.reconnecting', { target: targetName(f.reconnect) })}</p>` : nothing}
      ${warnings.length
        ? this.#notice('warning', html`${warnings.map((w) => html`<p>${w.message}</p>`)}`)
        : nothing}
      ${required && addsInformation(f.error.message, [this.t('auth.required.title', { provider: provider?.label ?? '' }), f.action?.label ?? ''])
        ? html`<p class="why muted">${f.error.message}</p>`
        : nothing}
      ${this.retype ? this.#notice('info', html`<p>${this.t('root.retypeCredential')}</p>`) : nothing}
      <pts-auth
        .messages=${messages}
        .headingLevel=${this.#sub}
        .provider=${provider}
        .edition=${edition}
        .method=${method?.id ?? ''}
        .credentialAllowed=${allowed}
        .authRequired=${required}
        .action=${required ? f.action : null}
        .connecting=${f.phase === 'auth' && f.authorization.status === 'pending'}
        .authorized=${authorized}
        .disabled=${isBusy(f)}
        .hideRevoke=${!required}
        .error=${error}
        .signing=${f.signing ?? ''}
        .fields=${f.credentialFields}
        @pts-auth-method-change=${(e: PtsEvent<'pts-auth-method-change'>) => this.#send({ type: 'choose-auth-method', methodId: e.detail.method })}
        @pts-auth-field-change=${(e: PtsEvent<'pts-auth-field-change'>) =>
          this.#send({ type: 'credential-field-changed', name: e.detail.name, value: e.detail.value })}
        @pts-auth-credential-change=${(e: PtsEvent<'pts-auth-credential-change'>) => {
          this.saveError = null;
          if (e.detail.filled) this.retype = false;
          this.#send({ type: 'credential-changed', entered: e.detail.filled });
        }}
        @pts-auth-signing-change=${(e: PtsEvent<'pts-auth-signing-change'>) => this.#send({ type: 'select-signing', signing: e.detail.signing })}
        @pts-auth-connect=${() => this.#connect()}
        @pts-auth-submit=${() => this.#save()}
      ></pts-auth>
      ${required ? nothing : html`<pts-readiness .messages=${this.messages} .headingLevel=${this.#sub} .items=${this.#readyItems(f, method)}></pts-readiness>`}
      ${this.#actions(
        required ? nothing : this.#backButton(),
        required
          ? html`<button type="button" class="btn primary" @click=${() => this.#send({ type: 'retry-auth' })}>${this.t('root.authRequired.continue')}</button>`
          : html`<button
              type="button"
              id="save"
              class="btn primary"
              aria-disabled=${saving || !ready ? 'true' : 'false'}
              @click=${() => this.#save()}
            >
              ${saving ? html`${icon('spinner', 'spin')}${this.t('root.saving')}` : this.t('root.save')}
            </button>`,
      )}`;
  }

  #renderSaved(f: Extract<FlowState, { phase: 'saved' }>): TemplateResult {
    const { provider, edition } = this.#view(f);
    const method = this.#viewMethod(edition, f.method);
    return html`<div class="notice success" tabindex="-1" data-autofocus>
        ${icon('checkCircle')}
        <div class="body"><p><strong>${this.t('root.saved', { target: targetName(f.target) })}</strong></p></div>
      </div>
      ${this.#renderTargetCard(f.target, provider, edition, method)}
      ${this.#actions(nothing, html`<button type="button" class="btn primary" @click=${() => this.#back()}>${this.t('root.backToTargets')}</button>`)}`;
  }

  #renderFallback(f: Extract<FlowState, { phase: 'fallback' }>): TemplateResult {
    const from = f.from;
    const reason = from.phase === 'url-blocked' ? 'blocked' : from.phase === 'allowlist' && from.allowlistStatus === 'unreachable' ? 'unreachable' : '';
    return html`<pts-fallback
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .available=${f.env.portableExport === true}
        .formats=${this.portable?.formats ?? []}
        .format=${this.#fallbackFormat ?? ''}
        .url=${this.portable?.url ?? ''}
        .reason=${reason}
        .chosen=${this.fallbackConfirmed}
        @pts-fallback-choose=${(e: PtsEvent<'pts-fallback-choose'>) => this.#chooseFallback(e.detail.format)}
      ></pts-fallback>
      ${this.#actions(
        this.#backButton(),
        // Until the choice is confirmed, "Use portable export" is the main action on the page.
        html`<button type="button" class="btn ${this.fallbackConfirmed ? 'primary' : ''}" @click=${() => this.#cancel()}>
          ${this.t('root.backToTargets')}
        </button>`,
      )}`;
  }
}
