/**
 * The "copy support details" text: enough for a support engineer to see where
 * a setup stopped and why, and nothing that could be a secret. It names the
 * provider, edition and mode, the host (never the path or query of a URL),
 * the server checks by name and outcome with the offending address or host,
 * error codes (never backend or client messages, which could echo input) and
 * the time. The flow state never holds the credential, so it cannot leak here.
 */
import type { ErrorCode } from '../../core/contract/errors.js';
import type { TargetRecord, UrlCheckEntry } from '../../core/contract/schemas.js';
import { blockedReason, currentStep, selectedEdition, selectedProvider } from '../../core/flow/phases.js';
import type { FlowState } from '../../core/flow/types.js';
import { validateTenant } from '../../core/providers/tenant.js';
import type { Edition } from '../../core/providers/types.js';

export interface LoggedError {
  readonly code: ErrorCode;
  /** ISO time the error was seen. */
  readonly at: string;
}

export interface SupportInput {
  readonly state: FlowState;
  /** Errors seen in this session, oldest first. */
  readonly errors: readonly LoggedError[];
  /** The last server check answer, when the state no longer carries it. */
  readonly lastChecks?: readonly UrlCheckEntry[] | undefined;
  /** On the portable-export step: whether the choice was confirmed, and in which format. */
  readonly fallback?: { readonly confirmed: boolean; readonly format?: string | undefined } | undefined;
  readonly now?: Date;
}

/** Host of an http(s) URL, without userinfo, path, query or fragment. */
export function hostOf(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.host || undefined;
  } catch {
    return undefined;
  }
}

/** An offender reduced to an address or a host; anything else is left out. */
function offenderOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const host = hostOf(raw);
  if (host) return host;
  return /^[A-Za-z0-9.:%[\]-]{1,255}$/.test(raw) ? raw : undefined;
}

function tenantHost(edition: Edition | null, tenant: string | null | undefined): string | undefined {
  if (!tenant) return undefined;
  const direct = hostOf(tenant);
  if (direct) return direct;
  if (!edition?.tenant) return undefined;
  const result = validateTenant(edition, tenant);
  return result.ok ? hostOf(result.url) : undefined;
}

function recordHost(edition: Edition | null, target: TargetRecord): string | undefined {
  return hostOf(target.base_url) ?? tenantHost(edition, target.tenant);
}

interface Facts {
  host?: string | undefined;
  allowlist?: string | undefined;
  method?: string | undefined;
  target?: TargetRecord | undefined;
  checks?: readonly UrlCheckEntry[] | undefined;
  error?: ErrorCode | undefined;
}

function factsOf(state: FlowState): Facts {
  const edition = selectedEdition(state);
  switch (state.phase) {
    case 'status':
    case 'edition':
      return {};
    case 'fallback':
      return factsOf(state.from);
    case 'limitation-blocked':
      return {};
    case 'tenant':
      return { error: state.error?.code };
    case 'ownership':
    case 'base-url':
      return { host: tenantHost(edition, state.tenant) ?? hostOf(state.urlDraft), error: state.error?.code };
    case 'checking':
      return { host: hostOf(state.pending.url) };
    case 'url-blocked':
      return { host: hostOf(state.blocked.url), checks: state.blocked.checks, error: 'PROVIDER_BASE_URL_BLOCKED' };
    case 'allowlist':
      return {
        host: hostOf(state.check.url),
        checks: state.check.checks,
        allowlist: state.allowlistStatus ?? undefined,
        error: state.error?.code,
      };
    case 'auth':
    case 'auth-required':
    case 'saving': {
      const site = state.site;
      const method = state.method ? `${state.method.id} (${state.method.tokenType})` : undefined;
      const facts: Facts =
        site.kind === 'checked'
          ? { host: hostOf(site.check.url), checks: site.check.checks, allowlist: site.allowlistStatus, method }
          : { host: tenantHost(edition, site.tenant), method };
      if (state.reconnect) facts.target = state.reconnect;
      if (state.phase !== 'saving' && state.error) facts.error = state.error.code;
      return facts;
    }
    case 'saved':
    case 'existing-target':
    case 'revoke-at-provider':
    case 'revoke-disconnect':
    case 'revoking':
    case 'revoked':
    case 'export-setup':
    case 'export-saving':
    case 'testing': {
      const t = state.target;
      const error = state.phase === 'revoke-disconnect' || state.phase === 'export-setup' ? state.error?.code : t.error?.code;
      return {
        host: recordHost(edition, t),
        allowlist: t.allowlist_status ?? undefined,
        method: `${t.auth_method} (${t.token_type})`,
        target: t,
        checks: t.error?.checks,
        error,
      };
    }
  }
}

/** Builds the redacted support text. */
export function buildSupportDetails(input: SupportInput): string {
  const { state } = input;
  const provider = selectedProvider(state);
  const edition = selectedEdition(state);
  const facts = factsOf(state);
  const checks = facts.checks && facts.checks.length ? facts.checks : input.lastChecks;
  const lines: string[] = ['Ticket export target setup: support details'];
  lines.push(`Time: ${(input.now ?? new Date()).toISOString()}`);
  lines.push(`Step: ${currentStep(state)} (${state.phase})`);
  if (provider) lines.push(`Provider: ${provider.id}`);
  if (edition) lines.push(`Edition: ${edition.id} (mode: ${edition.mode})`);
  if (facts.host) lines.push(`Host: ${facts.host}`);
  if (facts.allowlist) lines.push(`Network path: ${facts.allowlist}`);
  if (facts.method) lines.push(`Auth method: ${facts.method}`);
  if (facts.target) lines.push(`Target: ${facts.target.id} (${facts.target.state})`);
  const blocked = blockedReason(state);
  if (blocked) lines.push(`Blocked: ${blocked}`);
  if (facts.error) lines.push(`Current error: ${facts.error}`);
  if (input.fallback) {
    const format = input.fallback.format && /^[A-Za-z0-9._+-]{1,40}$/.test(input.fallback.format) ? input.fallback.format : undefined;
    lines.push(`Portable export: ${input.fallback.confirmed ? 'chosen' : 'not confirmed yet'}${format ? ` (format: ${format})` : ''}`);
  }
  if (checks && checks.length) {
    lines.push('Checks:');
    for (const c of checks) {
      const offender = c.status === 'failed' ? offenderOf(c.offender) : undefined;
      lines.push(`  ${c.name}: ${c.status}${offender ? ` (offender: ${offender})` : ''}`);
    }
  }
  if (input.errors.length) {
    lines.push('Errors:');
    for (const e of input.errors) lines.push(`  ${e.at} ${e.code}`);
  }
  return lines.join('\n');
}
