/** Small pieces every later step's template uses: notices, the action row, Back, the inline portable-export offer. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowError } from '../../../core/flow/types.js';
import type { PtsEvent } from '../../base/events.js';
import { icon } from '../../base/icons.js';
import { externalLink } from '../../base/links.js';
import { addsInformation } from '../wording.js';
import type { Later } from './later.js';

export type Tone = 'danger' | 'warning' | 'info' | 'success';

const ICONS = { danger: 'warning', warning: 'warning', info: 'info', success: 'checkCircle' } as const;

export function notice(tone: Tone, body: TemplateResult | string, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div class="notice ${tone}">${icon(ICONS[tone])}<div class="body">${body}${extra}</div></div>`;
}

/**
 * A refusal in the catalog's words, the backend's message under them only when
 * it adds information (`addsInformation`), and the backend's action, a concrete
 * next step the catalog cannot know.
 */
export function errorNotice(later: Later, error: FlowError, lead = ''): TemplateResult {
  const say = later.setup.say;
  const text = later.setup.errorText(error.code);
  const extra = error.message && addsInformation(error.message, [lead, text]) ? error.message : '';
  const action = error.action;
  return notice(
    'danger',
    html`<p>${lead ? html`<strong>${lead}</strong> ` : nothing}${text}</p>`,
    html`${extra ? html`<p class="muted">${extra}</p>` : nothing}
    ${action ? html`<p>${action.url ? externalLink(action.label, action.url, say('common.newTab')) : action.label}</p>` : nothing}`,
  );
}

export function actions(back: TemplateResult | typeof nothing, primary: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="actions" part="actions">
    <div class="row">${back}</div>
    <div class="row">${primary}</div>
  </div>`;
}

export function backButton(later: Later, label = later.setup.say('root.back'), onClick: () => void = () => later.back()): TemplateResult {
  return html`<button type="button" class="btn ghost" @click=${onClick}>${label}</button>`;
}

export function primaryButton(label: string, onClick: () => void, id?: string): TemplateResult {
  return html`<button type="button" class="btn primary" id=${id ?? nothing} @click=${onClick}>${label}</button>`;
}

/** Portable export offered beside a blocked edition or an unreachable server. */
export function inlineFallback(later: Later, reason: 'blocked' | 'unreachable' | ''): TemplateResult | typeof nothing {
  const setup = later.setup;
  if (setup.state.env.portableExport !== true) return nothing;
  return html`<pts-fallback
    .messages=${later.host.messages}
    .headingLevel=${later.sub}
    .available=${true}
    .formats=${setup.portable?.formats ?? []}
    .url=${setup.portable?.url ?? ''}
    .reason=${reason}
    @pts-fallback-choose=${(e: PtsEvent<'pts-fallback-choose'>) => later.chooseFallback(e.detail.format)}
  ></pts-fallback>`;
}
