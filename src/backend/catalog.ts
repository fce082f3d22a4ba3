/**
 * The catalog as the routes apply it: editions and their limitations, the
 * auth method's action when authorisation is missing, tenants in canonical
 * form, a method's extra fields, and the key that makes a target unique.
 */
import type { Action } from '../core/contract/index.js';
import { blockingLimitation, getEdition, getProvider, testPattern, validateTenant } from '../core/providers/index.js';
import type { AuthMethod, DeploymentMode, Edition, Limitation, Provider, ProviderId, WebhookSigningId } from '../core/providers/types.js';
import { ProblemResponse } from './http.js';

export function lookupEdition(
  providers: readonly Provider[],
  providerId: ProviderId,
  editionId: string,
): { provider: Provider; edition: Edition } {
  const provider = getProvider(providerId, providers);
  const edition = getEdition(providerId, editionId, providers);
  if (!provider || !edition) {
    throw new ProblemResponse('VALIDATION_FAILED', `edition is not an edition of ${providerId}.`, { field: 'edition' });
  }
  return { provider, edition };
}

export function requireMode(edition: Edition, mode: DeploymentMode): void {
  if (edition.mode !== mode) {
    throw new ProblemResponse('VALIDATION_FAILED', `deployment_mode must be ${edition.mode} for this edition.`, {
      field: 'deployment_mode',
    });
  }
}

/** A PROVIDER_LIMITATION answer for `limitation`, pointing to its alternative when the catalog names one. */
export function limitationProblem(providers: readonly Provider[], limitation: Limitation, message = limitation.message): ProblemResponse {
  const alt = limitation.alternative;
  const altEdition = alt ? getEdition(alt.provider, alt.edition, providers) : undefined;
  const action: Action | undefined = altEdition ? { label: `Connect ${altEdition.label} instead.` } : undefined;
  return new ProblemResponse('PROVIDER_LIMITATION', message, action ? { action } : {});
}

export function refuseBlockingLimitation(providers: readonly Provider[], edition: Edition): void {
  const limitation = blockingLimitation(edition);
  if (limitation) throw limitationProblem(providers, limitation);
}

/** What the customer confirms before a host is checked or a URL target saved. */
export const OWNERSHIP_MESSAGE = 'Confirm that your organisation owns this server and authorises scanning and ticket export for it.';

/** PROVIDER_AUTH_REQUIRED with the method's exact action at the provider. */
export function authRequired(method: AuthMethod, message?: string): ProblemResponse {
  const action: Action = { label: method.authRequiredAction };
  if (method.create?.url) action.url = method.create.url;
  return new ProblemResponse('PROVIDER_AUTH_REQUIRED', message ?? `${method.label} is required before this target can be saved.`, {
    action,
  });
}

/** The confirmed tenant in its canonical URL form, so one site typed two ways is one tenant. */
export function checkTenant(edition: Edition, tenant: string | undefined): string | undefined {
  const value = tenant?.trim() || undefined;
  if (!edition.tenant) {
    if (value !== undefined) {
      throw new ProblemResponse('VALIDATION_FAILED', 'tenant is not used by this edition.', { field: 'tenant' });
    }
    return undefined;
  }
  const result = validateTenant(edition, value ?? '');
  if (!result.ok) throw new ProblemResponse('VALIDATION_FAILED', result.reason, { field: 'tenant' });
  return result.url;
}

/** Exactly the non-secret fields the method asks for, trimmed and shape-checked. */
export function checkExtraFields(method: AuthMethod, fields: Record<string, string> | undefined): Record<string, string> | undefined {
  const wanted = method.extraFields ?? [];
  const given = fields ?? {};
  for (const name of Object.keys(given)) {
    if (!wanted.some((f) => f.name === name)) {
      // Key names come from the client: name them only when they look like a field name.
      const field = /^[A-Za-z0-9_]{1,60}$/.test(name) ? `credential_fields.${name}` : 'credential_fields';
      throw new ProblemResponse('VALIDATION_FAILED', `${field} is not used by this method.`, { field });
    }
  }
  const out: Record<string, string> = {};
  for (const f of wanted) {
    const value = given[f.name]?.trim();
    const field = `credential_fields.${f.name}`.slice(0, 100);
    if (!value) throw new ProblemResponse('VALIDATION_FAILED', `${f.label} is required.`, { field });
    if (f.pattern && !testPattern(f.pattern, value)) {
      throw new ProblemResponse('VALIDATION_FAILED', `${f.label} has the wrong format.`, { field });
    }
    out[f.name] = value;
  }
  return wanted.length ? out : undefined;
}

/** The catalog's default webhook signing scheme (Standard Webhooks). */
export function defaultSigning(provider: Provider): WebhookSigningId {
  return provider.webhookSigning?.find((s) => s.isDefault)?.id ?? 'standard-webhooks';
}

/**
 * What makes a target unique: its provider, edition and normalised URL or
 * canonical tenant. Two saves of one Jira site are one target.
 */
export function targetKey(target: { provider: string; edition: string; base_url?: string | null; tenant?: string | null }): string {
  return `${target.provider}|${target.edition}|${target.base_url ?? target.tenant ?? ''}`;
}
