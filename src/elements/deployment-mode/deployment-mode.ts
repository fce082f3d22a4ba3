import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { findEditionIn, recommendedMethod } from '../../core/providers/read.js';
import { PROVIDER_SUMMARIES } from '../../core/providers/summary.js';
import type { Edition, EditionId, Limitation, Provider, ProviderSummary } from '../../core/providers/types.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { MODE_ICONS } from '../base/view.js';
import { deploymentModeStyles } from './deployment-mode.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

/**
 * Native radio inputs: arrow keys move between editions and select them, Tab
 * leaves the group.
 *
 * @summary The edition choice for one provider (Jira Cloud or Jira Data
 * Center, GitHub.com, GHE.com or GitHub Enterprise Server…) as a radio group,
 * with what comes next for each and the limitations that apply.
 *
 * @tagname pts-deployment-mode
 * @fires {CustomEvent<{ provider: ProviderId; edition: EditionId; mode: DeploymentMode }>} pts-mode-change - An edition was chosen.
 * @fires {CustomEvent<{ provider: ProviderId; edition: EditionId }>} pts-mode-alternative - The customer follows a blocking limitation's suggested alternative.
 * @fires {CustomEvent<{ provider: ProviderId; edition: EditionId; mode: DeploymentMode }>} pts-mode-submit - `submit()` with an edition chosen: the choice is handed up.
 * @csspart group - The radio group.
 * @csspart option - One edition.
 */
export class PtsDeploymentMode extends PtsElement {
  static override tag = 'pts-deployment-mode';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, deploymentModeStyles];

  /** The provider whose editions are offered; a short placeholder shows without it. */
  @property({ attribute: false }) provider: Provider | null = null;

  /** The chosen edition id; the element keeps it as the customer picks, until `submit()` hands it up. */
  @property() value: EditionId = '';

  /** Providers to look alternatives' names up in (defaults to the catalog's summary). */
  @property({ attribute: false }) catalog: readonly ProviderSummary[] | undefined;

  /**
   * Hands the chosen edition up with `pts-mode-submit`. Returns false, and
   * fires nothing, while no edition is chosen.
   */
  submit(): boolean {
    const edition = this.provider?.editions.find((e) => e.id === this.value);
    if (!this.provider || !edition) return false;
    this.emit('pts-mode-submit', { provider: this.provider.id, edition: edition.id, mode: edition.mode });
    return true;
  }

  /** Moves focus to the chosen edition, or the first one. */
  override focus(options?: FocusOptions): void {
    const inputs = [...(this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])];
    (inputs.find((i) => i.checked) ?? inputs[0])?.focus(options);
  }

  private onChange(edition: Edition): void {
    if (!this.provider) return;
    this.value = edition.id;
    this.emit('pts-mode-change', { provider: this.provider.id, edition: edition.id, mode: edition.mode });
  }

  private nextText(edition: Edition): string {
    if (edition.baseUrl) return this.t(edition.mode === 'webhook' ? 'deploy.next.webhook' : 'deploy.next.self-hosted');
    const method = recommendedMethod(edition)?.label ?? '';
    return edition.tenant
      ? this.t('deploy.next.cloud', { tenant: edition.tenant.label, method })
      : this.t('deploy.next.cloudNoTenant', { method });
  }

  private renderLimitation(edition: Edition, limitation: Limitation, index: number): TemplateResult {
    const blocks = limitation.severity === 'blocks';
    return html`<span class="limit ${blocks ? 'blocks' : 'warns'}" id="limit-${edition.id}-${index}">
      ${icon(blocks ? 'shield' : 'warning')}
      <span><strong>${this.t(blocks ? 'deploy.limit.blocks' : 'deploy.limit.warns')}</strong> ${limitation.message}</span>
    </span>`;
  }

  private renderAlternative(limitation: Limitation | undefined): TemplateResult | typeof nothing {
    const alt = limitation?.alternative;
    if (!alt) return nothing;
    const found = findEditionIn(alt.edition, this.catalog ?? PROVIDER_SUMMARIES);
    const label = found ? found.edition.label : alt.edition;
    return html`<button
      type="button"
      class="btn ghost small alternative"
      @click=${() => this.emit('pts-mode-alternative', { provider: alt.provider, edition: alt.edition })}
    >
      ${this.t('deploy.limit.alternative', { edition: label })}
    </button>`;
  }

  override render() {
    const provider = this.provider;
    if (!provider) return html`<p class="muted">${this.t('deploy.empty')}</p>`;
    const selected = provider.editions.find((e) => e.id === this.value);
    return html`<fieldset part="group">
        <legend>${this.t('deploy.legend', { provider: provider.label })}</legend>
        <div class="choices">
          ${provider.editions.map((edition) => {
            const blocking = edition.limitations.find((l) => l.severity === 'blocks');
            const describedBy = [blocking ? '' : `next-${edition.id}`, ...edition.limitations.map((_, i) => `limit-${edition.id}-${i}`)];
            return html`<div class="option" part="option">
              <label class="choice">
                <input
                  type="radio"
                  name="edition"
                  .value=${edition.id}
                  .checked=${edition.id === this.value}
                  aria-labelledby="name-${edition.id}"
                  aria-describedby=${describedBy.filter(Boolean).join(' ')}
                  @change=${() => this.onChange(edition)}
                />
                <span class="body">
                  <span class="row">
                    <span class="name" id="name-${edition.id}">${edition.label}</span>
                    <span class="badge ${blocking ? '' : 'accent'}">${icon(MODE_ICONS[edition.mode])}${this.t(`mode.${edition.mode}`)}</span>
                  </span>
                  ${blocking
                    ? nothing
                    : html`<span class="next small" id="next-${edition.id}"
                        ><strong>${this.t('deploy.next')}</strong> ${this.nextText(edition)}</span
                      >`}
                  ${edition.limitations.map((l, i) => this.renderLimitation(edition, l, i))}
                </span>
              </label>
              ${this.renderAlternative(blocking)}
            </div>`;
          })}
        </div>
      </fieldset>
      ${selected && selected.versionNotes.length
        ? html`<div class="notice notes">
            ${icon('info')}
            <div class="body">
              <strong>${this.t('deploy.versionNotes')}</strong>
              <ul class="small">
                ${selected.versionNotes.map((n) => html`<li>${n.text}</li>`)}
              </ul>
            </div>
          </div>`
        : nothing}`;
  }
}
