import { css, html, nothing, type TemplateResult } from 'lit';
import type { CheckName, CheckStatus } from '../../core/contract/schemas.js';
import { CHECK_NAMES, CHECK_REASONS, type CheckReason } from '../../core/contract/vocabulary.js';
import { icon, type IconName } from './icons.js';
import type { Say } from './say.js';

/** One server check as a list shows it; `pending` while the checks run. */
export interface CheckRow {
  readonly name: CheckName;
  readonly status: CheckStatus | 'pending';
  readonly detail?: string | undefined;
  readonly offender?: string | undefined;
  /** Why it failed or was skipped, as the backend's code (`CHECK_REASONS`); a code this version lacks is worded by status. */
  readonly reason?: string | undefined;
}

/** The words a check list needs from its element's message catalog. */
export interface CheckListWords {
  label(name: CheckName): string;
  outcome(row: CheckRow): string;
  /** The backend's detail of a check, or nothing where it does not fit (another language); the detail as sent without this. */
  detail?(row: CheckRow): string | undefined;
  /** What a failed check's offender is ("Address", "Host"…). */
  offender?(row: CheckRow): string;
}

/** A check's name; the ownership probe names the product, or the signed test event of a webhook. */
export function checkLabel(say: Say, name: CheckName, providerLabel: string, webhook: boolean): string {
  if (name !== 'ownership') return say(`network.check.${name}`);
  return webhook ? say('network.check.ownership.webhook') : say('network.check.ownership', { provider: providerLabel });
}

const isReason = (reason: string | undefined): reason is CheckReason => CHECK_REASONS.includes(reason as CheckReason);

/**
 * A check's outcome in its own words: why it failed or was skipped ("Host
 * name not found", "Proved by a signed test event"), else the bare status.
 */
export function checkOutcome(say: Say, row: CheckRow, providerLabel: string): string {
  if (row.status === 'passed' || row.status === 'pending' || !isReason(row.reason)) return say(`network.outcome.${row.status}`);
  if (row.reason === 'identity_mismatch') return say('network.reason.identity_mismatch', { provider: providerLabel });
  return say(`network.reason.${row.reason}`);
}

/** The words of a check list for one provider (or a webhook endpoint). */
export function checkWords(say: Say, providerLabel: string, webhook: boolean): CheckListWords {
  return {
    label: (name) => checkLabel(say, name, providerLabel, webhook),
    outcome: (row) => checkOutcome(say, row, providerLabel),
  };
}

/** The line over passed checks: "All checks passed", or "Every check that applies passed" when one was skipped. */
export function passedText(say: Say, checks: readonly CheckRow[], url: string): string {
  return checks.some((c) => c.status === 'skipped') ? say('network.passedApplicable', { url }) : say('network.passed', { url });
}

const MARK: Record<CheckRow['status'], IconName> = {
  passed: 'checkCircle',
  failed: 'crossCircle',
  skipped: 'dash',
  pending: 'spinner',
};

/**
 * The server checks of a URL, always in check order: in full on the network
 * step (detail and offender under a failed check), or `compact` on one line
 * where the passed checks are only recalled, their outcome said to screen
 * readers alone.
 */
export function checkList(rows: readonly CheckRow[], words: CheckListWords, options: { compact?: boolean; part?: string } = {}): TemplateResult {
  const compact = options.compact === true;
  const sorted = [...rows].sort((a, b) => CHECK_NAMES.indexOf(a.name) - CHECK_NAMES.indexOf(b.name));
  return html`<ol class="checks ${compact ? 'compact' : ''}" part=${options.part ?? nothing}>
    ${sorted.map((row) => {
      const detail = words.detail ? words.detail(row) : row.detail;
      return html`<li class=${row.status}>
        <span class="mark">${icon(MARK[row.status], row.status === 'pending' ? 'spin' : '')}</span>
        <span class="check-name">${words.label(row.name)}</span>
        <span class=${compact && row.status === 'passed' ? 'sr-only' : 'outcome'}>${words.outcome(row)}</span>
        ${!compact && detail ? html`<span class="check-detail">${detail}</span>` : nothing}
        ${!compact && row.offender && row.status === 'failed' && words.offender
          ? html`<span class="offender">${words.offender(row)} <code>${row.offender}</code></span>`
          : nothing}
      </li>`;
    })}
  </ol>`;
}

/** Styles of `checkList`, for every shadow root that shows one. */
export const checkListStyles = css`
  .checks {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .checks li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: var(--_s1) var(--_s3);
    align-items: start;
    padding: var(--_s2) 0;
    animation: reveal 240ms ease-out both;
  }
  .checks li + li {
    border-top: 1px solid var(--_border);
  }
  .checks li:nth-child(2) {
    animation-delay: 70ms;
  }
  .checks li:nth-child(3) {
    animation-delay: 140ms;
  }
  .checks li:nth-child(4) {
    animation-delay: 210ms;
  }
  .checks li:nth-child(5) {
    animation-delay: 280ms;
  }
  .checks li:nth-child(6) {
    animation-delay: 350ms;
  }
  @keyframes reveal {
    from {
      opacity: 0;
      transform: translateY(-3px);
    }
  }
  .checks .mark {
    display: flex;
    height: 1.5em;
    align-items: center;
  }
  .checks .passed .mark {
    color: var(--_success);
  }
  .checks .failed .mark {
    color: var(--_danger);
  }
  .checks .skipped .mark {
    color: var(--_muted);
  }
  .checks .pending .mark {
    color: var(--_accent);
  }
  .check-name {
    font-weight: 550;
  }
  .check-detail {
    grid-column: 2 / -1;
    color: var(--_muted);
    font-size: var(--_fs-sm);
    overflow-wrap: anywhere;
  }
  .offender {
    grid-column: 2 / -1;
    font-size: var(--_fs-sm);
    color: var(--_danger);
    font-weight: 550;
    overflow-wrap: anywhere;
  }
  .offender code {
    color: var(--_text);
    font-weight: 400;
  }
  .outcome {
    font-size: var(--_fs-sm);
    font-weight: 600;
  }
  .passed .outcome {
    color: var(--_success);
  }
  .failed .outcome {
    color: var(--_danger);
  }
  .skipped .outcome,
  .pending .outcome {
    color: var(--_muted);
  }
  /* Recalled on one line: icon and name per check, wrapping as needed. */
  .checks.compact {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s1) var(--_s4);
    font-size: var(--_fs-sm);
  }
  .checks.compact li {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    padding: 0;
    border: 0;
    animation: none;
  }
  .checks.compact .mark {
    height: auto;
  }
  .checks.compact .check-name {
    font-weight: 400;
  }
  .checks.compact .outcome {
    color: var(--_muted);
    font-weight: 400;
  }
`;
