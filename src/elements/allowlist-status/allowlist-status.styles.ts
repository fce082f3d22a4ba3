import { css } from 'lit';

export const allowlistStatusStyles = css`
  :host {
    display: grid;
    gap: var(--_s4);
  }
  legend {
    display: flex;
    align-items: center;
    gap: var(--_s1);
  }
  pts-hint.wide::part(panel) {
    max-width: min(400px, calc(100vw - 16px));
  }
  .choice .row {
    gap: var(--_s2);
  }
  .choice .mode-icon {
    color: var(--_muted);
  }
  .egress {
    padding: var(--_s4);
    display: grid;
    gap: var(--_s3);
  }
  .egress-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_s2);
    flex-wrap: wrap;
  }
  .addresses {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_s2);
  }
  .addresses li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_s3);
    padding: var(--_s2) var(--_s2) var(--_s2) var(--_s3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_subtle);
  }
  .addresses code {
    background: none;
    border: 0;
    padding: 0;
    font-size: var(--_fs);
    overflow-wrap: anywhere;
  }
  .copied {
    color: var(--_success);
  }
`;
