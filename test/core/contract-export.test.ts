import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod/mini';
import {
  DESTINATION_PATHS,
  DestinationPageSchema,
  EXPORT_CONTRACT_SCHEMAS,
  ExportSettingsSchema,
  ListDestinationsRequestSchema,
  TargetRecordSchema,
  TestExportResultSchema,
  exportSettingsProblem,
  isCompletePath,
} from '../../src/core/contract/index.js';
import { PROVIDER_IDS } from '../../src/core/providers/index.js';

const now = '2026-11-29T12:00:00Z';
const record = {
  id: 't1',
  provider: 'jira',
  edition: 'jira-cloud',
  deployment_mode: 'cloud',
  state: 'connected',
  tenant: 'https://acme.atlassian.net',
  auth_method: 'scoped_api_token',
  token_type: 'atlassian_scoped_api_token',
  scopes: ['read:jira-work', 'write:jira-work'],
  has_credentials: true,
  created_at: now,
  updated_at: now,
  history: [{ at: now, event: 'created' }],
};
const jiraSettings = {
  destination: [
    { level: 'project', id: '10000', name: 'Operations' },
    { level: 'issue_type', id: '10001', name: 'Bug' },
  ],
};

test('every provider has a destination path, and only the webhook has none', () => {
  for (const id of PROVIDER_IDS) {
    assert.ok(Array.isArray(DESTINATION_PATHS[id]), id);
    assert.equal(DESTINATION_PATHS[id].length === 0, id === 'webhook', id);
  }
});

test('duplicate handling defaults to update and refuses anything else', () => {
  assert.equal(ExportSettingsSchema.parse(jiraSettings).duplicates, 'update');
  assert.equal(ExportSettingsSchema.parse({ ...jiraSettings, duplicates: 'comment' }).duplicates, 'comment');
  assert.equal(ExportSettingsSchema.safeParse({ ...jiraSettings, duplicates: 'merge' }).success, false);
});

test('a destination path must walk the provider path to its last level', () => {
  assert.equal(isCompletePath('jira', ['project', 'issue_type']), true);
  assert.equal(isCompletePath('jira', ['project']), false);
  assert.equal(isCompletePath('jira', ['issue_type']), false);
  assert.equal(isCompletePath('clickup', ['workspace', 'space', 'folder', 'list']), true);
  assert.equal(isCompletePath('clickup', ['workspace', 'space', 'list']), true, 'a list may sit directly in a space');
  assert.equal(isCompletePath('clickup', ['workspace', 'list']), false);
  assert.equal(isCompletePath('github', ['repository', 'label']), false);
});

test('settings that do not fit the provider name the field at fault', () => {
  const parse = (input: unknown) => ExportSettingsSchema.parse(input);
  assert.equal(exportSettingsProblem('jira', parse(jiraSettings)), undefined);
  assert.equal(exportSettingsProblem('jira', parse({ destination: [jiraSettings.destination[0]] })), 'destination');
  assert.equal(exportSettingsProblem('jira', parse({ ...jiraSettings, labels: ['security'] })), 'labels');
  assert.equal(
    exportSettingsProblem('github', parse({ destination: [{ level: 'repository', id: '1', name: 'acme/api' }], labels: ['security'] })),
    undefined,
  );
  assert.equal(exportSettingsProblem('webhook', parse({ destination: [] })), 'events');
  assert.equal(exportSettingsProblem('webhook', parse({ destination: [], events: ['finding.created'] })), undefined);
  assert.equal(exportSettingsProblem('jira', parse({ ...jiraSettings, events: ['finding.created'] })), 'events');
});

test('webhook events are among the three finding events, at least one', () => {
  assert.equal(ExportSettingsSchema.safeParse({ destination: [], events: [] }).success, false);
  assert.equal(ExportSettingsSchema.safeParse({ destination: [], events: ['finding.deleted'] }).success, false);
  assert.equal(
    ExportSettingsSchema.safeParse({ destination: [], events: ['finding.created', 'finding.updated', 'finding.resolved'] }).success,
    true,
  );
});

