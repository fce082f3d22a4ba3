/**
 * Everything past the integration status, loaded on demand: the flow's
 * transitions, what follows a new phase (notices reset, the backend call it
 * needs), the customer's actions on the later steps, and their templates.
 *
 * What the customer is typing stays in the step's own element until they
 * continue; the element then hands it up with one event and the flow keeps
 * it as a confirmed choice. This controller holds only what the steps say
 * about the last attempt (an error, a vetoed revoke, a confirmed fallback).
 */
import type { ReactiveController, TemplateResult } from 'lit';
import type { ErrorCode } from '../../../core/contract/errors.js';
import type { TargetRecord, UrlCheckEntry } from '../../../core/contract/schemas.js';
import { transition } from '../../../core/flow/machine.js';
import { canSave } from '../../../core/flow/selectors.js';
import { currentStep, isBusy, selectedEdition, selectedProvider } from '../../../core/flow/phases.js';
import { FLOW_STEPS, type FlowError, type FlowErrorInput, type FlowEvent, type FlowState, type FlowStep } from '../../../core/flow/types.js';
import { recommendedMethod, withDocOverrides } from '../../../core/providers/read.js';
import { isGrantKind, type AuthMethod, type Edition, type Provider } from '../../../core/providers/types.js';
import type { PtsAuth } from '../../auth/auth.js';
import { localProvider } from '../../base/catalog-text.js';
import type { PtsErrorView } from '../../base/view.js';
import { BackendCall } from '../backend-call.js';
import { draftOf } from '../draft.js';
import { FallbackChosenEvent, TargetBlockedEvent, TargetRevokeRequestEvent } from '../events.js';
import type { SetupController } from '../setup-controller.js';
import { AuthorisationController } from './auth.js';
import { FlowCalls } from './calls.js';
import { renderAuth } from './credential-step.js';
import { renderDeployment } from './deployment-step.js';
import { renderFallback } from './fallback-step.js';
import { renderAllowlist, renderNetwork, renderTenant } from './network-step.js';
import { renderExisting, renderSaved } from './record-steps.js';
import { renderExportSetup, renderOverview } from './export-steps.js';
import { canExport } from '../../../core/flow/export.js';

/** Codes that stop the flow until the customer acts; they become `target-blocked`. */
const BLOCK_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PROVIDER_AUTH_REQUIRED',
  'PROVIDER_BASE_URL_BLOCKED',
  'ALLOWLIST_STATUS_MISSING',
  'OWNERSHIP_UNCONFIRMED',
  'PROVIDER_LIMITATION',
]);

/** What a lost save answer turned out to be once the list was read again. */
export type SaveOutcome = 'absent' | 'unknown';

export class Later implements ReactiveController {
  readonly setup: SetupController;
  readonly calls: FlowCalls;
  readonly auth: AuthorisationController;

  /** Continue at the deployment step with no edition chosen. */
  modeError = false;
  /** Why the last save did not go through, shown at the credential step. */
  saveError: PtsErrorView | null = null;
  /** The last save answer was lost: whether the list showed it absent or could not be read. */
  saveOutcome: SaveOutcome | null = null;
  /** `TARGET_EXISTS`: the id of the saved target that holds this place. */
  existingTarget: string | null = null;
  /** The credential was emptied after a failed save and must be typed again. */
  retype = false;
  /** The host answered `target-revoke-request` with `preventDefault()`. */
  revokeVetoed = false;
  /** Portable export was confirmed (with its format) and `fallback-chosen` fired. */
  fallbackConfirmed = false;
  fallbackFormat: string | undefined;
  /** The last test export could not be asked for (not a failed test: that is on the record). */
  testError: FlowError | null = null;

  /** Fetches an existing target the list does not hold yet. */
  readonly #existing: BackendCall<[string, boolean], TargetRecord>;
  /** Reads the overview's record again after the provider refused its credential on a test. */
  readonly #reread: BackendCall<[string], TargetRecord>;

