import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadyReason } from '../../core/flow/selectors.js';
import type { DocLink } from '../../core/providers/types.js';
import { icon, type IconName } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import type { MessageKey } from '../messages/lookup.js';
import { readinessStyles } from './readiness.styles.js';
import { laterEnglish } from '../messages/en-steps.js';
import { forms } from '../base/form-styles.js';

/** The five ready states, in the order the checklist shows them. */
export const READY_KEYS = ['cloud-target', 'self-hosted-target', 'allowlist', 'credential-boundary', 'fallback'] as const;
export type ReadyKey = (typeof READY_KEYS)[number];
export type ReadyStatus = 'ready' | 'not-ready' | 'not-applicable';

export interface ReadyItem {
  key: ReadyKey;
  status: ReadyStatus;
  /** Why, in the customer's words; wins over `code`. */
  reason?: string | undefined;
  /**
   * Why, as the flow's reason code (`readiness()` in the core); worded from the
   * catalog. Without `reason` and `code` the catalog's default for the status shows.
   */
  code?: ReadyReason | undefined;
  /** Credential boundary: where the grant can be revoked later. */
  revoke?: DocLink | undefined;
}

/** A row beyond the five ready states, named and explained by its caller. */
export interface ExtraReadyItem {
  name: string;
  status: ReadyStatus;
  reason: string;
}

const MARKS: Record<ReadyStatus, IconName> = {
  ready: 'checkCircle',
  'not-ready': 'circle',
  'not-applicable': 'dash',
};

/** Catalog texts a reason can show (none takes parameters). */
type ReasonText = Extract<MessageKey, `ready.reason.${string}` | `ready.${ReadyKey}.${ReadyStatus}`>;

/**
 * The catalog message for each reason code. "Another mode" reads differently
 * on the cloud and the self-hosted item, so it depends on the item.
 */
export const REASON_MESSAGES: Record<ReadyReason, ReasonText | ((key: ReadyKey) => ReasonText)> = {
  'mode-not-chosen': 'ready.reason.mode-not-chosen',
  'other-mode': (key) => (key === 'cloud-target' ? 'ready.cloud-target.not-applicable' : 'ready.self-hosted-target.not-applicable'),
  'no-base-url': 'ready.allowlist.not-applicable',
  'provider-limitation': 'ready.reason.provider-limitation',
  'tenant-not-confirmed': 'ready.reason.tenant-not-confirmed',
  'target-confirmed': 'ready.cloud-target.ready',
  'ownership-not-confirmed': 'ready.reason.ownership-not-confirmed',
  'url-not-checked': 'ready.reason.url-not-checked',
  'url-check-pending': 'ready.reason.url-check-pending',
  'url-blocked': 'ready.reason.url-blocked',
  'url-checked': 'ready.self-hosted-target.ready',
  'allowlist-missing': 'ready.allowlist.not-ready',
  'allowlist-unreachable': 'ready.reason.allowlist-unreachable',
  'allowlist-recorded': 'ready.allowlist.ready',
  'auth-method-not-chosen': 'ready.credential-boundary.not-ready',
  'credential-missing': 'ready.reason.credential-missing',
  'authorization-missing': 'ready.reason.authorization-missing',
  'authorization-pending': 'ready.reason.authorization-pending',
  'auth-required': 'ready.reason.auth-required',
  'credentials-revoked': 'ready.reason.credentials-revoked',
  'grant-revocable': 'ready.credential-boundary.ready',
  'status-not-loaded': 'ready.reason.status-not-loaded',
  'fallback-unavailable': 'ready.fallback.not-ready',
  'fallback-available': 'ready.fallback.ready',
};

const TONES: Record<ReadyStatus, string> = {
  ready: 'success',
  'not-ready': 'warning',
  'not-applicable': '',
};

