import { css } from 'lit';

export const authStyles = css`
  :host {
    display: grid;
    gap: var(--_s4);
    container-type: inline-size;
  }
  .choice .row {
    gap: var(--_s2);
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 2px var(--_s3);
    margin: var(--_s1) 0 0;
    font-size: var(--_fs-sm);
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
  }
  /* Narrow: each label above its value, so long grants keep a readable measure. */
  @container (max-width: 440px) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    .facts dd + dt {
      margin-top: var(--_s2);
    }
  }
  .scopes {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .single {
    padding: var(--_s3) var(--_s4);
  }
  .panel {
    display: grid;
    gap: var(--_s4);
    padding: var(--_s4);
  }
  form {
    display: grid;
    gap: var(--_s4);
  }
  .secret {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_s2);
  }
  .secret .input {
    font-family: var(--_mono);
  }
  .secret .btn {
    min-height: 38px;
    min-width: 5.5rem;
  }
  /* The credential keeps the whole width on a phone; Show moves under it. */
  @container (max-width: 440px) {
    .secret {
      grid-template-columns: minmax(0, 1fr);
    }
    .secret .btn {
      justify-self: start;
    }
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
  .connect {
    justify-self: start;
  }
  /* A save is in flight: read-only fields and held choices look inactive. */
  .input[aria-disabled='true'] {
    background: var(--_subtle);
    color: var(--_muted);
    cursor: not-allowed;
  }
  .input[aria-disabled='true']:hover {
    border-color: var(--_border-strong);
  }
  .choice:has(input[aria-disabled='true']) {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .where {
    display: flex;
    gap: var(--_s2);
    align-items: flex-start;
    color: var(--_muted);
    font-size: var(--_fs-sm);
  }
  .where svg.icon {
    margin-top: 0.2em;
  }
  .warnings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_s1);
  }
  a svg.ext {
    width: 0.95em;
    height: 0.95em;
    margin-inline-start: 3px;
  }
  .secret-tools {
    margin-block-start: var(--_s2);
  }
  .choice.stored {
    display: flex;
    gap: var(--_s2);
    align-items: flex-start;
    margin-block-start: var(--_s2);
  }
`;
