import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { Action } from '../../core/contract/schemas.js';
import { tokenWarningCodes, type TokenWarning } from '../../core/providers/read.js';
import { generateSigningSecret, signingSecretProblem, type SigningSecretProblem } from '../../core/providers/signing-secret.js';
import { isGrantKind, testPattern, type AuthMethod, type Edition, type Provider, type WebhookSigning } from '../../core/providers/types.js';
import { copyText } from '../base/clipboard.js';
import { icon } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import type { PtsErrorView } from '../base/view.js';
import { authStyles } from './auth.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

type SigningId = WebhookSigning['id'];

function fieldValid(field: { pattern?: RegExp | undefined }, value: string): boolean {
  return value.trim() !== '' && (!field.pattern || testPattern(field.pattern, value.trim()));
}

/**
 * The credential input exists only while `credentialAllowed` is true. Its
 * value is never bound to a property, attribute or event: the root reads it
 * once with `takeCredential()`, which also clears it.
 *
 * @summary The credential step: the auth method (from the edition's catalog
 * entry, with token type, least permissions and what each grants), then either
 * a "Connect with <provider>" button (OAuth, app install) or the credential
 * field. Shows the provider's exact action when it answered
 * `PROVIDER_AUTH_REQUIRED`.
 *
 * @tagname pts-auth
 * @fires {CustomEvent<{ method: string; kind: AuthKind; tokenType: string }>} pts-auth-method-change - A method was chosen; the credential field is cleared.
 * @fires {CustomEvent<{ name: string; value: string; valid: boolean }>} pts-auth-field-change - A non-secret extra field changed.
 * @fires {CustomEvent<{ filled: boolean; warnings: number }>} pts-auth-credential-change - The credential became usable or not; never carries the value. A signing secret counts only once it is strong enough and the customer confirmed storing it.
 * @fires {CustomEvent<Record<string, never>>} pts-auth-submit - Enter in the form with every field valid and the credential filled.
 * @fires {CustomEvent<{ method: string; kind: AuthKind }>} pts-auth-connect - "Connect with <provider>" for OAuth or app install.
 * @fires {CustomEvent<{ signing: 'standard-webhooks' | 'github-hmac-sha256' }>} pts-auth-signing-change - A webhook signing scheme was chosen.
 * @csspart auth-required - The notice with the provider's exact action after `PROVIDER_AUTH_REQUIRED`.
 * @csspart credential - The credential input.
 * @csspart connect - The "Connect with <provider>" button.
 * @csspart generate - The button that generates a signing secret.
 * @csspart copy-secret - The button that copies the signing secret.
 * @csspart secret-stored - The "I have stored this secret" checkbox.
 * @cssstate loading - Waiting for the provider's authorisation window (`connecting`).
 * @cssstate error - An error is shown, or the provider asked for authorisation again (`authRequired`).
 */
