/**
 * Copies text with the Clipboard API, falling back to a hidden textarea and
 * `execCommand('copy')` where the API is missing or refused (insecure origins,
 * some embedded frames). The textarea lives in `root` so focus can return to
 * where it was; it is emptied before removal. Resolves with whether it worked.
 */
export async function copyText(text: string, root: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection copy.
  }
  const area = document.createElement('textarea');
  area.className = 'clip';
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  const active = ('activeElement' in root ? root.activeElement : null) as HTMLElement | null;
  root.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.value = '';
  area.remove();
  active?.focus();
  return ok;
}
