/**
 * The provider adapters by provider id, and the two steps every route needs around
 * them: building a context from a saved target, and turning a test export (success
 * or refusal) into the result stored on the target.
 */
import type { ExportSettings, TestExportResult } from '../../core/contract/export.js';
import type { TargetRecord } from '../../core/contract/schemas.js';
import { apiRootFor, findAuthMethod, getEdition, type Provider, type ProviderId } from '../../core/providers/index.js';
import { asana } from './asana.js';
import { azureDevOps } from './azure-devops.js';
import { bitbucket } from './bitbucket.js';
import { clickup } from './clickup.js';
import { ProviderError } from './errors.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { jira, jiraCloudId } from './jira.js';
import { linear } from './linear.js';
import { trello } from './trello.js';
import type { Credential, ProviderAdapter, ProviderContext } from './types.js';
import { webhook } from './webhook.js';
import { youtrack } from './youtrack.js';

export { ProviderError, redact } from './errors.js';
export type { Account, Credential, ProviderAdapter, ProviderContext, TestOutcome } from './types.js';

export const ADAPTERS: Readonly<Record<ProviderId, ProviderAdapter>> = {
  jira,
  github,
  gitlab,
  bitbucket,
  trello,
  linear,
  'azure-devops': azureDevOps,
  youtrack,
  asana,
  clickup,
  webhook,
};

export function adapterFor(provider: ProviderId): ProviderAdapter {
  return ADAPTERS[provider];
}

export interface ContextOptions {
  fetch: typeof fetch;
  signal?: AbortSignal;
  now?: () => Date;
  randomId?: () => string;
  /** The catalog the edition and auth method are read from; the shipped one by default. */
  providers?: readonly Provider[];
}

/**
 * The adapter context for a saved target: its edition and auth method from the
 * catalog, and its API root from the checked base URL or the confirmed tenant (Jira
 * Cloud's api.atlassian.com root also needs the site's `cloud_id` from the credential).
 */
export function contextFor(target: TargetRecord, credential: Credential, options: ContextOptions): ProviderContext {
  const { providers, ...rest } = options;
  const edition = getEdition(target.provider, target.edition, providers);
  const method = edition ? findAuthMethod(edition, target.auth_method) : undefined;
  if (!edition || !method) {
    throw new ProviderError('VALIDATION_FAILED', `The target's edition or auth method is not in the catalog.`, { field: 'auth_method' });
  }
  const where = target.base_url ?? target.tenant ?? '';
  const cloudId = credential.fields?.['cloud_id'];
  const apiRoot = apiRootFor(edition, where, { method, ...(cloudId ? { cloudId } : {}) });
  if (!apiRoot) {
    throw new ProviderError('VALIDATION_FAILED', `No API root can be built for this ${edition.label} target.`, { field: 'base_url' });
  }
  return {
    provider: target.provider,
    edition,
    method,
    apiRoot,
    credential,
    target: { tenant: target.tenant ?? null, base_url: target.base_url ?? null, signing: target.signing ?? null },
    ...rest,
  };
}

/**
 * `contextFor`, first asking the site for its cloud id where the auth method's API
 * root needs one the credential does not carry (a Jira Cloud scoped API token).
 */
export async function resolveContext(target: TargetRecord, credential: Credential, options: ContextOptions): Promise<ProviderContext> {
  const edition = getEdition(target.provider, target.edition, options.providers);
  const method = edition ? findAuthMethod(edition, target.auth_method) : undefined;
  const needsCloudId = method?.apiRoot?.includes('{cloud_id}') && !credential.fields?.['cloud_id'];
  if (!edition || !needsCloudId || !target.tenant) return contextFor(target, credential, options);
  const cloudId = await jiraCloudId({ edition, fetch: options.fetch, ...(options.signal ? { signal: options.signal } : {}) }, target.tenant);
  return contextFor(target, { ...credential, fields: { ...credential.fields, cloud_id: cloudId } }, options);
}

/**
 * Runs one test export and returns the result to store and show: the ticket or the
 * delivery, or the refusal with its code and action. Only an abort escapes.
 */
export async function runTestExport(
  ctx: ProviderContext,
  settings: ExportSettings,
  adapter: ProviderAdapter = adapterFor(ctx.provider),
): Promise<TestExportResult> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  try {
    const outcome = await adapter.createTestTicket(ctx, settings);
    return { status: outcome.error ? 'failed' : 'succeeded', at, ...outcome };
  } catch (error) {
    if (error instanceof ProviderError) return { status: 'failed', at, error: error.toTestError() };
    throw error;
  }
}
