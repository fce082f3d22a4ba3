import { css } from 'lit';

export const revokeStyles = css`
  :host {
    display: grid;
    gap: var(--_s4);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_s3);
  }
  .step {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_s3);
    padding: var(--_s4);
  }
  .num {
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: var(--_accent-soft);
    color: var(--_accent);
    font-weight: 700;
    font-size: var(--_fs-sm);
  }
  .step.done .num {
    background: var(--_success-soft);
    color: var(--_success);
  }
  .step.waiting .num {
    background: var(--_subtle);
    color: var(--_muted);
  }
  .step > .body {
    display: grid;
    gap: var(--_s3);
    min-width: 0;
  }
  .where {
    display: flex;
    gap: var(--_s2);
    align-items: flex-start;
    padding: var(--_s2) var(--_s3);
    border-radius: var(--_radius-sm);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .where svg.icon {
    margin-top: 0.2em;
    color: var(--_muted);
  }
  a svg.ext {
    width: 0.95em;
    height: 0.95em;
    margin-inline-start: 3px;
  }
`;
