/**
 * What every provider adapter offers and what it is given. Adapters hold no Node
 * imports: the caller injects `fetch` (the connect-time guard on the server, msw or
 * a loopback server in tests) and Web Crypto is global.
 */
import type { DestinationPage, ExportSettings, ListDestinationsRequest, TestExportResult } from '../../core/contract/export.js';
import type { TargetRecord } from '../../core/contract/schemas.js';
import type { AuthMethod, Edition, ProviderId } from '../../core/providers/index.js';

/** The saved credential, given to the adapter for one call and never returned. */
export interface Credential {
  secret: string;
  /** Non-secret extras the catalog's auth method names (the Atlassian `email`, Trello's `api_key`, Jira Cloud's `cloud_id`). */
  fields?: Readonly<Record<string, string>>;
}

export interface ProviderContext {
  provider: ProviderId;
  edition: Edition;
  /** The catalog's auth method; it says how the credential is sent. */
  method: AuthMethod;
  /** The API root the calls go to (for a webhook, the endpoint itself). */
  apiRoot: string;
  credential: Credential;
  /** The saved target's non-secret facts: tenant URL, base URL, webhook signing scheme. */
  target: Pick<TargetRecord, 'tenant' | 'base_url' | 'signing'>;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Clock and id source, injectable so webhook signatures can be checked in tests. */
  now?: () => Date;
  randomId?: () => string;
}

/** Who the credential acts as, from the provider's own "who am I" answer. */
export interface Account {
  id: string;
  name: string;
}

/** What a test export produced, before it is stamped with a time and status. */
export type TestOutcome = Pick<TestExportResult, 'ticket' | 'delivery' | 'error'>;

export interface ProviderAdapter {
  readonly provider: ProviderId;
  /** A cheap call that proves the credential works and says whom it acts as. */
  verify(ctx: ProviderContext): Promise<Account>;
  /** One page of the places tickets can go, at the level the request asks for. */
  listDestinations(ctx: ProviderContext, request: ListDestinationsRequest): Promise<DestinationPage>;
  /** Creates one clearly marked test ticket in the chosen destination (a webhook: one signed test delivery). */
  createTestTicket(ctx: ProviderContext, settings: ExportSettings): Promise<TestOutcome>;
}
