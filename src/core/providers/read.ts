/**
 * Read-side helpers over catalog entries, for any catalog: the whole one, a
 * summary, or providers loaded one at a time. Ships to the browser: no zod, no
 * DOM, no Node APIs (WHATWG URL is in both), and no catalog data of its own.
 */
import { normalizeBaseUrl } from '../url/parse.js';
import { validateTenant } from './tenant.js';
import { testPattern, urlShape } from './types.js';

export { validateTenant, type TenantResult } from './tenant.js';
import type { AuthMethod, DocLink, DocOverrides, Edition, EditionId, Provider, ProviderId, ProviderSummary } from './types.js';


export function getProviderIn<P extends ProviderSummary>(id: ProviderId | string, providers: readonly P[]): P | undefined {
  return providers.find((p) => p.id === id);
}

/** Edition ids are unique across the catalog, so an id alone finds both. */
export function findEditionIn<P extends ProviderSummary>(
  editionId: EditionId,
  providers: readonly P[],
): { provider: P; edition: P['editions'][number] } | undefined {
  for (const provider of providers) {
    const edition = provider.editions.find((e) => e.id === editionId);
    if (edition) return { provider, edition };
  }
  return undefined;
}

export function findAuthMethod(edition: Edition, methodId: string): AuthMethod | undefined {
  return edition.authMethods.find((m) => m.id === methodId);
}

export function recommendedMethod(edition: Edition): AuthMethod | undefined {
  return edition.authMethods.find((m) => m.recommended) ?? edition.authMethods[0];
}

export interface ApiRootOptions {
  /** The auth method in use: some send their calls elsewhere (Jira Cloud OAuth). */
  method?: AuthMethod | string;
  /** Fills `{cloud_id}` where the root needs it. */
  cloudId?: string;
}

/**
 * The API root for an edition: the normalised base URL plus the edition's API
 * root for URL-checked editions, or the cloud template filled from the tenant.
 * Undefined when the input does not fit or a template value is missing.
 */
export function apiRootFor(edition: Edition, value: string, options: ApiRootOptions = {}): string | undefined {
  const method = typeof options.method === 'string' ? findAuthMethod(edition, options.method) : options.method;
  if (edition.baseUrl) {
    // The URL policy's own normalisation: a webhook keeps its whole URL, others their context path or origin.
    const base = normalizeBaseUrl(value, urlShape(edition));
    return base === null ? undefined : base + edition.baseUrl.apiRoot;
  }
  const tenant = validateTenant(edition, value);
  const template = method?.apiRoot ?? edition.cloudApiRoot;
  if (!tenant.ok || !template) return undefined;
  const tenantUrl = tenant.url.replace(/\/+$/, '');
  let host: string | undefined;
  try {
    host = new URL(tenantUrl).host;
  } catch {
    host = undefined;
  }
  const values: Record<string, string | undefined> = {
    tenant_url: tenantUrl,
    host,
    cloud_id: options.cloudId ? encodeURIComponent(options.cloudId) : undefined,
  };
  let missing = false;
  const filled = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const v = values[name];
    if (!v) missing = true;
    return v ?? '';
  });
  return missing ? undefined : filled;
}

/** Longest token the hints look at; real tokens are far shorter. */
const MAX_TOKEN = 8192;

/** A soft finding on a pasted credential: a generic code, or a catalog hint's own warning. */
export type TokenWarning = 'edges' | 'scheme' | 'spaces' | 'long' | { hint: string };

/**
 * The soft checks on a pasted credential, once for every caller (the element words
 * them through its message catalog, `tokenWarnings` in English). Never throws,
 * never blocks, and never carries the token.
 */
export function tokenWarningCodes(method: AuthMethod | undefined, token: string): TokenWarning[] {
  if (typeof token !== 'string' || token === '') return [];
  const warnings: TokenWarning[] = [];
  const bare = token.trim();
  if (token !== bare) warnings.push('edges');
  if (/^(?:bearer|basic|token)\s/i.test(bare)) warnings.push('scheme');
  else if (/\s/.test(bare)) warnings.push('spaces');
  if (bare.length > MAX_TOKEN) return [...warnings, 'long'];
  for (const hint of method?.tokenHints ?? []) {
    if (!testPattern(hint.pattern, bare)) warnings.push({ hint: hint.warning });
  }
  return warnings;
}

const TOKEN_WARNING_TEXT: Record<Exclude<TokenWarning, { hint: string }>, string> = {
  edges: 'The token starts or ends with spaces or line breaks; they will not be part of it.',
  scheme: 'Paste only the token, without an authorization scheme such as "Bearer".',
  spaces: 'The token contains spaces or line breaks. Check that you copied only the token.',
  long: 'This is much longer than any token this provider issues.',
};

/** `tokenWarningCodes` in English, for callers without a message catalog. */
export function tokenWarnings(method: AuthMethod | undefined, token: string): string[] {
  return tokenWarningCodes(method, token).map((w) => (typeof w === 'string' ? TOKEN_WARNING_TEXT[w] : w.hint));
}

// ------------------------------------------------------------------ documentation links

/** Only http(s) addresses are taken from a host; anything else (javascript:, data:) is ignored. */
function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A provider's documentation link by key, with the host's override applied.
 * An override for a key the catalog does not have still resolves, labelled by its key.
 */
export function resolveProviderDocLink(p: Provider, key: string, overrides?: DocOverrides): DocLink | undefined {
  const base = p.docs[key];
  const override = safeUrl(overrides?.[p.id]?.[key]);
  if (override) return { label: base?.label ?? key, url: override };
  return base;
}

/**
 * Where to revoke or create a method's credential, with host overrides. Keys, most
 * specific first: `<editionId>.<methodId>.revoke`, then `<methodId>.revoke` (same for `create`).
 */
export function resolveMethodLink(
  providerId: ProviderId,
  edition: Edition,
  method: AuthMethod,
  which: 'revoke' | 'create',
  overrides?: DocOverrides,
): DocLink | undefined {
  const base = which === 'revoke' ? method.revoke : method.create;
  const map = overrides?.[providerId];
  const override = safeUrl(map?.[`${edition.id}.${method.id}.${which}`]) ?? safeUrl(map?.[`${method.id}.${which}`]);
  if (override) return { label: base?.label ?? method.label, url: override };
  return base;
}

/**
 * A copy of the catalog with the host's documentation links merged in: provider
 * docs by key, and method revoke/create links by the keys `resolveMethodLink` reads.
 * The shared catalog itself is never changed.
 */
export function withDocOverrides(overrides: DocOverrides, providers: readonly Provider[]): readonly Provider[] {
  return providers.map((p) => {
    const map = overrides[p.id];
    if (!map) return p;
    const docs: Record<string, DocLink> = { ...p.docs };
    for (const key of Object.keys(map)) {
      if (/\.(?:revoke|create)$/.test(key)) continue;
      const link = resolveProviderDocLink(p, key, overrides);
      if (link) docs[key] = link;
    }
    const editions = p.editions.map((edition) => ({
      ...edition,
      authMethods: edition.authMethods.map((method) => {
        const revoke = resolveMethodLink(p.id, edition, method, 'revoke', overrides) ?? method.revoke;
        const create = resolveMethodLink(p.id, edition, method, 'create', overrides);
        return create ? { ...method, revoke, create } : { ...method, revoke };
      }),
    }));
    return { ...p, docs, editions };
  });
}