export class PtsAuth extends PtsElement {
  static override tag = 'pts-auth';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, authStyles];

  /** The catalog's provider (its label names the connect button and notices). */
  @property({ attribute: false }) provider: Provider | null = null;

  /** The chosen edition; its auth methods are offered. Nothing renders without it. */
  @property({ attribute: false }) edition: Edition | null = null;

  /** Chosen auth method id; empty picks the catalog's recommended method. */
  @property() method = '';

  /** Whether the credential field (or connect button) may exist; the root sets it from the flow. */
  @property({ type: Boolean, attribute: 'credential-allowed' }) credentialAllowed = false;

  /** The provider answered `PROVIDER_AUTH_REQUIRED`: show its exact action. */
  @property({ type: Boolean, attribute: 'auth-required' }) authRequired = false;

  /** The backend's action for `PROVIDER_AUTH_REQUIRED`, shown instead of the catalog's when given. */
  @property({ attribute: false }) action: Action | null = null;

  /** The authorisation window is open. */
  @property({ type: Boolean }) connecting = false;

  /** An OAuth grant or app install completed. */
  @property({ type: Boolean }) authorized = false;

  /**
   * A save is in flight: nothing can be changed, chosen or submitted. The
   * fields turn read-only rather than natively disabled, so they keep their
   * value and focus stays where it was; the value is not cleared by this.
   */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Whether the revoke location shows under the form; off where the page shows it elsewhere (the readiness checklist). */
  @property({ type: Boolean, attribute: 'hide-revoke' }) hideRevoke = false;

  /** An error to show under the credential field or the connect button. */
  @property({ attribute: false }) error: PtsErrorView | null = null;

  /** Webhook signing scheme; empty picks the provider's default. */
  @property() signing: SigningId | '' = '';

  /** Values of the method's non-secret extra fields (e.g. the account email). */
  @property({ attribute: false }) fields: Readonly<Record<string, string>> = {};

  @state() private reveal = false;
  @state() private filled = false;
  @state() private warnings: TokenWarning[] = [];
  @state() private missing = false;
  @state() private attempt = 0;
  /** Signing secrets: why the secret in the field is too weak, if it is. */
  @state() private secretProblem: SigningSecretProblem | null = null;
  /** Signing secrets: the customer confirmed storing the secret in their endpoint. */
  @state() private stored = false;
  @state() private copied: 'done' | 'failed' | null = null;
  @state() private announcement = '';
  /** The last `filled` the root was told. */
  private reported = false;

  @query('#credential') private credentialInput!: HTMLInputElement | null;

  /** The method in effect. */
  get selectedMethod(): AuthMethod | undefined {
    const methods = this.edition?.authMethods ?? [];
    return methods.find((m) => m.id === this.method) ?? methods.find((m) => m.recommended) ?? methods[0];
  }

  /** Returns the credential and clears the field. The only way the value leaves the input. */
  takeCredential(): string {
    const value = this.credentialInput?.value ?? '';
    this.clear();
    return value;
  }

  /** Empties the credential field and forgets everything derived from it. */
  clear(): void {
    const input = this.credentialInput;
    if (input) input.value = '';
    this.filled = false;
    this.warnings = [];
    this.reveal = false;
    this.missing = false;
    this.attempt = 0;
    this.secretProblem = null;
    this.stored = false;
    this.copied = null;
    this.announcement = '';
    this.reported = false;
  }

  /** The webhook signing scheme in effect: the chosen one, else the provider's default. */
  get signingScheme(): WebhookSigning | undefined {
    const schemes = this.provider?.webhookSigning ?? [];
    return schemes.find((s) => s.id === this.signing) ?? schemes.find((s) => s.isDefault) ?? schemes[0];
  }

  private get isSigningSecret(): boolean {
    return this.selectedMethod?.kind === 'signing-secret';
  }

  /** Tells the root whether the credential is usable, when that changed. */
  private report(): void {
    const usable = this.filled && (!this.isSigningSecret || (this.secretProblem === null && this.stored));
    if (usable === this.reported) return;
    this.reported = usable;
    this.emit('pts-auth-credential-change', { filled: usable, warnings: this.warnings.length });
  }

  /** Judges the signing secret in the field against its scheme. */
  private judgeSecret(value: string): void {
    const scheme = this.signingScheme;
    this.secretProblem = this.isSigningSecret && scheme && value !== '' ? signingSecretProblem(scheme.id, value) : null;
  }

  private generateSecret(): void {
    const input = this.credentialInput;
    const scheme = this.signingScheme;
    if (!input || !scheme || this.disabled) return;
    input.value = generateSigningSecret(scheme.id);
    this.filled = true;
    this.missing = false;
    this.reveal = true;
    this.stored = false;
    this.copied = null;
    this.warnings = [];
    this.judgeSecret(input.value);
    this.announcement = this.t('auth.secret.generated');
    this.report();
  }

  private async copySecret(): Promise<void> {
    const value = this.credentialInput?.value ?? '';
    if (!value) return;
    const ok = await copyText(value, this.renderRoot as ShadowRoot);
    this.copied = ok ? 'done' : 'failed';
    this.announcement = this.t(ok ? 'auth.secret.copiedLong' : 'auth.secret.copyFailed');
  }

  /** Focuses the credential field, else the chosen method, else the connect button. */
  override focus(options?: FocusOptions): void {
    const target =
      this.credentialInput ??
      this.renderRoot.querySelector<HTMLElement>('input[type=radio]:checked') ??
      this.renderRoot.querySelector<HTMLElement>('[part~=connect]');
    target?.focus(options);
  }

  /** Shows what is missing and focuses it; true when the form can be submitted. */
  validate(): boolean {
    const method = this.selectedMethod;
    if (!this.credentialAllowed || !method) return false;
    if (isGrantKind(method)) return this.authorized;
    this.attempt++;
    const badField = (method.extraFields ?? []).find((f) => !fieldValid(f, this.fields[f.name] ?? ''));
    this.missing = !this.filled;
    const weak = this.isSigningSecret && this.secretProblem !== null;
    const unstored = this.isSigningSecret && !this.stored;
    const target = badField ? `#field-${badField.name}` : this.missing || weak ? '#credential' : unstored ? '#stored' : '';
    if (target) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(target)?.focus());
    return !target;
  }

  override disconnectedCallback(): void {
    // Leaving the page or the step must not leave the secret behind.
    this.clear();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The input is about to go or to serve another method: empty it first.
    if ((changed.has('credentialAllowed') && !this.credentialAllowed) || (changed.has('method') && changed.get('method') !== undefined)) {
      this.clear();
    }
    if (changed.has('edition') && changed.get('edition') !== undefined) this.clear();
    this.setCustomState('loading', this.connecting);
    this.setCustomState('error', !!this.error || this.authRequired);
  }

  /** Keeps a radio as it was while disabled (a click, or the arrow keys' simulated click). */
  private readonly holdWhileDisabled = (event: Event): void => {
    if (this.disabled) event.preventDefault();
  };

  private onMethod(method: AuthMethod): void {
    this.method = method.id;
    this.emit('pts-auth-method-change', { method: method.id, kind: method.kind, tokenType: method.tokenType });
  }

  private onCredentialInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    const filled = value !== '';
    this.warnings = tokenWarningCodes(this.selectedMethod, value);
    if (filled) this.missing = false;
    this.filled = filled;
    // A changed secret is a new one: the customer stores it again.
    this.stored = false;
    this.copied = null;
    this.judgeSecret(value);
    this.report();
  }

  private onField(name: string, value: string, pattern: RegExp | undefined): void {
    this.fields = { ...this.fields, [name]: value };
    this.emit('pts-auth-field-change', { name, value, valid: fieldValid({ pattern }, value) });
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.disabled) return;
    if (this.validate()) this.emit('pts-auth-submit', {});
  }

  // With several text fields and no submit button, Enter would not submit the form by itself.
  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && !event.isComposing) this.onSubmit(event);
  }

  private renderFacts(method: AuthMethod): TemplateResult {
    return html`<dl class="facts">
      <dt>${this.t('auth.tokenType')}</dt>
      <dd><code>${method.tokenType}</code></dd>
      ${method.scopes.length
        ? html`<dt>${this.t('auth.scopes')}</dt>
            <dd class="scopes">${method.scopes.map((s) => html`<code>${s}</code>`)}</dd>`
        : nothing}
      <dt>${this.t('auth.grants')}</dt>
      <dd>${method.grants}</dd>
    </dl>`;
  }

  private renderMethods(methods: readonly AuthMethod[], selected: AuthMethod): TemplateResult {
    const provider = this.provider?.label ?? '';
    if (methods.length === 1) {
      return html`<div class="single card">
        ${this.heading(selected.label, 'subtitle')} ${this.renderFacts(selected)}
      </div>`;
    }
    return html`<fieldset>
      <legend>${this.t('auth.legend', { provider })}</legend>
      <div class="choices">
        ${methods.map(
          (m) => html`<label class="choice">
            <input
              type="radio"
              name="method"
              .value=${m.id}
              .checked=${live(m.id === selected.id)}
              aria-labelledby="m-${m.id}"
              aria-describedby="d-${m.id}"
              aria-disabled=${this.disabled ? 'true' : nothing}
              @click=${this.holdWhileDisabled}
              @change=${() => this.onMethod(m)}
            />
            <span class="body">
              <span class="row">
                <span class="name" id="m-${m.id}">${m.label}</span>
                ${m.recommended ? html`<span class="badge accent">${icon('check')}${this.t('common.recommended')}</span>` : nothing}
              </span>
              <span id="d-${m.id}">${this.renderFacts(m)}</span>
            </span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderAuthRequired(method: AuthMethod): TemplateResult {
    const provider = this.provider?.label ?? '';
    const text = this.action?.label ?? method.authRequiredAction;
    const url = this.action?.url ?? method.create?.url;
    return html`<div class="notice warning" part="auth-required">
      ${icon('key')}
      <div class="body">
        ${this.heading(this.t('auth.required.title', { provider }), 'subtitle')}
        <p>${text}</p>
        ${url ? html`<p>${externalLink(this.t('auth.required.open', { label: provider }), url, this.t('common.newTab'))}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderSigning(): TemplateResult | typeof nothing {
    const schemes = this.provider?.webhookSigning ?? [];
    if (schemes.length < 2) return nothing;
    const current = schemes.find((s) => s.id === this.signing) ?? schemes.find((s) => s.isDefault) ?? schemes[0];
    return html`<fieldset>
      <legend>${this.t('auth.signing.legend')}</legend>
      <div class="choices">
        ${schemes.map(
          (s) => html`<label class="choice">
            <input
              type="radio"
              name="signing"
              .value=${s.id}
              .checked=${live(s.id === current?.id)}
              aria-labelledby="s-${s.id}"
              aria-describedby="sn-${s.id}"
              aria-disabled=${this.disabled ? 'true' : nothing}
              @click=${this.holdWhileDisabled}
              @change=${() => {
                this.signing = s.id;
                this.judgeSecret(this.credentialInput?.value ?? '');
                this.report();
                this.emit('pts-auth-signing-change', { signing: s.id });
              }}
            />
            <span class="body">
              <span class="row">
                <span class="name" id="s-${s.id}">${s.label}</span>
                ${s.isDefault ? html`<span class="badge accent">${icon('check')}${this.t('common.recommended')}</span>` : nothing}
              </span>
              <span class="help" id="sn-${s.id}">${this.t('auth.signing.headers', { headers: s.headers.join(', ') })}</span>
            </span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderConnect(method: AuthMethod): TemplateResult {
    const provider = this.provider?.label ?? '';
    if (this.authorized) {
      return html`<div class="notice success">${icon('checkCircle')}<p class="body">${this.t('auth.connected', { provider })}</p></div>`;
    }
    return html`<p class="help">${this.t('auth.connectHelp', { provider })}</p>
      <button
        type="button"
        part="connect"
        class="btn primary connect"
        aria-disabled=${this.connecting || this.disabled ? 'true' : 'false'}
        @click=${() => {
          if (!this.connecting && !this.disabled) this.emit('pts-auth-connect', { method: method.id, kind: method.kind });
        }}
      >
        ${this.connecting
          ? html`${icon('spinner', 'spin')}${this.t('auth.connecting', { provider })}`
          : html`${icon('external')}${this.t('auth.connect', { provider })}`}
      </button>`;
  }

  private renderCredentialForm(method: AuthMethod): TemplateResult {
    const label = method.label;
    const showMissing = this.missing;
    const described = ['cred-note', this.warnings.length ? 'cred-warnings' : '', showMissing || this.error ? 'cred-error' : '']
      .filter(Boolean)
      .join(' ');
    const errorText = showMissing ? this.t('auth.empty', { field: label }) : this.error ? this.t(`error.${this.error.code}`) : '';
    return html`<form novalidate autocomplete="off" @submit=${this.onSubmit} @keydown=${this.onKeydown}>
      ${method.create
        ? html`<p class="where">${icon('info')}<span>${this.t('auth.createAt')} ${externalLink(method.create.label, method.create.url, this.t('common.newTab'))}</span></p>`
        : nothing}
      ${(method.extraFields ?? []).map((field) => {
        const value = this.fields[field.name] ?? '';
        const bad = this.attempt > 0 && !fieldValid(field, value);
        return html`<div class="field">
          <label class="label" for="field-${field.name}">${field.label}</label>
          <input
            id="field-${field.name}"
            class="input"
            type=${field.name.includes('email') ? 'email' : 'text'}
            autocomplete=${field.name.includes('email') ? 'email' : 'off'}
            spellcheck="false"
            .value=${live(value)}
            ?readonly=${this.disabled}
            aria-disabled=${this.disabled ? 'true' : nothing}
            aria-invalid=${bad ? 'true' : 'false'}
            aria-describedby=${bad ? `field-${field.name}-error` : nothing}
            @input=${(e: Event) => this.onField(field.name, (e.target as HTMLInputElement).value, field.pattern)}
          />
          ${bad
            ? html`<p class="feedback error" id="field-${field.name}-error">${icon('warning')}<span>${this.t('auth.fieldInvalid', { field: field.label })}</span></p>`
            : nothing}
        </div>`;
      })}
      <div class="field">
        <label class="label" for="credential">${label}</label>
        <div class="secret">
          <input
            id="credential"
            part="credential"
            class="input"
            type=${this.reveal ? 'text' : 'password'}
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            autocorrect="off"
            data-1p-ignore
            data-lpignore="true"
            ?readonly=${this.disabled}
            aria-disabled=${this.disabled ? 'true' : nothing}
            aria-invalid=${errorText ? 'true' : 'false'}
            aria-describedby=${described}
            @input=${this.onCredentialInput}
          />
          <button
            type="button"
            class="btn"
            aria-label=${this.t(this.reveal ? 'auth.hideLabel' : 'auth.showLabel', { field: label })}
            aria-disabled=${this.disabled ? 'true' : 'false'}
            @click=${() => {
              if (!this.disabled) this.reveal = !this.reveal;
            }}
          >
            ${icon(this.reveal ? 'eyeOff' : 'eye')}${this.t(this.reveal ? 'auth.hide' : 'auth.show')}
          </button>
        </div>
        ${method.kind === 'signing-secret' ? this.renderSecretTools() : nothing}
        <p class="help" id="cred-note">${this.t('auth.secretNote')}</p>
        ${this.warnings.length
          ? html`<ul class="warnings" id="cred-warnings">
              ${this.warnings.map(
                (w) => html`<li class="feedback warning">${icon('warning')}<span>${typeof w === 'string' ? this.t(`auth.warn.${w}`) : w.hint}</span></li>`,
              )}
            </ul>`
          : nothing}
        ${errorText
          ? keyed(this.attempt, html`<p class="feedback error" id="cred-error" role="alert">${icon('warning')}<span>${errorText}</span></p>`)
          : nothing}
      </div>
    </form>`;
  }

  /** Generate and Copy, how strong the secret is, and the confirmation that it is stored, before Save. */
  private renderSecretTools(): TemplateResult {
    const scheme = this.signingScheme?.id ?? 'standard-webhooks';
    const problem = this.secretProblem;
    const problemText =
      problem === 'weak' ? this.t('auth.secret.weak') : problem ? this.t(`auth.secret.${problem}.${scheme}`) : '';
    const storeFirst = this.attempt > 0 && this.filled && !problem && !this.stored;
    return html`<div class="row secret-tools">
        <button
          type="button"
          class="btn small"
          part="generate"
          aria-label=${this.t('auth.secret.generateLabel')}
          aria-disabled=${this.disabled ? 'true' : 'false'}
          @click=${() => this.generateSecret()}
        >
          ${icon('sparkle')}${this.t('auth.secret.generate')}
        </button>
        ${this.filled
          ? html`<button type="button" class="btn small" part="copy-secret" aria-label=${this.t('auth.secret.copyLabel')} @click=${() => void this.copySecret()}>
              ${this.copied === 'done' ? html`${icon('check')}${this.t('auth.secret.copied')}` : html`${icon('copy')}${this.t('auth.secret.copy')}`}
            </button>`
          : nothing}
      </div>
      <p class="help" id="secret-help">${this.t('auth.secret.help')}</p>
      ${this.filled
        ? problem
          ? html`<p class="feedback error" id="secret-strength">${icon('warning')}<span>${problemText}</span></p>`
          : html`<p class="feedback ok" id="secret-strength">${icon('checkCircle')}<span>${this.t('auth.secret.strong')}</span></p>`
        : nothing}
      ${this.copied === 'failed' ? html`<p class="feedback warning">${icon('warning')}<span>${this.t('auth.secret.copyFailed')}</span></p>` : nothing}
      <label class="choice stored">
        <input
          type="checkbox"
          id="stored"
          part="secret-stored"
          .checked=${live(this.stored)}
          ?disabled=${!this.filled || problem !== null}
          aria-invalid=${storeFirst ? 'true' : 'false'}
          aria-describedby=${storeFirst ? 'stored-error' : nothing}
          @change=${(e: Event) => {
            this.stored = (e.target as HTMLInputElement).checked;
            this.report();
          }}
        />
        <span>${this.t('auth.secret.stored')}</span>
      </label>
      ${storeFirst ? html`<p class="feedback error" id="stored-error" role="alert">${icon('warning')}<span>${this.t('auth.secret.storeFirst')}</span></p>` : nothing}
      <p class="sr-only" role="status">${this.announcement}</p>`;
  }

  override render() {
    const edition = this.edition;
    const method = this.selectedMethod;
    if (!edition || !method) return nothing;
    const redirect = isGrantKind(method);
    const revoke = method.revoke;
    return html`${this.authRequired ? this.renderAuthRequired(method) : nothing}
      ${this.renderMethods(edition.authMethods, method)} ${method.kind === 'signing-secret' ? this.renderSigning() : nothing}
      <div class="panel card">
        ${!this.credentialAllowed
          ? html`<p class="locked">${icon('lock')}<span>${this.t('auth.locked')}</span></p>`
          : redirect
            ? this.renderConnect(method)
            : this.renderCredentialForm(method)}
        ${redirect && this.credentialAllowed && this.error
          ? html`<p class="feedback error" role="alert">${icon('warning')}<span>${this.t(`error.${this.error.code}`)}</span></p>`
          : nothing}
        ${this.hideRevoke
          ? nothing
          : html`<p class="where">
              ${icon('unlink')}<span>${this.t('auth.revokeLater')} ${externalLink(revoke.label, revoke.url, this.t('common.newTab'))}</span>
            </p>`}
      </div>`;
  }
}
