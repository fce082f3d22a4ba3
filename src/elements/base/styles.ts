import { css } from 'lit';

/**
 * Design tokens and host defaults shared by every element.
 *
 * Public tokens are `--pts-*`. Each shadow host resolves them into private
 * `--_*` values with the default as fallback: declaring `--pts-*` themselves on
 * every nested host would stop a theme set on the outer element from reaching
 * the sub-elements inside it.
 */
export const tokens = css`
  :host {
    /*
     * No fallback on purpose: without --pts-color-scheme the declaration is
     * invalid at computed-value time and color-scheme (an inherited property)
     * inherits, so the element follows the host page's scheme, not the OS.
     */
    color-scheme: var(--pts-color-scheme);
    --_font: var(--pts-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_mono: var(--pts-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace);
    --_fs: var(--pts-font-size, 0.875rem);
    --_fs-sm: var(--pts-font-size-small, 0.8125rem);
    --_fs-lg: var(--pts-font-size-large, 1rem);
    --_lh: var(--pts-line-height, 1.5);
    --_text: var(--pts-color-text, light-dark(#151a23, #e8ebf1));
    --_muted: var(--pts-color-text-muted, light-dark(#566072, #a0a9b8));
    --_surface: var(--pts-color-surface, light-dark(#ffffff, #171b23));
    --_subtle: var(--pts-color-surface-subtle, light-dark(#f5f6f8, #1e232d));
    --_border: var(--pts-color-border, light-dark(#dfe3e9, #2e3542));
    --_border-strong: var(--pts-color-border-strong, light-dark(#b4bcc8, #4a5364));
    --_accent: var(--pts-color-accent, light-dark(#4450d6, #9aa3ff));
    --_accent-hover: var(--pts-color-accent-hover, light-dark(#3540bd, #b4bbff));
    --_accent-soft: var(--pts-color-accent-soft, light-dark(#eef0ff, #242a4a));
    --_on-accent: var(--pts-color-on-accent, light-dark(#ffffff, #10132b));
    --_success: var(--pts-color-success, light-dark(#147342, #5fd394));
    --_success-soft: var(--pts-color-success-soft, light-dark(#e7f6ed, #133323));
    --_warning: var(--pts-color-warning, light-dark(#8a5300, #f4bf4f));
    --_warning-soft: var(--pts-color-warning-soft, light-dark(#fdf3e0, #362913));
    --_danger: var(--pts-color-danger, light-dark(#b3261e, #ff8a80));
    --_danger-soft: var(--pts-color-danger-soft, light-dark(#fdecea, #3b1b1a));
    --_danger-hover: var(--pts-color-danger-hover, light-dark(#921c15, #ffb1aa));
    --_focus: var(--pts-color-focus, light-dark(#4450d6, #9aa3ff));
    --_radius: var(--pts-radius, 10px);
    --_radius-sm: var(--pts-radius-small, 6px);
    --_shadow: var(--pts-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.08));
    --_shadow-lg: var(--pts-shadow-raised, 0 8px 24px rgb(16 24 40 / 0.16), 0 2px 6px rgb(16 24 40 / 0.08));
    --_s1: var(--pts-space-1, 4px);
    --_s2: var(--pts-space-2, 8px);
    --_s3: var(--pts-space-3, 12px);
    --_s4: var(--pts-space-4, 16px);
    --_s5: var(--pts-space-5, 24px);
    --_s6: var(--pts-space-6, 32px);
    --_speed: var(--pts-motion-duration, 160ms);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_fs);
    line-height: var(--_lh);
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_speed: 0ms;
    }
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      animation-delay: 0ms !important;
      transition-duration: 0ms !important;
    }
  }
`;

