import { css } from 'lit';

export const deploymentModeStyles = css`
  .choice .row {
    gap: var(--_s2);
  }
  .next {
    color: var(--_muted);
  }
  .next strong {
    color: var(--_text);
    font-weight: 600;
  }
  .limit {
    display: flex;
    gap: var(--_s2);
    align-items: flex-start;
    font-size: var(--_fs-sm);
  }
  .limit svg.icon {
    margin-top: 0.2em;
  }
  .limit.blocks {
    color: var(--_danger);
  }
  .limit.warns {
    color: var(--_warning);
  }
  .option {
    display: grid;
    gap: var(--_s1);
  }
  .alternative {
    justify-self: start;
    margin-inline-start: calc(var(--_s4) + 18px + var(--_s3));
  }
  .notes {
    margin-top: var(--_s3);
  }
  .notes ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
`;
