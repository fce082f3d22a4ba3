/**
 * Shared by the browser tests that call a Backend against the msw worker.
 */
import { expect } from '@open-wc/testing';
import { isBackendError, type BackendError } from '../../src/client/index.js';
import type { SaveTargetRequest } from '../../src/core/contract/index.js';

/** Awaits a call that must fail and returns the BackendError it failed with. */
export async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(isBackendError(error), String(error)).to.equal(true);
    return error as BackendError;
  }
  throw new Error('expected the call to reject');
}

/** Saves a Jira Cloud target for the acme site with the OAuth grant the mock authorised. */
export function jiraCloudOAuthSave(authorizationId: string): SaveTargetRequest {
  return {
    provider: 'jira',
    edition: 'jira-cloud',
    deployment_mode: 'cloud',
    tenant: 'https://acme.atlassian.net',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'oauth2_3lo',
    token_type: 'oauth2_3lo',
    authorization_id: authorizationId,
  };
}

/** Saves a GitHub.com target for the acme organisation (the simulated provider's) with a typed token. */
export function githubCloudSave(credential: string, extra: Partial<SaveTargetRequest> = {}): SaveTargetRequest {
  return {
    provider: 'github',
    edition: 'github-com',
    deployment_mode: 'cloud',
    tenant: 'acme',
    ownership_confirmed: true,
    export_authorized: true,
    auth_method: 'fine_grained_pat',
    token_type: 'github_fine_grained_pat',
    credential,
    ...extra,
  };
}
