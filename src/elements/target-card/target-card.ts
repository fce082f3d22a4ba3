import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { TargetRecord, TargetState } from '../../core/contract/schemas.js';
import type { AuthMethod, Edition, EditionSummary, ProviderSummary } from '../../core/providers/types.js';
import { icon, type IconName } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import { MODE_ICONS, targetName } from '../base/view.js';
import { formatDate } from '../messages/lookup.js';
import { targetCardStyles } from './target-card.styles.js';
import { laterEnglish } from '../messages/en-steps.js';

const LOOK: Record<TargetState, { tone: string; icon: IconName }> = {
  connected: { tone: 'success', icon: 'checkCircle' },
  auth_required: { tone: 'warning', icon: 'key' },
  blocked: { tone: 'danger', icon: 'shield' },
  revoked: { tone: '', icon: 'unlink' },
};

/** "Provider · Edition", naming it once where the edition is called like its provider (Linear, a webhook). */
function providerLine(provider: string, edition: string | undefined): string {
  return edition && edition !== provider ? `${provider} · ${edition}` : provider;
}

/**
 * Only http(s) links from the record are shown as links (`externalLink`);
 * anything else stays plain text, and the rest of the card shows as usual.
 *
 * @summary One saved target as a card: its name, provider and edition, state,
 * setup, address, network path, how it is connected (auth method, token type,
 * scopes), where to revoke it, when it last changed, what went wrong and the
 * provider's action, and its history.
 *
 * @tagname pts-target-card
 * @csspart card - The card.
 */
export class PtsTargetCard extends PtsElement {
  static override tag = 'pts-target-card';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, targetCardStyles];

  /** The record to show. Nothing renders without one. */
  @property({ attribute: false }) target: TargetRecord | null = null;

  /** The record's provider, for its name and initial. */
  @property({ attribute: false }) provider: ProviderSummary | null = null;

  /** The record's edition; with its detail, the auth method is named and its revoke location shown. */
  @property({ attribute: false }) edition: Edition | EditionSummary | null = null;

  /** The auth method, when known better than by the record's `auth_method` (a method with host link overrides). */
  @property({ attribute: false }) method: AuthMethod | null = null;

  /** Whether to say where the grant is revoked (off while a revoke step says it). */
  @property({ type: Boolean, attribute: 'show-revoke' }) showRevoke = true;

  override render() {
    const target = this.target;
    if (!target) return nothing;
    const edition = this.edition;
    const method = this.method ?? (edition && 'authMethods' in edition ? edition.authMethods.find((m) => m.id === target.auth_method) : undefined);
    const look = LOOK[target.state];
    const updated = new Date(target.updated_at);
    const lang = this.resolvedLang || undefined;
    const newTab = this.t('common.newTab');
    // A host's own backend is not checked against the contract: a record missing a list still shows.
    const history = Array.isArray(target.history) ? target.history : [];
    const scopes = Array.isArray(target.scopes) ? target.scopes : [];
    return html`<section class="target card" part="card" aria-labelledby="target-name">
      <div class="target-head">
        <span class="logo" aria-hidden="true">${this.provider?.label.charAt(0) ?? '?'}</span>
        <div>
          ${this.heading(targetName(target), 'subtitle', 'target-name')}
          <div class="muted small">${providerLine(this.provider?.label ?? target.provider, edition?.label)}</div>
        </div>
        ${look ? html`<span class="badge ${look.tone}">${icon(look.icon)}${this.t(`status.state.${target.state}`)}</span>` : nothing}
      </div>
      <dl class="facts">
        <dt>${this.t('root.target.mode')}</dt>
        <dd>${icon(MODE_ICONS[target.deployment_mode])}${this.t(`mode.${target.deployment_mode}`)}</dd>
        ${target.base_url || target.tenant
          ? html`<dt>${this.t('root.target.address')}</dt>
              <dd><code>${target.base_url ?? target.tenant}</code></dd>`
          : nothing}
        ${target.allowlist_status
          ? html`<dt>${this.t('root.target.network')}</dt>
              <dd>${this.t(`allowlist.${target.allowlist_status}`)}</dd>`
          : nothing}
        <dt>${this.t(target.state === 'revoked' ? 'root.target.authRevoked' : 'root.target.auth')}</dt>
        <dd>${method?.label ?? target.auth_method} <code>${target.token_type}</code></dd>
        ${scopes.length
          ? html`<dt>${this.t('auth.scopes')}</dt>
              <dd class="scopes">${scopes.map((s) => html`<code>${s}</code>`)}</dd>`
          : nothing}
        ${this.showRevoke && method && target.has_credentials && target.state !== 'revoked'
          ? html`<dt>${this.t('root.target.revoke')}</dt>
              <dd>${externalLink(method.revoke.label, method.revoke.url, newTab)}</dd>`
          : nothing}
        ${Number.isNaN(updated.getTime())
          ? nothing
          : html`<dt>${this.t('root.target.updated')}</dt>
              <dd>${formatDate(updated, lang)}</dd>`}
      </dl>
      ${target.error && target.state !== 'connected' && target.state !== 'revoked' ? this.renderProblem(target) : nothing}
      ${history.length
        ? html`<details class="history">
            <summary>${this.t('root.target.history')}</summary>
            <ol>
              ${history.map((h) => html`<li><span class="muted small">${formatDate(new Date(h.at), lang)}</span> ${this.t(`root.history.${h.event}`)}</li>`)}
            </ol>
          </details>`
        : nothing}
    </section>`;
  }

  private renderProblem(target: TargetRecord): TemplateResult {
    const error = target.error!;
    const danger = target.state === 'blocked';
    const action = error.action;
    return html`<div class="notice ${danger ? 'danger' : 'warning'}">
      ${icon('warning')}
      <div class="body">
        <p>${this.t(`error.${error.code}`)}</p>
        ${action ? html`<p>${action.url ? externalLink(action.label, action.url, this.t('common.newTab')) : action.label}</p>` : nothing}
      </div>
    </div>`;
  }
}
