import { html, type TemplateResult } from 'lit';
import type { FlowState } from '../../../core/flow/types.js';
import type { PtsEvent } from '../../base/events.js';
import type { Later } from './later.js';
import { actions, backButton } from './parts.js';

export function renderFallback(later: Later, f: Extract<FlowState, { phase: 'fallback' }>): TemplateResult {
  const setup = later.setup;
  const from = f.from;
  const reason = from.phase === 'url-blocked' ? 'blocked' : from.phase === 'allowlist' && from.allowlistStatus === 'unreachable' ? 'unreachable' : '';
  return html`<pts-fallback
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .available=${f.env.portableExport === true}
      .formats=${setup.portable?.formats ?? []}
      .format=${later.fallbackFormat ?? ''}
      .url=${setup.portable?.url ?? ''}
      .reason=${reason}
      .chosen=${later.fallbackConfirmed}
      @pts-fallback-choose=${(e: PtsEvent<'pts-fallback-choose'>) => later.chooseFallback(e.detail.format)}
    ></pts-fallback>
    ${actions(
      backButton(later),
      // Until the choice is confirmed, "Use portable export" is the main action on the page.
      html`<button type="button" class="btn ${later.fallbackConfirmed ? 'primary' : ''}" @click=${() => later.send({ type: 'cancel' })}>
        ${setup.say('root.backToTargets')}
      </button>`,
    )}`;
}