  constructor(setup: SetupController) {
    this.setup = setup;
    setup.host.addController(this);
    this.calls = new FlowCalls(this);
    this.auth = new AuthorisationController(this);
    this.#reread = new BackendCall(setup.host, setup, {
      run: (backend, [id], signal) => backend.getTarget(id, { signal }),
      current: ([id]) => setup.state.phase === 'existing-target' && setup.state.target.id === id,
      done: (record) => {
        setup.upsert(record);
        // A record that needs authorisation opens at its auth step, with the provider's action.
        setup.batched(() => {
          setup.send({ type: 'back' });
          void setup.openTarget(record, (s) => s.phase === 'existing-target' && s.target.state !== 'connected' && void setup.send({ type: 'reconnect' }));
        });
      },
    });
    this.#existing = new BackendCall(setup.host, setup, {
      run: (backend, [id], signal) => backend.getTarget(id, { signal }),
      current: () => setup.state.phase === 'auth',
      done: (record, [, reconnect]) => {
        setup.upsert(record);
        this.#leaveFor(record, reconnect);
      },
    });
  }

  hostDisconnected(): void {
    this.calls.abortAll();
    this.auth.close();
  }

  get host(): SetupController['host'] {
    return this.setup.host;
  }

  /** Heading level of the sub-elements: two below the root's title. */
  get sub(): number {
    return Math.min(6, Math.max(1, Math.round(this.host.headingLevel) || 2) + 2);
  }

  // ------------------------------------------------------------------ transitions

  /** The machine's transition; entering the credential step without a method preselects the catalog's recommendation. */
  transition(state: FlowState, event: FlowEvent): FlowState {
    let next = transition(state, event);
    if (next.phase === 'auth' && next.method === null) {
      const recommended = recommendedMethod(next.edition);
      if (recommended) next = transition(next, { type: 'choose-auth-method', methodId: recommended.id });
    }
    return next;
  }

  /** The state a flow opened with a preselected provider starts in (no step change is announced). */
  start(state: FlowState, provider: Provider): FlowState {
    const next = this.transition(state, { type: 'select-provider', provider });
    this.changed(state, next);
    return next;
  }

  /** What follows an accepted change: notices of a left phase go, and the call the new phase needs starts. */
  changed(before: FlowState, next: FlowState): void {
    if (before.phase !== next.phase) this.#entered(before, next);
    if (next.phase === 'checking' && (before.phase !== 'checking' || before.pending.seq !== next.pending.seq)) this.calls.check(next);
    if (next.phase === 'saving' && before.phase !== 'saving') {
      // The one place the secret leaves its input: straight into this request, and the input is emptied.
      const credential = isGrantKind(next.method) ? '' : (this.host.renderRoot.querySelector<PtsAuth>('pts-auth')?.takeCredential() ?? '');
      this.saveError = null;
      this.saveOutcome = null;
      this.existingTarget = null;
      this.retype = false;
      this.calls.save(next, credential);
    }
    if (next.phase === 'revoking' && before.phase !== 'revoking') this.calls.revoke(next);
    if (next.phase === 'export-saving' && before.phase !== 'export-saving') this.calls.saveExport(next);
    if (next.phase === 'testing' && before.phase !== 'testing') {
      this.testError = null;
      this.calls.test(next);
    }
  }

  #entered(before: FlowState, next: FlowState): void {
    const left = (phases: readonly FlowState['phase'][]): boolean => phases.includes(before.phase) && !phases.includes(next.phase);
    if (next.phase === 'edition' || next.phase === 'limitation-blocked') this.modeError = false;
    if (left(['checking'])) this.calls.abortCheck();
    if (left(['auth', 'saving', 'auth-required'])) {
      this.saveError = null;
      this.saveOutcome = null;
      this.existingTarget = null;
      this.retype = false;
    }
    if (left(['auth', 'saving'])) this.auth.reset();
    if (left(['existing-target', 'testing'])) this.testError = null;
    this.revokeVetoed = false;
  }

  send(event: FlowEvent): FlowState {
    return this.setup.send(event);
  }

  blocked(code: ErrorCode, checks: readonly UrlCheckEntry[] | undefined, from: FlowState): void {
    if (!BLOCK_CODES.has(code)) return;
    this.host.dispatchEvent(new TargetBlockedEvent({ code, ...(checks && checks.length ? { checks: [...checks] } : {}), draft: draftOf(from) }));
  }

  // ------------------------------------------------------------------ save outcomes

  /** A save that failed, once its outcome is known (or known to be unknown). */
  saveFailed(error: FlowErrorInput, checks: readonly UrlCheckEntry[] | undefined, saving: FlowState, outcome?: SaveOutcome): void {
    const next = this.send({ type: 'save-failed', error });
    this.saveOutcome = outcome ?? null;
    this.existingTarget = error.code === 'TARGET_EXISTS' ? (error.target_id ?? null) : null;
    this.afterFailedSave(next, error.code);
    this.blocked(error.code, checks, saving);
  }

  afterFailedSave(next: FlowState, code: ErrorCode): void {
    const typed = next.phase === 'auth' && next.method !== null && !isGrantKind(next.method);
    if (next.phase === 'auth') {
      this.saveError = next.error ? { code: next.error.code } : { code };
      // The input was emptied for the request; the flow must not think it still holds a credential.
      if (typed && next.credentialEntered) this.send({ type: 'credential-changed', entered: false });
      this.retype = typed;
    }
    if (code === 'REQUEST_ABORTED') return;
    this.setup.announce(this.failureText(next, code), true);
  }

  /** How a failed save is told: a limitation by its title, a lost answer by what the list showed, else the code's text. */
  failureText(next: FlowState, code: ErrorCode): string {
    const say = this.setup.say;
    if (next.phase === 'limitation-blocked') return say('root.limitation.title', { edition: this.view(next).edition?.label ?? next.edition.label });
    if (this.saveOutcome) return say(this.saveOutcome === 'absent' ? 'root.saveAbsent' : 'root.saveUnknown');
    return this.setup.errorText(code);
  }

  // ------------------------------------------------------------------ views

  /** A provider as the customer sees it: with the host's documentation links, which may change at any time. */
  #withLinks(provider: Provider): Provider {
    const links = this.host.docLinks;
    return links ? (withDocOverrides(links, [provider])[0] ?? provider) : provider;
  }

  /**
   * The catalog entries of a state with the host's link overrides, looked up
   * fresh by id, with their texts in the element's language.
   */
  view(state: FlowState): { provider: Provider | null; edition: Edition | null } {
    const p = selectedProvider(state);
    const e = selectedEdition(state);
    const provider = p ? localProvider(this.host, this.#withLinks(p)) : null;
    const edition = e ? (provider?.editions.find((x) => x.id === e.id) ?? e) : null;
    return { provider, edition };
  }

  viewMethod(edition: Edition | null, method: AuthMethod | null | undefined): AuthMethod | null {
    if (!method) return null;
    return edition?.authMethods.find((m) => m.id === method.id) ?? method;
  }

  /** The current later step's template. */
  render(): TemplateResult | undefined {
    const f = this.setup.state;
    switch (f.phase) {
      case 'status':
        return undefined;
      case 'existing-target':
        return this.exportEnabled && canExport(f.target) ? renderOverview(this, f) : renderExisting(this, f);
      case 'testing':
        return renderOverview(this, f);
      case 'export-setup':
      case 'export-saving':
        return renderExportSetup(this, f);
      case 'revoke-at-provider':
      case 'revoke-disconnect':
      case 'revoking':
      case 'revoked':
        return renderExisting(this, f);
      case 'edition':
      case 'limitation-blocked':
        return renderDeployment(this, f);
      case 'tenant':
        return renderTenant(this, f);
      case 'ownership':
      case 'base-url':
      case 'checking':
      case 'url-blocked':
        return renderNetwork(this, f);
      case 'allowlist':
        return renderAllowlist(this, f);
      case 'auth':
      case 'auth-required':
      case 'saving':
        return renderAuth(this, f);
      case 'saved':
        return renderSaved(this, f);
      case 'fallback':
        return renderFallback(this, f);
    }
  }

  // ------------------------------------------------------------------ export

  /**
   * Whether the element runs the provider-specific setup after save: not when
   * the host runs it itself (`export-setup="external"`), nor with a backend
   * that cannot list destinations and store settings; the flow then ends at save.
   */
  get exportEnabled(): boolean {
    const host = this.host;
    if (host.exportSetup === 'external') return false;
    const b = host.backend;
    if (b) return typeof b.listDestinations === 'function' && typeof b.saveExportSettings === 'function';
    return !!host.endpoint;
  }

  /** Whether the backend can run a test export. */
  get testEnabled(): boolean {
    const b = this.host.backend;
    return this.exportEnabled && (b ? typeof b.runTestExport === 'function' : true);
  }

  /** The provider refused the credential on a test: the record, read again, is reconnected. */
  reconnectAfterTest(): void {
    const f = this.setup.state;
    if (f.phase === 'existing-target') this.#reread.run(f.target.id);
  }

  /** A test export from the overview; without saved settings it says what is missing. */
  runTest(): void {
    const f = this.setup.state;
    if (f.phase !== 'existing-target') return;
    if (!f.target.export_settings) {
      this.setup.announce(this.setup.say('overview.test.needsSettings'), true);
      return;
    }
    this.send({ type: 'test-requested' });
  }

  // ------------------------------------------------------------------ actions

  back(): void {
    this.send({ type: 'back' });
  }

  /** Goes back step by step until the chosen (earlier) step is reached. */
  goToStep(step: FlowStep): void {
    const goal = FLOW_STEPS.indexOf(step);
    this.setup.batched(() => {
      for (let i = 0; i < 12 && FLOW_STEPS.indexOf(currentStep(this.setup.state)) > goal; i++) {
        if (this.send({ type: 'back' }).rejected) break;
      }
    });
  }

  chooseEdition(editionId: string): void {
    const before = this.setup.state;
    const next = this.send({ type: 'select-edition', editionId });
    // Continue on the edition that stopped the flow changes nothing: say why.
    if (next === before && next.phase === 'limitation-blocked') {
      this.setup.announce(this.setup.say('root.limitation.title', { edition: this.view(next).edition?.label ?? next.edition.label }), true);
    }
  }

  /** A blocking limitation's suggested alternative: another edition, maybe of another provider. */
  async alternative(providerId: string, editionId: string): Promise<void> {
    const current = selectedProvider(this.setup.state);
    const provider = current?.id === providerId ? current : await this.setup.ready(providerId).catch(() => undefined);
    if (!provider) return;
    this.setup.batched(() => {
      if (current?.id !== providerId) this.send({ type: 'select-provider', provider });
      this.send({ type: 'select-edition', editionId });
    });
  }

  toCloud(): void {
    const provider = selectedProvider(this.setup.state);
    const cloud = provider?.editions.find((ed) => ed.mode === 'cloud' && !ed.baseUrl);
    if (cloud) this.send({ type: 'select-edition', editionId: cloud.id });
  }

  /**
   * Portable export. `fallback-chosen` fires once per decision, with the format
   * it was made in. A choice made without a format (the blocked URL's button)
   * while several formats are offered opens the portable-export step, where the
   * format is picked and the choice confirmed.
   */
  chooseFallback(format?: string): void {
    const current = this.setup.state;
    if (current.phase === 'fallback') {
      if (!this.fallbackConfirmed) this.#confirmFallback(current.from, format);
      return;
    }
    const next = this.send({ type: 'fallback-chosen' });
    if (next.phase !== 'fallback') return;
    const formats = this.setup.portable?.formats ?? [];
    this.fallbackFormat = undefined;
    this.fallbackConfirmed = false;
    if (format !== undefined || formats.length <= 1) this.#confirmFallback(current, format ?? formats[0]);
  }

  #confirmFallback(from: FlowState, format: string | undefined): void {
    const say = this.setup.say;
    this.fallbackFormat = format;
    this.fallbackConfirmed = true;
    this.host.dispatchEvent(new FallbackChosenEvent({ draft: draftOf(from), ...(format ? { format } : {}) }));
    this.setup.announce(format ? say('fallback.chosenAs', { format: format.toUpperCase() }) : say('fallback.chosen'));
  }

  save(): void {
    const f = this.setup.state;
    if (f.phase !== 'auth') return;
    if (!canSave(f)) {
      const auth = this.host.renderRoot.querySelector<PtsAuth>('pts-auth');
      if (f.method && isGrantKind(f.method)) {
        this.setup.announce(this.setup.say('root.authorizeFirst'), true);
        auth?.focus();
      } else {
        auth?.validate();
      }
      return;
    }
    this.send({ type: 'save-requested' });
  }

  confirmRevoke(): void {
    const f = this.setup.state;
    if (f.phase !== 'revoke-disconnect') return;
    const request = new TargetRevokeRequestEvent({ target: f.target });
    this.revokeVetoed = !this.host.dispatchEvent(request);
    if (this.revokeVetoed) {
      // Nothing changes on screen otherwise: say so, politely; focus stays on the Disconnect button.
      this.setup.announce(this.setup.say('root.revokeVetoed'));
      return;
    }
    this.send({ type: 'disconnect-requested' });
  }

  acknowledgeRevoke(revokedAtProvider: boolean): void {
    const f = this.setup.state;
    if (revokedAtProvider && f.phase === 'revoke-at-provider') this.send({ type: 'revoked-at-provider-confirmed' });
    else if (!revokedAtProvider && f.phase === 'revoke-disconnect') this.send({ type: 'back' });
  }

  cancelRevoke(): void {
    this.setup.batched(() => {
      for (let i = 0; i < 3 && (this.setup.state.phase === 'revoke-at-provider' || this.setup.state.phase === 'revoke-disconnect'); i++) {
        this.send({ type: 'back' });
      }
    });
  }

  /** `TARGET_EXISTS`: leaves this draft for the saved target that holds its place, opened or to reconnect. */
  openExisting(id: string, reconnect: boolean): void {
    const known = this.setup.targetById(id);
    if (known) this.#leaveFor(known, reconnect);
    else this.#existing.run(id, reconnect);
  }

  #leaveFor(target: TargetRecord, reconnect: boolean): void {
    const setup = this.setup;
    if (isBusy(setup.state)) return;
    setup.send({ type: 'cancel' });
    void setup.openTarget(target, (s) => {
      if (reconnect && s.phase === 'existing-target') setup.send({ type: 'reconnect' });
    });
  }
}
