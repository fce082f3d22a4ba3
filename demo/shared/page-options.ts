/**
 * Page options read from the address, so a link (or a screenshot run) can show
 * the element as a host would set it up:
 *   ?lang=de    the German words (the locale entry, loaded on demand)
 *   ?dir=rtl    right-to-left layout
 *   ?brand      the brand theme of brand.css: tokens and parts only
 */
import '../../src/locales/de.js';

export function applyPageOptions(): void {
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  const lang = params.get('lang');
  if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) root.lang = lang;
  const dir = params.get('dir');
  if (dir === 'rtl' || dir === 'ltr') root.dir = dir;
  if (params.has('brand')) root.dataset.brand = '';
}
