/**
 * The provider catalog and its read-side helpers. `PROVIDERS` is the whole
 * catalog, every provider's detail included; browser code that must stay small
 * uses `summary.ts`, `load.ts` and `read.ts` instead.
 */
import { CATALOG } from './catalog.js';
import { findEditionIn, getProviderIn, resolveProviderDocLink, withDocOverrides as overridesIn } from './read.js';
import type { DocLink, DocOverrides, Edition, EditionId, Provider, ProviderId } from './types.js';

export * from './types.js';
export * from './signing-secret.js';
export {
  apiRootFor,
  findAuthMethod,
  recommendedMethod,
  resolveMethodLink,
  tokenWarningCodes,
  tokenWarnings,
  validateTenant,
  type ApiRootOptions,
  type TenantResult,
  type TokenWarning,
} from './read.js';

/** Every provider, in the order the integration status lists them. */
export const PROVIDERS: readonly Provider[] = CATALOG;

export function getProvider(id: ProviderId | string, providers: readonly Provider[] = PROVIDERS): Provider | undefined {
  return getProviderIn(id, providers);
}

export function editionsFor(providerId: ProviderId | string, providers: readonly Provider[] = PROVIDERS): readonly Edition[] {
  return getProvider(providerId, providers)?.editions ?? [];
}

export function getEdition(
  providerId: ProviderId | string,
  editionId: EditionId,
  providers: readonly Provider[] = PROVIDERS,
): Edition | undefined {
  return editionsFor(providerId, providers).find((e) => e.id === editionId);
}

/** Edition ids are unique across the catalog, so an id alone finds both. */
export function findEdition(
  editionId: EditionId,
  providers: readonly Provider[] = PROVIDERS,
): { provider: Provider; edition: Edition } | undefined {
  return findEditionIn(editionId, providers);
}

/**
 * A provider's documentation link by key, with the host's override applied.
 * An override for a key the catalog does not have still resolves, labelled by its key.
 */
export function resolveDocLink(provider: Provider | ProviderId, key: string, overrides?: DocOverrides): DocLink | undefined {
  const p = typeof provider === 'string' ? getProvider(provider) : provider;
  return p ? resolveProviderDocLink(p, key, overrides) : undefined;
}

/**
 * A copy of the catalog with the host's documentation links merged in (see
 * `read.ts`). The shared catalog itself is never changed.
 */
export function withDocOverrides(overrides: DocOverrides, providers: readonly Provider[] = PROVIDERS): readonly Provider[] {
  return overridesIn(overrides, providers);
}
