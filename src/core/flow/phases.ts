/**
 * The light half of the flow: which step a phase belongs to, what stops or
 * holds it, the states a flow starts in, and `/status` arriving. Everything the
 * first screen (integration status) needs, without the transition table, so an
 * element can show that screen before the rest of the machine has loaded.
 */
import type { Edition, Provider, ProviderId } from '../providers/types.js';
import type {
  BlockedReason,
  EditionState,
  FlowEnv,
  FlowPhase,
  FlowState,
  FlowStep,
  InitialStateOptions,
  KeptChoices,
  StatusState,
} from './types.js';

const STEP_OF: Record<FlowPhase, FlowStep> = {
  status: 'status',
  // An opened record is the ticket export target step: its overview, and revoke from there.
  'existing-target': 'target',
  'revoke-at-provider': 'target',
  'revoke-disconnect': 'target',
  revoking: 'target',
  revoked: 'target',
  testing: 'target',
  edition: 'deployment',
  'limitation-blocked': 'deployment',
  tenant: 'network',
  ownership: 'network',
  'base-url': 'network',
  checking: 'network',
  'url-blocked': 'network',
  allowlist: 'network',
  auth: 'network',
  'auth-required': 'network',
  saving: 'network',
  saved: 'target',
  'export-setup': 'provider-setup',
  'export-saving': 'provider-setup',
  fallback: 'target',
};

/** The visible step of the path the state belongs to. */
export function currentStep(state: FlowState): FlowStep {
  return STEP_OF[state.phase];
}

export function selectedProvider(state: FlowState): Provider | null {
  if (state.phase === 'fallback') return selectedProvider(state.from);
  return 'provider' in state ? state.provider : null;
}

export function selectedEdition(state: FlowState): Edition | null {
  if (state.phase === 'fallback') return selectedEdition(state.from);
  return 'edition' in state ? state.edition : null;
}

/** Phases with a request in flight. */
export const BUSY_PHASES: ReadonlySet<FlowPhase> = new Set<FlowPhase>(['checking', 'saving', 'revoking', 'export-saving', 'testing']);

/** True while a request is in flight and only its answer (or nothing) may follow. */
export function isBusy(state: FlowState): boolean {
  return BUSY_PHASES.has(state.phase);
}

/**
 * Phases of a target being drafted, from the deployment mode up to the save
 * request (a URL check may be in flight, a save may not). The fallback may be
 * chosen from any of them, and the provider or edition changed (from a blocked
 * URL, only to a cloud edition).
 */
export const DRAFT_PHASES: ReadonlySet<FlowPhase> = new Set<FlowPhase>([
  'edition',
  'limitation-blocked',
  'tenant',
  'ownership',
  'base-url',
  'checking',
  'url-blocked',
  'allowlist',
  'auth',
  'auth-required',
]);

function blockedFromCode(code: string | undefined): BlockedReason | null {
  switch (code) {
    case 'PROVIDER_AUTH_REQUIRED':
      return 'auth_required';
    case 'PROVIDER_BASE_URL_BLOCKED':
      return 'url_blocked';
    case 'ALLOWLIST_STATUS_MISSING':
      return 'allowlist_missing';
    case 'OWNERSHIP_UNCONFIRMED':
      return 'ownership_unclear';
    case 'PROVIDER_LIMITATION':
      return 'provider_limitation';
    default:
      return null;
  }
}

/** Why the flow cannot go on as it is, or `null` when it can. */
export function blockedReason(state: FlowState): BlockedReason | null {
  switch (state.phase) {
    case 'auth-required':
      return 'auth_required';
    case 'url-blocked':
      return 'url_blocked';
    case 'limitation-blocked':
      return 'provider_limitation';
    case 'allowlist':
      return state.allowlistStatus === 'unreachable' || state.error?.code === 'ALLOWLIST_STATUS_MISSING'
        ? 'allowlist_missing'
        : null;
    case 'ownership':
    case 'tenant':
      return state.error?.code === 'OWNERSHIP_UNCONFIRMED' ? 'ownership_unclear' : null;
    case 'existing-target':
      if (state.target.state === 'auth_required') return 'auth_required';
      if (state.target.state === 'blocked') return blockedFromCode(state.target.error?.code);
      return null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------- kept choices

const NOT_CONFIRMED = Object.freeze({ ownership: false, exportAuthorization: false });

/** Nothing kept: a new draft for `provider` (or none). */
export function keptFor(provider: ProviderId | null): KeptChoices {
  return Object.freeze({
    provider,
    edition: null,
    tenant: null,
    confirmations: NOT_CONFIRMED,
    url: '',
    allowlistStatus: null,
    method: null,
    credentialFields: Object.freeze({}),
    signing: null,
  });
}

/** The kept choices with some replaced; a new frozen object. */
export function keep(kept: KeptChoices, changes: Partial<KeptChoices>): KeptChoices {
  return Object.freeze({ ...kept, ...changes });
}

// ---------------------------------------------------------------- starting states

type CommonFields = Pick<FlowState, 'env' | 'rejected' | 'checkSeq' | 'kept'>;

export function statusState(c: CommonFields): StatusState {
  return Object.freeze({ ...c, phase: 'status' });
}

export function editionState(c: CommonFields, provider: Provider): EditionState {
  return Object.freeze({ ...c, phase: 'edition', provider });
}

export function initialState(opts: InitialStateOptions = {}): FlowState {
  const env: FlowEnv = Object.freeze({
    portableExport: opts.portableExportAvailable ?? null,
    egressAddresses: Object.freeze([...(opts.egressAddresses ?? [])]),
  });
  const c = { env, rejected: null, checkSeq: 0, kept: keptFor(opts.provider?.id ?? null) };
  return opts.provider ? editionState(c, opts.provider) : statusState(c);
}

/**
 * `status-loaded`: what `/status` said about the surroundings, in any phase. The
 * machine's transition for that event; here so the first screen can apply it
 * before the machine has loaded.
 */
export function withStatus(
  state: FlowState,
  event: { portableExportAvailable: boolean; egressAddresses?: readonly string[] | undefined },
): FlowState {
  const env: FlowEnv = Object.freeze({
    portableExport: event.portableExportAvailable,
    egressAddresses: Object.freeze([...(event.egressAddresses ?? state.env.egressAddresses)]),
  });
  return Object.freeze({ ...state, rejected: null, env });
}
