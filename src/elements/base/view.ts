import type { ErrorCode } from '../../core/contract/errors.js';
import type { AllowlistStatus, CheckName, TargetRecord } from '../../core/contract/schemas.js';
import type { DeploymentMode } from '../../core/providers/types.js';
import type { IconName } from './icons.js';

/**
 * A failure an element shows. The code picks the text from the message
 * catalog; the backend's own message is kept for support details only.
 */
export interface PtsErrorView {
  code: ErrorCode;
  message?: string | undefined;
}

/*
 * The contract's check names and allowlist statuses, in display order. Copied
 * as plain lists so an element never loads the zod runtime for two arrays; a
 * test keeps them equal to the contract's.
 */
export const CHECK_ORDER = ['scheme', 'private_network', 'reserved_ip', 'redirect', 'dns_rebinding', 'ownership'] as const satisfies readonly CheckName[];
export const ALLOWLIST_CHOICES = ['direct', 'tunnel', 'allowlist', 'unreachable'] as const satisfies readonly AllowlistStatus[];

export const MODE_ICONS: Record<DeploymentMode, IconName> = {
  cloud: 'cloud',
  'self-hosted': 'server',
  webhook: 'webhook',
};

/** The name a customer recognises a target by. */
export function targetName(target: Pick<TargetRecord, 'display_name' | 'tenant' | 'base_url' | 'id'>): string {
  return target.display_name || target.tenant || target.base_url || target.id;
}
