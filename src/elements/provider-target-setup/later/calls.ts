/**
 * The backend calls of the later steps: the URL check, the save and the
 * revoke, each one `BackendCall`. A save carries one idempotency key per
 * attempt: the same key again when the same attempt is retried after an
 * answer that never came or could not be read, a new one once anything in it
 * changed or the backend gave a definite answer. After such a lost answer the
 * target list is read again before the customer is told anything.
 */
import { newIdempotencyKey } from '../../../client/http.js';
import { BackendError } from '../../../client/errors.js';
import type { TestExportResult } from '../../../core/contract/export.js';
import type { ExportLoader } from '../../export-setup/export-setup.js';
import type { ErrorCode } from '../../../core/contract/errors.js';
import type { StatusResponse, TargetRecord, UrlCheckResponse } from '../../../core/contract/schemas.js';
import { exportSettingsRequest, saveRequest, urlCheckRequest } from '../../../core/flow/selectors.js';
import { toFlowError } from '../../../core/flow/states.js';
import type { FlowErrorInput, FlowState } from '../../../core/flow/types.js';
import { validateTenant } from '../../../core/providers/tenant.js';
import { urlShape } from '../../../core/providers/types.js';
import { normalizeBaseUrl } from '../../../core/url/parse.js';
import { passedText } from '../../base/check-list.js';
import { targetName } from '../../base/view.js';
import { BackendCall } from '../backend-call.js';
import { TargetConfiguredEvent, TargetRevokedEvent, TargetSavedEvent } from '../events.js';
import type { Later } from './later.js';

type Checking = Extract<FlowState, { phase: 'checking' }>;
type Saving = Extract<FlowState, { phase: 'saving' }>;
type Revoking = Extract<FlowState, { phase: 'revoking' }>;
type ExportSaving = Extract<FlowState, { phase: 'export-saving' }>;
type Testing = Extract<FlowState, { phase: 'testing' }>;

/** Answers after which nobody knows whether the save went through. */
const UNKNOWN_OUTCOME: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['REQUEST_TIMEOUT', 'MALFORMED_RESPONSE']);
/** Failures after which the same attempt may be sent again under its key. */
const SAME_ATTEMPT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([...UNKNOWN_OUTCOME, 'BACKEND_UNAVAILABLE', 'REQUEST_ABORTED']);

/** What the flow keeps of a failure: the contract-checked parts of the backend's body. */
export function flowErrorOf(error: BackendError): FlowErrorInput {
  const body = error.body;
  const input: FlowErrorInput = { code: error.code };
  // Only contract-checked backend text is kept; the client's own messages name routes.
  if (body?.message) input.message = body.message;
  if (body?.action) input.action = body.action;
  if (body?.checks) input.checks = body.checks;
  if (body?.field) input.field = body.field;
  if (body?.target_id) input.target_id = body.target_id;
  if (error.retryAfter !== undefined) input.retry_after = error.retryAfter;
  return input;
}

/** The record a lost save answer left behind, if the list now holds it. */
function savedBy(saving: Saving, known: ReadonlySet<string>, targets: readonly TargetRecord[]): TargetRecord | undefined {
  const { provider, edition, site, reconnect } = saving;
  return targets.find((t) => {
    if (t.provider !== provider.id || t.edition !== edition.id) return false;
    if (reconnect ? t.id !== reconnect.id || t.updated_at === reconnect.updated_at : known.has(t.id)) return false;
    if (site.kind === 'checked') return normalizeBaseUrl(t.base_url ?? '', urlShape(edition)) === site.check.url;
    if (site.tenant === null || !t.tenant) return true;
    const stored = validateTenant(edition, t.tenant);
    return stored.ok && stored.value === site.tenant;
  });
}

interface Attempt {
  readonly fingerprint: string;
  readonly key: string;
  /** Targets listed when the attempt began: a new one found later is this attempt's. */
  readonly known: ReadonlySet<string>;
}

export class FlowCalls {
  readonly #later: Later;
  readonly #check: BackendCall<[Checking], UrlCheckResponse>;
  readonly #save: BackendCall<[Saving, string], TargetRecord>;
  readonly #recheck: BackendCall<[Saving, BackendError], StatusResponse>;
  readonly #revoke: BackendCall<[Revoking], TargetRecord>;
  readonly #exportSave: BackendCall<[ExportSaving], TargetRecord>;
  readonly #test: BackendCall<[Testing], TestExportResult>;
  /** One loader per target, so the lists keep their pages across renders. */
  #loaders = new Map<string, ExportLoader>();
  #attempt: Attempt | undefined;
  /** The credential between the input and the one request that sends it; emptied as the request is built. */
  #credential = '';

