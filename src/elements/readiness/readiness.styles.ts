import { css } from 'lit';

export const readinessStyles = css`
  .box {
    padding: var(--_s4);
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_s3);
    flex-wrap: wrap;
    margin-bottom: var(--_s2);
  }
  .meter {
    display: flex;
    align-items: center;
    gap: var(--_s2);
    color: var(--_muted);
    font-size: var(--_fs-sm);
    font-weight: 550;
  }
  .bar {
    display: flex;
    gap: 3px;
  }
  .bar span {
    width: 18px;
    height: 6px;
    border-radius: 3px;
    background: var(--_border);
    transition: background var(--_speed);
  }
  .bar span.on {
    background: var(--_success);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 2px var(--_s3);
    padding: var(--_s3) 0;
    align-items: start;
  }
  li + li {
    border-top: 1px solid var(--_border);
  }
  .mark {
    margin-top: 1px;
  }
  .ready .mark {
    color: var(--_success);
  }
  .not-ready .mark {
    color: var(--_warning);
  }
  .not-applicable .mark {
    color: var(--_muted);
  }
  .item-name {
    font-weight: 600;
  }
  .not-applicable .item-name {
    color: var(--_muted);
  }
  .reason {
    grid-column: 2 / -1;
    color: var(--_muted);
    font-size: var(--_fs-sm);
  }
  @media (forced-colors: active) {
    .bar span {
      border: 1px solid CanvasText;
    }
    .bar span.on {
      background: Highlight;
      forced-color-adjust: none;
    }
  }
  .folded {
    margin-block-start: var(--_s2);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_s2);
  }
  .folded summary {
    display: inline-flex;
    align-items: center;
    gap: var(--_s2);
    min-block-size: 32px;
    color: var(--_muted);
    font-size: var(--_fs-sm);
    font-weight: 550;
    cursor: pointer;
    list-style: none;
  }
  .folded summary::-webkit-details-marker {
    display: none;
  }
  .folded summary .chevron {
    transition: transform var(--_speed);
  }
  .folded[open] summary .chevron {
    transform: rotate(180deg);
  }
`;
