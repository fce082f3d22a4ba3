import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { TargetRecord, TargetState } from '../../core/contract/schemas.js';
import { PROVIDER_SUMMARIES } from '../../core/providers/summary.js';
import { DEPLOYMENT_MODES, type ProviderSummary } from '../../core/providers/types.js';
import { icon, type IconName } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { MODE_ICONS, targetName, type PtsErrorView } from '../base/view.js';
import { integrationStatusStyles } from './integration-status.styles.js';

type FamilyState = TargetState | 'not_connected';

const STATE_LOOK: Record<FamilyState, { tone: string; icon: IconName }> = {
  not_connected: { tone: '', icon: 'circle' },
  connected: { tone: 'success', icon: 'checkCircle' },
  auth_required: { tone: 'warning', icon: 'key' },
  blocked: { tone: 'danger', icon: 'shield' },
  revoked: { tone: '', icon: 'unlink' },
};

/**
 * @summary Every provider family with its targets and their state (not
 * connected, connected, auth required, blocked, revoked), which kind of setup
 * each needs (cloud, self-hosted, webhook), and the add, reconnect and revoke
 * actions.
 *
 * @tagname pts-integration-status
 * @fires {CustomEvent<{ provider: ProviderId }>} pts-status-add - Add a target for a provider.
 * @fires {CustomEvent<{ provider: ProviderId; targetId: string }>} pts-status-reconnect - Repair a target that is not connected (auth required, blocked, revoked).
 * @fires {CustomEvent<{ provider: ProviderId; targetId: string }>} pts-status-revoke - Start revoking a target that still holds credentials.
 * @fires {CustomEvent<Record<string, never>>} pts-status-retry - Load the status again after an error.
 * @csspart list - The list of providers.
 * @csspart provider-list - The list, by the name it has outside the element.
 * @csspart provider - One provider family (a `card`).
 * @csspart target - One saved target.
 * @csspart button - Every button; the Add, Reconnect and Revoke buttons, and Try again.
 * @csspart button-primary - Reconnect where the target needs new authorisation.
 * @csspart card - Each provider family.
 * @csspart badge - A state badge.
 * @csspart notice - The notices (empty list, not loaded, load failure).
 * @csspart notice-info - The empty-list notice.
 * @csspart notice-danger - The load failure.
 * @cssstate loading - The status is loading.
 * @cssstate error - The status could not be loaded.
 */
export class PtsIntegrationStatus extends PtsElement {
  static override tag = 'pts-integration-status';
  static override styles = [PtsElement.styles, integrationStatusStyles];

  /** Provider families to list, in order. Defaults to every provider of the catalog. */
  @property({ attribute: false }) providers: readonly ProviderSummary[] = PROVIDER_SUMMARIES;

  /** Saved targets as the backend's `/status` returns them. */
  @property({ attribute: false }) targets: readonly TargetRecord[] = [];

  /** Shows a skeleton while `/status` is loading. */
  @property({ type: Boolean }) loading = false;

  /** Loading the status failed. */
  @property({ attribute: false }) error: PtsErrorView | null = null;

  /**
   * The saved targets are not known (no backend to ask yet). Instead of an
   * empty state it says so; adding stays possible. An `error` implies it.
   */
  @property({ type: Boolean, attribute: 'targets-unknown' }) targetsUnknown = false;

  /** How many saved targets the backend left out of the list (records it could not show); said quietly when not 0. */
  @property({ type: Number }) omitted = 0;

  /** Whether `targets` is the answer of a successful `/status`. */
  private get known(): boolean {
    return !this.error && !this.targetsUnknown;
  }

  protected override willUpdate(): void {
    this.setCustomState('loading', this.loading);
    this.setCustomState('error', !!this.error);
  }

  private badge(state: FamilyState): TemplateResult | typeof nothing {
    // A state this version does not know is left unsaid rather than breaking the list.
    const look = STATE_LOOK[state];
    if (!look) return nothing;
    return html`<span class="badge ${look.tone}" part="badge">${icon(look.icon)}${this.t(`status.state.${state}`)}</span>`;
  }

  private renderTarget(provider: ProviderSummary, target: TargetRecord): TemplateResult {
    const name = targetName(target);
    const edition = provider.editions.find((e) => e.id === target.edition);
    const updated = new Date(target.updated_at);
    const canReconnect = target.state !== 'connected';
    const canRevoke = target.has_credentials && target.state !== 'revoked';
    const why = (target.state === 'blocked' || target.state === 'auth_required') && target.error ? target.error.message : '';
    return html`<li class="target" part="target">
      <div class="target-info">
        <div class="row">
          <span class="label">${name}</span>
          ${this.badge(target.state)}
        </div>
        <div class="meta">
          ${[edition?.label, Number.isNaN(updated.getTime()) ? '' : this.t('status.updated', { date: updated })].filter(Boolean).join(' · ')}
        </div>
        ${why ? html`<p class="why">${why}</p>` : nothing}
      </div>
      <div class="actions">
        ${canReconnect
          ? html`<button
              type="button"
              class="btn small ${target.state === 'auth_required' ? 'primary' : ''}"
              part=${target.state === 'auth_required' ? 'button button-primary' : 'button'}
              aria-label=${this.t('status.reconnectLabel', { target: name })}
              @click=${() => this.emit('pts-status-reconnect', { provider: provider.id, targetId: target.id })}
            >
              ${icon('refresh')}${this.t('status.reconnect')}
            </button>`
          : nothing}
        ${canRevoke
          ? html`<button
              type="button"
              class="btn small"
              part="button"
              aria-label=${this.t('status.revokeLabel', { target: name })}
              @click=${() => this.emit('pts-status-revoke', { provider: provider.id, targetId: target.id })}
            >
              ${icon('unlink')}${this.t('status.revoke')}
            </button>`
          : nothing}
      </div>
    </li>`;
  }