  constructor(later: Later) {
    this.#later = later;
    const setup = later.setup;
    const host = setup.host;
    const phase = (): FlowState['phase'] => setup.state.phase;

    this.#check = new BackendCall(host, setup, {
      run: (backend, [checking], signal) => backend.checkUrl(urlCheckRequest(checking)!, { signal }),
      current: ([checking]) => setup.state.phase === 'checking' && setup.state.pending.seq === checking.pending.seq,
      done: (result, [checking]) => {
        setup.lastChecks = result.checks;
        const next = setup.send({ type: 'check-result', seq: checking.pending.seq, result });
        if (next.phase === 'url-blocked') {
          setup.log('PROVIDER_BASE_URL_BLOCKED');
          later.blocked('PROVIDER_BASE_URL_BLOCKED', result.checks, checking);
          setup.announce(setup.say('network.blocked.title'), true);
        } else if (next.phase === 'allowlist') {
          setup.announce(passedText(setup.say, next.check.checks, next.check.url));
        } else if ('error' in next && next.error) {
          setup.announce(setup.errorText(next.error.code), true);
        }
      },
      failed: (error, [checking]) => {
        if (error.body?.checks) setup.lastChecks = error.body.checks;
        setup.send({ type: 'check-failed', seq: checking.pending.seq, error: flowErrorOf(error) });
        later.blocked(error.code, error.body?.checks, checking);
      },
    });

    this.#save = new BackendCall(host, setup, {
      run: (backend, [saving, key], signal) => {
        const credential = this.#credential;
        this.#credential = '';
        const body = saveRequest(saving)!;
        return backend.saveTarget(credential ? { ...body, credential } : body, { signal, idempotencyKey: key });
      },
      current: () => phase() === 'saving',
      done: (target, [saving]) => this.#answered(target, saving),
      // Told once the flow shows the failure; a lost answer only after the list was read again.
      announce: () => null,
      failed: (error, [saving]) => {
        if (!SAME_ATTEMPT.has(error.code)) this.#attempt = undefined;
        if (UNKNOWN_OUTCOME.has(error.code) && this.#attempt) {
          this.#recheck.run(saving, error);
          return;
        }
        later.saveFailed(flowErrorOf(error), error.body?.checks, saving);
      },
    });

    this.#recheck = new BackendCall(host, setup, {
      run: (backend, _args, signal) => backend.getStatus({ signal }),
      current: () => phase() === 'saving',
      announce: () => null,
      done: (status, [saving, error]) => {
        const known = this.#attempt?.known ?? new Set<string>();
        setup.applyStatus(status);
        const saved = savedBy(saving, known, status.targets);
        if (saved) {
          this.#answered(saved, saving);
          return;
        }
        later.saveFailed(flowErrorOf(error), undefined, saving, 'absent');
      },
      failed: (_status, [saving, error]) => later.saveFailed(flowErrorOf(error), undefined, saving, 'unknown'),
    });

    this.#revoke = new BackendCall(host, setup, {
      run: (backend, [revoking], signal) => backend.revokeTarget(revoking.target.id, { revoked_at_provider: true }, { signal }),
      current: () => phase() === 'revoking',
      done: (record) =>
        this.#confirmed(setup.send({ type: 'revoke-completed', target: record }), 'revoked', (t) => [new TargetRevokedEvent({ target: t }), setup.say('revoke.done', { target: targetName(t) })]),
      failed: (error) => void setup.send({ type: 'revoke-failed', error: flowErrorOf(error) }),
    });

    this.#exportSave = new BackendCall(host, setup, {
      run: (backend, [saving], signal) => {
        if (!backend.saveExportSettings) throw new BackendError('BACKEND_UNAVAILABLE', 'This backend cannot store export settings.');
        const { targetId, settings } = exportSettingsRequest(saving)!;
        return backend.saveExportSettings(targetId, settings, { signal });
      },
      current: () => phase() === 'export-saving',
      done: (record) =>
        this.#confirmed(setup.send({ type: 'export-settings-saved', target: record }), 'existing-target', (t) => [
          new TargetConfiguredEvent({ target: t }),
          setup.say('export.saved', { target: targetName(t) }),
        ]),
      failed: (error) => void setup.send({ type: 'export-settings-failed', error: flowErrorOf(error) }),
    });

    this.#test = new BackendCall(host, setup, {
      run: (backend, [testing], signal) => {
        if (!backend.runTestExport) throw new BackendError('BACKEND_UNAVAILABLE', 'This backend cannot run a test export.');
        return backend.runTestExport(testing.target.id, { signal });
      },
      current: () => phase() === 'testing',
      // A failed test is an answer, told with its reason; only a call that got no answer is a failure here.
      done: (result) => {
        const next = setup.send({ type: 'test-completed', result });
        if (next.phase !== 'existing-target') return;
        setup.upsert(next.target);
        if (result.status === 'succeeded') setup.announce(setup.say(result.delivery ? 'test.delivered' : 'test.succeeded'));
        else {
          if (result.error) setup.log(result.error.code);
          setup.announce(`${setup.say('test.failed')}. ${result.error ? setup.errorText(result.error.code) : ''}`, true);
        }
      },
      failed: (error) => {
        later.testError = toFlowError(flowErrorOf(error));
        setup.send({ type: 'test-failed', error: flowErrorOf(error) });
      },
    });
  }

  /**
   * A record the backend answered with: when the flow took it (`phase`), it is
   * kept in the list, told to the host with its event and to the customer in
   * words; anything else broke the contract.
   */
  #confirmed(next: FlowState, phase: 'revoked' | 'existing-target', tell: (target: TargetRecord) => [Event, string]): void {
    const setup = this.#later.setup;
    if (next.phase === phase && 'target' in next) {
      setup.upsert(next.target);
      const [event, text] = tell(next.target);
      setup.host.dispatchEvent(event);
      setup.announce(text);
      return;
    }
    setup.log('MALFORMED_RESPONSE');
    setup.announce(setup.errorText('MALFORMED_RESPONSE'), true);
  }

  /** Lists destinations of a saved target through the backend, page by page. */
  destinations(targetId: string): ExportLoader {
    let loader = this.#loaders.get(targetId);
    if (!loader) {
      const setup = this.#later.setup;
      loader = async (request, signal) => {
        const backend = await setup.backend();
        if (!backend?.listDestinations) throw new BackendError('BACKEND_UNAVAILABLE', 'This backend cannot list destinations.');
        return backend.listDestinations(targetId, request, { signal });
      };
      this.#loaders.set(targetId, loader);
    }
    return loader;
  }

  saveExport(saving: ExportSaving): void {
    this.#exportSave.run(saving);
  }

  test(testing: Testing): void {
    this.#test.run(testing);
  }

  check(checking: Checking): void {
    this.#check.run(checking);
  }

  abortCheck(): void {
    this.#check.abort();
  }

  /** Sends the save; `credential` goes into this one request and nowhere else. */
  save(saving: Saving, credential: string): void {
    const body = saveRequest(saving);
    const fingerprint = JSON.stringify(body);
    if (this.#attempt?.fingerprint !== fingerprint) {
      this.#attempt = { fingerprint, key: newIdempotencyKey(), known: new Set(this.#later.setup.targets.map((t) => t.id)) };
    }
    this.#credential = credential;
    this.#save.run(saving, this.#attempt.key);
  }

  revoke(revoking: Revoking): void {
    this.#revoke.run(revoking);
  }

  abortAll(): void {
    this.#check.abort();
    this.#save.abort();
    this.#recheck.abort();
    this.#revoke.abort();
    this.#exportSave.abort();
    this.#test.abort();
    this.#credential = '';
  }

  /** The backend's answer to a save (or the record a lost answer left behind). */
  #answered(target: TargetRecord, saving: Saving): void {
    const later = this.#later;
    const setup = later.setup;
    this.#attempt = undefined;
    let next = setup.state;
    // Saved, and on to the provider-specific setup of the same record, as one step change.
    setup.batched(() => {
      next = setup.send({ type: 'saved', target });
      if (next.phase === 'saved' && later.exportEnabled) setup.send({ type: 'configure-export' });
    });
    if (next.phase === 'saved') {
      setup.upsert(next.target);
      setup.host.dispatchEvent(new TargetSavedEvent({ target: next.target }));
      setup.announce(setup.say('root.saved', { target: targetName(next.target) }));
      return;
    }
    const code: ErrorCode =
      next.phase === 'auth-required'
        ? 'PROVIDER_AUTH_REQUIRED'
        : target.state === 'blocked'
          ? (target.error?.code ?? 'PROVIDER_BASE_URL_BLOCKED')
          : 'MALFORMED_RESPONSE';
    setup.log(code);
    later.afterFailedSave(next, code);
    later.blocked(code, target.error?.checks, saving);
  }
}
