/** What a cloud customer types for their tenant, checked for shape against its edition's field. */
import { testPattern } from './types.js';
import type { Edition } from './types.js';

/** Longest value a validator looks at; keeps regex work bounded on hostile input. */
const MAX_INPUT = 2048;

/** A tenant that fits its field: the value as the backend stores it and the tenant URL built from it. */
export type TenantResult = { ok: true; value: string; url: string } | { ok: false; reason: string };

/**
 * Checks the shape of what a cloud customer typed (never whether it exists).
 * Surrounding space and trailing slashes are ignored; `url` is the canonical
 * tenant URL built from the value.
 */
export function validateTenant(edition: Edition, value: string): TenantResult {
  const tenant = edition.tenant;
  if (!tenant) return { ok: false, reason: `${edition.label} takes a checked base URL, not a tenant.` };
  const trimmed = typeof value === 'string' ? value.trim().replace(/\/+$/, '') : '';
  if (trimmed === '') return { ok: false, reason: `Enter the ${tenant.label}.` };
  const candidate = testPattern(tenant.pattern, trimmed) ? trimmed : fromTenantUrl(tenant, trimmed);
  if (trimmed.length > MAX_INPUT || candidate === undefined || !testPattern(tenant.pattern, candidate)) {
    return { ok: false, reason: `This does not look like a valid ${tenant.label}, for example ${tenant.placeholder}.` };
  }
  const url = tenant.tenantUrl ? tenant.tenantUrl(candidate) : candidate;
  return { ok: true, value: candidate, url };
}

/**
 * The value inside a tenant URL this catalog built (a stored target's tenant), so
 * that a reconnect can send back what the backend saved.
 */
function fromTenantUrl(tenant: NonNullable<Edition['tenant']>, text: string): string | undefined {
  if (!tenant.tenantUrl) return undefined;
  const marker = '\u0000';
  const [prefix = '', suffix = ''] = tenant.tenantUrl(marker).split(marker);
  if (text.length <= prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) return undefined;
  return text.slice(prefix.length, text.length - suffix.length);
}

