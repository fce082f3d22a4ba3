import { css } from 'lit';

export const networkCheckStyles = css`
  :host {
    display: grid;
    gap: var(--_s5);
  }
  .confirms {
    display: grid;
    gap: var(--_s2);
  }
  legend {
    font-size: var(--_fs);
  }
  form {
    display: grid;
    gap: var(--_s3);
  }
  .url-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_s2);
    align-items: start;
  }
  .url-row .btn {
    min-height: 38px;
  }
  .feedback {
    min-height: 1.5em;
  }
  .feedback.neutral {
    color: var(--_muted);
  }
  .locked {
    display: flex;
    gap: var(--_s2);
    align-items: center;
    color: var(--_muted);
    padding: var(--_s3) var(--_s4);
    border: 1px dashed var(--_border-strong);
    border-radius: var(--_radius-sm);
  }
  .results {
    padding: var(--_s4);
  }
  .results-head {
    display: flex;
    align-items: center;
    gap: var(--_s1);
    margin-bottom: var(--_s3);
  }
  /* Explanations slotted into pts-hint: styled here, where they live. */
  pts-hint.wide::part(panel) {
    max-width: min(420px, calc(100vw - 16px));
  }
  .hint-intro {
    margin: 0 0 var(--_s2);
  }
  #blocked-title:focus {
    outline: none;
  }
  #blocked-title:focus-visible {
    outline: 2px solid var(--_focus);
  }
  @container (max-width: 480px) {
    .url-row {
      grid-template-columns: 1fr;
    }
  }
  /* The ways on from a blocked URL: one row while all fit, else a full-width stack, never a lone orphan. */
  @container (max-width: 36rem) {
    .blocked .actions {
      flex-direction: column;
      align-items: stretch;
    }
  }
  :host {
    container-type: inline-size;
  }
`;
