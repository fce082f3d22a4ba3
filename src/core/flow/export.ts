/**
 * After save: the provider-specific setup of one saved target (where tickets
 * go, how duplicates are handled) and its test export, on the same record. A
 * connected target's overview is `existing-target`; edit settings and run a
 * test start there and return there.
 */
import { exportSettingsProblem } from '../contract/export-vocabulary.js';
import type { TargetRecord } from '../contract/schemas.js';
import { common, freeze, reject, toFlowError } from './states.js';
import type { ExistingTargetState, ExportSavingState, ExportSetupState, FlowEvent, FlowState, SavedState, TestingState } from './types.js';

/** Phases that hold one saved record to export to. */
type RecordLike = SavedState | ExistingTargetState | ExportSetupState | ExportSavingState | TestingState;

type ExportEvent = Extract<
  FlowEvent,
  {
    type:
      | 'configure-export'
      | 'export-settings-requested'
      | 'export-settings-saved'
      | 'export-settings-failed'
      | 'test-requested'
      | 'test-completed'
      | 'test-failed';
  }
>;

const EXPORT_EVENTS: ReadonlySet<string> = new Set<ExportEvent['type']>([
  'configure-export',
  'export-settings-requested',
  'export-settings-saved',
  'export-settings-failed',
  'test-requested',
  'test-completed',
  'test-failed',
]);

export function isExportEvent(event: FlowEvent): event is ExportEvent {
  return EXPORT_EVENTS.has(event.type);
}

/** A record that can export: connected, with its credential. */
export function canExport(t: TargetRecord): boolean {
  return t.state === 'connected' && t.has_credentials;
}

function record(s: RecordLike, target: TargetRecord): Pick<ExistingTargetState, 'provider' | 'edition' | 'reconnect' | 'target' | 'method'> {
  return { provider: s.provider, edition: s.edition, reconnect: null, target, method: s.method };
}

/** The overview of `target`. */
export function overview(s: RecordLike, target: TargetRecord = s.target): ExistingTargetState {
  return freeze({ ...common(s), phase: 'existing-target', ...record(s, target) });
}

export function exportSetup(s: RecordLike, afterSave: boolean, error: ExportSetupState['error'] = null): ExportSetupState {
  return freeze({ ...common(s), phase: 'export-setup', ...record(s, s.target), afterSave, error });
}

export function exportTransition(state: FlowState, event: ExportEvent): FlowState {
  const no = (reason: Parameters<typeof reject>[2] = 'not-allowed-here'): FlowState => reject(state, event, reason);
  switch (event.type) {
    case 'configure-export': {
      if (state.phase !== 'saved' && state.phase !== 'existing-target') return no();
      if (!canExport(state.target)) return no('no-credentials');
      return exportSetup(state, state.phase === 'saved');
    }
    case 'export-settings-requested': {
      if (state.phase === 'export-saving') return no('busy');
      if (state.phase !== 'export-setup') return no();
      if (exportSettingsProblem(state.provider.id, event.settings) !== undefined) return no('invalid-settings');
      const { error: _dropped, ...rest } = state;
      return freeze({ ...rest, rejected: null, phase: 'export-saving', settings: event.settings });
    }
    case 'export-settings-saved': {
      if (state.phase !== 'export-saving') return no();
      const t = event.target;
      // Only this record, still able to export, carrying settings, is a saved configuration.
      if (t.id !== state.target.id || !canExport(t) || !t.export_settings) {
        return exportSetup(state, state.afterSave, { code: 'MALFORMED_RESPONSE' });
      }
      return overview(state, t);
    }
    case 'export-settings-failed': {
      if (state.phase !== 'export-saving') return no();
      return exportSetup(state, state.afterSave, toFlowError(event.error));
    }
    case 'test-requested': {
      if (state.phase === 'testing') return no('busy');
      if (state.phase !== 'existing-target') return no();
      if (!canExport(state.target)) return no('no-credentials');
      if (!state.target.export_settings) return no('not-configured');
      return freeze({ ...common(state), phase: 'testing', ...record(state, state.target) });
    }
    case 'test-completed': {
      if (state.phase !== 'testing') return no();
      // The backend keeps the result on the record as `last_test`; the overview shows the same.
      return overview(state, { ...state.target, last_test: event.result });
    }
    case 'test-failed': {
      if (state.phase !== 'testing') return no();
      return overview(state);
    }
  }
}
