import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { CheckName, UrlCheckEntry } from '../../core/contract/schemas.js';
import type { Edition, Provider } from '../../core/providers/types.js';
import { CHECK_NAMES } from '../../core/contract/vocabulary.js';
import { checkLabel, checkList, checkListStyles, checkWords, passedText, type CheckListWords, type CheckRow } from '../base/check-list.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import type { PtsErrorView } from '../base/view.js';
import { PtsHint } from '../hint/hint.js';
import { formatList, hasLanguage, type MessageKey } from '../messages/lookup.js';
import { networkCheckStyles } from './network-check.styles.js';
import { loadUrlPolicy, urlPolicy } from './url-policy.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

/** What the element needs of a server URL check (a `UrlCheckResponse` fits). */
export interface UrlCheckView {
  status: 'passed' | 'blocked';
  checks: readonly UrlCheckEntry[];
  normalized_url?: string | undefined;
}

/**
 * What the element reads of a static URL verdict. The core `staticUrlCheck`
 * result fits; so does any host policy returning the same shape.
 */
export type StaticFeedback =
  | { ok: true }
  | { ok: false; check: CheckName; reason: string; offender?: string | undefined };

/** The static half of the URL policy, run on every keystroke. */
export type StaticCheckFn = (value: string) => StaticFeedback;

type Tone = 'error' | 'neutral' | 'ok';

type OffenderLabel = Extract<MessageKey, `network.offender.${string}`>;

/**
 * Names what a failed check's offender is: an address, a host name, a redirect
 * hop, the identity endpoint, another URL, or a plain value (a scheme, a port).
 */
function offenderLabel(check: CheckName, offender: string): OffenderLabel {
  // A bare number ("443") would parse as an IPv4 address; addresses have dots or colons.
  if (/[.:]/.test(offender) && urlPolicy()?.parseIp(offender)) return 'network.offender.address';
  if (check === 'redirect') return 'network.offender.hop';
  const url = /^[a-z][a-z\d+.-]*:\/\//i.test(offender);
  if (url) return check === 'ownership' ? 'network.offender.endpoint' : 'network.offender.url';
  if (check !== 'scheme' && /^[a-z\d_-]+(\.[a-z\d_-]+)*\.?$/i.test(offender)) return 'network.offender.host';
  return 'network.offender.value';
}

/**
 * The URL field is in the DOM only while both `ownershipConfirmed` and
 * `exportAuthorized` are true. Explanations ("why we ask", what each server
 * check means) sit in `pts-hint` popovers; `define()` registers `pts-hint` too.
 *
 * @summary The network step of a self-hosted or webhook target: ownership and
 * scan/export authorisation first; only then the URL field, with instant
 * static feedback; then the server checks listed one by one with their
 * outcome and the offending address or hop; a blocked URL offers portable
 * export, a cloud target or editing the URL.
 *
 * @tagname pts-network-check
 * @fires {CustomEvent<{ ownershipConfirmed: boolean; exportAuthorized: boolean }>} pts-network-confirm - A confirmation changed.
 * @fires {CustomEvent<{ baseUrl: string }>} pts-network-input - The URL was edited; an earlier server answer is dropped.
 * @fires {CustomEvent<{ baseUrl: string }>} pts-network-run - Run the server checks on the trimmed URL, which passed the static check.
 * @fires {CustomEvent<Record<string, never>>} pts-network-fallback - "Use portable export" on a blocked URL (only with `portableExport`).
 * @fires {CustomEvent<Record<string, never>>} pts-network-cloud - "Choose a cloud target" on a blocked URL (only when the provider has a cloud edition).
 * @fires {CustomEvent<Record<string, never>>} pts-network-edit - "Edit URL" on a blocked URL; focus moves to the field.
 * @csspart input - The URL field.
 * @csspart run - The "Run checks" button.
 * @csspart checks - The list of server checks.
 * @cssstate loading - Server checks are running.
 * @cssstate blocked - The server checks blocked the URL.
 * @cssstate error - The checks could not run.
 */
