/**
 * Catalog look-ups and sample check results shared by the stories. Story args
 * stay plain strings (ids) so Storybook's controls can edit them; render
 * functions turn them into catalog objects here.
 */
import { CHECK_NAMES, type CheckName, type UrlCheckEntry } from '../../src/core/contract/index.js';
import { findAuthMethod, getEdition, getProvider, PROVIDER_IDS, type AuthMethod, type Edition, type Provider } from '../../src/core/providers/index.js';
import type { UrlCheckView } from '../../src/elements/index.js';
import { SAMPLE_PUBLIC_ADDRESSES } from '../../src/testing/index.js';

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
  private_network: `No private-network address among ${SAMPLE_PUBLIC_ADDRESSES.join(', ')}.`,
  reserved_ip: 'No reserved or special-purpose address.',
  redirect: 'The host answered without a redirect.',
  dns_rebinding: `The probe connected to the checked address ${SAMPLE_PUBLIC_ADDRESSES[0]}.`,
  ownership: 'The identity endpoint answered as Jira Data Center.',
};

/** Why the reference backend skips the ownership check of a webhook endpoint. */
export const WEBHOOK_OWNERSHIP_SKIPPED =
  'Webhook endpoints have no identity endpoint to call; a signed test event, answered with a 2xx status, proves the receiver when the target is saved.';

/**
 * A server check result: every check passed, or the named one failed with its
 * detail and offender and the later ones skipped, as the reference backend
 * reports it. `skipped` names checks skipped for a reason of their own.
 */
export function checkResult(
  url: string,
  failure?: { check: CheckName; detail: string; offender?: string },
  skipped: Partial<Record<CheckName, string>> = {},
): UrlCheckView {
  let failed = false;
  const checks = CHECK_NAMES.map((name): UrlCheckEntry => {
    if (failed) return { name, status: 'skipped' };
    const why = skipped[name];
    if (why !== undefined) return { name, status: 'skipped', detail: why };
    if (failure?.check === name) {
      failed = true;
      return { name, status: 'failed', detail: failure.detail, ...(failure.offender ? { offender: failure.offender } : {}) };
    }
    return { name, status: 'passed', detail: PASSED_DETAIL[name] };
  });
  return { status: failure ? 'blocked' : 'passed', checks, normalized_url: url };
}
