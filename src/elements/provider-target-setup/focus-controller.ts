import type { ReactiveController } from 'lit';
import { PtsElement } from '../base/pts-element.js';

/** Where focus goes after the next render: the step heading, the phase's summary, or a control that outlives a vanishing one. */
export type FocusTarget = 'heading' | 'auto' | 'save' | 'connect';

interface FocusHost extends PtsElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Moves focus after a render, only when it was inside the element when the
 * change began: to the step heading on a step change, else to the new phase's
 * summary (`data-autofocus`) when the focused control went away.
 */
export class FocusController implements ReactiveController {
  readonly #host: FocusHost;
  #next: FocusTarget | null = null;
  #hadFocus = false;

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Remembers whether focus is inside, before a change that may move it. */
  noteFocus(): void {
    this.#hadFocus = this.#host.shadowRoot?.activeElement != null;
  }

  /** Where focus goes after the next render; `auto` never overrides a more specific target. */
  request(target: FocusTarget): void {
    if (target === 'auto' && this.#next !== null) return;
    this.#next = target;
  }

  hostUpdated(): void {
    const target = this.#next;
    this.#next = null;
    if (!target || !this.#hadFocus) return;
    const root = this.#host.renderRoot;
    const heading = (): HTMLElement | null => root.querySelector<HTMLElement>('#step-heading');
    if (target === 'heading') {
      heading()?.focus();
      return;
    }
    if (target === 'save') {
      root.querySelector<HTMLElement>('#save')?.focus();
      return;
    }
    if (target === 'connect') {
      const auth = root.querySelector<PtsElement>('pts-auth');
      void auth?.updateComplete.then(() => auth.renderRoot.querySelector<HTMLElement>('[part~=connect]')?.focus());
      return;
    }
    // Sub-elements render after this one: look once they are done whether the focused control went away.
    const children = [...root.querySelectorAll<PtsElement>('*')].filter((e) => e instanceof PtsElement);
    void Promise.all(children.map((c) => c.updateComplete)).then(() => {
      if (this.#next !== null || !this.#host.isConnected || this.#host.shadowRoot?.activeElement != null) return;
      // Land on the phase's summary, else the step heading.
      (root.querySelector<HTMLElement>('[data-autofocus]') ?? heading())?.focus();
    });
  }
}
