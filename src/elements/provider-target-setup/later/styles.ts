import { css } from 'lit';

/** The root's styles for the later steps, adopted when they load. */
export const laterStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_s3);
    padding-top: var(--_s2);
  }
  .actions > .row:last-child {
    margin-inline-start: auto;
  }
  .why {
    margin-top: calc(-1 * var(--_s2));
  }
  /* The ticket export overview's sections, in the target card's look. */
  .overview-section {
    display: grid;
    gap: var(--_s3);
    padding: var(--_s4);
  }
  .overview-section > .section-title {
    font-size: var(--_fs);
    font-weight: 600;
  }
  .settings {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_s1) var(--_s4);
    margin: 0;
    font-size: var(--_fs-sm);
  }
  .settings dt {
    color: var(--_muted);
  }
  .settings dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .headers summary {
    cursor: pointer;
    width: fit-content;
  }
  .headers table {
    margin-block-start: var(--_s2);
    border-collapse: collapse;
    font-size: var(--_fs-sm);
    inline-size: 100%;
    table-layout: fixed;
  }
  .headers th,
  .headers td {
    padding: 2px var(--_s2);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  @container (max-width: 420px) {
    .settings {
      grid-template-columns: minmax(0, 1fr);
    }
    .settings dd {
      margin-block-end: var(--_s2);
    }
  }
`;
