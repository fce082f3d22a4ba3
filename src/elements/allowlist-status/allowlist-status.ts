import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AllowlistStatus } from '../../core/contract/schemas.js';
import { icon, type IconName } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { ALLOWLIST_STATUSES } from '../../core/contract/vocabulary.js';
import { copyText } from '../base/clipboard.js';
import type { PtsErrorView } from '../base/view.js';
import { PtsHint } from '../hint/hint.js';
import { allowlistStatusStyles } from './allowlist-status.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

const ICONS: Record<AllowlistStatus, IconName> = {
  direct: 'network',
  tunnel: 'lock',
  allowlist: 'shieldCheck',
  unreachable: 'crossCircle',
};

const COPIED_MS = 2000;

/**
 * A `pts-hint` beside the question explains what a tunnel and an allowlist
 * are; `define()` registers `pts-hint` too.
 *
 * @summary How the backend reaches a self-hosted server: directly, through a
 * customer-approved tunnel, through a firewall or VPN allowlist (showing the
 * backend's egress addresses with copy buttons), or not at all.
 *
 * @tagname pts-allowlist-status
 * @fires {CustomEvent<{ value: AllowlistStatus }>} pts-allowlist-change - A status was chosen.
 * @fires {CustomEvent<{ value: AllowlistStatus }>} pts-allowlist-submit - `submit()` with a status chosen: the choice is handed up.
 * @fires {CustomEvent<{ text: string; ok: boolean }>} pts-allowlist-copy - A copy of one address (or of all of them) was attempted; `ok` says whether it worked.
 * @csspart group - The radio group.
 * @csspart addresses - The list of egress addresses.
 * @cssstate error - An error is shown on the group (e.g. the status is missing where it is required).
 */
export class PtsAllowlistStatus extends PtsElement {
  static override tag = 'pts-allowlist-status';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, allowlistStatusStyles];

  /** Registers the element and the `pts-hint` its explanation opens in. */
  static override define(this: CustomElementConstructor & { tag: string }, tag?: string, registry: CustomElementRegistry = customElements): void {
    PtsHint.define(undefined, registry);
    PtsElement.define.call(this, tag, registry);
  }

  /** The recorded status, or `null` while none is chosen. */
  @property() value: AllowlistStatus | null = null;

  /** Addresses the backend connects from, as `/status` reports them. */
  @property({ attribute: false }) egressAddresses: readonly string[] = [];

  /** An error to show on the group, e.g. `ALLOWLIST_STATUS_MISSING`. */
  @property({ attribute: false }) error: PtsErrorView | null = null;

  /** The text copied last, while its "Copied" mark shows. */
  @state() private copied: string | null = null;
  /** Spoken by the polite live region after a copy. */
  @state() private announcement = '';
  @state() private attempt = 0;

  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
  }

  /** Focuses the chosen status, or the first one. */
  override focus(options?: FocusOptions): void {
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    (inputs.find((i) => i.checked) ?? inputs[0])?.focus(options);
  }

  /** Shows the missing-status error when nothing is chosen; true when a status is set. */
  validate(): boolean {
    if (this.value) return true;
    this.error = { code: 'ALLOWLIST_STATUS_MISSING' };
    this.attempt++;
    this.updateComplete.then(() => this.focus());
    return false;
  }

  /** Hands the chosen status up with `pts-allowlist-submit`; without one, shows the missing-status error and returns false. */
  submit(): boolean {
    if (!this.validate() || !this.value) return false;
    this.emit('pts-allowlist-submit', { value: this.value });
    return true;
  }

  protected override willUpdate(): void {
    this.setCustomState('error', !!this.error);
  }

  private onChange(value: AllowlistStatus): void {
    this.value = value;
    if (this.error?.code === 'ALLOWLIST_STATUS_MISSING') this.error = null;
    this.emit('pts-allowlist-change', { value });
  }

  private async copy(text: string, all = false): Promise<void> {
    const ok = await copyText(text, this.renderRoot as ShadowRoot);
    this.emit('pts-allowlist-copy', { text, ok });
    clearTimeout(this.copiedTimer);
    this.copied = ok ? text : null;
    this.announcement = ok ? (all ? this.t('allowlist.copiedAll') : this.t('allowlist.copied', { text })) : this.t('allowlist.copyFailed');
    if (ok) this.copiedTimer = setTimeout(() => (this.copied = null), COPIED_MS);
  }

  private renderEgress(): TemplateResult {
    const addresses = this.egressAddresses;
    const all = addresses.join('\n');
    return html`<section class="egress card" aria-labelledby="egress-title">
      <div class="egress-head">
        ${this.heading(this.t('allowlist.egress'), 'subtitle', 'egress-title')}
        ${addresses.length > 1
          ? html`<button type="button" class="btn small" @click=${() => this.copy(all, true)}>
              ${this.copied === all ? html`${icon('check')}${this.t('allowlist.copiedAll')}` : html`${icon('copy')}${this.t('allowlist.copyAll')}`}
            </button>`
          : nothing}
      </div>
      ${addresses.length
        ? html`<ul class="addresses" part="addresses">
            ${addresses.map(
              (address) => html`<li>
                <code>${address}</code>
                <button
                  type="button"
                  class="btn small ghost ${this.copied === address ? 'copied' : ''}"
                  aria-label=${this.copied === address ? this.t('allowlist.copied', { text: address }) : this.t('allowlist.copyLabel', { address })}
                  @click=${() => this.copy(address)}
                >
                  ${this.copied === address ? html`${icon('check')}${this.t('allowlist.copiedShort')}` : html`${icon('copy')}${this.t('allowlist.copy')}`}
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${this.t('allowlist.egressNone')}</p>`}
    </section>`;
  }

  override render() {
    const errorText = this.error ? this.t(`error.${this.error.code}`) : '';
    // Named by the question alone: the hint's button and text stay out of the group's name.
    return html`<fieldset part="group" aria-labelledby="allowlist-legend" aria-describedby=${errorText ? 'allowlist-error' : nothing}>
        <legend>
          <span id="allowlist-legend">${this.t('allowlist.legend')}</span>
          <pts-hint class="wide" label=${this.t('allowlist.help.label')} placement="bottom-start">
            <dl class="hint-list">
              <div><dt>${this.t('allowlist.tunnel')}</dt><dd>${this.t('allowlist.help.tunnel')}</dd></div>
              <div><dt>${this.t('allowlist.allowlist')}</dt><dd>${this.t('allowlist.help.allowlist')}</dd></div>
            </dl>
          </pts-hint>
        </legend>
        <div class="choices">
          ${ALLOWLIST_STATUSES.map(
            (status) => html`<label class="choice">
              <input
                type="radio"
                name="allowlist"
                .value=${status}
                .checked=${this.value === status}
                aria-labelledby="name-${status}"
                aria-describedby="help-${status}"
                @change=${() => this.onChange(status)}
              />
              <span class="body">
                <span class="row"
                  ><span class="mode-icon">${icon(ICONS[status])}</span
                  ><span class="name" id="name-${status}">${this.t(`allowlist.${status}`)}</span></span
                >
                <span class="help" id="help-${status}">${this.t(`allowlist.${status}.help`)}</span>
              </span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${errorText
        ? keyed(this.attempt, html`<p class="feedback error" id="allowlist-error" role="alert">${icon('warning')}<span>${errorText}</span></p>`)
        : nothing}
      ${this.value === 'allowlist' ? this.renderEgress() : nothing}
      <p class="sr-only" role="status">${this.announcement}</p>`;
  }
}
