/**
 * The comparison form of a base URL. The flow applies it to both the URL it
 * sends for checking and the `normalized_url` the backend answers with, so
 * harmless spelling differences (case of the host, default port, trailing
 * slash, fragment) never count as a different URL, while any other change does.
 * It does not judge safety: that is the URL policy's and the backend's job.
 */
export function normalizeBaseUrl(raw: string, keepsContextPath = true): string | null {
  const text = raw.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // Credentials in a URL would end up in state and logs.
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  const path = keepsContextPath ? url.pathname.replace(/\/+$/, '') : '';
  return `${url.protocol}//${url.host}${path}${url.search}`;
}
