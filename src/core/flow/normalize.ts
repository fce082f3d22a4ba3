import { parseBaseUrl } from '../url/parse.js';

/**
 * The comparison form of a base URL, applied to both the URL the flow sends for
 * checking and the `normalized_url` the backend answers with. It is the URL
 * policy's own normalisation, so the browser and the server agree on what
 * "the same URL" means. It does not judge safety (http is accepted here; the
 * policy and the backend decide), but it refuses URLs with user info, which
 * would otherwise end up in state and logs.
 */
export function normalizeBaseUrl(raw: string, keepsContextPath?: boolean): string | null {
  const parsed = parseBaseUrl(raw, { allowHttp: true, ...(keepsContextPath === undefined ? {} : { keepsContextPath }) });
  return parsed.ok ? parsed.url.normalized : null;
}
