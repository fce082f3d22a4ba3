import { css } from 'lit';

export const integrationStatusStyles = css`
  header {
    display: grid;
    gap: var(--_s1);
    margin-bottom: var(--_s4);
  }
  header .summary {
    margin-top: var(--_s1);
  }
  .providers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_s2);
  }
  .provider {
    padding: var(--_s3) var(--_s4);
    /* Rows below the fold are laid out when they scroll into view, not on the first render. */
    content-visibility: auto;
    contain-intrinsic-size: auto 66px;
  }
  .head {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_s3);
  }
  .name {
    font-weight: 600;
    font-size: var(--_fs-lg);
    line-height: 1.3;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s1) var(--_s2);
    margin-top: 2px;
    color: var(--_muted);
    font-size: var(--_fs-sm);
  }
  .setup {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .setup + .setup::before {
    content: '·';
    margin-inline-end: 4px;
  }
  .aside {
    display: flex;
    align-items: center;
    gap: var(--_s3);
  }
  .targets {
    list-style: none;
    margin: var(--_s3) 0 0;
    padding: 0;
    border-top: 1px solid var(--_border);
  }
  .target {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_s2) var(--_s4);
    align-items: center;
    padding: var(--_s3) 0 0 calc(36px + var(--_s3));
  }
  .target + .target {
    margin-top: var(--_s3);
    border-top: 1px dashed var(--_border);
  }
  .target-info {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .target .label {
    overflow-wrap: anywhere;
  }
  .target .why {
    color: var(--_muted);
    font-size: var(--_fs-sm);
  }
  .actions {
    display: flex;
    gap: var(--_s2);
    justify-content: flex-end;
  }
  .skeleton {
    display: grid;
    grid-template-columns: 36px 1fr 90px;
    gap: var(--_s3);
    align-items: center;
    padding: var(--_s3) var(--_s4);
  }
  .bone {
    display: block;
    height: 12px;
    border-radius: 6px;
    background: linear-gradient(90deg, var(--_subtle) 0%, var(--_border) 50%, var(--_subtle) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .bone.square {
    height: 36px;
    border-radius: var(--_radius-sm);
  }
  .bone.short {
    width: 40%;
    margin-top: 8px;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .notice {
    margin-bottom: var(--_s4);
  }
  @container (max-width: 520px) {
    /* Setups may wrap here: no separator dot left at the start of a line. */
    .setup + .setup::before {
      content: none;
    }
    .meta {
      column-gap: var(--_s3);
    }
    /* Add keeps its place at the end of the first row; the badge goes under the name. */
    .aside {
      display: contents;
    }
    .aside .btn {
      grid-column: 3;
      grid-row: 1;
    }
    .aside .badge {
      grid-column: 2;
      grid-row: 2;
      justify-self: start;
    }
    .target {
      grid-template-columns: 1fr;
      padding-inline-start: 0;
    }
    .actions {
      justify-content: flex-start;
    }
  }
  :host {
    container-type: inline-size;
  }
  @media (forced-colors: active) {
    .bone {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
