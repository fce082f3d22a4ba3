/** A saved target: opened from the list (with reconnect and revoke), just saved, or being revoked. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowState } from '../../../core/flow/types.js';
import type { PtsEvent } from '../../base/events.js';
import { icon } from '../../base/icons.js';
import { targetName } from '../../base/view.js';
import type { Later } from './later.js';
import { actions, backButton, notice, primaryButton } from './parts.js';

type RecordPhase = Extract<FlowState, { phase: 'existing-target' | 'revoke-at-provider' | 'revoke-disconnect' | 'revoking' | 'revoked' }>;

function card(later: Later, f: RecordPhase | Extract<FlowState, { phase: 'saved' }>, showRevoke: boolean): TemplateResult {
  const { provider, edition } = later.view(f);
  return html`<pts-target-card
    .messages=${later.host.messages}
    .headingLevel=${later.sub}
    .target=${f.target}
    .provider=${provider}
    .edition=${edition}
    .method=${later.viewMethod(edition, f.method)}
    .showRevoke=${showRevoke}
  ></pts-target-card>`;
}

export function renderSaved(later: Later, f: Extract<FlowState, { phase: 'saved' }>): TemplateResult {
  const say = later.setup.say;
  return html`<div class="notice success" tabindex="-1" data-autofocus>
      ${icon('checkCircle')}
      <div class="body"><p><strong>${say('root.saved', { target: targetName(f.target) })}</strong></p></div>
    </div>
    ${card(later, f, true)}
    ${actions(nothing, primaryButton(say('root.backToTargets'), () => later.back()))}`;
}

export function renderExisting(later: Later, f: RecordPhase): TemplateResult {
  const say = later.setup.say;
  // While revoking, pts-revoke shows where to revoke; the card does not repeat it.
  const shown = card(later, f, f.phase === 'existing-target');
  if (f.phase === 'existing-target') {
    const t = f.target;
    const canRevoke = t.has_credentials && t.state !== 'revoked';
    return html`${shown}
    ${actions(
      backButton(later, say('root.backToTargets')),
      html`${t.state !== 'connected'
        ? html`<button type="button" class="btn ${canRevoke ? '' : 'primary'}" @click=${() => later.send({ type: 'reconnect' })}>
            ${icon('refresh')}${say('status.reconnect')}
          </button>`
        : nothing}
      ${canRevoke
        ? html`<button type="button" class="btn danger" @click=${() => later.send({ type: 'revoke-started' })}>
            ${icon('unlink')}${say('status.revoke')}
          </button>`
        : nothing}`,
    )}`;
  }
  const { provider, edition } = later.view(f);
  return html`${shown}
    <pts-revoke
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .provider=${provider}
      .method=${later.viewMethod(edition, f.method)}
      .target=${f.target}
      .revokedAtProvider=${f.phase !== 'revoke-at-provider'}
      .busy=${f.phase === 'revoking'}
      .revoked=${f.phase === 'revoked'}
      .error=${f.phase === 'revoke-disconnect' && f.error ? { code: f.error.code } : null}
      @pts-revoke-acknowledge=${(e: PtsEvent<'pts-revoke-acknowledge'>) => later.acknowledgeRevoke(e.detail.revokedAtProvider)}
      @pts-revoke-confirm=${() => later.confirmRevoke()}
      @pts-revoke-cancel=${() => later.cancelRevoke()}
    ></pts-revoke>
    ${f.phase === 'revoke-disconnect' && later.revokeVetoed ? notice('info', html`<p>${say('root.revokeVetoed')}</p>`) : nothing}
    ${f.phase === 'revoked' ? actions(nothing, primaryButton(say('root.backToTargets'), () => later.back())) : nothing}`;
}
