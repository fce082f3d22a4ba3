/**
 * The draft a host sees in `target-blocked` and `fallback-chosen`: the
 * non-secret fields of the target as far as the customer got. Never the
 * credential, its extra fields or an authorisation id.
 */
import { selectedEdition, selectedProvider } from '../../core/flow/phases.js';
import type { FlowState } from '../../core/flow/types.js';
import type { AuthMethod } from '../../core/providers/types.js';
import type { TargetDraft } from './events.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The non-secret fields of the target as far as the customer got. */
export function draftOf(state: FlowState): TargetDraft {
  if (state.phase === 'fallback') return draftOf(state.from);
  const provider = selectedProvider(state);
  const edition = selectedEdition(state);
  const draft: Mutable<TargetDraft> = {
    provider: provider?.id ?? null,
    edition: edition?.id ?? null,
    deployment_mode: edition?.mode ?? null,
  };
  const method = (m: AuthMethod | null): void => {
    if (!m) return;
    draft.auth_method = m.id;
    draft.token_type = m.tokenType;
  };
  switch (state.phase) {
    case 'ownership':
    case 'base-url':
    case 'checking':
    case 'url-blocked':
    case 'allowlist':
      if (state.tenant) draft.tenant = state.tenant;
      if (state.phase === 'checking') draft.base_url = state.pending.url;
      if (state.phase === 'url-blocked') draft.base_url = state.blocked.url;
      if (state.phase === 'allowlist') draft.base_url = state.check.url;
      break;
    case 'auth':
    case 'auth-required':
    case 'saving':
      if (state.site.tenant) draft.tenant = state.site.tenant;
      if (state.site.kind === 'checked') {
        draft.base_url = state.site.check.url;
        draft.allowlist_status = state.site.allowlistStatus;
      }
      method(state.method);
      break;
    case 'saved':
    case 'existing-target':
    case 'revoke-at-provider':
    case 'revoke-disconnect':
    case 'revoking':
    case 'revoked': {
      const t = state.target;
      if (t.tenant) draft.tenant = t.tenant;
      if (t.base_url) draft.base_url = t.base_url;
      if (t.allowlist_status) draft.allowlist_status = t.allowlist_status;
      draft.auth_method = t.auth_method;
      draft.token_type = t.token_type;
      draft.target_id = t.id;
      break;
    }
    default:
      break;
  }
  if ('reconnect' in state && state.reconnect) draft.target_id = state.reconnect.id;
  return draft;
}
