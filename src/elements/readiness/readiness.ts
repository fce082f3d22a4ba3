import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DocLink } from '../../core/providers/types.js';
import { icon, type IconName } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import { readinessStyles } from './readiness.styles.js';

/** The five ready states, in the order the checklist shows them. */
export const READY_KEYS = ['cloud-target', 'self-hosted-target', 'allowlist', 'credential-boundary', 'fallback'] as const;
export type ReadyKey = (typeof READY_KEYS)[number];
export type ReadyStatus = 'ready' | 'not-ready' | 'not-applicable';

export interface ReadyItem {
  key: ReadyKey;
  status: ReadyStatus;
  /** Why, in the customer's words; the catalog's default text for the status when absent. */
  reason?: string | undefined;
  /** Credential boundary: where the grant can be revoked later. */
  revoke?: DocLink | undefined;
}

const MARKS: Record<ReadyStatus, IconName> = {
  ready: 'checkCircle',
  'not-ready': 'circle',
  'not-applicable': 'dash',
};

const TONES: Record<ReadyStatus, string> = {
  ready: 'success',
  'not-ready': 'warning',
  'not-applicable': '',
};

/**
 * @summary The checklist shown before saving: cloud target, self-hosted
 * target, allowlist, credential boundary (which grant can be revoked later,
 * and where) and fallback, each ready, not ready or not applicable, with a
 * reason.
 *
 * A key missing from `items` shows as not ready.
 *
 * @csspart list - The checklist.
 * @csspart item - One ready state.
 */
export class PtsReadiness extends PtsElement {
  static override tag = 'pts-readiness';
  static override styles = [PtsElement.styles, readinessStyles];

  @property({ attribute: false }) items: readonly ReadyItem[] = [];

  private renderItem(item: ReadyItem): TemplateResult {
    const reason = item.reason ?? this.t(`ready.${item.key}.${item.status}`);
    return html`<li class=${item.status} part="item">
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

  override render() {
    const byKey = new Map(this.items.map((i) => [i.key, i]));
    const items = READY_KEYS.map((key): ReadyItem => byKey.get(key) ?? { key, status: 'not-ready' });
    const applicable = items.filter((i) => i.status !== 'not-applicable');
    const ready = applicable.filter((i) => i.status === 'ready').length;
    const total = applicable.length;
    return html`<section class="box card" aria-labelledby="ready-title">
      <div class="head">
        ${this.heading(this.t('ready.heading'), 'title', 'ready-title')}
        <span class="meter">
          <span class="bar" aria-hidden="true">${applicable.map((_, i) => html`<span class=${i < ready ? 'on' : ''}></span>`)}</span>
          ${this.t('ready.summary', { ready, total })}
        </span>
      </div>
      <ul part="list">
        ${items.map((i) => this.renderItem(i))}
      </ul>
    </section>`;
  }
}
