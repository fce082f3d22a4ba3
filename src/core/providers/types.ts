/**
 * Types of the provider catalog. The catalog is data: every rule the flow, the
 * elements and the server apply per provider is read from here, never restated.
 */

export const PROVIDER_IDS = [
  'jira',
  'github',
  'gitlab',
  'bitbucket',
  'trello',
  'linear',
  'azure-devops',
  'youtrack',
  'asana',
  'clickup',
  'webhook',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** How a target is reached: a vendor cloud, the customer's own server, or a customer endpoint. */
export const DEPLOYMENT_MODES = ['cloud', 'self-hosted', 'webhook'] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

/** One provider edition, e.g. `github-com`, `ghe-com`, `ghes`. Unique across the catalog. */
export type EditionId = string;

export interface DocLink {
  label: string;
  /** Absent where the vendor publishes no stable address. */
  url?: string;
}

/** What a cloud customer confirms they own (site URL, organisation, workspace…). */
export interface TenantField {
  /** Wire name of the value, e.g. `site_url`, `organization`, `workspace_id`. */
  name: string;
  label: string;
  placeholder: string;
  help: string;
  /** Pattern the value must match (anchored); shape only, never existence. */
  pattern: RegExp;
  /** Builds the tenant URL the product calls from the confirmed value. */
  tenantUrl?: (value: string) => string;
}

/** For editions where the customer types a `base_url` that the backend checks. */
export interface BaseUrlSpec {
  /** Whether a path after the host (context path, relative URL root, collection) is kept. */
  keepsContextPath: boolean;
  /** Appended to the normalised base URL to reach the API, e.g. `/rest/api/2`. */
  apiRoot: string;
  /** Path of the identity endpoint under the API root used by the ownership probe. */
  identityPath: string;
  /** What the identity endpoint's answer must show for the host to count as this product. */
  identityHint: string;
  placeholder: string;
  help: string;
}

export const AUTH_KINDS = ['oauth', 'app-install', 'token', 'signing-secret'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** How the credential travels to the provider. */
export type CredentialTransport =
  | 'bearer'
  | 'basic-email'
  | 'basic-empty-user'
  | 'raw-authorization'
  | 'private-token-header'
  | 'query-key-token'
  | 'signature-header';

export interface TokenHint {
  /** Stable id within its method, for the hint's message key. */
  id: string;
  /** Soft check: a mismatch warns, never blocks. */
  pattern: RegExp;
  warning: string;
}

export interface AuthMethod {
  /** Wire value of `auth_method`, e.g. `oauth2_3lo`, `api_token`, `github_app`. */
  id: string;
  kind: AuthKind;
  label: string;
  /** Wire value of `token_type`. */
  tokenType: string;
  /** Least scopes or permissions that can create and update tickets. */
  scopes: string[];
  /** What the grant allows, in the customer's words. */
  grants: string;
  sentAs: CredentialTransport;
  /** Where the customer revokes the grant at the provider. */
  revoke: DocLink;
  /** Where the customer creates the credential or starts the grant. */
  create?: DocLink;
  /** The exact action shown when the provider answers `PROVIDER_AUTH_REQUIRED`. */
  authRequiredAction: string;
  tokenHints?: TokenHint[];
  /** True for the method the catalog recommends for this edition. */
  recommended?: boolean;
  /** Extra non-secret fields this method needs (e.g. the Atlassian account email). */
  extraFields?: Array<{ name: string; label: string; pattern?: RegExp }>;
  /**
   * API root for this method when it differs from the edition's `cloudApiRoot`
   * (Jira Cloud OAuth and scoped tokens go through `api.atlassian.com`). Same
   * placeholders as `cloudApiRoot`.
   */
  apiRoot?: string;
}

/** A fact about an edition's versions, shown beside the edition choice. */
export interface VersionNote {
  /** Stable id within its edition, for the note's message key. */
  id: string;
  text: string;
}

export interface Limitation {
  /** Stable id, e.g. `no-issue-tracker`. */
  id: string;
  /** `blocks` stops the flow with PROVIDER_LIMITATION; `warns` is shown and allows going on. */
  severity: 'blocks' | 'warns';
  message: string;
  /** Where to go instead (another provider/edition), if any. */
  alternative?: { provider: ProviderId; edition: EditionId };
}

/**
 * What the first screen needs of an edition: its id, name and deployment mode.
 * Summaries ship with the element; the rest of an edition (`EditionDetail`) is
 * loaded with its provider when the customer picks one.
 */
export interface EditionSummary {
  id: EditionId;
  label: string;
  mode: DeploymentMode;
}

export interface Edition extends EditionSummary {
  /** Cloud editions: what the customer confirms. */
  tenant?: TenantField;
  /** Self-hosted and webhook editions (and single-tenant clouds on a custom domain): the checked URL. */
  baseUrl?: BaseUrlSpec;
  /** API root for cloud editions, fixed or built from the tenant. */
  cloudApiRoot?: string;
  authMethods: AuthMethod[];
  limitations: Limitation[];
  versionNotes: VersionNote[];
}

/** Signature schemes a webhook target can use; Standard Webhooks is the default. */
export const WEBHOOK_SIGNING_IDS = ['standard-webhooks', 'github-hmac-sha256'] as const;
export type WebhookSigningId = (typeof WEBHOOK_SIGNING_IDS)[number];

export interface WebhookSigning {
  id: WebhookSigningId;
  label: string;
  headers: string[];
  isDefault: boolean;
  notes: string;
}

/** A provider as the integration status lists it: names, editions and their modes. */
export interface ProviderSummary {
  id: ProviderId;
  label: string;
  /** What a ticket is called at this provider (issue, work item, card, task). */
  ticketNoun: string;
  editions: EditionSummary[];
}

export interface Provider extends ProviderSummary {
  editions: Edition[];
  docs: Record<string, DocLink>;
  webhookSigning?: WebhookSigning[];
}

/** Everything about an edition beyond its summary. */
export type EditionDetail = Omit<Edition, keyof EditionSummary>;

/**
 * One provider's detail, one file per provider: each edition's detail by
 * edition id, its documentation links and (webhooks) signing schemes.
 */
export interface ProviderDetail {
  editions: Record<EditionId, EditionDetail>;
  docs: Record<string, DocLink>;
  webhookSigning?: WebhookSigning[];
}

/** Host-supplied replacements for documentation links, per provider and link key. */
export type DocOverrides = Partial<Record<ProviderId, Record<string, string>>>;

/** True when the edition needs a customer-typed, server-checked `base_url`. */
export function needsBaseUrl(edition: Edition): boolean {
  return edition.baseUrl !== undefined;
}

/**
 * How much of a typed URL a target keeps, as `parseBaseUrl`'s `keepsContextPath`:
 * webhooks keep the whole URL (query included, since receivers route on it),
 * other editions their context path (true) or the origin only (false).
 */
export function urlShape(edition: Edition): boolean | undefined {
  return edition.mode === 'webhook' ? undefined : edition.baseUrl?.keepsContextPath;
}

/** The first limitation that stops the flow, if any. */
export function blockingLimitation(edition: Edition): Limitation | undefined {
  return edition.limitations.find((l) => l.severity === 'blocks');
}

/**
 * Tests a catalog pattern without the state a global or sticky flag keeps between
 * calls (lastIndex), so the same frozen pattern answers the same way every time.
 * An unusable pattern counts as a match: catalog patterns only ever warn or shape-check.
 */
export function testPattern(pattern: RegExp, text: string): boolean {
  try {
    const p = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    return p.test(text);
  } catch {
    return true;
  }
}

/** Methods where the customer approves access at the provider and never types a secret. */
export function isGrantKind(method: AuthMethod): boolean {
  return method.kind === 'oauth' || method.kind === 'app-install';
}

/** Methods where the customer types or pastes a secret. */
export function isCredentialKind(method: AuthMethod): boolean {
  return method.kind === 'token' || method.kind === 'signing-secret';
}
