/**
 * `PUT /targets/{id}/export-settings`: where tickets go, how a finding that already
 * has a ticket is handled, and (webhooks) which events are delivered, kept on the
 * target's record. A change of destination, labels or events drops the last test
 * result, which was about the old settings; a change of duplicate handling keeps it.
 */
import { exportSettingsProblem, ExportSettingsSchema, type ExportSettings, type TargetRecord } from '../../core/contract/index.js';
import type { Route } from '../context.js';
import { credentialMissing, isLive, savedTarget } from '../export-target.js';
import { checkedJsonResponse, parseBody, ProblemResponse, readJson } from '../http.js';

const FIELD_MESSAGES: Record<string, string> = {
  destination: 'destination must walk the provider\'s levels in order, down to where tickets are created.',
  events: 'events must name at least one event for a webhook, and are not used by other providers.',
  labels: 'labels are not used by this provider.',
};

/** Whether two settings send tickets to the same place with the same labels and events. */
function samePlace(a: ExportSettings, b: ExportSettings): boolean {
  const place = (s: ExportSettings) => JSON.stringify([s.destination.map((d) => [d.level, d.id]), s.labels ?? [], s.events ?? []]);
  return place(a) === place(b);
}

export const saveExportSettings: Route = async (ctx, { request, id }) => {
  const settings = parseBody(ExportSettingsSchema, await readJson(request, ctx.limits.maxBodyBytes));
  const { record, method } = await savedTarget(ctx, id);
  const field = exportSettingsProblem(record.provider, settings);
  if (field) throw new ProblemResponse('VALIDATION_FAILED', FIELD_MESSAGES[field] ?? `${field} does not fit this provider.`, { field });
  const at = ctx.iso();
  const result = await ctx.store.saveExportSettings({
    id: record.id,
    apply: (current, hasSecret): TargetRecord | undefined => {
      if (!isLive(current, hasSecret)) return undefined;
      const keepTest = current.export_settings && current.last_test && samePlace(current.export_settings, settings);
      return { ...current, export_settings: settings, last_test: keepTest ? current.last_test : null, updated_at: at };
    },
  });
  if (!result.ok && result.reason === 'not_found') throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id.');
  if (!result.ok) throw credentialMissing(result.record, method);
  const json = ctx.records.json(result.record);
  if (json === null) throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The settings were saved, but the record cannot be shown.');
  return checkedJsonResponse(json);
};
