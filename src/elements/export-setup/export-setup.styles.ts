import { css } from 'lit';

export const exportSetupStyles = css`
  form {
    display: grid;
    gap: var(--_s5, 1.5rem);
  }
  .levels {
    display: grid;
    gap: var(--_s4);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_s1);
    padding-block: 2px;
    padding-inline: var(--_s2) 2px;
    border: 1px solid var(--_border-strong);
    border-radius: 999px;
    font-size: var(--_fs-sm);
  }
  .chip button {
    display: inline-grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .chip button:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
`;
