/**
 * OAuth and app-install through <provider-target-setup>: the popup, the
 * message from the callback page with its exact origin check, a blocked
 * popup, a popup closed early. `window.open` is stubbed with a real (iframe)
 * window, so `event.source` and `closed` behave as they do for a popup.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { msg, type AuthStartRequest, type Backend, type ProviderTargetSetup } from '../../src/index.js';
import { mockAuthorizationId, mockAuthResultMessage } from '../../src/testing/index.js';
import {
  ENDPOINT,
  button,
  chooseEdition,
  confirmTenant,
  deepActive,
  idle,
  mount,
  mountAtSelfHostedAuth,
  must,
  part,
  phase,
  press,
  scenario,
  settle,
  spyBackend,
  textOf,
  type MountOptions,
} from './provider-target-setup.fixtures.js';

interface Opened {
  url: string;
  name: string;
  features: string;
}

const realOpen = window.open;
let frame: HTMLIFrameElement | undefined;

/** Stubs window.open: returns an iframe's window as the popup, or null (blocked). */
function stubOpen(blocked = false): { opened: Opened[]; popup: () => Window } {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.append(frame);
  const popup = frame.contentWindow!;
  const opened: Opened[] = [];
  window.open = ((url?: string | URL, name?: string, features?: string) => {
    opened.push({ url: String(url), name: name ?? '', features: features ?? '' });
    return blocked ? null : popup;
  }) as typeof window.open;
  return { opened, popup: () => popup };
}

function post(data: unknown, origin: string, source: Window | null): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

function stateOf(opened: Opened): string {
  return new URL(opened.url).searchParams.get('state') ?? '';
}

type Auth = LitElement & { connecting: boolean; authorized: boolean; error: { code: string } | null };

async function chooseMethod(el: ProviderTargetSetup, id: string): Promise<void> {
  must<HTMLInputElement>(part(el, 'pts-auth'), `input[value="${id}"]`).click();
  await settle(el);
}

/** A real popup is another window: focusing it leaves the opener's focused element as it was. An iframe would take it. */
function keepFocusHere(popup: Window): void {
  popup.focus = () => undefined;
}

