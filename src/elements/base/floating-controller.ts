import type { Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FloatingUi = typeof import('./floating-ui.js');

let floatingUi: Promise<FloatingUi> | undefined;

/**
 * floating-ui, loaded the first time something floats (or ahead of that, at
 * idle): nothing floats before a customer opens a hint.
 */
export function loadFloatingUi(): Promise<FloatingUi> {
  floatingUi ??= import('./floating-ui.js');
  // A failed load (offline, replaced chunks) may be tried again on the next open.
  floatingUi.catch(() => (floatingUi = undefined));
  return floatingUi;
}

export interface FloatingOptions {
  placement?: Placement;
  /** Gap between the reference and the floating element, in pixels. */
  distance?: number;
}

/**
 * Keeps one floating element next to its reference while it is shown, with
 * floating-ui. Positions are `fixed`, so a floating element in the top layer
 * (or merely outside any clipping ancestor) stays put as the page scrolls.
 * While the reference is scrolled out of view (or clipped by a scrolling
 * ancestor) the floating element is made invisible, so it never covers
 * unrelated content far from its anchor; it shows again when the reference
 * comes back. Stops watching when hidden or when the host leaves the DOM.
 */
export class FloatingController implements ReactiveController {
  #cleanup: (() => void) | undefined;
  readonly #options: FloatingOptions;

  constructor(host: ReactiveControllerHost, options: FloatingOptions = {}) {
    this.#options = options;
    host.addController(this);
  }

  get active(): boolean {
    return this.#cleanup !== undefined;
  }

  start(reference: Element, floating: HTMLElement, placement?: Placement): void {
    this.stop();
    // Transparent (yet focusable) until the first position is known, so it never flashes where the browser put it.
    floating.style.opacity = '0';
    let stopUpdates: (() => void) | undefined;
    const cleanup = (): void => stopUpdates?.();
    this.#cleanup = cleanup;
    loadFloatingUi().then(
      ({ autoUpdate, computePosition, flip, hide, offset, shift }) => {
        // Stopped (or restarted) while floating-ui loaded.
        if (this.#cleanup !== cleanup) return;
        const update = async (): Promise<void> => {
          const { x, y, placement: used, middlewareData } = await computePosition(reference, floating, {
            strategy: 'fixed',
            placement: placement ?? this.#options.placement ?? 'top',
            // hide() last, so it judges the final position.
            middleware: [offset(this.#options.distance ?? 8), flip(), shift({ padding: 8 }), hide({ strategy: 'referenceHidden' })],
          });
          // A position computed after stop() (or a restart) is stale.
          if (this.#cleanup !== cleanup) return;
          const detached = middlewareData.hide?.referenceHidden === true;
          // CSSOM writes, not style attributes: allowed under a strict style-src CSP.
          floating.style.left = `${x}px`;
          floating.style.top = `${y}px`;
          floating.style.visibility = detached ? 'hidden' : '';
          floating.style.opacity = '';
          floating.dataset.placement = used;
          floating.toggleAttribute('data-reference-hidden', detached);
        };
        stopUpdates = autoUpdate(reference, floating, () => void update());
      },
      // Without floating-ui the explanation still shows, where the browser puts it.
      () => {
        if (this.#cleanup === cleanup) floating.style.opacity = '';
      },
    );
  }

  stop(): void {
    this.#cleanup?.();
    this.#cleanup = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
