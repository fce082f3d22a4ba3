/**
 * Median time of one full self-hosted walk through the flow machine (provider,
 * edition, ownership, URL check, allowlist, auth method, credential, save) and of
 * the readiness selector. Run: node --import tsx scripts/bench-flow.ts
 */
import { performance } from 'node:perf_hooks';
import { getEdition, getProvider, recommendedMethod } from '../src/core/providers/index.js';
import { initialState, readiness, transition, type FlowEvent, type FlowState } from '../src/core/flow/index.js';

const jira = getProvider('jira')!;
const pat = recommendedMethod(getEdition('jira', 'jira-dc')!)!;
const url = 'https://jira.example.com/jira';
const passed = {
  status: 'passed' as const,
  normalized_url: url,
  addresses: ['203.0.113.10'],
  checks: [],
  check_id: 'chk',
  expires_at: '2030-01-01T00:00:00Z',
};

function walk(): FlowState {
  let s = initialState({ portableExportAvailable: true });
  const step = (e: FlowEvent) => {
    s = transition(s, e);
    if (s.rejected) throw new Error(`${e.type} refused in ${s.phase}`);
  };
  step({ type: 'select-provider', provider: jira });
  step({ type: 'select-edition', editionId: 'jira-dc' });
  step({ type: 'confirm-ownership', ownership: true, exportAuthorization: true });
  step({ type: 'check-requested', baseUrl: url });
  step({ type: 'check-result', seq: s.phase === 'checking' ? s.pending.seq : -1, result: passed });
  step({ type: 'record-allowlist', status: 'allowlist' });
  step({ type: 'choose-auth-method', methodId: pat.id });
  step({ type: 'credential-changed', entered: true });
  step({ type: 'save-requested' });
  return s;
}

function measure(label: string, fn: () => unknown, runs = 5000): void {
  for (let i = 0; i < 500; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.floor(q * (times.length - 1))]!;
  console.log(`${label.padEnd(44)} runs=${runs} median=${(at(0.5) * 1000).toFixed(1)}µs p95=${(at(0.95) * 1000).toFixed(1)}µs`);
}

const end = walk();
if (end.phase !== 'saving') throw new Error(`walk ended in ${end.phase}`);
measure('flow: full self-hosted walk (9 events)', walk);
measure('flow: readiness of the final state', () => readiness(end));
