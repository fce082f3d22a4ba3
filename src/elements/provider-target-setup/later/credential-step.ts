/** The credential step: the auth method, the credential or grant, the readiness list and Save. */
import { html, nothing, type TemplateResult } from 'lit';
import { canSave, canShowCredentialField, isBusy, limitationWarnings, readiness } from '../../../core/flow/selectors.js';
import type { FlowState } from '../../../core/flow/types.js';
import { isGrantKind, type AuthMethod } from '../../../core/providers/types.js';
import type { PtsEvent } from '../../base/events.js';
import { icon } from '../../base/icons.js';
import { targetName } from '../../base/view.js';
import type { MessageBundle } from '../../messages/lookup.js';
import type { ReadyItem } from '../../readiness/readiness.js';
import { addsInformation } from '../wording.js';
import type { Later } from './later.js';
import { actions, backButton, notice } from './parts.js';

type CredentialPhase = Extract<FlowState, { phase: 'auth' | 'auth-required' | 'saving' }>;

function readyItems(f: FlowState, method: AuthMethod | null): ReadyItem[] {
  return readiness(f).map((item) => ({
    key: item.id,
    status: item.status,
    code: item.reason,
    ...(item.id === 'credential-boundary' && method ? { revoke: method.revoke } : {}),
  }));
}

/** `TARGET_EXISTS`: the saved target holding this place, to open, or to reconnect when it is not connected. */
function existing(later: Later, id: string): TemplateResult {
  const setup = later.setup;
  const say = setup.say;
  const record = setup.targetById(id);
  const reconnect = record ? record.state !== 'connected' : false;
  return notice(
    'warning',
    html`<p>${setup.errorText('TARGET_EXISTS')}</p>
      ${record ? html`<p class="muted">${targetName(record)}</p>` : nothing}`,
    html`<div class="row">
      <button type="button" class="btn small" @click=${() => later.openExisting(id, false)}>${say('root.exists.open')}</button>
      ${reconnect
        ? html`<button type="button" class="btn small primary" @click=${() => later.openExisting(id, true)}>${icon('refresh')}${say('root.exists.reconnect')}</button>`
        : nothing}
    </div>`,
  );
}

export function renderAuth(later: Later, f: CredentialPhase): TemplateResult {
  const setup = later.setup;
  const say = setup.say;
  const host = later.host;
  const { provider, edition } = later.view(f);
  const method = later.viewMethod(edition, f.method);
  const grant = !!method && isGrantKind(method);
  const allowed = f.phase !== 'auth-required' && method !== null && (grant || canShowCredentialField(f));
  const required = f.phase === 'auth-required';
  const stateError = f.phase !== 'saving' && f.error && f.error.code !== 'PROVIDER_AUTH_REQUIRED' ? f.error : null;
  const exists = later.existingTarget ?? '';
  const shown = exists ? null : (later.saveError ?? (stateError ? { code: stateError.code } : null));
  // A lost answer is told by what the list showed, not by the code's general words.
  const outcome = later.saveOutcome ? say(later.saveOutcome === 'absent' ? 'root.saveAbsent' : 'root.saveUnknown') : '';
  const error = outcome ? null : shown;
  const messages: MessageBundle | undefined = required
    ? { ...host.messages, 'auth.locked': say('root.authRequired.locked') }
    : error?.code === 'AUTH_CANCELLED' && later.auth.denied
      ? { ...host.messages, 'error.AUTH_CANCELLED': later.auth.errorText('AUTH_CANCELLED') }
      : host.messages;
  const warnings = limitationWarnings(f);
  const saving = f.phase === 'saving';
  const authorized = f.phase !== 'auth-required' && f.authorization.status === 'completed';
  const ready = canSave(f);
  return html`${f.reconnect ? html`<p class="muted">${icon('refresh')} ${say('root.reconnecting', { target: targetName(f.reconnect) })}</p>` : nothing}
    ${warnings.length ? notice('warning', html`${warnings.map((w) => html`<p>${w.message}</p>`)}`) : nothing}
    ${required && addsInformation(f.error.message, [say('auth.required.title', { provider: provider?.label ?? '' }), f.action?.label ?? ''])
      ? html`<p class="why muted">${f.error.message}</p>`
      : nothing}
    ${exists ? existing(later, exists) : nothing}
    ${outcome ? notice(later.saveOutcome === 'absent' ? 'warning' : 'danger', html`<p>${outcome}</p>`) : nothing}
    ${later.retype ? notice('info', html`<p>${say('root.retypeCredential')}</p>`) : nothing}
    <pts-auth
      .messages=${messages}
      .headingLevel=${later.sub}
      .provider=${provider}
      .edition=${edition}
      .method=${method?.id ?? ''}
      .credentialAllowed=${allowed}
      .authRequired=${required}
      .action=${required ? f.action : null}
      .connecting=${f.phase === 'auth' && f.authorization.status === 'pending'}
      .authorized=${authorized}
      .disabled=${isBusy(f)}
      .hideRevoke=${!required}
      .error=${error}
      .signing=${f.signing ?? ''}
      .fields=${f.credentialFields}
      @pts-auth-method-change=${(e: PtsEvent<'pts-auth-method-change'>) => later.send({ type: 'choose-auth-method', methodId: e.detail.method })}
      @pts-auth-field-change=${(e: PtsEvent<'pts-auth-field-change'>) =>
        later.send({ type: 'credential-field-changed', name: e.detail.name, value: e.detail.value })}
      @pts-auth-credential-change=${(e: PtsEvent<'pts-auth-credential-change'>) => {
        later.saveError = null;
        later.saveOutcome = null;
        if (e.detail.filled) later.retype = false;
        later.send({ type: 'credential-changed', entered: e.detail.filled });
        host.requestUpdate();
      }}
      @pts-auth-signing-change=${(e: PtsEvent<'pts-auth-signing-change'>) => later.send({ type: 'select-signing', signing: e.detail.signing })}
      @pts-auth-connect=${() => later.auth.connect()}
      @pts-auth-submit=${() => later.save()}
    ></pts-auth>
    ${required ? nothing : html`<pts-readiness .messages=${host.messages} .headingLevel=${later.sub} .items=${readyItems(f, method)}></pts-readiness>`}
    ${actions(
      required ? nothing : backButton(later),
      required
        ? html`<button type="button" class="btn primary" @click=${() => later.send({ type: 'retry-auth' })}>${say('root.authRequired.continue')}</button>`
        : html`<button type="button" id="save" class="btn primary" aria-disabled=${saving || !ready ? 'true' : 'false'} @click=${() => later.save()}>
            ${saving ? html`${icon('spinner', 'spin')}${say('root.saving')}` : say('root.save')}
          </button>`,
    )}`;
}
