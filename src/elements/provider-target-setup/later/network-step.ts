/** The network step: a cloud tenant, or ownership, the checked URL and the network path. */
import { html, nothing, type TemplateResult } from 'lit';
import { canShowBaseUrlField } from '../../../core/flow/selectors.js';
import type { FlowState } from '../../../core/flow/types.js';
import type { PtsAllowlistStatus } from '../../allowlist-status/allowlist-status.js';
import type { CheckName } from '../../../core/contract/schemas.js';
import { checkList, checkWords, passedText } from '../../base/check-list.js';
import type { PtsEvent } from '../../base/events.js';
import { icon } from '../../base/icons.js';
import type { PtsTenant } from '../../tenant/tenant.js';
import type { Later } from './later.js';
import { actions, backButton, errorNotice, inlineFallback, primaryButton } from './parts.js';

type NetworkPhase = Extract<FlowState, { phase: 'ownership' | 'base-url' | 'checking' | 'url-blocked' }>;

export function renderTenant(later: Later, f: Extract<FlowState, { phase: 'tenant' }>): TemplateResult {
  const { provider, edition } = later.view(f);
  const submit = (): void => void later.host.renderRoot.querySelector<PtsTenant>('pts-tenant')?.submit();
  return html`<pts-tenant
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .provider=${provider}
      .edition=${edition}
      .value=${f.tenantDraft}
      .confirmed=${f.kept.tenant !== null && f.kept.tenant === f.tenantDraft}
      .error=${f.error && f.error.code !== 'VALIDATION_FAILED' ? { code: f.error.code } : null}
      @pts-tenant-submit=${(e: PtsEvent<'pts-tenant-submit'>) => later.send({ type: 'confirm-tenant', value: e.detail.value })}
    ></pts-tenant>
    ${actions(backButton(later), primaryButton(later.setup.say('root.continue'), submit))}`;
}

export function renderNetwork(later: Later, f: NetworkPhase): TemplateResult {
  const { provider, edition } = later.view(f);
  const url = f.phase === 'url-blocked' ? f.blocked.url : f.urlDraft;
  const ownershipError = f.phase === 'ownership' && f.error ? f.error : null;
  const error = f.phase === 'base-url' ? f.error : null;
  const confirm = (e: PtsEvent<'pts-network-confirm'>): void =>
    void later.send({ type: 'confirm-ownership', ownership: e.detail.ownershipConfirmed, exportAuthorization: e.detail.exportAuthorized });
  // The field is the element's while it is typed in; the flow hears of an edit only when it makes a shown result or error stale.
  const edited = (value: string): void => {
    if (f.phase !== 'base-url' || f.error) later.send({ type: 'edit-base-url', value });
  };
  return html`${ownershipError ? errorNotice(later, ownershipError) : nothing}
    <pts-network-check
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .provider=${provider}
      .edition=${edition}
      .ownershipConfirmed=${f.kept.confirmations.ownership}
      .exportAuthorized=${f.kept.confirmations.exportAuthorization}
      .baseUrl=${url}
      .checking=${f.phase === 'checking'}
      .result=${f.phase === 'url-blocked' ? { status: 'blocked', checks: f.blocked.checks, normalized_url: f.blocked.url } : null}
      .error=${error && error.code !== 'VALIDATION_FAILED' ? { code: error.code } : null}
      .portableExport=${f.env.portableExport === true}
      @pts-network-confirm=${confirm}
      @pts-network-input=${(e: PtsEvent<'pts-network-input'>) => edited(e.detail.baseUrl)}
      @pts-network-run=${(e: PtsEvent<'pts-network-run'>) => canShowBaseUrlField(f) && later.send({ type: 'check-requested', baseUrl: e.detail.baseUrl })}
      @pts-network-fallback=${() => later.chooseFallback()}
      @pts-network-cloud=${() => later.toCloud()}
      @pts-network-edit=${() => later.send({ type: 'edit-base-url', value: url })}
    ></pts-network-check>
    ${actions(backButton(later), nothing)}`;
}

export function renderAllowlist(later: Later, f: Extract<FlowState, { phase: 'allowlist' }>): TemplateResult {
  const setup = later.setup;
  const say = setup.say;
  const { provider } = later.view(f);
  const value = f.allowlistStatus ?? f.kept.allowlistStatus;
  // A refused save is explained above; the group is marked only when nothing is chosen.
  const error = f.error && !value ? { code: f.error.code } : null;
  const submit = (): void => {
    if (!later.host.renderRoot.querySelector<PtsAllowlistStatus>('pts-allowlist-status')?.submit()) {
      setup.announce(setup.errorText('ALLOWLIST_STATUS_MISSING'), true);
    }
  };
  const words = checkWords(say, provider?.label ?? '', f.edition.mode === 'webhook');
  return html`${f.error ? errorNotice(later, f.error, say('root.saveRefused')) : nothing}
    <div class="notice success checked" tabindex="-1" data-autofocus>
      ${icon('checkCircle')}
      <div class="body">
        <p>${passedText(say, f.check.checks, f.check.url)}</p>
        ${f.check.checks.length ? checkList(f.check.checks, words, { compact: true }) : nothing}
        <div class="row">
          <button type="button" class="btn small" @click=${() => later.send({ type: 'edit-base-url', value: f.check.url })}>${say('network.blocked.edit')}</button>
        </div>
      </div>
    </div>
    <pts-allowlist-status
      .messages=${later.host.messages}
      .headingLevel=${later.sub}
      .value=${value}
      .egressAddresses=${f.env.egressAddresses}
      .error=${error}
      @pts-allowlist-submit=${(e: PtsEvent<'pts-allowlist-submit'>) => later.send({ type: 'record-allowlist', status: e.detail.value })}
    ></pts-allowlist-status>
    ${f.allowlistStatus === 'unreachable' ? inlineFallback(later, 'unreachable') : nothing}
    ${actions(backButton(later), primaryButton(say('root.continue'), submit))}`;
}
