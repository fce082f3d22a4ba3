import { css } from 'lit';

/**
 * Forms, for the later steps' elements: fields, feedback, checkbox rows,
 * choice cards and the term lists of hints. Kept apart so the first screen's
 * elements match fewer rules and ship fewer bytes.
 */
export const forms = css`
  /* Fields */
  .field {
    display: grid;
    gap: var(--_s1);
  }
  .label {
    font-weight: 600;
  }
  .help {
    color: var(--_muted);
    font-size: var(--_fs-sm);
  }
  .input {
    width: 100%;
    min-height: 38px;
    padding: var(--_s2) var(--_s3);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    transition: border-color var(--_speed);
  }
  .input::placeholder {
    color: var(--_muted);
    opacity: 0.8;
  }
  .input:hover {
    border-color: var(--_muted);
  }
  .input:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .feedback {
    display: flex;
    gap: var(--_s2);
    align-items: flex-start;
    font-size: var(--_fs-sm);
  }
  .feedback.error {
    color: var(--_danger);
  }
  .feedback.warning {
    color: var(--_warning);
  }
  .feedback.ok {
    color: var(--_success);
  }
  .feedback svg.icon {
    margin-top: 0.2em;
  }

  /* Checkbox rows */
  .check {
    display: flex;
    gap: var(--_s3);
    align-items: flex-start;
    padding: var(--_s3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    cursor: pointer;
  }
  .check:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 18px;
    height: 18px;
    margin: 1px 0 0;
    flex: none;
    accent-color: var(--_accent);
  }

  /* Choice cards (radio inputs styled as cards) */
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_s3);
    font-weight: 600;
    font-size: var(--_fs-lg);
  }
  .choices {
    display: grid;
    gap: var(--_s2);
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_s1) var(--_s3);
    padding: var(--_s3) var(--_s4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    transition:
      border-color var(--_speed),
      background var(--_speed);
  }
  .choice:hover {
    border-color: var(--_border-strong);
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_accent-soft);
  }
  .choice:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .choice input:focus-visible {
    outline: none;
  }
  .choice > .body {
    display: grid;
    gap: var(--_s1);
    min-width: 0;
  }
  .choice .name {
    font-weight: 600;
  }

  /* Term and explanation lists inside hint popovers. */
  .hint-list {
    display: grid;
    gap: var(--_s2);
    margin: 0;
  }
  .hint-list dt {
    font-weight: 600;
  }
  .hint-list dd {
    margin: 0;
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .choice,
    .check {
      border: 1px solid CanvasText;
    }
    .choice:has(input:checked),
    .check:has(input:checked) {
      outline: 2px solid Highlight;
    }
    .choice:has(input:focus-visible) {
      outline-color: Highlight;
    }
  }
`;
