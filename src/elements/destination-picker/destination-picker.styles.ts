import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: block;
  }
  .combo {
    position: relative;
  }
  .input {
    padding-inline-end: calc(var(--_s3) + 20px);
  }
  .combo .spin {
    position: absolute;
    inset-inline-end: var(--_s3);
    inset-block-start: 50%;
    translate: 0 -50%;
  }
  [role='listbox'] {
    margin: var(--_s1) 0 0;
    padding: var(--_s1);
    list-style: none;
    max-block-size: 16rem;
    overflow-y: auto;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
  }
  [role='option'] {
    display: grid;
    gap: 2px;
    padding: var(--_s2) var(--_s3);
    border-radius: var(--_radius-sm);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [role='option']:hover {
    background: var(--_surface-2, color-mix(in srgb, currentColor 6%, transparent));
  }
  [role='option'].active {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='option'][aria-selected='true'] .name {
    font-weight: 600;
  }
  .detail,
  .count {
    color: var(--_muted);
    font-size: var(--_fs-sm);
  }
  .more {
    display: flex;
    gap: var(--_s2);
    align-items: center;
    margin-block-start: var(--_s1);
  }
  .empty {
    display: grid;
    gap: var(--_s1);
    margin-block-start: var(--_s1);
  }
  @media (forced-colors: active) {
    [role='option'].active {
      outline-color: Highlight;
    }
  }
`;
