import { html, nothing, type TemplateResult } from 'lit';
import type { FlowState } from '../../../core/flow/types.js';
import type { PtsDeploymentMode } from '../../deployment-mode/deployment-mode.js';
import type { PtsEvent } from '../../base/events.js';
import { icon } from '../../base/icons.js';
import { externalLink } from '../../base/links.js';
import { addsInformation } from '../wording.js';
import type { Later } from './later.js';
import { actions, backButton, inlineFallback, notice, primaryButton } from './parts.js';

type DeploymentPhase = Extract<FlowState, { phase: 'edition' | 'limitation-blocked' }>;

/** Continue hands the chosen edition up; with none chosen, say so and go to the choice. */
function continueFrom(later: Later): void {
  const mode = later.host.renderRoot.querySelector<PtsDeploymentMode>('pts-deployment-mode');
  if (mode?.submit()) return;
  later.modeError = true;
  later.setup.announce(later.setup.say('root.chooseMode'), true);
  void later.host.updateComplete.then(() => mode?.focus());
}

export function renderDeployment(later: Later, f: DeploymentPhase): TemplateResult {
  const say = later.setup.say;
  const { provider, edition } = later.view(f);
  const blockedEdition = f.phase === 'limitation-blocked' ? edition : null;
  const title = say('root.limitation.title', { edition: blockedEdition?.label ?? '' });
  // The catalog's own limitations are told by the mode card; the backend's reason only when it says more than the title.
  const limitation = f.phase === 'limitation-blocked' ? f.limitation : null;
  const known = !!limitation && !!blockedEdition?.limitations.some((l) => l.id === limitation.id);
  const reason = limitation && !known && addsInformation(limitation.message, [title]) ? limitation.message : '';
  // Where the backend says to go instead, shown verbatim like any provider action.
  const action = f.phase === 'limitation-blocked' ? f.error?.action : undefined;
  // The edition shown chosen: the one in the state, else the one this draft kept, else the only one.
  const only = f.provider.editions.length === 1 ? (f.provider.editions[0]?.id ?? '') : '';
  const value = f.phase === 'limitation-blocked' ? f.edition.id : (f.kept.edition ?? only);
  return html`<pts-deployment-mode
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .provider=${provider}
      .value=${value}
      @pts-mode-change=${() => {
        later.modeError = false;
        later.host.requestUpdate();
      }}
      @pts-mode-submit=${(e: PtsEvent<'pts-mode-submit'>) => later.chooseEdition(e.detail.edition)}
      @pts-mode-alternative=${(e: PtsEvent<'pts-mode-alternative'>) => void later.alternative(e.detail.provider, e.detail.edition)}
    ></pts-deployment-mode>
    ${later.modeError ? html`<p class="feedback error" role="alert">${icon('warning')}<span>${say('root.chooseMode')}</span></p>` : nothing}
    ${f.phase === 'limitation-blocked'
      ? html`${notice(
            'danger',
            html`<p><strong>${title}</strong></p>
              ${reason ? html`<p>${reason}</p>` : nothing}
              ${action ? html`<p>${action.url ? externalLink(action.label, action.url, say('common.newTab')) : action.label}</p>` : nothing}`,
          )}
          ${inlineFallback(later, '')}`
      : nothing}
    ${actions(backButton(later), primaryButton(say('root.continue'), () => continueFrom(later)))}`;
}
