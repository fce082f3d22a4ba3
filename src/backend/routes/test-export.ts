/**
 * `POST /targets/{id}/test-export`: one clearly marked test ticket in the saved
 * destination (a webhook: one signed delivery), answered and kept as the target's
 * `last_test`. A provider's refusal is a result, not an error: it is answered 200
 * with `status: "failed"` and the reason's code and action. A refused credential
 * also moves a connected target to `auth_required`; a success moves an
 * `auth_required` one back to `connected`. A revoke that lands while the test runs
 * wins: the result is answered but not kept. Each target may run a few tests a
 * minute (`rateLimit.testExports`), since each one leaves a ticket behind.
 */
import { TestExportResultSchema, type HistoryEntry, type TargetRecord, type TestExportResult } from '../../core/contract/index.js';
import { requireWithinLimit, type Route } from '../context.js';
import { adapterOf, isLive, liveTarget, providerContext } from '../export-target.js';
import { jsonResponse, ProblemResponse } from '../http.js';
import { runTestExport } from '../providers/index.js';
import { redact } from '../redact.js';

/** The record after a test: its result, and the state the result implies. */
function withResult(current: TargetRecord, result: TestExportResult, at: string): TargetRecord {
  const next: TargetRecord = { ...current, last_test: result, updated_at: at };
  const refused = result.error?.code === 'PROVIDER_AUTH_REQUIRED';
  if (refused && current.state === 'connected') {
    const { code, message, action } = result.error!;
    const entry: HistoryEntry = { at, event: 'auth_required', detail: 'The provider refused the credential during a test export.' };
    return { ...next, state: 'auth_required', error: { code, message, ...(action ? { action } : {}) }, history: [...current.history, entry] };
  }
  if (result.status === 'succeeded' && current.state === 'auth_required') {
    const entry: HistoryEntry = { at, event: 'connected', detail: 'A test export succeeded with the saved credential.' };
    return { ...next, state: 'connected', error: null, history: [...current.history, entry] };
  }
  return next;
}

export const testExport: Route = async (ctx, scope) => {
  // No body is expected; one that is sent is not read.
  await scope.request.body?.cancel().catch(() => undefined);
  const live = await liveTarget(ctx, scope);
  const settings = live.record.export_settings;
  if (!settings) {
    throw new ProblemResponse('VALIDATION_FAILED', 'Choose where tickets go and save the export settings before a test export.', {
      field: 'export_settings',
    });
  }
  await requireWithinLimit(
    ctx.testExportLimiter,
    `test-export:${live.record.id}`,
    'Several test tickets were created for this target a moment ago. Wait a little before the next one.',
  );
  const provider = await providerContext(ctx, scope, live);
  const outcome = await runTestExport(provider, settings, adapterOf(ctx, live.record));
  // Adapters redact provider text already; this also covers whatever a custom adapter returns.
  const result = JSON.parse(redact(JSON.stringify(outcome), scope.secrets)) as TestExportResult;
  const at = ctx.iso();
  await ctx.store.recordTestResult({
    id: live.record.id,
    apply: (current, hasSecret) => (isLive(current, hasSecret) ? withResult(current, result, at) : undefined),
  });
  return jsonResponse(TestExportResultSchema, result);
};
