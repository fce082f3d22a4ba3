import { css } from 'lit';

export const stepPathStyles = css`
  :host {
    container-type: inline-size;
  }
  nav {
    display: block;
  }
  .position {
    display: none;
    color: var(--_muted);
    font-size: var(--_fs-sm);
    font-weight: 550;
    margin-bottom: var(--_s2);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
  }
  li {
    position: relative;
    display: grid;
    justify-items: center;
    text-align: center;
    gap: var(--_s2);
    padding: 0 var(--_s1);
    color: var(--_muted);
  }
  /* Connector to the previous step */
  li + li::before {
    content: '';
    position: absolute;
    top: 14px;
    inset-inline-end: calc(50% + 20px);
    inset-inline-start: calc(-50% + 20px);
    height: 2px;
    border-radius: 2px;
    background: var(--_border);
  }
  li.complete + li::before {
    background: var(--_accent);
  }
  .step {
    display: grid;
    justify-items: center;
    gap: var(--_s2);
    color: inherit;
    font: inherit;
    background: none;
    border: 0;
    padding: 0;
    border-radius: var(--_radius-sm);
  }
  button.step {
    cursor: pointer;
  }
  button.step:hover .name {
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .marker {
    display: grid;
    place-items: center;
    width: 30px;
    height: 30px;
    border-radius: 50%;
    border: 2px solid var(--_border-strong);
    background: var(--_surface);
    font-weight: 650;
    font-size: var(--_fs-sm);
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    transition:
      background var(--_speed),
      border-color var(--_speed);
  }
  .marker svg.icon {
    width: 16px;
    height: 16px;
    stroke-width: 2.4;
  }
  .name {
    font-size: var(--_fs-sm);
    line-height: 1.3;
    font-weight: 550;
    max-width: 16ch;
  }
  li.complete .marker {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  li.complete {
    color: var(--_text);
  }
  li.current .marker {
    border-color: var(--_accent);
    color: var(--_accent);
    box-shadow: 0 0 0 4px var(--_accent-soft);
  }
  li.current {
    color: var(--_text);
  }
  li.current .name {
    font-weight: 700;
  }
  /* Passed over: dashed and quiet, clearly not done. */
  li.skipped .marker {
    border-style: dashed;
    background: transparent;
    color: var(--_muted);
  }
  li.skipped .name {
    font-weight: 500;
  }
  li + li.skipped::before,
  li.skipped + li::before {
    background: repeating-linear-gradient(90deg, var(--_border-strong) 0 4px, transparent 4px 8px);
  }
  li.blocked .marker {
    border-color: var(--_danger);
    color: var(--_danger);
    box-shadow: 0 0 0 4px var(--_danger-soft);
  }
  li.blocked {
    color: var(--_danger);
  }

  @container (max-width: 560px) {
    .position {
      display: block;
    }
    ol {
      grid-template-columns: 1fr;
      gap: var(--_s2);
    }
    li {
      justify-items: start;
      text-align: start;
      padding: 0;
    }
    li + li::before {
      top: -10px;
      bottom: auto;
      inset-inline-start: 14px;
      inset-inline-end: auto;
      width: 2px;
      height: 12px;
    }
    li + li.skipped::before,
    li.skipped + li::before {
      background: repeating-linear-gradient(180deg, var(--_border-strong) 0 3px, transparent 3px 6px);
    }
    .step {
      grid-auto-flow: column;
      align-items: center;
      justify-items: start;
      gap: var(--_s3);
    }
    .name {
      max-width: none;
      font-size: var(--_fs);
    }
  }

  @media (forced-colors: active) {
    .marker {
      border-color: CanvasText;
    }
    li.complete .marker,
    li.current .marker {
      border-color: Highlight;
    }
    li + li::before {
      background: CanvasText;
    }
  }
`;
