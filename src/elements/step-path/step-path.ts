import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
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
 * Wide, the steps stand in a row joined by connectors; narrower than 560 px
 * they stack; narrower than 480 px the path folds into one button, "Step 3 of
 * 5 · Auth and network check", that opens the stacked list (Escape or
 * choosing a step closes it). The widths are the element's own (a container
 * query), so a narrow column of a wide page gets the compact path too.
 *
 * @summary The visible path through the setup: Integration status → Deployment
 * mode → Auth and network check → Provider-specific setup → Ticket export
 * target, with the current step marked `aria-current="step"`.
 *
 * @tagname pts-step-path
 * @fires {CustomEvent<{ step: StepId }>} pts-step-select - A completed step was chosen (only with `navigable`).
 * @csspart list - The ordered list of steps.
 * @csspart step-list - The list, by the name it has outside the element.
 * @csspart step - One step.
 * @csspart step-item - One step, by the name it has outside the element.
 * @csspart marker - The number or check mark of a step.
 * @csspart step-marker - The marker, by the name it has outside the element.
 * @csspart step-name - A step's name.
 * @csspart step-connector - The line from a step to the one before it.
 * @csspart step-toggle - The compact path's button (below 480 px).
 * @cssprop --pts-color-accent - Completed and current markers, completed connectors.
 * @cssprop --pts-color-danger - A blocked step.
 * @cssprop --pts-color-text - Names of the current and completed steps; set it (with `--pts-color-text-muted`, `--pts-color-surface` and `--pts-color-border`) on a dark header to keep the names readable.
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

  /** The compact path's list is open (only shown below 480 px). */
  @state() private expanded = false;

  private stateOf(index: number, currentIndex: number): StepState {
    if (index < currentIndex) return this.skipped.includes(STEP_IDS[index]!) ? 'skipped' : 'complete';
    if (index > currentIndex) return 'upcoming';
    return this.blocked ? 'blocked' : 'current';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new step folds the compact path again.
    if (changed.has('current') && changed.get('current') !== undefined) this.expanded = false;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.expanded) return;
    event.stopPropagation();
    this.expanded = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.toggle')?.focus());
  }

  private select(step: StepId): void {
    this.expanded = false;
    this.emit('pts-step-select', { step });
  }

  override render() {
    const currentIndex = Math.max(0, STEP_IDS.indexOf(this.current));
    const total = STEP_IDS.length;
    const position = { index: currentIndex + 1, total };
    const currentState = this.stateOf(currentIndex, currentIndex);
    return html`<nav aria-label=${this.t('steps.label')} class=${this.expanded ? 'expanded' : ''} @keydown=${this.onKeydown}>
      <p class="position" aria-hidden="true">${this.t('steps.position', position)}</p>
      <button
        type="button"
        class="toggle ${currentState}"
        part="step-toggle"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="steps"
        @click=${() => (this.expanded = !this.expanded)}
      >
        <span class="marker" aria-hidden="true">${currentState === 'blocked' ? icon('cross') : currentIndex + 1}</span>
        <span class="toggle-text">${this.t('steps.compact', { ...position, name: this.t(`steps.${this.current}`) })}</span>
        ${icon('chevron', 'chevron')}
      </button>
      <ol id="steps" part="list step-list">
        ${STEP_IDS.map((id, index) => {
          const state = this.stateOf(index, currentIndex);
          const marker = html`<span class="marker" part="marker step-marker" aria-hidden="true"
            >${state === 'complete' ? icon('check') : state === 'blocked' ? icon('cross') : state === 'skipped' ? icon('skip', 'flip') : index + 1}</span
          >`;
          const text = html`<span class="name" part="step-name">${this.t(`steps.${id}`)}</span
            ><span class="sr-only"> ${this.t(`steps.state.${state}`)}</span>`;
          return html`<li part="step step-item" class=${state} aria-current=${index === currentIndex ? 'step' : nothing}>
            ${index > 0 ? html`<span class="connector" part="step-connector" aria-hidden="true"></span>` : nothing}
            ${state === 'complete' && this.navigable
              ? html`<button type="button" class="step" @click=${() => this.select(id)}>${marker}${text}</button>`
              : html`<span class="step">${marker}${text}</span>`}
          </li>`;
        })}
      </ol>
    </nav>`;
  }
}
