import { css } from 'lit';

export const hintStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    line-height: 1;
  }
  .trigger {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 26px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .trigger:hover,
  .trigger[aria-expanded='true'] {
    color: var(--_accent);
    background: var(--_accent-soft);
  }
  .trigger svg.icon {
    width: 18px;
    height: 18px;
  }
  .panel {
    /* Undo the UA popover box; floating-ui sets left and top. */
    position: fixed;
    inset: auto;
    left: 0;
    top: 0;
    margin: 0;
    width: max-content;
    max-width: min(320px, calc(100vw - 16px));
    padding: var(--_s3) var(--_s4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow-lg);
    /* The panel reads as body text wherever the button sits (a legend, a heading). */
    font-size: var(--_fs-sm);
    font-weight: 400;
    line-height: var(--_lh);
    text-align: start;
    white-space: normal;
    z-index: 1000;
    overflow: visible;
  }
  .panel:not(.open) {
    display: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel.open {
      animation: pop var(--_speed) ease-out;
    }
  }
  @keyframes pop {
    from {
      opacity: 0;
      transform: scale(0.97);
    }
  }
  @media (forced-colors: active) {
    .panel {
      border-color: CanvasText;
    }
  }
`;