export class PtsNetworkCheck extends PtsElement {
  static override tag = 'pts-network-check';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, checkListStyles, networkCheckStyles];

  /** Registers the element and the `pts-hint` its explanations open in. */
  static override define(this: CustomElementConstructor & { tag: string }, tag?: string, registry: CustomElementRegistry = customElements): void {
    PtsHint.define(undefined, registry);
    PtsElement.define.call(this, tag, registry);
  }

  /** The catalog's provider: its label in the ownership text, its editions for the cloud way out. */
  @property({ attribute: false }) provider: Provider | null = null;

  /** The chosen edition: its URL placeholder and rules, and whether it is a webhook. */
  @property({ attribute: false }) edition: Edition | null = null;

  /** The customer confirmed their organisation owns or operates the server (or webhook endpoint). */
  @property({ type: Boolean, attribute: 'ownership-confirmed' }) ownershipConfirmed = false;

  /** The customer confirmed they are authorised to allow scans of it and ticket exports to it. */
  @property({ type: Boolean, attribute: 'export-authorized' }) exportAuthorized = false;

  /** The URL as typed. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /**
   * Instant feedback while typing. Defaults to the core `staticUrlCheck`
   * (parse, scheme, user info, port, special-use names, literal addresses); a
   * host whose operator allows private ranges passes one built with its
   * `allow` list, so the hint never contradicts the server.
   */
  @property({ attribute: false }) staticCheck: StaticCheckFn | undefined;

  /** Server checks are running. */
  @property({ type: Boolean }) checking = false;

  /** The server's answer for the current URL; `null` before or after an edit. */
  @property({ attribute: false }) result: UrlCheckView | null = null;

  /** The checks could not run (backend down, rate limited…). */
  @property({ attribute: false }) error: PtsErrorView | null = null;

  /** Whether portable export can be offered when the URL is blocked. */
  @property({ type: Boolean, attribute: 'portable-export' }) portableExport = false;

  @state() private touched = false;
  @state() private attempt = 0;

  @query('#url') private input!: HTMLInputElement | null;

  /** Focuses the first thing to do: an unticked confirmation, else the URL field. */
  override focus(options?: FocusOptions): void {
    const target = this.input ?? this.renderRoot.querySelector<HTMLInputElement>('input[type=checkbox]:not(:checked)');
    target?.focus(options);
  }

  private get confirmed(): boolean {
    return this.ownershipConfirmed && this.exportAuthorized;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!urlPolicy()) void loadUrlPolicy().then(() => this.requestUpdate(), () => undefined);
  }

  /** The instant verdict; `undefined` for an empty field, or while the policy is still loading. */
  private runStatic(value: string): StaticFeedback | undefined {
    if (value.trim() === '') return undefined;
    if (this.staticCheck) return this.staticCheck(value);
    const spec = this.edition?.baseUrl;
    return urlPolicy()?.staticUrlCheck(value, this.edition?.mode === 'webhook' ? {} : { keepsContextPath: spec?.keepsContextPath ?? true });
  }

  private staticText(check: StaticFeedback): string {
    if (check.ok) return this.t('network.static.ok');
    const address = check.offender ?? '';
    switch (check.reason) {
      case 'invalid':
      case 'host':
        return this.t('network.static.invalid', { example: this.edition?.baseUrl?.placeholder ?? this.t('network.exampleUrl') });
      case 'scheme':
        return this.t('network.static.scheme');
      case 'userinfo':
        return this.t('network.static.userinfo');
      case 'ambiguous':
        return this.t('network.static.ambiguous', { character: check.offender ?? '' });
      case 'port':
        return this.t('network.static.port');
      case 'special-name':
        return this.t('network.static.local', { address });
      case 'address':
        return check.check === 'reserved_ip' ? this.t('network.static.reserved', { address }) : this.t('network.static.private', { address });
      default:
        return this.t('network.static.other');
    }
  }

  private onConfirm(which: 'ownership' | 'export', checked: boolean): void {
    if (which === 'ownership') this.ownershipConfirmed = checked;
    else this.exportAuthorized = checked;
    this.emit('pts-network-confirm', { ownershipConfirmed: this.ownershipConfirmed, exportAuthorized: this.exportAuthorized });
  }

  private onInput(event: Event): void {
    this.baseUrl = (event.target as HTMLInputElement).value;
    // Any edit makes an earlier answer stale.
    this.result = null;
    this.emit('pts-network-input', { baseUrl: this.baseUrl });
  }

  /** Shows problems with the URL and focuses the field; true when checks may run. */
  validate(): boolean {
    this.touched = true;
    this.attempt++;
    const check = this.runStatic(this.baseUrl);
    // Without the policy yet, any typed URL goes to the server, which checks it anyway.
    const ok = check ? check.ok : this.baseUrl.trim() !== '' && !urlPolicy() && !this.staticCheck;
    if (!ok) this.updateComplete.then(() => this.input?.focus());
    return ok && this.confirmed;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.checking) return;
    if (this.validate()) this.emit('pts-network-run', { baseUrl: this.baseUrl.trim() });
  }

  private onEdit(): void {
    this.result = null;
    this.emit('pts-network-edit', {});
    this.updateComplete.then(() => {
      this.input?.focus();
      this.input?.select();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.setCustomState('loading', this.checking);
    this.setCustomState('blocked', this.result?.status === 'blocked');
    this.setCustomState('error', !!this.error);
    if (changed.has('baseUrl') && changed.get('baseUrl') !== undefined && this.baseUrl === '') this.touched = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const before = changed.get('result') as UrlCheckView | null | undefined;
    // A block that arrives while the customer is here moves focus to its
    // summary, where the ways on are; one present at first render does not.
    if (changed.has('result') && before !== undefined && this.result?.status === 'blocked' && before?.status !== 'blocked') {
      this.renderRoot.querySelector<HTMLElement>('#blocked-title')?.focus();
    }
  }

  private get webhook(): boolean {
    return this.edition?.mode === 'webhook';
  }

  private checkLabel(name: UrlCheckEntry['name']): string {
    // A webhook has no product to answer as; a signed test event proves the receiver.
    return checkLabel((key, ...args) => this.t(key, ...args), name, this.provider?.label ?? '', this.webhook);
  }

  private checkHelp(name: UrlCheckEntry['name']): string {
    if (name !== 'ownership') return this.t(`network.help.${name}`);
    return this.webhook ? this.t('network.help.ownership.webhook') : this.t('network.help.ownership', { provider: this.provider?.label ?? '' });
  }

  /** What each server check means, in a hint beside the checks' heading. */
  private renderChecksHint(): TemplateResult {
    return html`<pts-hint class="wide" label=${this.t('network.help.label')} placement="bottom-start">
      <p class="hint-intro">${this.t('network.help.intro')}</p>
      <dl class="hint-list">
        ${CHECK_NAMES.map((name) => html`<div><dt>${this.checkLabel(name)}</dt><dd>${this.checkHelp(name)}</dd></div>`)}
      </dl>
    </pts-hint>`;
  }

  private get words(): CheckListWords {
    return {
      ...checkWords((key, ...args) => this.t(key, ...args), this.provider?.label ?? '', this.webhook),
      offender: (row) => this.t(offenderLabel(row.name, row.offender ?? '')),
      // The backend words its detail in English; in another language the reason's own wording stands alone.
      detail: (row) => (hasLanguage(this.resolvedLang) ? undefined : row.detail),
    };
  }

  private renderResults(): TemplateResult | typeof nothing {
    if (!this.checking && !this.result) return nothing;
    const rows: readonly CheckRow[] = this.checking ? CHECK_NAMES.map((name) => ({ name, status: 'pending' })) : (this.result?.checks ?? []);
    return html`<section class="results card" aria-labelledby="results-title" aria-busy=${this.checking ? 'true' : 'false'}>
      <div class="results-head">${this.heading(this.t('network.results'), 'subtitle', 'results-title')}${this.renderChecksHint()}</div>
      ${checkList(rows, this.words, { part: 'checks' })}
    </section>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    if (this.checking) return nothing;
    if (this.error) {
      return html`<div class="notice danger">
        ${icon('warning')}
        <div class="body">
          <p>${this.t(`error.${this.error.code}`)}</p>
          <div class="row">
            <button type="button" class="btn small" @click=${(e: Event) => this.onSubmit(e)}>
              ${icon('refresh')}${this.t('common.retry')}
            </button>
          </div>
        </div>
      </div>`;
    }
    const result = this.result;
    if (!result) return nothing;
    if (result.status === 'passed') {
      return html`<div class="notice success">
        ${icon('checkCircle')}
        <p class="body">${passedText((key, ...args) => this.t(key, ...args), result.checks, result.normalized_url || this.baseUrl.trim())}</p>
      </div>`;
    }
    const words = this.words;
    const failed = result.checks
      .filter((c) => c.status === 'failed')
      .map((c) => (c.reason ? this.t('network.blocked.item', { check: words.label(c.name), outcome: words.outcome(c) }) : words.label(c.name)));
    const cloud = this.provider?.editions.some((e) => e.mode === 'cloud' && !e.baseUrl) ?? false;
    return html`<div class="notice danger blocked">
      ${icon('shield')}
      <div class="body">
        ${this.heading(this.t('network.blocked.title'), 'subtitle', 'blocked-title', true)}
        <p>${this.t('network.blocked.body', { checks: formatList(failed, this.resolvedLang || undefined) })}</p>
        <div class="row actions">
          ${this.portableExport
            ? html`<button type="button" class="btn small primary" @click=${() => this.emit('pts-network-fallback', {})}>
                ${icon('download')}${this.t('network.blocked.export')}
              </button>`
            : nothing}
          ${cloud
            ? html`<button type="button" class="btn small" @click=${() => this.emit('pts-network-cloud', {})}>
                ${icon('cloud')}${this.t('network.blocked.cloud')}
              </button>`
            : nothing}
          <button type="button" class="btn small" @click=${this.onEdit}>${this.t('network.blocked.edit')}</button>
        </div>
      </div>
    </div>`;
  }

  private liveText(): string {
    if (this.checking) return this.t('network.running');
    if (this.error) return this.t(`error.${this.error.code}`);
    if (this.result?.status === 'passed') {
      return passedText((key, ...args) => this.t(key, ...args), this.result.checks, this.result.normalized_url || this.baseUrl.trim());
    }
    if (this.result?.status === 'blocked') return this.t('network.blocked.title');
    return '';
  }

  private renderField(): TemplateResult {
    const spec = this.edition?.baseUrl;
    const webhook = this.webhook;
    const check = this.runStatic(this.baseUrl);
    let tone: Tone | undefined;
    // Once the server has the URL, its answer replaces the static hint.
    if (check?.ok && (this.checking || this.result)) tone = undefined;
    else if (check) tone = check.ok ? 'ok' : check.reason === 'invalid' && !this.touched ? 'neutral' : 'error';
    else if (this.touched && this.attempt > 0) tone = 'error';
    const text = check ? this.staticText(check) : tone === 'error' ? this.t('network.required') : '';
    const feedback = tone
      ? html`<p class="feedback ${tone}" role=${tone === 'error' && this.attempt ? 'alert' : nothing}>
          ${icon(tone === 'ok' ? 'checkCircle' : tone === 'error' ? 'warning' : 'info')}<span>${text}</span>
        </p>`
      : nothing;
    return html`<form novalidate @submit=${this.onSubmit}>
      <div class="field">
        <label class="label" for="url">${this.t(webhook ? 'network.field.webhook' : 'network.field.base')}</label>
        ${spec?.help ? html`<p class="help" id="url-help">${spec.help}</p>` : nothing}
        <div class="url-row">
          <input
            id="url"
            part="input"
            class="input"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            autocapitalize="off"
            placeholder=${spec?.placeholder ?? nothing}
            .value=${live(this.baseUrl)}
            aria-invalid=${tone === 'error' ? 'true' : 'false'}
            aria-describedby=${spec?.help ? 'url-help url-feedback' : 'url-feedback'}
            @input=${this.onInput}
            @blur=${() => (this.touched = this.baseUrl.trim() !== '' || this.touched)}
          />
          <button type="submit" part="run" class="btn primary" aria-disabled=${this.checking ? 'true' : 'false'}>
            ${this.checking ? html`${icon('spinner', 'spin')}${this.t('network.running')}` : this.t('network.run')}
          </button>
        </div>
        <div id="url-feedback">${this.attempt ? keyed(this.attempt, feedback) : feedback}</div>
      </div>
    </form>`;
  }

  override render() {
    const webhook = this.webhook;
    return html`<fieldset class="confirms">
        <legend>${this.t('network.legend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            id="ownership"
            .checked=${live(this.ownershipConfirmed)}
            @change=${(e: Event) => this.onConfirm('ownership', (e.target as HTMLInputElement).checked)}
          />
          <span>${webhook ? this.t('network.ownership.webhook') : this.t('network.ownership', { provider: this.provider?.label ?? '' })}</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            id="authorisation"
            .checked=${live(this.exportAuthorized)}
            @change=${(e: Event) => this.onConfirm('export', (e.target as HTMLInputElement).checked)}
          />
          <span>${this.t('network.authorisation')}</span>
        </label>
      </fieldset>
      ${this.confirmed
        ? this.renderField()
        : html`<p class="locked">
            ${icon('lock')}<span>${this.t('network.confirmFirst')}</span>
            <pts-hint label=${this.t('network.why.label')} placement="bottom">${this.t(webhook ? 'network.why.webhook' : 'network.why')}</pts-hint>
          </p>`}
      ${this.confirmed ? this.renderResults() : nothing} ${this.confirmed ? this.renderOutcome() : nothing}
      <p class="sr-only" role="status">${this.liveText()}</p>`;
  }
}
