/**
 * When the backend's own error message is worth showing.
 *
 * The rule: a known error code is told in the catalog's words (translated,
 * overridable by the host). The backend's free-text `message` is shown under
 * them only when it adds information, that is when at least half of its
 * content words are not already on screen. A message that restates the catalog sentence in
 * other grammar ("cannot hold tickets" under "cannot receive tickets") is
 * left out; one that names something new (the missing issue tracker, the
 * edition to use instead) is kept.
 *
 * Words are compared loosely: lower case, letters and digits only, short and
 * filler words ignored, and two words match when one's first four letters
 * start the other ("scans" and "scanning", "own" and "owns").
 */

const FILLER = new Set([
  'the', 'this', 'that', 'these', 'those', 'and', 'for', 'with', 'from', 'into', 'your', 'you', 'our', 'its',
  'are', 'was', 'were', 'has', 'have', 'can', 'cannot', 'not', 'may', 'must', 'will', 'been', 'before', 'after',
  'here', 'there', 'then', 'than', 'also', 'any', 'all',
]);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !FILLER.has(w)).map((w) => w.slice(0, 4));
}

/** Whether `extra` says enough beyond the sentences already `shown` to be shown as well. */
export function addsInformation(extra: string | undefined, shown: readonly string[]): boolean {
  const words = [...new Set(contentWords(extra ?? ''))];
  if (words.length === 0) return false;
  const seen = new Set(shown.flatMap(contentWords));
  const matches = (w: string): boolean => [...seen].some((s) => s.startsWith(w) || w.startsWith(s));
  const repeated = words.filter(matches).length;
  return repeated / words.length <= 0.5;
}
