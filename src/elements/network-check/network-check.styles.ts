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
  .checks {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .checks li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: var(--_s1) var(--_s3);
    align-items: start;
    padding: var(--_s2) 0;
    animation: reveal 240ms ease-out both;
  }
  .checks li + li {
    border-top: 1px solid var(--_border);
  }
  .checks li:nth-child(2) {
    animation-delay: 70ms;
  }
  .checks li:nth-child(3) {
    animation-delay: 140ms;
  }
  .checks li:nth-child(4) {
    animation-delay: 210ms;
  }
  .checks li:nth-child(5) {
    animation-delay: 280ms;
  }
  .checks li:nth-child(6) {
    animation-delay: 350ms;
  }
  @keyframes reveal {
    from {
      opacity: 0;
      transform: translateY(-3px);
    }
  }
  .checks .mark {
    display: flex;
    height: 1.5em;
    align-items: center;
  }
  .checks .passed .mark {
    color: var(--_success);
  }
  .checks .failed .mark {
    color: var(--_danger);
  }
  .checks .skipped .mark {
    color: var(--_muted);
  }
  .checks .pending .mark {
    color: var(--_accent);
  }
  .check-name {
    font-weight: 550;
  }
  .check-detail {
    grid-column: 2 / -1;
    color: var(--_muted);
    font-size: var(--_fs-sm);
    overflow-wrap: anywhere;
  }
  .offender {
    grid-column: 2 / -1;
    font-size: var(--_fs-sm);
    color: var(--_danger);
    font-weight: 550;
    overflow-wrap: anywhere;
  }
  .offender code {
    color: var(--_text);
    font-weight: 400;
  }
  .outcome {
    font-size: var(--_fs-sm);
    font-weight: 600;
  }
  .passed .outcome {
    color: var(--_success);
  }
  .failed .outcome {
    color: var(--_danger);
  }
  .skipped .outcome,
  .pending .outcome {
    color: var(--_muted);
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
