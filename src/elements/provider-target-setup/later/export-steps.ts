/**
 * After save, on the same record: the provider-specific setup (where tickets
 * go, duplicate handling, webhook events) and the ticket export overview with
 * its test export, readiness, edit and revoke.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ExportSettings, TestExportResult } from '../../../core/contract/export.js';
import { WEBHOOK_TEST_EVENT } from '../../../core/contract/export-vocabulary.js';
import type { TargetRecord } from '../../../core/contract/schemas.js';
import { readiness } from '../../../core/flow/selectors.js';
import type { FlowState } from '../../../core/flow/types.js';
import type { PtsEvent } from '../../base/events.js';
import { icon } from '../../base/icons.js';
import { externalLink } from '../../base/links.js';
import { targetName } from '../../base/view.js';
import type { PtsExportSetup } from '../../export-setup/export-setup.js';
import { formatDate } from '../../messages/index.js';
import type { ExtraReadyItem, ReadyItem } from '../../readiness/readiness.js';
import type { Later } from './later.js';
import { actions, backButton, errorNotice, notice } from './parts.js';

type SetupPhase = Extract<FlowState, { phase: 'export-setup' | 'export-saving' }>;
type OverviewPhase = Extract<FlowState, { phase: 'existing-target' | 'testing' }>;

export function renderExportSetup(later: Later, f: SetupPhase): TemplateResult {
  const say = later.setup.say;
  const { provider } = later.view(f);
  const saving = f.phase === 'export-saving';
  const submit = (): void => void later.host.renderRoot.querySelector<PtsExportSetup>('pts-export-setup')?.submit();
  return html`${f.afterSave
      ? html`<div class="notice success" tabindex="-1" data-autofocus>
          ${icon('checkCircle')}
          <div class="body"><p><strong>${say('export.afterSave', { target: targetName(f.target) })}</strong></p></div>
        </div>`
      : nothing}
    ${f.phase === 'export-setup' && f.error ? errorNotice(later, f.error) : nothing}
    <pts-export-setup
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .target=${f.target}
      .providerLabel=${provider?.label ?? f.target.provider}
      .loader=${later.calls.destinations(f.target.id)}
      .busy=${saving}
      @pts-export-save=${(e: PtsEvent<'pts-export-save'>) => later.send({ type: 'export-settings-requested', settings: e.detail.settings })}
    ></pts-export-setup>
    ${actions(
      backButton(later, say('root.back')),
      html`<button type="button" class="btn primary" id="save-export" aria-disabled=${saving ? 'true' : 'false'} @click=${submit}>
        ${saving ? html`${icon('spinner', 'spin')}${say('export.saving')}` : say('export.save')}
      </button>`,
    )}`;
}

// ---------------------------------------------------------------- overview

function destinationText(settings: ExportSettings): string {
  return settings.destination.map((s) => s.name).join(' › ');
}

function settingsList(later: Later, t: TargetRecord): TemplateResult {
  const say = later.setup.say;
  const s = t.export_settings;
  if (!s) return html`<p class="muted">${say('overview.notConfigured')}</p>`;
  const webhook = t.provider === 'webhook';
  return html`<dl class="settings" part="export-settings">
    ${webhook
      ? html`<dt>${say('overview.events')}</dt>
          <dd>${(s.events ?? []).map((e) => say(`export.event.${e}`)).join(', ')}</dd>`
      : html`<dt>${say('overview.destination')}</dt>
          <dd>${destinationText(s)}</dd>
          ${s.labels?.length ? html`<dt>${say('overview.labels')}</dt><dd>${s.labels.join(', ')}</dd>` : nothing}
          <dt>${say('overview.duplicates')}</dt>
          <dd><strong>${say(`export.duplicates.${s.duplicates}`)}</strong> ${say(`export.duplicates.${s.duplicates}.help`)}</dd>`}
  </dl>`;
}

/** One test export's outcome: the ticket, what the webhook receiver got, or why it failed and what to do. */
export function testResult(later: Later, r: TestExportResult): TemplateResult {
  const setup = later.setup;
  const say = setup.say;
  const when = say('test.at', { date: formatDate(new Date(r.at), later.host.resolvedLang) });
  const delivery = r.delivery;
  const headers = delivery?.headers.length
    ? html`<details class="headers">
        <summary>${say('test.headers')}</summary>
        <table>
          <thead><tr><th scope="col">${say('test.header')}</th><th scope="col">${say('test.value')}</th></tr></thead>
          <tbody>${delivery.headers.map((h) => html`<tr><th scope="row"><code>${h.name}</code></th><td><code>${h.value}</code></td></tr>`)}</tbody>
        </table>
      </details>`
    : nothing;
  const status = delivery ? html`<p>${say('test.status', { status: delivery.http_status })}</p>` : nothing;
  if (r.status === 'succeeded') {
    const ticket = r.ticket;
    return notice(
      'success',
      html`<p><strong>${say(delivery ? 'test.delivered' : 'test.succeeded')}</strong> <span class="muted">${when}</span></p>`,
      html`${ticket
        ? html`<p>${externalLink(ticket.key ? say('test.open', { ticket: ticket.key }) : say('test.openTicket'), ticket.url, say('common.newTab'))}</p>`
        : nothing}${status}${headers}`,
    );
  }
  const error = r.error;
  const action = error?.action;
  return html`<div class="test-failed">
    ${notice(
      'danger',
      html`<p><strong>${say('test.failed')}</strong> <span class="muted">${when}</span></p>
        ${error ? html`<p>${say(`test.error.${error.code}`)}</p>` : nothing}`,
      html`${error?.message ? html`<p class="muted">${error.message}</p>` : nothing}
      ${action ? html`<p><strong>${action.url ? externalLink(action.label, action.url, say('common.newTab')) : action.label}</strong></p>` : nothing}
      ${error?.retry_after !== undefined ? html`<p>${say('test.retryAfter', { seconds: Math.ceil(error.retry_after) })}</p>` : nothing}
      ${status}${headers}
      ${error?.code === 'PROVIDER_AUTH_REQUIRED'
        ? html`<div class="row"><button type="button" class="btn small" @click=${() => later.reconnectAfterTest()}>${icon('refresh')}${say('status.reconnect')}</button></div>`
        : nothing}`,
    )}
  </div>`;
}