  private renderProvider(provider: ProviderSummary): TemplateResult {
    // Without a loaded status no state is claimed, and targets from an earlier load are not shown as current.
    const targets = this.known ? this.targets.filter((t) => t.provider === provider.id) : [];
    const modes = DEPLOYMENT_MODES.filter((m) => provider.editions.some((e) => e.mode === m));
    return html`<li class="provider card" part="provider card">
      <div class="head">
        <span class="logo" aria-hidden="true">${provider.label.charAt(0)}</span>
        <div>
          <div class="name">${provider.label}</div>
          <div class="meta">
            <span class="sr-only">${this.t('status.setup')}</span>
            ${modes.map((m) => html`<span class="setup">${icon(MODE_ICONS[m])}${this.t(`mode.${m}`)}</span>`)}
          </div>
        </div>
        <div class="aside">
          ${this.known
            ? targets.length === 0
              ? this.badge('not_connected')
              : // Same place as "Not connected", so Add sits beside a badge on every row.
                html`<span class="badge" part="badge">${this.n('status.saved', targets.length)}</span>`
            : nothing}
          <button
            type="button"
            class="btn small"
            part="button"
            aria-label=${this.t('status.addLabel', { provider: provider.label })}
            @click=${() => this.emit('pts-status-add', { provider: provider.id })}
          >
            ${icon('plus')}${this.t('status.add')}
          </button>
        </div>
      </div>
      ${targets.length ? html`<ul class="targets">${targets.map((t) => this.renderTarget(provider, t))}</ul>` : nothing}
    </li>`;
  }

  private renderBody(): TemplateResult {
    if (this.loading) {
      return html`<p class="sr-only" role="status">${this.t('status.loading')}</p>
        <ul class="providers" aria-hidden="true">
          ${[0, 1, 2, 3].map(
            () => html`<li class="skeleton card">
              <span class="bone square"></span>
              <span><span class="bone"></span><span class="bone short"></span></span>
              <span class="bone"></span>
            </li>`,
          )}
        </ul>`;
    }
    if (this.providers.length === 0) {
      return html`<div class="notice" part="notice">${icon('info')}<p class="body">${this.t('status.noProviders')}</p></div>`;
    }
    const connected = this.targets.filter((t) => t.state === 'connected').length;
    const attention = this.targets.filter((t) => t.state === 'auth_required' || t.state === 'blocked').length;
    // After a failed load the error notice above says it all; unknown targets are never "none".
    const lead = this.error
      ? nothing
      : this.targetsUnknown
        ? html`<div class="notice" part="notice">${icon('info')}<p class="body">${this.t('status.notLoaded')}</p></div>`
        : this.targets.length === 0
          ? html`<div class="notice info" part="notice notice-info">${icon('info')}<p class="body">${this.t('status.empty')}</p></div>`
          : html`<p class="summary muted small">
              ${this.t('status.summary', { connected: this.n('status.connected', connected), attention: this.n('status.attention', attention) })}
            </p>`;
    const omitted = this.known && this.omitted > 0 ? html`<p class="omitted muted small">${this.t('status.omitted', { count: this.omitted })}</p>` : nothing;
    return html`${lead}${omitted}
      <ul class="providers" part="list provider-list" aria-label=${this.t('status.providers')}>
        ${this.providers.map((p) => this.renderProvider({ ...p, label: this.catalogText(`provider.${p.id}.label`, p.label) }))}
      </ul>`;
  }

  override render() {
    return html`<section aria-busy=${this.loading ? 'true' : 'false'}>
      <header>
        ${this.heading(this.t('status.heading'))}
        <p class="muted">${this.t('status.intro')}</p>
      </header>
      ${this.error
        ? html`<div class="notice danger" part="notice notice-danger" role="alert">
            ${icon('warning')}
            <div class="body">
              <p><strong>${this.t('status.loadFailed')}</strong> ${this.t(`error.${this.error.code}`)}</p>
              ${this.loading ? nothing : html`<p>${this.t('status.stillAdd')}</p>`}
              <div class="row">
                <button type="button" class="btn small" part="button" @click=${() => this.emit('pts-status-retry', {})}>
                  ${icon('refresh')}${this.t('common.retry')}
                </button>
              </div>
            </div>
          </div>`
        : nothing}
      ${this.renderBody()}
    </section>`;
  }
}
