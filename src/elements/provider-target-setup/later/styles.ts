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
`;
