import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { icon } from '../base/icons.js';
import { externalLink, safeHref } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import { fallbackStyles } from './fallback.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

/**
 * @summary The portable-export fallback: findings as files the customer
 * imports themselves, with no connection to their server and no stored
 * credential. Offered when a URL is blocked or a server is unreachable.
 *
 * The format is picked before the choice is confirmed; once `chosen`, the
 * element shows the format as a fact and the next step (the backend's export
 * address when it gave one), no longer a form.
 *
 * @tagname pts-fallback
 * @fires {CustomEvent<{ format: string | undefined }>} pts-fallback-choose - The customer chose portable export, in the selected format when formats are offered.
 * @csspart choose - The "Use portable export" button.
 */
export class PtsFallback extends PtsElement {
  static override tag = 'pts-fallback';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, fallbackStyles];

  /**
   * Whether the backend offers portable export. On by default, so the
   * attribute turns it off with `available="false"` (a missing attribute is
   * never read); when off, the element says so and offers nothing to choose.
   */
  @property({ type: Boolean, converter: { fromAttribute: (value: string | null) => value !== null && value !== 'false' } })
  available = true;

  /** Export formats the backend offers (e.g. `csv`, `json`, `sarif`). */
  @property({ attribute: false }) formats: readonly string[] = [];

  /** The chosen format; the first one when empty. */
  @property() format = '';

  /** Where the export is documented or downloaded, when the backend says; the next step once chosen. */
  @property() url = '';

  /** Why a live connection is not possible, when the element is shown for a reason. */
  @property() reason: 'blocked' | 'unreachable' | '' = '';

  /** Portable export is the chosen way. */
  @property({ type: Boolean }) chosen = false;

  /** The choose button had focus when the choice was confirmed; the confirmation takes it over. */
  #moveFocus = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#moveFocus = changed.has('chosen') && this.chosen && this.shadowRoot?.activeElement != null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#moveFocus) return;
    this.#moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>('#chosen')?.focus();
  }

  private get currentFormat(): string | undefined {
    return this.formats.includes(this.format) ? this.format : this.formats[0];
  }

  private renderChosen(current: string | undefined) {
    const href = safeHref(this.url);
    return html`<div class="notice success" id="chosen" tabindex="-1" role="status">
        ${icon('checkCircle')}
        <p class="body">${current ? this.t('fallback.chosenAs', { format: current.toUpperCase() }) : this.t('fallback.chosen')}</p>
      </div>
      ${href
        ? html`<p class="next">
            ${this.t('fallback.next.url')} ${externalLink(this.t('fallback.open'), href, this.t('common.newTab'))}
          </p>`
        : html`<p class="next">${this.t('fallback.next')}</p>`}`;
  }

  override render() {
    const current = this.currentFormat;
    return html`<section class="box card" aria-labelledby="fallback-title">
      <span class="tile" aria-hidden="true">${icon('download')}</span>
      <div class="body">
        ${this.heading(this.t('fallback.title'), 'title', 'fallback-title')}
        ${this.reason ? html`<p><strong>${this.t(`fallback.reason.${this.reason}`)}</strong></p>` : nothing}
        ${this.available ? html`<p class="muted">${this.t('fallback.body')}</p>` : nothing}
        ${!this.available
          ? html`<div class="notice">${icon('info')}<p class="body">${this.t('fallback.unavailable')}</p></div>`
          : this.chosen
            ? this.renderChosen(current)
            : html`${this.formats.length
                ? html`<fieldset>
                    <legend>${this.t('fallback.formats')}</legend>
                    <div class="formats">
                      ${this.formats.map(
                        (f) => html`<label class="format">
                          <input
                            type="radio"
                            name="format"
                            .value=${f}
                            .checked=${f === current}
                            @change=${() => (this.format = f)}
                          />${f.toUpperCase()}
                        </label>`,
                      )}
                    </div>
                  </fieldset>`
                : nothing}
              <div class="row">
                <button
                  type="button"
                  part="choose"
                  class="btn primary"
                  @click=${() => this.emit('pts-fallback-choose', { format: this.currentFormat })}
                >
                  ${icon('download')}${this.t('fallback.choose')}
                </button>
                ${this.url ? externalLink(this.t('fallback.learnMore'), this.url, this.t('common.newTab')) : nothing}
              </div>`}
      </div>
    </section>`;
  }
}
