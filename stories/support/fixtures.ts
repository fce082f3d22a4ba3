/**
 * Catalog look-ups and sample check results shared by the stories. Story args
 * stay plain strings (ids) so Storybook's controls can edit them; render
 * functions turn them into catalog objects here.
 */
import { CHECK_NAMES, type CheckName, type UrlCheckEntry } from '../../src/core/contract/index.js';
import { findAuthMethod, getEdition, getProvider, PROVIDER_IDS, type AuthMethod, type Edition, type Provider } from '../../src/core/providers/index.js';
import type { UrlCheckView } from '../../src/elements/index.js';

export { PROVIDER_IDS };

export function provider(id: string): Provider | null {
  return getProvider(id) ?? null;
}

export function edition(providerId: string, editionId: string): Edition | null {
  return getEdition(providerId, editionId) ?? null;
}

export function authMethod(providerId: string, editionId: string, methodId: string): AuthMethod | null {
  const found = edition(providerId, editionId);
  return (found && findAuthMethod(found, methodId)) ?? null;
}

/** Every edition id of the catalog, for a select control. */
export const EDITION_IDS: readonly string[] = PROVIDER_IDS.flatMap((id) => getProvider(id)?.editions.map((e) => e.id) ?? []);

const PASSED_DETAIL: Record<CheckName, string> = {
  scheme: 'https, with no user name or password.',
  private_network: 'No private-network address among 203.0.113.10, 2001:db8::10.',
  reserved_ip: 'No reserved or special-purpose address.',
  redirect: 'The host answered without a redirect.',
  dns_rebinding: 'The probe connected to the checked address 203.0.113.10.',
  ownership: 'The identity endpoint answered as Jira Data Center.',
};

/**
 * A server check result: every check passed, or the named one failed with its
 * detail and offender and the later ones skipped, as the reference backend
 * reports it.
 */
export function checkResult(url: string, failure?: { check: CheckName; detail: string; offender?: string }): UrlCheckView {
  let failed = false;
  const checks = CHECK_NAMES.map((name): UrlCheckEntry => {
    if (failed) return { name, status: 'skipped' };
    if (failure?.check === name) {
      failed = true;
      return { name, status: 'failed', detail: failure.detail, ...(failure.offender ? { offender: failure.offender } : {}) };
    }
    return { name, status: 'passed', detail: PASSED_DETAIL[name] };
  });
  return { status: failure ? 'blocked' : 'passed', checks, normalized_url: url };
}
