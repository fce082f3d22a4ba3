import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cache } from 'lit/directives/cache.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Backend } from '../../client/backend.js';
import type { HeaderSource } from '../../client/http.js';
import { RETRYABLE_CODES } from '../../core/contract/errors.js';
import type { TargetRecord } from '../../core/contract/schemas.js';
import { blockedReason, currentStep, DRAFT_PHASES, isBusy } from '../../core/flow/phases.js';
import { FLOW_STEPS, type FlowEvent, type FlowState, type FlowStep } from '../../core/flow/types.js';
import { PROVIDER_SUMMARIES } from '../../core/providers/summary.js';
import type { DocOverrides } from '../../core/providers/types.js';
import { copyText } from '../base/clipboard.js';
import type { PtsEvent } from '../base/events.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { PtsIntegrationStatus } from '../integration-status/integration-status.js';
import type { MessageBundle } from '../messages/lookup.js';
import { PtsStepPath } from '../step-path/step-path.js';
import { setupContext, type HostFlowEvent, type SetupContextValue } from './context.js';
import { FocusController } from './focus-controller.js';
import { defineLaterIn, loadLater, whenIdle } from './lazy.js';
import { setupStyles } from './provider-target-setup.styles.js';
import { SetupController } from './setup-controller.js';
import { buildSupportDetails } from './support.js';

/** Steps passed over on the way to portable export: between where it was chosen and the last step. */
function skippedSteps(f: FlowState): FlowStep[] {
  if (f.phase !== 'fallback') return [];
  const from = FLOW_STEPS.indexOf(currentStep(f.from));
  return FLOW_STEPS.filter((_, i) => i > from && i < FLOW_STEPS.length - 1);
}

/**
 * State lives in one immutable `FlowState`, replaced on every change, held by
 * the element's setup controller; the built-in `pts-*` sub-elements get what
 * they show as plain properties, so each of them also renders alone. Each step's
 * element owns what the customer types until they continue, and hands it up
 * with one event; the flow keeps confirmed choices, and Back and forward offer
 * them again.
 *
 * The same state is offered to the host through `@lit/context`
 * (`setupContext`, subscribe to follow changes): a read API for elements the
 * host places inside, such as in the `footer` slot. The built-in sub-elements
 * do not read it.
 *
 * The integration status renders from the first chunk; the later steps, each
 * provider's detail, the hint popover and the URL policy load on demand and
 * are fetched at idle after the first render.
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
 * @fires {TargetConfiguredEvent} target-configured - The backend stored the export settings (where tickets go, duplicate handling, webhook events) on the target. Detail `TargetConfiguredDetail`: `{ target: TargetRecord }`.
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
 * @csspart button - Every button of every step; also `button-primary`, `button-danger`, `button-ghost`.
 * @csspart input - Every text field (tenant, base URL, credential).
 * @csspart check - Every radio button and checkbox.
 * @csspart card - Cards (a provider of the status list, the saved target).
 * @csspart choice - A labelled radio or checkbox row.
 * @csspart notice - Every notice; also `notice-info`, `notice-success`, `notice-warning`, `notice-danger`.
 * @csspart link - Links to provider pages and documentation.
 * @csspart step-list - The step path's list; its `step-item`, `step-marker`, `step-name`, `step-connector`, and `step-toggle` (the compact path's button).
 * @csspart export - The ticket export overview's settings section (destination, duplicate handling; webhook events).
 * @csspart export-settings - The list of saved export settings in it.
 * @csspart test - The ticket export overview's test export section.
 * @csspart footer - The footer with "Copy support details", the `footer` slot and Cancel (while a target is being drafted, `DRAFT_PHASES`).
 * @cssstate loading - A backend call is in flight (status, URL check, save, revoke, authorisation), or a step the customer asked for is still loading.
 * @cssstate blocked - The flow is blocked (auth required, URL blocked, allowlist missing, ownership unclear, provider limitation).
 * @cssstate saved - The target was saved.
 * @cssstate error - An error is shown.
 * @cssprop [--pts-max-width=880px] - Widest the card grows.
 */
