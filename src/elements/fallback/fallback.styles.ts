import { css } from 'lit';

export const fallbackStyles = css`
  /* Inside a grid or flex host the element may shrink below its content's width. */
  :host {
    min-width: 0;
  }
  /* A long button label wraps on a narrow host instead of widening the card. */
  .body button {
    max-width: 100%;
    white-space: normal;
    text-align: start;
  }
  .box {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_s3) var(--_s4);
    padding: var(--_s4);
  }
  .tile {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    border-radius: var(--_radius-sm);
    background: var(--_accent-soft);
    color: var(--_accent);
  }
  .tile svg.icon {
    width: 22px;
    height: 22px;
  }
  .body {
    display: grid;
    gap: var(--_s3);
    min-width: 0;
  }
  .formats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
  }
  .format {
    display: inline-flex;
    align-items: center;
    gap: var(--_s2);
    padding: 6px var(--_s3);
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
    font-weight: 550;
    font-size: var(--_fs-sm);
  }
  .format:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
    color: var(--_accent);
  }
  .format:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .format input {
    width: 14px;
    height: 14px;
    margin: 0;
  }
  .format input:focus-visible {
    outline: none;
  }
  legend {
    font-size: var(--_fs-sm);
    margin-bottom: var(--_s2);
  }
  @media (forced-colors: active) {
    .format {
      border-color: CanvasText;
    }
  }
`;
