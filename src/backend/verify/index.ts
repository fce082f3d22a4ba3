/**
 * The credential check before a save: the provider adapter's own "who am I"
 * call (src/backend/providers), with the credential sent exactly as the
 * catalog says. A provider that refuses the credential is CREDENTIALS_REJECTED,
 * one that cannot be reached NETWORK_UNREACHABLE, one that answers with a server
 * error PROVIDER_UNAVAILABLE, one that says the account
 * cannot hold tickets PROVIDER_LIMITATION; anything else is an error the
 * backend reports as BACKEND_UNAVAILABLE.
 *
 * It checks typed tokens only: a grant was issued by the provider a moment
 * ago, and a webhook's signing secret signs rather than authenticates. Where
 * the API root needs a value the save does not carry (Jira Cloud's cloud id),
 * the credential is not checked here.
 *
 * `fetch` is the one way out: the Node server passes the connect-time guard,
 * the msw kit and the demo a simulated provider.
 */
import { apiRootFor } from '../../core/providers/index.js';
import type { VerifyCredential, VerifyCredentialResult } from '../options.js';
import { adapterFor, ProviderError, type ProviderContext } from '../providers/index.js';

export interface CredentialVerifierOptions {
  /** Sends one request to the provider. Redirects are not followed. */
  fetch(request: Request): Promise<Response>;
}

/** How a provider's refusal reads at save time, when the credential was typed a moment ago. */
function verdictOf(error: ProviderError): VerifyCredentialResult | undefined {
  switch (error.code) {
    case 'PROVIDER_AUTH_REQUIRED':
    case 'CREDENTIALS_REJECTED':
    case 'DESTINATION_NOT_WRITABLE':
      return { code: 'CREDENTIALS_REJECTED', message: error.message };
    case 'NETWORK_UNREACHABLE':
    case 'PROVIDER_UNAVAILABLE':
    case 'PROVIDER_LIMITATION':
      return { code: error.code, message: error.message };
    default:
      return undefined;
  }
}

export function createCredentialVerifier(options: CredentialVerifierOptions): VerifyCredential {
  const send = ((input: string | URL | Request, init?: RequestInit) => options.fetch(new Request(input, init))) as typeof fetch;
  return async ({ provider, edition, method, secret, baseUrl, tenant, signal }) => {
    if (method.kind !== 'token') return undefined;
    const cloudId = secret.fields?.['cloud_id'];
    const apiRoot = apiRootFor(edition, baseUrl ?? tenant ?? '', { method, ...(cloudId ? { cloudId } : {}) });
    if (!apiRoot) return undefined;
    const ctx: ProviderContext = {
      provider: provider.id,
      edition,
      method,
      apiRoot,
      credential: { secret: secret.credential, ...(secret.fields ? { fields: secret.fields } : {}) },
      target: { tenant: tenant ?? null, base_url: baseUrl ?? null, signing: secret.signing ?? null },
      fetch: send,
      ...(signal ? { signal } : {}),
    };
    try {
      await adapterFor(provider.id).verify(ctx);
      return undefined;
    } catch (error) {
      const verdict = error instanceof ProviderError ? verdictOf(error) : undefined;
      if (verdict) return verdict;
      throw error;
    }
  };
}