export class ProviderTargetSetup extends PtsElement {
  static override tag = 'provider-target-setup';
  static override styles = [PtsElement.styles, setupStyles];

  /**
   * Registers the element and the `pts-*` sub-elements of its first step; the
   * later steps' sub-elements are registered in the same registry as soon as
   * they load: at idle after this call, or earlier when first needed. Taken
   * tags are skipped.
   */
  static override define(
    this: CustomElementConstructor & { tag: string },
    tag?: string,
    registry: CustomElementRegistry = customElements,
  ): void {
    PtsStepPath.define(undefined, registry);
    PtsIntegrationStatus.define(undefined, registry);
    defineLaterIn(registry);
    PtsElement.define.call(this, tag, registry);
    whenIdle(() => void loadLater().catch(() => undefined));
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

  /** Opens an existing target: one in `auth_required` opens at its auth step, a connected one at its ticket export overview. */
  @property({ attribute: 'target-id' }) targetId = '';

  /**
   * `external`: the host runs the provider-specific setup itself, and the flow
   * ends at save. Otherwise, after save the customer chooses where tickets go,
   * how duplicates are handled, and can send a test ticket (when the backend
   * offers those routes).
   */
  @property({ attribute: 'export-setup' }) exportSetup: '' | 'external' = '';

  /** Documentation-link overrides per provider (`DocOverrides`); only http(s) addresses are used. */
  @property({ attribute: false }) docLinks: DocOverrides | undefined;

  override headingLevel = 2;

  @state() private supportCopy: 'idle' | 'copied' | 'failed' = 'idle';

  readonly #focus = new FocusController(this);
  readonly #setup = new SetupController(this, this.#focus);
  readonly #context = new ContextProvider(this, { context: setupContext, initialValue: this.#contextValue() });
  #contextInputs: readonly unknown[] = [];
  #needsLoad = false;
  #phase: FlowState['phase'] = 'status';

  // ------------------------------------------------------------------ public API

  /** The current flow state (immutable; replaced on every change). */
  get state(): FlowState {
    return this.#setup.state;
  }

  /** Saved targets as the backend last reported them. */
  get targets(): readonly TargetRecord[] {
    return this.#setup.targets;
  }

  /** Loads `/status` again. */
  reload(): void {
    this.#setup.loadStatus();
  }

  /** A redacted summary for support: provider, mode, host, check results, error codes, time. Never a secret. */
  supportDetails(): string {
    const setup = this.#setup;
    const later = setup.later;
    return buildSupportDetails({
      state: setup.state,
      errors: setup.errors,
      lastChecks: setup.lastChecks,
      ...(setup.state.phase === 'fallback' && later ? { fallback: { confirmed: later.fallbackConfirmed, format: later.fallbackFormat } } : {}),
    });
  }

  /** Copies `supportDetails()` to the clipboard; resolves with whether it worked. */
  async copySupportDetails(): Promise<boolean> {
    const ok = await copyText(this.supportDetails(), this.renderRoot as ShadowRoot);
    this.supportCopy = ok ? 'copied' : 'failed';
    this.#setup.announce(this.t(ok ? 'root.copiedSupport' : 'root.copyFailed'));
    return ok;
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#needsLoad = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const setup = this.#setup;
    const backendChanged =
      changed.has('backend') || changed.has('endpoint') || changed.has('headers') || changed.has('credentials') || changed.has('timeout');
    if (backendChanged) setup.backendChanged();

    if (!this.hasUpdated) setup.start();
    else if (changed.has('provider') && this.provider) setup.chooseProvider(this.provider);

    if (this.#needsLoad || (backendChanged && this.hasUpdated)) {
      this.#needsLoad = false;
      setup.loadStatus();
    } else if (changed.has('targetId') && this.hasUpdated) {
      setup.openRequestedTarget();
    }

    const f = setup.state;
    if (f.phase !== this.#phase) {
      this.#phase = f.phase;
      this.supportCopy = 'idle';
    }
    this.setCustomState('loading', this.#loading);
    this.setCustomState('blocked', blockedReason(f) !== null);
    this.setCustomState('saved', f.phase === 'saved' || (f.phase === 'export-setup' && f.afterSave));
    this.setCustomState('error', this.#hasError);

    const inputs = [f, setup.targets, setup.portable, setup.statusLoading, setup.statusError, this.messages, this.docLinks];
    if (inputs.some((value, i) => value !== this.#contextInputs[i])) {
      this.#contextInputs = inputs;
      this.#context.setValue(this.#contextValue());
    }
  }

  protected override firstUpdated(): void {
    // Nothing the first screen needs waits for this: the later steps and what they use arrive at idle.
    whenIdle(() => void loadLater().then((later) => later.prefetch(), () => undefined));
  }

  get #loading(): boolean {
    const setup = this.#setup;
    const f = setup.state;
    return setup.statusLoading || setup.openingTarget || setup.waiting > 0 || isBusy(f) || (f.phase === 'auth' && f.authorization.status === 'pending');
  }

  get #hasError(): boolean {
    const setup = this.#setup;
    const f = setup.state;
    return !!(setup.statusError || setup.targetError || setup.later?.saveError || ('error' in f && f.error));
  }

  #contextValue(): SetupContextValue {
    const setup = this.#setup;
    return Object.freeze({
      state: setup.state,
      providers: PROVIDER_SUMMARIES,
      targets: setup.targets,
      portableExport: setup.portable,
      loading: setup.statusLoading,
      statusError: setup.statusError,
      messages: this.messages as MessageBundle | undefined,
      send: (event: HostFlowEvent) => this.#sendFromHost(event),
      reload: () => this.reload(),
    });
  }

  /** A flow event from the host: a provider it names is replaced by the whole provider, loaded when needed. */
  #sendFromHost(event: HostFlowEvent): void {
    const setup = this.#setup;
    const named = event.type === 'select-provider' || event.type === 'open-target' ? event : undefined;
    void setup.ready(named?.provider.id).then((provider) => {
      if (!named) setup.send(event as FlowEvent);
      else if (provider) setup.send({ ...named, provider });
    }, () => undefined);
  }

