/**
 * Removes every run of 8 or more characters of a secret from text that came
 * from elsewhere (a credential verifier, a provider, a thrown error) before it
 * reaches a response, a log or the store. A provider that quotes the first
 * 20 characters of a token, or the token inside a longer string, is caught as
 * surely as one that quotes all of it.
 */

/** Shortest run of a secret that is removed. Shorter runs are too common to mean anything. */
export const REDACT_MIN_RUN = 8;
export const REDACTED = '[redacted]';

/**
 * `text` with every stretch covered by an 8-character piece of any secret
 * replaced by `[redacted]`. Any run of 8 or more characters of a secret is
 * made of such pieces, so none survives; the cost is linear in the lengths.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  const pieces = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < REDACT_MIN_RUN) continue;
    for (let i = 0; i + REDACT_MIN_RUN <= secret.length; i++) pieces.add(secret.slice(i, i + REDACT_MIN_RUN));
  }
  if (pieces.size === 0 || text.length < REDACT_MIN_RUN) return text;
  const covered = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i + REDACT_MIN_RUN <= text.length; i++) {
    if (pieces.has(text.slice(i, i + REDACT_MIN_RUN))) {
      covered.fill(1, i, i + REDACT_MIN_RUN);
      any = true;
    }
  }
  if (!any) return text;
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (!covered[i]) {
      out += text[i];
      i += 1;
      continue;
    }
    while (i < text.length && covered[i]) i += 1;
    out += REDACTED;
  }
  return out;
}

/**
 * An error fit for `onError`: the same name, with message and stack redacted.
 * Its cause is left out, since it may quote the secret in ways we cannot see.
 */
export function redactError(error: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!secrets.some((s) => s && s.length >= REDACT_MIN_RUN)) return error;
  if (!(error instanceof Error)) return new Error(redact(String(error), secrets));
  const clean = new Error(redact(error.message, secrets));
  clean.name = error.name;
  if (error.stack) clean.stack = redact(error.stack, secrets);
  return clean;
}
