import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { validateTenant } from '../../core/providers/tenant.js';
import type { Edition, Provider } from '../../core/providers/types.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import type { PtsErrorView } from '../base/view.js';
import { tenantStyles } from './tenant.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

/**
 * @summary What a cloud customer confirms they own: the site URL,
 * organisation, group or workspace, checked for shape as they type, and a
 * confirmation that it belongs to their organisation.
 *
 * @tagname pts-tenant
 * @fires {CustomEvent<{ value: string; valid: boolean; confirmed: boolean }>} pts-tenant-change - The value or the confirmation changed.
 * @fires {CustomEvent<{ value: string; valid: true; confirmed: true }>} pts-tenant-submit - Enter, or `submit()`, with a valid, confirmed value: the value is handed up.
 * @csspart input - The text field.
 */
export class PtsTenant extends PtsElement {
  static override tag = 'pts-tenant';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, tenantStyles];

  /** The catalog's provider the tenant belongs to; the rendering reads only `edition`. */
  @property({ attribute: false }) provider: Provider | null = null;

  /** The cloud edition: its tenant field (label, help, placeholder, shape). Nothing renders without one. */
  @property({ attribute: false }) edition: Edition | null = null;

  /** What the customer typed. */
  @property() value = '';

  /** The customer confirmed the tenant is their organisation's. */
  @property({ type: Boolean }) confirmed = false;

  /** An error from the backend for this field (e.g. `VALIDATION_FAILED`). */
  @property({ attribute: false }) error: PtsErrorView | null = null;

  @state() private touched = false;
  @state() private submitted = false;
  /** Each submit re-creates the error so screen readers announce it again. */
  @state() private attempt = 0;

  @query('#tenant') private input!: HTMLInputElement | null;

  /** Focuses the text field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  private get result() {
    return this.edition ? validateTenant(this.edition, this.value) : undefined;
  }

  /** Shows every problem and focuses the first; true when the value is valid and confirmed. */
  validate(): boolean {
    this.submitted = true;
    this.touched = true;
    this.attempt++;
    const ok = !!this.result?.ok;
    if (!ok) this.updateComplete.then(() => this.input?.focus());
    else if (!this.confirmed) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#confirm')?.focus());
    return ok && this.confirmed;
  }

  private changed(): void {
    this.emit('pts-tenant-change', { value: this.value, valid: !!this.result?.ok, confirmed: this.confirmed });
  }

  /** Hands a valid, confirmed value up with `pts-tenant-submit`; otherwise shows what is wrong and returns false. */
  submit(): boolean {
    if (!this.validate()) return false;
    this.emit('pts-tenant-submit', { value: this.value, valid: true, confirmed: true });
    return true;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.submit();
  }

  override render() {
    const field = this.edition?.tenant;
    if (!field) return nothing;
    const result = this.result;
    const label = field.label;
    const showError = this.touched && this.value.trim() !== '' ? !result?.ok : this.submitted && !result?.ok;
    const errorText = this.value.trim() === '' ? this.t('tenant.required', { tenant: label }) : this.t('tenant.invalid', { tenant: label });
    const serverError = this.error ? this.t(`error.${this.error.code}`) : '';
    const confirmError = this.submitted && !!result?.ok && !this.confirmed;
    return html`<form novalidate @submit=${this.onSubmit}>
      <div class="field">
        <label class="label" for="tenant">${label}</label>
        <p class="help" id="tenant-help">${field.help}</p>
        <input
          id="tenant"
          part="input"
          class="input"
          type="text"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="off"
          placeholder=${field.placeholder}
          .value=${live(this.value)}
          aria-invalid=${showError || serverError ? 'true' : 'false'}
          aria-describedby="tenant-help tenant-feedback"
          @input=${(e: Event) => {
            this.value = (e.target as HTMLInputElement).value;
            this.changed();
          }}
          @blur=${() => (this.touched = true)}
        />
        <div id="tenant-feedback">
          ${showError
            ? this.submitted
              ? keyed(this.attempt, html`<p class="feedback error" role="alert">${icon('warning')}<span>${errorText}</span></p>`)
              : html`<p class="feedback error">${icon('warning')}<span>${errorText}</span></p>`
            : serverError
              ? html`<p class="feedback error">${icon('warning')}<span>${serverError}</span></p>`
              : result?.ok
                ? html`<p class="preview">${icon('checkCircle')}<span>${this.t('tenant.preview', { url: result.url })}</span></p>`
                : nothing}
        </div>
      </div>
      <div class="field">
        <label class="check">
          <input
            id="confirm"
            type="checkbox"
            .checked=${live(this.confirmed)}
            aria-invalid=${confirmError ? 'true' : 'false'}
            aria-describedby=${confirmError ? 'confirm-error' : nothing}
            @change=${(e: Event) => {
              this.confirmed = (e.target as HTMLInputElement).checked;
              this.changed();
            }}
          />
          <span>${this.t('tenant.confirm', { tenant: label })}</span>
        </label>
        ${confirmError
          ? keyed(
              this.attempt,
              html`<p class="feedback error" id="confirm-error" role="alert">${icon('warning')}<span>${this.t('tenant.unconfirmed')}</span></p>`,
            )
          : nothing}
      </div>
    </form>`;
  }
}
