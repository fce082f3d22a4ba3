import { css } from 'lit';

export const setupStyles = css`
  :host {
    max-width: var(--pts-max-width, 880px);
  }
  .shell {
    display: grid;
    gap: var(--_s5);
    padding: var(--_s5) var(--_s6);
  }
  header {
    /* Re-read here, so a host can set the token on ::part(header) (a dark header) as on the element. */
    color: var(--pts-color-text, inherit);
    display: grid;
    gap: var(--_s5);
    padding-bottom: var(--_s5);
    border-bottom: 1px solid var(--_border);
  }
  .title {
    font-size: 1.25rem;
  }
  .shell {
    container-type: inline-size;
  }
  .step {
    display: grid;
    gap: var(--_s4);
    min-width: 0;
  }
  .eyebrow {
    color: var(--_muted);
    font-size: var(--_fs-sm);
    font-weight: 550;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    margin-bottom: calc(-1 * var(--_s3));
  }
  .step-heading {
    font-size: 1.125rem;
    font-weight: 650;
    line-height: 1.35;
    border-radius: var(--_radius-sm);
  }
  .step-heading:focus {
    outline: none;
  }
  .step-heading:focus-visible {
    outline: 2px solid var(--_focus);
    /* Close enough not to cross the eyebrow line above it. */
    outline-offset: 2px;
  }
  [data-autofocus]:focus {
    outline: none;
  }
  [data-autofocus]:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_s2);
    padding-top: var(--_s3);
    border-top: 1px solid var(--_border);
  }
  footer .btn.ghost {
    color: var(--_muted);
  }
  footer .btn.ghost:hover {
    color: var(--_text);
    background: var(--_subtle);
  }
  .loading-line {
    display: flex;
    align-items: center;
    gap: var(--_s2);
  }
  .support-fallback {
    display: grid;
    gap: var(--_s2);
  }
  .support-fallback label {
    font-weight: 600;
  }
  .support-fallback textarea {
    width: 100%;
    padding: var(--_s2) var(--_s3);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_mono);
    font-size: var(--_fs-sm);
    resize: vertical;
  }
  @media (max-width: 560px) {
    .shell {
      padding: var(--_s4);
    }
  }
  /* The step path says "Step n of 5" itself once it stacks (same width as its own switch). */
  @container (max-width: 560px) {
    .eyebrow {
      display: none;
    }
    .step-heading {
      margin-top: calc(-1 * var(--_s2));
    }
  }
`;
