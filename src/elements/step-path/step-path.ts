import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { STEP_IDS, type StepId } from '../base/events.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { stepPathStyles } from './step-path.styles.js';

type StepState = 'complete' | 'skipped' | 'current' | 'upcoming' | 'blocked';

/**
 * Steps before `current` count as completed, except those listed in `skipped`.
 * With `navigable`, completed steps are buttons that ask the root to go back
 * to them.
 *
 * @summary The visible path through the setup: Integration status → Deployment
 * mode → Auth and network check → Provider-specific setup → Ticket export
 * target, with the current step marked `aria-current="step"`.
 *
 * @tagname pts-step-path
 * @fires {CustomEvent<{ step: StepId }>} pts-step-select - A completed step was chosen (only with `navigable`).
 * @csspart list - The ordered list of steps.
 * @csspart step - One step.
 * @csspart marker - The number or check mark of a step.
 * @cssprop --pts-color-accent - Completed and current markers.
 * @cssprop --pts-color-danger - A blocked step.
 */
export class PtsStepPath extends PtsElement {
  static override tag = 'pts-step-path';
  static override styles = [PtsElement.styles, stepPathStyles];

  /** The step the customer is on. */
  @property() current: StepId = 'status';

  /** Marks the current step as blocked (a failed check, a provider limitation). */
  @property({ type: Boolean }) blocked = false;

  /** Completed steps become buttons firing `pts-step-select`. */
  @property({ type: Boolean }) navigable = false;

  /**
   * Steps before `current` that were passed over (e.g. the provider setup when
   * portable export was chosen at the network check): shown as skipped, never
   * as completed or as a way back. Ignored for the current and later steps.
   */
  @property({ attribute: false }) skipped: readonly StepId[] = [];

  private stateOf(index: number, currentIndex: number): StepState {
    if (index < currentIndex) return this.skipped.includes(STEP_IDS[index]!) ? 'skipped' : 'complete';
    if (index > currentIndex) return 'upcoming';
    return this.blocked ? 'blocked' : 'current';
  }

  override render() {
    const currentIndex = Math.max(0, STEP_IDS.indexOf(this.current));
    const total = STEP_IDS.length;
    return html`<nav aria-label=${this.t('steps.label')}>
      <p class="position" aria-hidden="true">${this.t('steps.position', { index: currentIndex + 1, total })}</p>
      <ol part="list">
        ${STEP_IDS.map((id, index) => {
          const state = this.stateOf(index, currentIndex);
          const marker = html`<span class="marker" part="marker" aria-hidden="true"
            >${state === 'complete' ? icon('check') : state === 'blocked' ? icon('cross') : state === 'skipped' ? icon('skip') : index + 1}</span
          >`;
          const text = html`<span class="name">${this.t(`steps.${id}`)}</span
            ><span class="sr-only"> (${this.t(`steps.state.${state}`)})</span>`;
          return html`<li part="step" class=${state} aria-current=${index === currentIndex ? 'step' : nothing}>
            ${state === 'complete' && this.navigable
              ? html`<button type="button" class="step" @click=${() => this.emit('pts-step-select', { step: id })}>
                  ${marker}${text}
                </button>`
              : html`<span class="step">${marker}${text}</span>`}
          </li>`;
        })}
      </ol>
    </nav>`;
  }
}
