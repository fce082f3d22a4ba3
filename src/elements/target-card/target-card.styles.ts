import { css } from 'lit';

export const targetCardStyles = css`
  .target {
    display: grid;
    gap: var(--_s3);
    padding: var(--_s4);
  }
  .target-head {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_s3);
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_s1) var(--_s4);
    margin: 0;
    font-size: var(--_fs-sm);
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s1) var(--_s2);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .history summary {
    cursor: pointer;
    color: var(--_muted);
    font-size: var(--_fs-sm);
    width: fit-content;
    border-radius: var(--_radius-sm);
  }
  .history ol {
    margin: var(--_s2) 0 0;
    padding-inline-start: var(--_s5);
    display: grid;
    gap: 2px;
    font-size: var(--_fs-sm);
  }
  :host {
    container-type: inline-size;
  }
  @container (max-width: 520px) {
    /* Each label above its value: addresses and revoke paths get the full width. */
    .facts {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    .facts dd + dt {
      margin-top: var(--_s2);
    }
    /* The state badge goes under the name, which would otherwise be squeezed to nothing. */
    .target-head {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .target-head .badge {
      grid-column: 2;
      justify-self: start;
    }
  }
`;