/** Controls and patterns every element uses: text, icons, buttons, badges, notices, cards. */
export const controls = css`
  p {
    margin: 0;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }
  a:hover {
    color: var(--_accent-hover);
  }
  /* Token types, scopes and addresses have no spaces: they wrap anywhere rather than run out of a narrow card. */
  code {
    font-family: var(--_mono);
    font-size: 0.92em;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 4px;
    overflow-wrap: anywhere;
    word-break: break-word;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* The off-screen textarea of the selection copy fallback (base/clipboard.ts). */
  textarea.clip {
    position: fixed;
    top: 0;
    left: 0;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  /* A provider's initial, on the status list and a target's card. */
  .logo {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border-radius: var(--_radius-sm);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    font-weight: 700;
    color: var(--_muted);
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: var(--_fs-sm);
  }
  .title {
    font-size: var(--_fs-lg);
    font-weight: 600;
    line-height: 1.35;
    margin: 0;
  }
  .subtitle {
    font-weight: 600;
    margin: 0;
  }
  .stack {
    display: grid;
    gap: var(--_s3);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s2);
  }
  svg.icon {
    width: 1.15em;
    height: 1.15em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
    vertical-align: -0.2em;
  }
  :host(:dir(rtl)) svg.flip {
    transform: scaleX(-1);
  }
  .spin {
    animation: pts-spin 0.9s linear infinite;
  }
  @keyframes pts-spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* Buttons */
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_s2);
    min-height: 36px;
    padding: 0 var(--_s4);
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border-strong);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 550;
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
    transition:
      background var(--_speed),
      border-color var(--_speed),
      color var(--_speed);
  }
  .btn:hover {
    background: var(--_subtle);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .btn.primary:hover {
    background: var(--_accent-hover);
    border-color: var(--_accent-hover);
  }
  .btn.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  .btn.danger:hover {
    background: var(--_danger-hover);
    border-color: var(--_danger-hover);
  }
  .btn.ghost {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
  }
  .btn.ghost:hover {
    background: var(--_accent-soft);
  }
  .btn.small {
    min-height: 30px;
    padding: 0 var(--_s3);
    font-size: var(--_fs-sm);
  }
  .btn[aria-disabled='true'],
  .btn:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }

  /* Badges: always icon + text */
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    padding: 1px 9px 1px 7px;
    border-radius: 999px;
    border: 1px solid transparent;
    font-size: var(--_fs-sm);
    font-weight: 550;
    line-height: 1.6;
    white-space: nowrap;
    background: var(--_subtle);
    color: var(--_muted);
    border-color: var(--_border);
  }
  .badge.success {
    background: var(--_success-soft);
    color: var(--_success);
    border-color: transparent;
  }
  .badge.warning {
    background: var(--_warning-soft);
    color: var(--_warning);
    border-color: transparent;
  }
  .badge.danger {
    background: var(--_danger-soft);
    color: var(--_danger);
    border-color: transparent;
  }
  .badge.accent {
    background: var(--_accent-soft);
    color: var(--_accent);
    border-color: color-mix(in srgb, var(--_accent) 30%, transparent);
  }
  .badge svg.icon {
    width: 1em;
    height: 1em;
    vertical-align: 0;
  }

  /* Notices */
  .notice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_s1) var(--_s3);
    padding: var(--_s3) var(--_s4);
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    background: var(--_subtle);
  }
  .notice > svg.icon {
    margin-top: 0.15em;
  }
  .notice > .body {
    display: grid;
    gap: var(--_s2);
    min-width: 0;
  }
  .notice.info {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .notice.info > svg.icon {
    color: var(--_accent);
  }
  .notice.warning {
    border-color: var(--_warning);
    background: var(--_warning-soft);
  }
  .notice.warning > svg.icon {
    color: var(--_warning);
  }
  .notice.danger {
    border-color: var(--_danger);
    background: var(--_danger-soft);
  }
  .notice.danger > svg.icon {
    color: var(--_danger);
  }
  .notice.success {
    border-color: var(--_success);
    background: var(--_success-soft);
  }
  .notice.success > svg.icon {
    color: var(--_success);
  }

  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  @media (forced-colors: active) {
    .badge,
    .notice,
    .card {
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    .btn.primary,
    .btn.danger {
      border: 1px solid ButtonText;
    }
    svg.icon {
      stroke: currentColor;
    }
  }
`;