/** Names an element for focus assertions (comparing elements directly makes failures unreadable). */
function describeNode(node: Element | null): string {
  if (!node) return 'nothing';
  return `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part~=${node.getAttribute('part')}]` : ''} "${(node.textContent ?? '').replace(/\s+/g, ' ').trim()}"`;
}

async function connect(el: ProviderTargetSetup): Promise<void> {
  must<HTMLButtonElement>(part(el, 'pts-auth'), '[part~=connect]').click();
  await settle(el);
}

/** Jira Data Center at the credential step with its OAuth method chosen. */
async function atDcOAuth(options: MountOptions = {}): Promise<ProviderTargetSetup> {
  const el = await mountAtSelfHostedAuth('self-hosted-ready', options);
  await chooseMethod(el, 'oauth2_dc');
  return el;
}

/** Stubs the popup, clicks Connect and waits until the window was asked for. */
async function connectPopup(el: ProviderTargetSetup, { blocked = false, keepFocus = false } = {}): Promise<ReturnType<typeof stubOpen>> {
  const stub = stubOpen(blocked);
  if (keepFocus) keepFocusHere(stub.popup());
  await connect(el);
  await waitUntil(() => stub.opened.length === 1);
  return stub;
}

describe('<provider-target-setup> OAuth and app install', () => {
  afterEach(() => {
    window.open = realOpen;
    frame?.remove();
    frame = undefined;
  });

  it('opens the authorisation URL in a popup and accepts only the exact message', async () => {
    const { backend, calls } = spyBackend();
    const el = await atDcOAuth({ backend });
    const { opened, popup } = await connectPopup(el);
    await settle(el);

    const start = calls.find((c) => c.name === 'startAuth')?.arg as AuthStartRequest;
    expect(start).to.include({ provider: 'jira', edition: 'jira-dc', auth_method: 'oauth2_dc', return_origin: location.origin });
    expect(start.base_url).to.equal('https://jira.example.com');
    expect(start.check_id).to.be.a('string');
    expect(new URL(opened[0]!.url).origin).to.equal(location.origin);
    expect(opened[0]!.features).to.match(/popup=yes/).and.match(/width=\d+/);
    expect(opened[0]!.features).not.to.contain('noopener');
    const auth = part<Auth>(el, 'pts-auth');
    expect(auth.connecting).to.equal(true);
    expect(el.hasCustomState('loading')).to.equal(true);

    const state = stateOf(opened[0]!);
    const good = mockAuthResultMessage(state);
    post(good, 'https://evil.example.com', popup());
    post(good, `${location.origin}.evil.example`, popup());
    post(good, location.origin, window);
    post(good, location.origin, null);
    post({ ...good, state: 'someone-else' }, location.origin, popup());
    post({ ...good, authorization_id: undefined }, location.origin, popup());
    post(JSON.stringify(good), location.origin, popup());
    await settle(el);
    expect(el.state.phase === 'auth' && el.state.authorization.status, 'every one of those is ignored').to.equal('pending');

    post(good, location.origin, popup());
    await settle(el);
    expect(el.state.phase === 'auth' && el.state.authorization).to.deep.equal({
      status: 'completed',
      authorizationId: mockAuthorizationId(state),
    });
    expect(auth.authorized).to.equal(true);
    expect(textOf(auth)).to.contain(msg('auth.connected', { provider: 'Jira' }));

    await press(el, msg('root.save'));
    await phase(el, 'saved');
    const save = calls.find((c) => c.name === 'saveTarget')?.arg as Record<string, unknown>;
    expect(save.authorization_id).to.equal(mockAuthorizationId(state));
    expect(save).not.to.have.property('credential');
  });

  it('sends the confirmed tenant for a cloud grant', async () => {
    await scenario('cloud-ready');
    const { backend, calls } = spyBackend();
    const el = await mount({ backend, provider: 'jira' });
    await chooseEdition(el, 'jira-cloud');
    await confirmTenant(el, 'acme');
    await phase(el, 'auth');
    expect(el.state.phase === 'auth' && el.state.method?.id, 'OAuth is the recommended method').to.equal('oauth2_3lo');
    const { opened, popup } = await connectPopup(el);
    expect(calls.find((c) => c.name === 'startAuth')?.arg).to.deep.equal({
      provider: 'jira',
      edition: 'jira-cloud',
      auth_method: 'oauth2_3lo',
      return_origin: location.origin,
      tenant: 'acme',
    });
    post(mockAuthResultMessage(stateOf(opened[0]!)), location.origin, popup());
    await settle(el);
    expect(el.state.phase === 'auth' && el.state.authorization.status).to.equal('completed');
  });

  it('explains a blocked popup and reopens it on the next click without a new start', async () => {
    const { backend, calls } = spyBackend();
    const el = await atDcOAuth({ backend });
    const blocked = await connectPopup(el, { blocked: true });
    await settle(el);
    const auth = part<Auth>(el, 'pts-auth');
    expect(auth.error?.code).to.equal('AUTH_POPUP_BLOCKED');
    expect(textOf(auth)).to.contain(msg('error.AUTH_POPUP_BLOCKED'));
    expect(el.state.phase === 'auth' && el.state.authorization.status).to.equal('none');
    const firstUrl = blocked.opened[0]!.url;

    const allowed = stubOpen();
    await connect(el);
    expect(allowed.opened.map((o) => o.url), 'opened inside the click').to.deep.equal([firstUrl]);
    expect(calls.filter((c) => c.name === 'startAuth').length).to.equal(1);
    expect(el.state.phase === 'auth' && el.state.authorization.status).to.equal('pending');
    post(mockAuthResultMessage(stateOf(allowed.opened[0]!)), location.origin, allowed.popup());
    await settle(el);
    expect(el.state.phase === 'auth' && el.state.authorization.status).to.equal('completed');
  });

  it('treats a popup closed before the answer as cancelled', async () => {
    const el = await atDcOAuth();
    await connectPopup(el);
    frame!.remove();
    await waitUntil(() => el.state.phase === 'auth' && el.state.authorization.status === 'none', 'still waiting', { timeout: 3000 });
    await settle(el);
    expect(part<Auth>(el, 'pts-auth').error?.code).to.equal('AUTH_CANCELLED');
    expect(textOf(el)).to.contain(msg('error.AUTH_CANCELLED'));
  });

  it('tells a grant denied at the provider apart from a closed window', async () => {
    const el = await atDcOAuth();
    const { opened, popup } = await connectPopup(el);
    post(mockAuthResultMessage(stateOf(opened[0]!), 'denied'), location.origin, popup());
    await settle(el);
    const auth = part<Auth>(el, 'pts-auth');
    expect(auth.error?.code, 'same code as a closed window').to.equal('AUTH_CANCELLED');
    const denied = msg('root.authDenied', { provider: 'Jira' });
    expect(textOf(auth)).to.contain(denied);
    expect(textOf(el)).not.to.contain(msg('error.AUTH_CANCELLED'));
    expect(textOf(el.shadowRoot!.querySelector('[role=alert]')!), 'announced in the same words').to.equal(denied);

    // The next attempt starts clean: a window closed early is told as such again.
    await connectPopup(el);
    expect(textOf(part(el, 'pts-auth'))).not.to.contain(denied);
    frame!.remove();
    await waitUntil(() => el.state.phase === 'auth' && el.state.authorization.status === 'none', 'still waiting', { timeout: 3000 });
    await settle(el);
    expect(textOf(el)).to.contain(msg('error.AUTH_CANCELLED'));
    expect(textOf(el)).not.to.contain(denied);
  });

  it('moves focus to Save once the grant completes, since the Connect button goes away', async () => {
    const el = await atDcOAuth();
    const connectButton = must<HTMLButtonElement>(part(el, 'pts-auth'), '[part~=connect]');
    connectButton.focus();
    const { opened, popup } = await connectPopup(el, { keepFocus: true });
    expect(describeNode(deepActive())).to.equal(describeNode(connectButton));
    post(mockAuthResultMessage(stateOf(opened[0]!)), location.origin, popup());
    await settle(el);
    expect(el.state.phase === 'auth' && el.state.authorization.status).to.equal('completed');
    expect(connectButton.isConnected, 'the button was replaced by the connected notice').to.equal(false);
    expect(describeNode(deepActive())).to.equal(describeNode(button(el, msg('root.save'))));
    expect(deepActive()?.getAttribute('aria-disabled')).to.equal('false');
  });

  it('keeps focus on the Connect button after a denied grant', async () => {
    const el = await atDcOAuth();
    must<HTMLButtonElement>(part(el, 'pts-auth'), '[part~=connect]').focus();
    const { opened, popup } = await connectPopup(el, { keepFocus: true });
    post(mockAuthResultMessage(stateOf(opened[0]!), 'denied'), location.origin, popup());
    await settle(el);
    expect(describeNode(deepActive())).to.equal(describeNode(must<HTMLButtonElement>(part(el, 'pts-auth'), '[part~=connect]')));
  });

  it('stops listening when the step is left', async () => {
    const el = await atDcOAuth();
    const { opened, popup } = await connectPopup(el);
    await press(el, msg('root.back'));
    expect(el.state.phase).to.equal('allowlist');
    post(mockAuthResultMessage(stateOf(opened[0]!)), location.origin, popup());
    await settle(el);
    expect(el.state.phase).to.equal('allowlist');
  });

  it('refuses an authorisation start that is not an http(s) URL with a real origin', async () => {
    const real = spyBackend().backend;
    const backend: Backend = {
      ...real,
      startAuth: async () => ({
        authorization_url: 'javascript:alert(1)',
        state: 'x',
        result_origin: '*',
        expires_at: new Date(Date.now() + 60_000).toISOString(),
      }),
    };
    const el = await atDcOAuth({ backend });
    const { opened } = stubOpen();
    await connect(el);
    await idle(el);
    expect(opened).to.deep.equal([]);
    expect(part<Auth>(el, 'pts-auth').error?.code).to.equal('MALFORMED_RESPONSE');
  });

  it('maps a failing start to a visible error', async () => {
    const el = await atDcOAuth({ endpoint: ENDPOINT });
    await scenario('backend-down');
    const { opened } = stubOpen();
    await connect(el);
    await idle(el);
    expect(opened).to.deep.equal([]);
    expect(part<Auth>(el, 'pts-auth').error?.code).to.equal('BACKEND_UNAVAILABLE');
  });
});
