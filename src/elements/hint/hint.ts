import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Placement } from '@floating-ui/dom';
import { FloatingController, loadFloatingUi } from '../base/floating-controller.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { hintStyles } from './hint.styles.js';
import { laterEnglish } from '../messages/en-steps.js';

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * Click or Enter/Space on the button toggles the explanation; Escape closes it
 * and returns focus to the button; a click elsewhere closes it.
 *
 * @summary A small "?" button that shows an explanation next to it. The text
 * sits in the top layer (Popover API) where the browser has it, so a host's
 * `overflow: hidden` cannot clip it, and floating-ui keeps it beside the button.
 *
 * @tagname pts-hint
 * @slot - The explanation (text and inline content).
 * @fires {CustomEvent<{ open: boolean }>} pts-hint-toggle - The explanation opened or closed through the button, Escape, an outside click or `show()` / `hide()` / `toggle()` (not when `open` is set directly).
 * @csspart trigger - The button.
 * @csspart hint-trigger - The button, by the name it has outside the element.
 * @csspart panel - The floating explanation.
 * @csspart hint-panel - The floating explanation, by the name it has outside the element.
 */
export class PtsHint extends PtsElement {
  static override tag = 'pts-hint';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, hintStyles];

  /** Accessible name of the button; "More information" when empty. */
  @property() label = '';

  /** Preferred side of the explanation (a floating-ui placement); it flips when there is no room. */
  @property() placement: Placement = 'top';

  /** Whether the explanation is showing. */
  @property({ type: Boolean, reflect: true }) open = false;

  @query('.trigger') private trigger!: HTMLButtonElement | null;
  @query('.panel') private panel!: HTMLElement | null;

  readonly #floating = new FloatingController(this, { distance: 8 });

  readonly #onOutside = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.hide(false);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // A hint on screen is likely to be opened: have floating-ui ready by then.
    void loadFloatingUi().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
    this.open = false;
  }

  /** Opens the explanation. */
  show(): void {
    if (!this.open) this.setOpen(true);
  }

  /** Closes the explanation; with `returnFocus` focus goes back to the button. */
  hide(returnFocus = true): void {
    if (!this.open) return;
    this.setOpen(false);
    if (returnFocus) this.trigger?.focus();
  }

  /** Opens the explanation when closed, closes it when open. */
  toggle(): void {
    this.setOpen(!this.open);
  }

  /** Focuses the "?" button. */
  override focus(options?: FocusOptions): void {
    this.trigger?.focus(options);
  }

  private setOpen(open: boolean): void {
    this.open = open;
    this.emit('pts-hint-toggle', { open });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const panel = this.panel;
    const trigger = this.trigger;
    if (!panel || !trigger) return;
    const shown = panel.classList.contains('open');
    if (this.open && !shown) {
      panel.classList.add('open');
      if (supportsPopover) panel.showPopover();
      this.#floating.start(trigger, panel, this.placement);
      document.addEventListener('pointerdown', this.#onOutside, true);
    } else if (!this.open && shown) {
      this.#floating.stop();
      panel.classList.remove('open');
      if (supportsPopover && panel.matches(':popover-open')) panel.hidePopover();
      document.removeEventListener('pointerdown', this.#onOutside, true);
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      event.stopPropagation();
      this.hide(true);
    }
  }

  override render() {
    const label = this.label || this.t('hint.label');
    return html`<span @keydown=${this.onKeydown}>
      <button
        type="button"
        class="trigger"
        part="trigger hint-trigger"
        aria-label=${label}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => this.toggle()}
      >
        ${icon('question')}
      </button>
      <div id="panel" class="panel" part="panel hint-panel" popover="manual"><slot></slot></div>
    </span>`;
  }
}
