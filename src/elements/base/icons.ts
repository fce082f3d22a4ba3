import { html, svg, type TemplateResult } from 'lit';

/**
 * Small stroke icons. Decorative only: every icon sits next to text that says
 * the same thing, so none carries meaning on its own. An icon that points
 * along the reading direction takes the `flip` class and mirrors in
 * right-to-left text.
 */
const paths = {
  check: svg`<path d="M5 10.5l3.2 3.2L15 7"/>`,
  cross: svg`<path d="M6 6l8 8M14 6l-8 8"/>`,
  checkCircle: svg`<circle cx="10" cy="10" r="7.5"/><path d="M6.8 10.3l2.2 2.2 4.2-4.4"/>`,
  crossCircle: svg`<circle cx="10" cy="10" r="7.5"/><path d="M7.5 7.5l5 5M12.5 7.5l-5 5"/>`,
  warning: svg`<path d="M10 3.2l7.2 12.6H2.8z"/><path d="M10 8.3v3.4M10 14h.01"/>`,
  info: svg`<circle cx="10" cy="10" r="7.5"/><path d="M10 9.2v4.6M10 6.4h.01"/>`,
  dash: svg`<circle cx="10" cy="10" r="7.5"/><path d="M7 10h6"/>`,
  circle: svg`<circle cx="10" cy="10" r="7.5"/>`,
  spinner: svg`<path d="M10 2.5a7.5 7.5 0 1 1-7.5 7.5"/>`,
  copy: svg`<rect x="7" y="7" width="9.5" height="9.5" rx="1.5"/><path d="M13 7V5a1.5 1.5 0 0 0-1.5-1.5h-6A1.5 1.5 0 0 0 4 5v6.5A1.5 1.5 0 0 0 5.5 13H7"/>`,
  external: svg`<path d="M11.5 3.5h5v5M16.5 3.5L9.5 10.5M14.5 12v3a1.5 1.5 0 0 1-1.5 1.5H5A1.5 1.5 0 0 1 3.5 15V7A1.5 1.5 0 0 1 5 5.5h3"/>`,
  eye: svg`<path d="M1.8 10S4.8 4.5 10 4.5 18.2 10 18.2 10 15.2 15.5 10 15.5 1.8 10 1.8 10z"/><circle cx="10" cy="10" r="2.5"/>`,
  eyeOff: svg`<path d="M1.8 10S4.8 4.5 10 4.5 18.2 10 18.2 10 15.2 15.5 10 15.5 1.8 10 1.8 10z"/><circle cx="10" cy="10" r="2.5"/><path d="M3 3l14 14"/>`,
  cloud: svg`<path d="M6 15.5h8.2a3.3 3.3 0 0 0 .4-6.6 4.9 4.9 0 0 0-9.3-.6A3.6 3.6 0 0 0 6 15.5z"/>`,
  server: svg`<rect x="3" y="3.5" width="14" height="5.5" rx="1.2"/><rect x="3" y="11" width="14" height="5.5" rx="1.2"/><path d="M6 6.2h.01M6 13.7h.01"/>`,
  webhook: svg`<path d="M8.3 11.7l3.4-3.4"/><path d="M9 6.3l1.4-1.4a3 3 0 0 1 4.3 4.3L13.3 10.6M10.9 13.7l-1.4 1.4a3 3 0 0 1-4.3-4.3l1.4-1.4"/>`,
  lock: svg`<rect x="4" y="9" width="12" height="8" rx="1.5"/><path d="M7 9V6.5a3 3 0 0 1 6 0V9"/>`,
  shield: svg`<path d="M10 2.5l6 2.4v4.7c0 3.8-2.6 6.4-6 7.9-3.4-1.5-6-4.1-6-7.9V4.9z"/><path d="M7.6 7.6l4.8 4.8M12.4 7.6l-4.8 4.8"/>`,
  shieldCheck: svg`<path d="M10 2.5l6 2.4v4.7c0 3.8-2.6 6.4-6 7.9-3.4-1.5-6-4.1-6-7.9V4.9z"/><path d="M7.3 10l2 2 3.6-3.8"/>`,
  plus: svg`<path d="M10 4.5v11M4.5 10h11"/>`,
  refresh: svg`<path d="M16 10a6 6 0 1 1-1.8-4.3"/><path d="M16 3.8v3.7h-3.7"/>`,
  unlink: svg`<path d="M9 6.3l1.4-1.4a3 3 0 0 1 4.3 4.3L13.3 10.6M10.9 13.7l-1.4 1.4a3 3 0 0 1-4.3-4.3l1.4-1.4M3 3l14 14"/>`,
  question: svg`<circle cx="10" cy="10" r="7.5"/><path d="M7.8 8a2.3 2.3 0 1 1 3.3 2c-.7.4-1.1.9-1.1 1.6v.3M10 14.2h.01"/>`,
  download: svg`<path d="M10 3.5v9M6.2 9l3.8 3.8L13.8 9M4 16.5h12"/>`,
  key: svg`<circle cx="6.5" cy="13.5" r="3"/><path d="M8.6 11.4L16 4M13.5 6.5l2 2M11.8 8.2l1.5 1.5"/>`,
  skip: svg`<path d="M5 6l4 4-4 4M11 6l4 4-4 4"/>`,
  chevron: svg`<path d="M6 8l4 4 4-4"/>`,
  sparkle: svg`<path d="M10 3v3M10 14v3M3 10h3M14 10h3M5.5 5.5l2 2M12.5 12.5l2 2M14.5 5.5l-2 2M7.5 12.5l-2 2"/>`,
  network: svg`<circle cx="10" cy="10" r="7.5"/><path d="M2.5 10h15M10 2.5c2.2 2.1 3.2 4.6 3.2 7.5s-1 5.4-3.2 7.5c-2.2-2.1-3.2-4.6-3.2-7.5s1-5.4 3.2-7.5z"/>`,
} as const;

export type IconName = keyof typeof paths;

export function icon(name: IconName, extraClass = ''): TemplateResult {
  return html`<svg class="icon ${extraClass}" viewBox="0 0 20 20" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
