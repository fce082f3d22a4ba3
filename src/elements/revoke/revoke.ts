import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { TargetRecord } from '../../core/contract/schemas.js';
import type { AuthMethod, Provider } from '../../core/providers/types.js';
import { icon } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import { targetName, type PtsErrorView } from '../base/view.js';
import { revokeStyles } from './revoke.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

/**
 * Pressing disconnect before the confirmation is ticked shows an error on the
 * checkbox instead of firing.
 *
 * @summary Revoking a target in two steps: first where to revoke the grant at
 * the provider (from the catalog) with a confirmation that it was done, then
 * the disconnect here, which drops the stored credentials and keeps the
 * target's record and history.
 *
 * @tagname pts-revoke
 * @fires {CustomEvent<{ revokedAtProvider: boolean }>} pts-revoke-acknowledge - The "I revoked it" box changed.
 * @fires {CustomEvent<{ targetId: string | undefined; revokedAtProvider: true }>} pts-revoke-confirm - Disconnect, after the confirmation.
 * @fires {CustomEvent<Record<string, never>>} pts-revoke-cancel - The customer backed out.
 * @csspart disconnect - The disconnect button.
 * @cssstate loading - The disconnect is in progress.
 * @cssstate error - Disconnecting failed.
 */
export class PtsRevoke extends PtsElement {
  static override tag = 'pts-revoke';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, revokeStyles];

  /** The catalog's provider, named in both steps. */
  @property({ attribute: false }) provider: Provider | null = null;

  /** The method the target was connected with: its revoke location is shown. */
  @property({ attribute: false }) method: AuthMethod | null = null;

  /** The target to disconnect; its id goes out with `pts-revoke-confirm`. */
  @property({ attribute: false }) target: TargetRecord | null = null;

  /** The customer ticked "I revoked it at <provider>". */
  @property({ type: Boolean, attribute: 'revoked-at-provider' }) revokedAtProvider = false;

  /** The disconnect request is in flight. */
  @property({ type: Boolean }) busy = false;

  /** The backend confirmed the disconnect. */
  @property({ type: Boolean }) revoked = false;

  /** Disconnecting failed: shown above the disconnect button. */
  @property({ attribute: false }) error: PtsErrorView | null = null;

  @state() private needAck = false;
  @state() private attempt = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revokedAtProvider') && this.revokedAtProvider) this.needAck = false;
    this.setCustomState('loading', this.busy);
    this.setCustomState('error', !!this.error);
  }

  /** Focuses the confirmation checkbox. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#ack, [part~=disconnect]')?.focus(options);
  }

  private onDisconnect(): void {
    if (this.busy) return;
    if (!this.revokedAtProvider) {
      this.needAck = true;
      this.attempt++;
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#ack')?.focus());
      return;
    }
    this.emit('pts-revoke-confirm', { targetId: this.target?.id, revokedAtProvider: true });
  }

  override render() {
    const provider = this.provider?.label ?? '';
    const name = this.target ? targetName(this.target) : provider;
    if (this.revoked) {
      return html`<div class="notice success" role="status">
        ${icon('checkCircle')}
        <p class="body">${this.t('revoke.done', { target: name })}</p>
      </div>`;
    }
    const where = this.method?.revoke;
    return html`<ol>
        <li class="step card ${this.revokedAtProvider ? 'done' : ''}">
          <span class="num" aria-hidden="true">${this.revokedAtProvider ? icon('check') : '1'}</span>
          <div class="body">
            ${this.heading(this.t('revoke.step1', { provider }), 'subtitle')}
            <p class="muted">${this.t('revoke.step1.body', { provider })}</p>
            <p class="where">
              ${icon('info')}<span
                >${where ? externalLink(where.label, where.url, this.t('common.newTab')) : this.t('revoke.noLink', { provider })}</span
              >
            </p>
            <label class="check">
              <input
                id="ack"
                type="checkbox"
                .checked=${live(this.revokedAtProvider)}
                aria-invalid=${this.needAck ? 'true' : 'false'}
                aria-describedby=${this.needAck ? 'ack-error' : nothing}
                @change=${(e: Event) => {
                  this.revokedAtProvider = (e.target as HTMLInputElement).checked;
                  this.emit('pts-revoke-acknowledge', { revokedAtProvider: this.revokedAtProvider });
                }}
              />
              <span>${this.t('revoke.ack', { provider })}</span>
            </label>
            ${this.needAck
              ? keyed(
                  this.attempt,
                  html`<p class="feedback error" id="ack-error" role="alert">${icon('warning')}<span>${this.t('revoke.needAck', { provider })}</span></p>`,
                )
              : nothing}
          </div>
        </li>
        <li class="step card ${this.revokedAtProvider ? '' : 'waiting'}">
          <span class="num" aria-hidden="true">2</span>
          <div class="body">
            ${this.heading(this.t('revoke.step2'), 'subtitle')}
            <p class="muted">${this.t('revoke.step2.body')}</p>
            ${this.error
              ? html`<p class="feedback error" role="alert">${icon('warning')}<span>${this.t(`error.${this.error.code}`)}</span></p>`
              : nothing}
            <div class="row">
              <button
                type="button"
                part="disconnect"
                class="btn danger"
                aria-disabled=${this.busy ? 'true' : 'false'}
                @click=${this.onDisconnect}
              >
                ${this.busy ? html`${icon('spinner', 'spin')}${this.t('revoke.busy')}` : html`${icon('unlink')}${this.t('revoke.confirm', { target: name })}`}
              </button>
              <button type="button" class="btn ghost" @click=${() => this.emit('pts-revoke-cancel', {})}>${this.t('common.cancel')}</button>
            </div>
          </div>
        </li>
      </ol>
      <p class="sr-only" role="status">${this.busy ? this.t('revoke.busy') : ''}</p>`;
  }
}
