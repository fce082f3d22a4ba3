/**
 * The two small pages of the authorisation popup: a simulated provider consent
 * screen (demo only) and the callback page that tells the opener the result.
 * The callback posts to one exact origin, never '*', and never carries a token.
 */
import type { AuthResultMessage } from '../core/contract/index.js';
import { HTML_HEADERS } from './http.js';
import { randomToken } from './random.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe to place inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function page(title: string, body: string, nonce: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 32rem; padding: 0 1rem; color-scheme: light dark; }
.actions { display: flex; gap: 1rem; margin-top: 1.5rem; }
.actions a { padding: .5rem 1rem; border: 1px solid currentColor; border-radius: .375rem; text-decoration: none; }
</style>
</head>
<body>
${body}
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>
`;
}

function htmlResponse(html: string, nonce: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      ...HTML_HEADERS,
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'x-frame-options': 'DENY',
    },
  });
}

const newNonce = () => randomToken(16);

/**
 * The callback page. It posts `message` to `returnOrigin` only, then closes;
 * if the window was not opened by the element it just says so.
 */
export function callbackPage(message: AuthResultMessage, returnOrigin: string): Response {
  const nonce = newNonce();
  const text =
    message.status === 'authorized'
      ? 'Authorisation complete. You can close this window.'
      : message.status === 'denied'
        ? 'Authorisation was declined. You can close this window.'
        : 'Authorisation did not complete. You can close this window.';
  const script = `(function () {
  var message = ${scriptJson(message)};
  var origin = ${scriptJson(returnOrigin)};
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, origin);
    window.close();
  }
})();`;
  return htmlResponse(page('Authorisation', `<p>${escapeHtml(text)}</p>`, nonce, script), nonce);
}

/** The page for a callback whose state is unknown, expired or already used: no message is posted. */
export function staleCallbackPage(): Response {
  const nonce = newNonce();
  return htmlResponse(
    page(
      'Authorisation',
      '<p>This authorisation link has expired or was already used. Close this window and start again.</p>',
      nonce,
    ),
    nonce,
    400,
  );
}

/** Stands in for a provider's consent screen so the demo can run without one. */
export function simulatedConsentPage(input: {
  state: string;
  providerLabel: string;
  methodLabel: string;
  grants: string;
  scopes: readonly string[];
}): Response {
  const nonce = newNonce();
  const state = encodeURIComponent(input.state);
  const scopes = input.scopes.length
    ? `<p>Scopes: ${input.scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join(', ')}</p>`
    : '';
  const body = `<h1>Simulated ${escapeHtml(input.providerLabel)} authorisation</h1>
<p>This page stands in for the provider's consent screen. No real provider is contacted.</p>
<p><strong>${escapeHtml(input.methodLabel)}</strong>: ${escapeHtml(input.grants)}</p>
${scopes}
<div class="actions">
<a id="allow" href="callback?state=${state}&amp;code=simulated">Allow</a>
<a id="deny" href="callback?state=${state}&amp;error=access_denied">Deny</a>
</div>`;
  return htmlResponse(page('Simulated authorisation', body, nonce), nonce);
}
