import type {
  AuthStartRequest,
  DestinationPage,
  ExportSettingsInput,
  ListDestinationsRequest,
  TestExportResult,
  AuthStartResponse,
  RevokeRequest,
  SaveTargetRequest,
  StatusResponse,
  TargetRecord,
  UrlCheckRequest,
  UrlCheckResponse,
} from '../core/contract/index.js';

export interface CallOptions {
  /** Cancels the call; the promise then rejects with `REQUEST_ABORTED`. */
  signal?: AbortSignal;
}

export interface SaveOptions extends CallOptions {
  /**
   * One value per save attempt, sent as `Idempotency-Key`; send the same value
   * again when retrying that attempt, so the backend answers the retry with its
   * first answer instead of creating a second target. A fresh key is made when
   * none is given.
   */
  idempotencyKey?: string;
}

/**
 * Everything the element asks of a backend. `createHttpBackend` implements it
 * over fetch; a host may pass its own implementation as the `backend`
 * property. Every method resolves with a contract-checked value or rejects
 * with a `BackendError`.
 */
export interface Backend {
  /**
   * `GET /status`: saved targets, egress addresses, portable export. Each
   * target is read on its own: one that does not fit the contract is left out
   * and counted in `omitted`, and an action link that is not http(s) is dropped.
   */
  getStatus(options?: CallOptions): Promise<StatusResponse>;
  /** `POST /url-checks`. A blocked URL resolves with `status: 'blocked'`; it does not reject. */
  checkUrl(request: UrlCheckRequest, options?: CallOptions): Promise<UrlCheckResponse>;
  /** `POST /targets`: create, or reconnect when `target_id` is set. */
  saveTarget(request: SaveTargetRequest, options?: SaveOptions): Promise<TargetRecord>;
  /** `GET /targets/{id}`. */
  getTarget(id: string, options?: CallOptions): Promise<TargetRecord>;
  /** `POST /targets/{id}/revoke`: drops live credentials, keeps the record and history. */
  revokeTarget(id: string, request: RevokeRequest, options?: CallOptions): Promise<TargetRecord>;
  /** `POST /auth/start`: the authorisation URL for an OAuth or app-install popup. */
  startAuth(request: AuthStartRequest, options?: CallOptions): Promise<AuthStartResponse>;
  /**
   * `POST /targets/{id}/destinations`: one page of the places tickets can go,
   * listed by the provider with the target's saved credential. The three export
   * methods are optional: with a backend that lacks them the element ends the
   * flow at save, as with `export-setup="external"`.
   */
  listDestinations?(id: string, request: ListDestinationsRequest, options?: CallOptions): Promise<DestinationPage>;
  /** `PUT /targets/{id}/export-settings`: where tickets go and how duplicates are handled. */
  saveExportSettings?(id: string, settings: ExportSettingsInput, options?: CallOptions): Promise<TargetRecord>;
  /** `POST /targets/{id}/test-export`: one clearly marked test ticket (or signed webhook delivery). */
  runTestExport?(id: string, options?: CallOptions): Promise<TestExportResult>;
}