/** The five ready states of the record; where to revoke is on the card above, said once. */
function readyItems(f: OverviewPhase): ReadyItem[] {
  return readiness(f).map((item) => ({ key: item.id, status: item.status, code: item.reason }));
}

/** Destination and test, two more rows of the checklist. */
function exportReady(later: Later, t: TargetRecord): ExtraReadyItem[] {
  const say = later.setup.say;
  const configured = !!t.export_settings;
  const test = t.last_test;
  return [
    {
      name: say('overview.ready.destination'),
      status: configured ? 'ready' : 'not-ready',
      reason: say(configured ? 'overview.ready.destination.ready' : 'overview.ready.destination.not-ready'),
    },
    {
      name: say('overview.ready.test'),
      status: test?.status === 'succeeded' ? 'ready' : 'not-ready',
      reason: say(test?.status === 'succeeded' ? 'overview.ready.test.ready' : test ? 'overview.ready.test.failed' : 'overview.ready.test.not-ready'),
    },
  ];
}

export function renderOverview(later: Later, f: OverviewPhase): TemplateResult {
  const setup = later.setup;
  const say = setup.say;
  const host = later.host;
  const t = f.target;
  const { provider, edition } = later.view(f);
  const testing = f.phase === 'testing';
  const canTest = later.testEnabled;
  const webhook = t.provider === 'webhook';
  const heading = (text: string, id: string): TemplateResult =>
    html`<div role="heading" aria-level=${later.sub} class="section-title" id=${id}>${text}</div>`;
  const runLabel = testing ? say('overview.test.running') : t.last_test ? say('overview.test.again') : say(webhook ? 'overview.test.runWebhook' : 'overview.test.run');
  return html`<pts-target-card
      .messages=${host.messages}
      .headingLevel=${later.sub}
      .target=${t}
      .provider=${provider}
      .edition=${edition}
      .method=${later.viewMethod(edition, f.method)}
      .showRevoke=${true}
    ></pts-target-card>
    <section class="card overview-section" part="export" aria-labelledby="export-title">
      ${heading(say('overview.export'), 'export-title')}
      ${settingsList(later, t)}
      <div class="row">
        <button type="button" class="btn small" id="edit-export" ?disabled=${testing} @click=${() => later.send({ type: 'configure-export' })}>
          ${say(t.export_settings ? 'overview.edit' : 'overview.configure')}
        </button>
      </div>
    </section>
    <section class="card overview-section" part="test" aria-labelledby="test-title">
      ${heading(say('overview.test'), 'test-title')}
      ${canTest
        ? html`<p class="muted">${webhook ? say('overview.test.helpWebhook', { event: WEBHOOK_TEST_EVENT }) : say('overview.test.help')}</p>`
        : html`<p class="muted">${say('overview.test.unavailable')}</p>`}
      ${later.testError ? errorNotice(later, later.testError) : nothing}
      ${t.last_test ? testResult(later, t.last_test) : html`<p>${say('overview.test.none')}</p>`}
      ${canTest
        ? html`<div class="row">
            <button
              type="button"
              class="btn ${t.export_settings ? 'primary' : ''}"
              id="run-test"
              aria-disabled=${testing || !t.export_settings ? 'true' : 'false'}
              aria-describedby=${t.export_settings ? nothing : 'test-needs'}
              @click=${() => later.runTest()}
            >
              ${testing ? icon('spinner', 'spin') : nothing}${runLabel}
            </button>
            ${t.export_settings ? nothing : html`<span class="muted" id="test-needs">${say('overview.test.needsSettings')}</span>`}
          </div>`
        : nothing}
    </section>
    <pts-readiness .messages=${host.messages} .headingLevel=${later.sub} .label=${say('overview.ready')} .items=${readyItems(f)} .extras=${exportReady(later, t)}></pts-readiness>
    ${actions(
      backButton(later, say('root.backToTargets')),
      html`<button type="button" class="btn danger" ?disabled=${testing} @click=${() => later.send({ type: 'revoke-started' })}>
        ${icon('unlink')}${say('status.revoke')}
      </button>`,
    )}`;
}
