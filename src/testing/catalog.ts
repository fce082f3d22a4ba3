/** The catalog facts the mocks answer with, so their words match the element's. */
import {
  blockingLimitation,
  findAuthMethod,
  getEdition,
  getProvider,
  validateTenant,
  type Limitation,
} from '../core/providers/index.js';

export interface EditionFacts {
  label: string;
  /** True when the edition takes a customer URL that must pass the check (unknown editions: unset). */
  urlTarget?: boolean;
  /** Identity endpoint the ownership probe calls, from the normalised base URL. */
  identityUrl?: (normalizedUrl: string) => string;
  /** Why there is no ownership probe for a URL edition without an identity endpoint (webhooks). */
  noIdentity?: string;
  /** The tenant as the reference backend stores it: the catalog's canonical tenant URL. */
  canonicalTenant?: (value: string) => { ok: true; url: string } | { ok: false; reason: string };
  blockingLimitation?: { message: string; alternative?: string };
  /** The edition's first warning, which a backend may find true for this account and refuse a save over. */
  warning?: { message: string; alternative?: string };
}

export interface AuthMethodFacts {
  scopes: string[];
  authRequiredAction: string;
  createUrl?: string;
}

export function describeEdition(provider: string, editionId: string): EditionFacts {
  const edition = getEdition(provider, editionId);
  if (!edition) return { label: `${getProvider(provider)?.label ?? provider} (${editionId})` };
  const facts: EditionFacts = { label: edition.label, urlTarget: edition.baseUrl !== undefined };
  const spec = edition.baseUrl;
  if (spec && spec.identityPath) facts.identityUrl = (base) => `${base}${spec.apiRoot}${spec.identityPath}`;
  else if (spec) {
    facts.noIdentity =
      edition.mode === 'webhook'
        ? 'Webhook endpoints have no identity endpoint to call; a signed test event, answered with a 2xx status, proves the receiver when the target is saved.'
        : `No identity endpoint is known for ${edition.label}.`;
  }
  if (edition.tenant) facts.canonicalTenant = (value) => validateTenant(edition, value);
  const worded = (limitation: Limitation): { message: string; alternative?: string } => {
    const alt = limitation.alternative;
    const altEdition = alt ? getEdition(alt.provider, alt.edition) : undefined;
    return { message: limitation.message, ...(altEdition ? { alternative: `Connect ${altEdition.label} instead.` } : {}) };
  };
  const limitation = blockingLimitation(edition);
  if (limitation) facts.blockingLimitation = worded(limitation);
  const warning = edition.limitations.find((l) => l.severity === 'warns');
  if (warning) facts.warning = worded(warning);
  return facts;
}

export function describeAuthMethod(provider: string, editionId: string, methodId: string): AuthMethodFacts {
  const edition = getEdition(provider, editionId);
  const method = edition ? findAuthMethod(edition, methodId) : undefined;
  if (!method) return { scopes: [], authRequiredAction: 'Authorise access at the provider, then save again.' };
  return {
    scopes: [...method.scopes],
    authRequiredAction: method.authRequiredAction,
    ...(method.create?.url ? { createUrl: method.create.url } : {}),
  };
}