  // ------------------------------------------------------------------ render

  get #sub(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + 2);
  }

  #notice(tone: 'danger' | 'warning', body: TemplateResult, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`<div class="notice ${tone}">${icon('warning')}<div class="body">${body}${extra}</div></div>`;
  }

  #retry(run: () => void): TemplateResult {
    return html`<div class="row"><button type="button" class="btn small" @click=${run}>${icon('refresh')}${this.t('common.retry')}</button></div>`;
  }

  override render() {
    const setup = this.#setup;
    const f = setup.state;
    const step = currentStep(f);
    const index = FLOW_STEPS.indexOf(step);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    // Earlier steps are reachable while a target is drafted; a saved record is left with its own Back.
    const navigable = !isBusy(f) && index > 0 && (DRAFT_PHASES.has(f.phase) || f.phase === 'fallback');
    // Steps left by Back keep their elements, and with them what the customer typed, for the way forward; a new draft starts afresh.
    const draft = `${f.kept.provider ?? ''}/${f.kept.edition ?? ''}`;
    return html`<section class="shell card" part="base" aria-labelledby="title" aria-busy=${this.#loading ? 'true' : 'false'}>
      <header part="header">
        <div role="heading" aria-level=${level} class="title" id="title">${this.t('root.title')}</div>
        <pts-step-path
          .messages=${this.messages}
          .current=${step}
          .blocked=${blockedReason(f) !== null}
          .navigable=${navigable}
          .skipped=${skippedSteps(f)}
          @pts-step-select=${(e: PtsEvent<'pts-step-select'>) => setup.later?.goToStep(e.detail.step)}
        ></pts-step-path>
      </header>
      ${this.#renderGlobalNotices(step)}
      <div class="step" part="step">
        <p class="eyebrow" aria-hidden="true">${this.t('steps.position', { index: index + 1, total: FLOW_STEPS.length })}</p>
        <div id="step-heading" part="step-heading" class="step-heading" role="heading" aria-level=${Math.min(6, level + 1)} tabindex="-1">
          ${this.t(`steps.${step}`)}
        </div>
        ${keyed(draft, html`${cache(f.phase === 'status' ? this.#renderStatus() : (setup.later?.render() ?? nothing))}`)}
      </div>
      <footer part="footer">
        <div class="row">
          <button type="button" class="btn ghost small" @click=${() => void this.copySupportDetails()}>
            ${icon(this.supportCopy === 'copied' ? 'check' : 'copy')}${this.t(this.supportCopy === 'copied' ? 'root.copiedSupport' : 'root.copySupport')}
          </button>
          <slot name="footer"></slot>
        </div>
        ${DRAFT_PHASES.has(f.phase)
          ? html`<button type="button" class="btn ghost small" @click=${() => setup.send({ type: 'cancel' })}>${this.t('root.cancel')}</button>`
          : nothing}
      </footer>
      ${this.supportCopy === 'failed'
        ? html`<div class="support-fallback">
            <label for="support-text">${this.t('root.copyFailed')}</label>
            <textarea id="support-text" readonly rows="8">${this.supportDetails()}</textarea>
          </div>`
        : nothing}
      <div class="sr-only" role="status" aria-live="polite">${keyed(setup.politeKey, html`<span>${setup.polite}</span>`)}</div>
      <div class="sr-only" role="alert" aria-live="assertive">${keyed(setup.assertiveKey, html`<span>${setup.assertive}</span>`)}</div>
    </section>`;
  }

  #renderGlobalNotices(step: FlowStep): TemplateResult | typeof nothing {
    const setup = this.#setup;
    if (!this.backend && !this.endpoint) return html`<div class="notice warning">${icon('warning')}<div class="body"><p>${this.t('root.noBackend')}</p></div></div>`;
    if (setup.statusError && step !== 'status') {
      return this.#notice(
        'danger',
        html`<p><strong>${this.t('status.loadFailed')}</strong> ${this.t(`error.${setup.statusError.code}`)}</p>`,
        this.#retry(() => this.reload()),
      );
    }
    // A preselected provider starts past the status step: say that /status is still on its way, without holding the step.
    if (setup.statusLoading && step !== 'status') {
      return html`<p class="muted loading-line status-loading">${icon('spinner', 'spin')}${this.t('root.statusLoading')}</p>`;
    }
    return nothing;
  }

  #renderStatus(): TemplateResult {
    const setup = this.#setup;
    const targetError = setup.targetError;
    const reconnect = (id: string): void => {
      const target = setup.targetById(id);
      if (target) void setup.openTarget(target, (s) => s.phase === 'existing-target' && void setup.send({ type: 'reconnect' }));
    };
    const revoke = (id: string): void => {
      const target = setup.targetById(id);
      if (target) void setup.openTarget(target, () => void setup.send({ type: 'revoke-started' }));
    };
    return html`${targetError
        ? this.#notice(
            'danger',
            html`<p>${this.t(`error.${targetError.code}`)}</p>`,
            RETRYABLE_CODES.has(targetError.code) ? this.#retry(() => setup.retryTarget()) : nothing,
          )
        : nothing}
      ${setup.openingTarget ? html`<p class="muted loading-line">${icon('spinner', 'spin')}${this.t('root.openingTarget')}</p>` : nothing}
      <pts-integration-status
        .messages=${this.messages}
        .headingLevel=${this.#sub}
        .targets=${setup.targets}
        .loading=${setup.statusLoading || !setup.started}
        .error=${setup.statusError}
        .targetsUnknown=${setup.portable === null}
        .omitted=${setup.omitted}
        @pts-status-add=${(e: PtsEvent<'pts-status-add'>) => setup.chooseProvider(e.detail.provider)}
        @pts-status-reconnect=${(e: PtsEvent<'pts-status-reconnect'>) => reconnect(e.detail.targetId)}
        @pts-status-revoke=${(e: PtsEvent<'pts-status-revoke'>) => revoke(e.detail.targetId)}
        @pts-status-retry=${() => this.reload()}
      ></pts-integration-status>`;
  }
}
