import { css } from 'lit';

export const tenantStyles = css`
  form {
    display: grid;
    gap: var(--_s4);
  }
  .preview {
    display: flex;
    align-items: center;
    gap: var(--_s2);
    color: var(--_muted);
    font-size: var(--_fs-sm);
    overflow-wrap: anywhere;
  }
`;