test('a list request takes a parent with its level, a cursor and a query', () => {
  const parsed = ListDestinationsRequestSchema.parse({ parent: { level: 'project', id: 'OPS' }, cursor: '50', query: 'bug' });
  assert.deepEqual(parsed.parent, { level: 'project', id: 'OPS' });
  assert.equal(ListDestinationsRequestSchema.safeParse({ level: 'sprint' }).success, false);
  assert.equal(ListDestinationsRequestSchema.safeParse({ parent: { id: 'OPS' } }).success, false);
  assert.equal(ListDestinationsRequestSchema.safeParse({ query: 'x'.repeat(201) }).success, false);
});

test('a destination page carries a null cursor on the last page and an empty reason with an action', () => {
  const page = DestinationPageSchema.parse({
    items: [],
    next_cursor: null,
    empty: {
      reason: 'nothing_accessible',
      message: 'The installation can reach no repository.',
      action: { label: 'Configure the GitHub App', url: 'https://github.com/settings/installations' },
    },
  });
  assert.equal(page.next_cursor, null);
  assert.equal(page.empty?.action?.url, 'https://github.com/settings/installations');
  assert.equal(DestinationPageSchema.safeParse({ items: [] }).success, false, 'next_cursor is required');
  assert.equal(
    DestinationPageSchema.safeParse({ items: [{ id: '1', name: 'x', level: 'project' }], next_cursor: null }).success,
    false,
    'has_children is required',
  );
});

test('a test result holds a ticket link, a delivery, or an error with its action', () => {
  const ticket = TestExportResultSchema.parse({
    status: 'succeeded',
    at: now,
    ticket: { url: 'https://acme.atlassian.net/browse/OPS-12', key: 'OPS-12', title: 'Test ticket' },
  });
  assert.equal(ticket.ticket?.key, 'OPS-12');
  const delivery = TestExportResultSchema.parse({
    status: 'succeeded',
    at: now,
    delivery: { http_status: 204, headers: [{ name: 'webhook-id', value: 'msg_1' }], event: 'export.test' },
  });
  assert.equal(delivery.delivery?.http_status, 204);
  const failed = TestExportResultSchema.parse({
    status: 'failed',
    at: now,
    error: { code: 'RATE_LIMITED', message: 'Too many requests', retry_after: 30 },
  });
  assert.equal(failed.error?.retry_after, 30);
  assert.equal(
    TestExportResultSchema.safeParse({ status: 'failed', at: now, error: { code: 'VALIDATION_FAILED', message: 'x' } }).success,
    false,
    'only the test export codes',
  );
  assert.equal(
    TestExportResultSchema.safeParse({ status: 'succeeded', at: now, ticket: { url: 'javascript:alert(1)', title: 't' } }).success,
    false,
  );
  assert.equal(
    TestExportResultSchema.safeParse({ status: 'succeeded', at: now, delivery: { http_status: 42, headers: [], event: 'e' } }).success,
    false,
  );
});

test('a target record carries its export settings and last test, and stays valid without them', () => {
  assert.equal(TargetRecordSchema.safeParse(record).success, true);
  const parsed = TargetRecordSchema.parse({
    ...record,
    export_settings: { ...jiraSettings, duplicates: 'skip' },
    last_test: { status: 'failed', at: now, error: { code: 'DESTINATION_NOT_WRITABLE', message: 'No Create Issues permission' } },
  });
  assert.equal(parsed.export_settings?.duplicates, 'skip');
  assert.equal(parsed.last_test?.error?.code, 'DESTINATION_NOT_WRITABLE');
  assert.equal(TargetRecordSchema.safeParse({ ...record, export_settings: { destination: 'OPS' } }).success, false);
});

test('the export schemas convert to JSON Schema for the published contract', () => {
  for (const [name, schema] of Object.entries(EXPORT_CONTRACT_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as { type?: string };
    assert.equal(json.type, 'object', name);
  }
});
