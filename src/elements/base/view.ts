import type { ErrorCode } from '../../core/contract/errors.js';
import type { TargetRecord } from '../../core/contract/schemas.js';
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


export const MODE_ICONS: Record<DeploymentMode, IconName> = {
  cloud: 'cloud',
  'self-hosted': 'server',
  webhook: 'webhook',
};

/** The name a customer recognises a target by. */
export function targetName(target: Pick<TargetRecord, 'display_name' | 'tenant' | 'base_url' | 'id'>): string {
  return target.display_name || target.tenant || target.base_url || target.id;
}
