import { css } from 'lit';

export const stepPathStyles = css`
  :host {
    container-type: inline-size;
  }
  nav {
    display: block;
  }
  .position,
  .toggle {
    display: none;
  }
  .position {
    color: var(--_muted);
    font-size: var(--_fs-sm);
    font-weight: 550;
    margin-block-end: var(--_s2);
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
  /* The line from the step before to this one, between the two markers, on whichever side the writing direction puts it. */
  .connector {
    position: absolute;
    inset-block-start: 14px;
    inset-inline-end: calc(50% + 20px);
    inset-inline-start: calc(-50% + 20px);
    block-size: 2px;
    border-radius: 2px;
    background: var(--_border);
  }
  li.complete + li > .connector {
    background: var(--_accent);
  }
  li.skipped > .connector,
  li.skipped + li > .connector {
    background: repeating-linear-gradient(90deg, var(--_border-strong) 0 4px, transparent 4px 8px);
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
    inline-size: 30px;
    block-size: 30px;
    border-radius: 50%;
    border: 2px solid var(--_border-strong);
    background: var(--_surface);
    font-weight: 650;
    font-size: var(--_fs-sm);
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    flex: none;
    transition:
      background var(--_speed),
      border-color var(--_speed);
  }
  .marker svg.icon {
    inline-size: 16px;
    block-size: 16px;
    stroke-width: 2.4;
  }
  .name {
    font-size: var(--_fs-sm);
    line-height: 1.3;
    font-weight: 550;
    max-inline-size: 16ch;
  }
  li.complete .marker {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  li.complete {
    color: var(--_text);
  }
  li.current .marker,
  .toggle .marker {
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
  li.blocked .marker,
  .toggle.blocked .marker {
    border-color: var(--_danger);
    color: var(--_danger);
    box-shadow: 0 0 0 4px var(--_danger-soft);
  }
  li.blocked {
    color: var(--_danger);
  }

  /* Stacked: one step a line, the connectors running down the markers' side. */
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
    .connector {
      inset-block-start: -10px;
      inset-inline-start: 14px;
      inset-inline-end: auto;
      inline-size: 2px;
      block-size: 12px;
    }
    li.skipped > .connector,
    li.skipped + li > .connector {
      background: repeating-linear-gradient(180deg, var(--_border-strong) 0 3px, transparent 3px 6px);
    }
    .step {
      grid-auto-flow: column;
      align-items: center;
      justify-items: start;
      gap: var(--_s3);
    }
    .name {
      max-inline-size: none;
      font-size: var(--_fs);
    }
  }

  /* Compact: one button with the position and the current step; the stacked list opens under it. */
  @container (max-width: 480px) {
    .position,
    ol {
      display: none;
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: var(--_s3);
      inline-size: 100%;
      min-block-size: 44px;
      padding-block: var(--_s1);
      padding-inline: var(--_s2) var(--_s3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-sm);
      background: transparent;
      color: var(--_text);
      font: inherit;
      font-weight: 600;
      text-align: start;
      cursor: pointer;
    }
    .toggle .marker {
      inline-size: 26px;
      block-size: 26px;
      box-shadow: none;
    }
    .toggle-text {
      flex: 1;
      min-inline-size: 0;
    }
    .toggle .chevron {
      color: var(--_muted);
      transition: transform var(--_speed);
    }
    .expanded .toggle .chevron {
      transform: rotate(180deg);
    }
    .expanded ol {
      display: grid;
      margin-block-start: var(--_s3);
      padding-inline-start: var(--_s2);
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
    /* Drawn with a background, which forced colours would otherwise paint over: keep it, in system colours. */
    .connector {
      forced-color-adjust: none;
      background: GrayText;
    }
    li.complete + li > .connector {
      background: Highlight;
    }
    li.skipped > .connector,
    li.skipped + li > .connector {
      background: repeating-linear-gradient(90deg, GrayText 0 4px, transparent 4px 8px);
    }
    .toggle {
      border-color: ButtonText;
    }
  }
`;
