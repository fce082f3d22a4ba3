/**
 * Light/dark switch of the demo pages. The page sets `color-scheme` on its root
 * (dashboard.css); the element inherits it like any other content.
 */
export type Theme = 'light' | 'dark';

const KEY = 'pts-demo-theme';

function initialTheme(): Theme {
  const asked = new URLSearchParams(location.search).get('theme');
  if (asked === 'light' || asked === 'dark') return asked;
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Applies the saved (or asked-for) theme and wires a toggle button to switch it. */
export function setUpThemeToggle(button: HTMLButtonElement): void {
  let theme = initialTheme();
  const show = () => {
    applyTheme(theme);
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  show();
  button.addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, theme);
    show();
  });
}