/**
 * A key missing from `items` shows as not ready.
 *
 * @summary The checklist shown before saving: cloud target, self-hosted
 * target, allowlist, credential boundary (which grant can be revoked later,
 * and where) and fallback, each ready, not ready or not applicable, with a
 * reason.
 *
 * @tagname pts-readiness
 * Items that do not apply (the cloud target on a self-hosted setup) fold into
 * one closed disclosure under the list, "2 items do not apply".
 *
 * @csspart list - The checklist.
 * @csspart ready-list - The checklist, by the name it has outside the element.
 * @csspart item - One ready state.
 * @csspart ready-item - One ready state, by the name it has outside the element.
 * @csspart ready-folded - The disclosure holding the items that do not apply.
 */
export class PtsReadiness extends PtsElement {
  static override tag = 'pts-readiness';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, readinessStyles];

  /** The status of each ready state (`ReadyItem[]`), in any order; shown in the order of `READY_KEYS`. */
  @property({ attribute: false }) items: readonly ReadyItem[] = [];

  /** Further rows after the five, already worded (the ticket export overview's destination and test). */
  @property({ attribute: false }) extras: readonly ExtraReadyItem[] = [];

  /** The heading; "Before you save" when empty. */
  @property() label = '';

  private renderItem(item: ReadyItem): TemplateResult {
    const byCode = item.code ? REASON_MESSAGES[item.code] : undefined;
    const key: ReasonText = typeof byCode === 'function' ? byCode(item.key) : (byCode ?? `ready.${item.key}.${item.status}`);
    const reason = item.reason ?? this.t(key);
    return html`<li class=${item.status} part="item ready-item">
      <span class="mark">${icon(MARKS[item.status])}</span>
      <span class="item-name">${this.t(`ready.${item.key}`)}</span>
      <span class="badge ${TONES[item.status]}">${this.t(`ready.status.${item.status}`)}</span>
      <span class="reason">
        ${reason}
        ${item.revoke
          ? html`<br />${this.t('ready.revokeWhere')} ${externalLink(item.revoke.label, item.revoke.url, this.t('common.newTab'))}`
          : nothing}
      </span>
    </li>`;
  }

  private renderExtra(item: ExtraReadyItem): TemplateResult {
    return html`<li class=${item.status} part="item">
      <span class="mark">${icon(MARKS[item.status])}</span>
      <span class="item-name">${item.name}</span>
      <span class="badge ${TONES[item.status]}">${this.t(`ready.status.${item.status}`)}</span>
      <span class="reason">${item.reason}</span>
    </li>`;
  }

  override render() {
    const byKey = new Map(this.items.map((i) => [i.key, i]));
    const items = READY_KEYS.map((key): ReadyItem => byKey.get(key) ?? { key, status: 'not-ready' });
    const shown = items.filter((i) => i.status !== 'not-applicable');
    const folded = items.filter((i) => i.status === 'not-applicable');
    const extras = this.extras.filter((i) => i.status !== 'not-applicable');
    const applicable = [...shown, ...extras];
    const ready = applicable.filter((i) => i.status === 'ready').length;
    const total = applicable.length;
    return html`<section class="box card" aria-labelledby="ready-title">
      <div class="head">
        ${this.heading(this.label || this.t('ready.heading'), 'title', 'ready-title')}
        <span class="meter">
          <span class="bar" aria-hidden="true">${applicable.map((_, i) => html`<span class=${i < ready ? 'on' : ''}></span>`)}</span>
          ${this.t('ready.summary', { ready, total })}
        </span>
      </div>
      <ul part="list ready-list">
        ${shown.map((i) => this.renderItem(i))} ${extras.map((i) => this.renderExtra(i))}
      </ul>
      ${folded.length
        ? html`<details class="folded" part="ready-folded">
            <summary>${icon('chevron', 'chevron')}${this.n('ready.folded', folded.length)}</summary>
            <ul>
              ${folded.map((i) => this.renderItem(i))}
            </ul>
          </details>`
        : nothing}
    </section>`;
  }
}
