/**
 * Shared fixtures for the `<provider-target-setup>` tests: mounting against the
 * msw worker, deep (shadow-piercing) queries, and drivers that walk the flow
 * through the real sub-elements' controls.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LitElement } from 'lit';
import '../../src/define.js';
import { createHttpBackend, type Backend } from '../../src/client/index.js';
import type { FlowState } from '../../src/core/flow/index.js';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import { KIT_SAVES } from '../support/kit-saves.js';
import { getProvider, type ProviderId } from '../../src/core/providers/index.js';
import { DEFAULT_MOCK_ENDPOINT, SIMULATED_WEBHOOK_SECRET, startWorker, type MockWorker, type ScenarioId, type WorkerOptions } from '../../src/testing/index.js';

export const ENDPOINT = DEFAULT_MOCK_ENDPOINT;
/** 44 characters of the Jira DC PAT alphabet, so no soft warning fires. */
export const JIRA_PAT = 'CanaryJiraPat0123456789abcdefghijklmnopqrstu';
export const GITHUB_PAT = 'github_pat_canary0123456789ABCDEFGHIJ_secret';

let worker: Promise<MockWorker> | undefined;

/** Starts (once per page) or switches the msw worker to a scenario with a fresh store. */
export async function scenario(id: ScenarioId, options: Omit<WorkerOptions, 'serviceWorkerUrl'> = {}): Promise<MockWorker> {
  worker ??= startWorker(id, options);
  const mock = await worker;
  mock.use(id, Object.keys(options).length ? options : undefined);
  return mock;
}

export interface MountOptions {
  provider?: string;
  targetId?: string;
  lang?: string;
  backend?: Backend;
  endpoint?: string | null;
  /** `external`: the flow ends at save. */
  exportSetup?: string;
  /** Wait until `/status` has answered (default true). */
  settle?: boolean;
}

export async function mount(options: MountOptions = {}): Promise<ProviderTargetSetup> {
  const endpoint = options.endpoint === null ? undefined : (options.endpoint ?? ENDPOINT);
  const el = await fixture<ProviderTargetSetup>(html`<provider-target-setup
    endpoint=${ifDefined(endpoint)}
    provider=${ifDefined(options.provider)}
    target-id=${ifDefined(options.targetId)}
    lang=${ifDefined(options.lang)}
    export-setup=${ifDefined(options.exportSetup)}
    .backend=${options.backend}
  ></provider-target-setup>`);
  if (options.settle !== false) await idle(el);
  return el;
}

/** Every shadow root and the document under `node`, depth first. */
export function roots(node: Node = document): Array<Document | ShadowRoot | Element> {
  const out: Array<Document | ShadowRoot | Element> = [];
  const walk = (n: Node): void => {
    if (n instanceof Document || n instanceof ShadowRoot) out.push(n);
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out;
}

/** `querySelectorAll` across every open shadow root under `node`. */
export function deepAll<T extends Element = HTMLElement>(node: Node, selector: string): T[] {
  const out: T[] = [];
  const walk = (n: Node): void => {
    if (n instanceof Element) {
      if (n.matches(selector)) out.push(n as T);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out;
}

export function deep<T extends Element = HTMLElement>(node: Node, selector: string): T | null {
  return deepAll<T>(node, selector)[0] ?? null;
}

export function must<T extends Element = HTMLElement>(node: Node, selector: string): T {
  const found = deep<T>(node, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The sub-element of the root with this tag. */
export function part<T extends LitElement>(el: ProviderTargetSetup, tag: string): T {
  const found = el.shadowRoot?.querySelector<T>(tag);
  if (!found) throw new Error(`no <${tag}> rendered in phase ${el.state.phase}`);
  return found;
}

/** The innermost focused element, following shadow roots down. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function describeFocus(): string {
  const a = deepActive();
  if (!a) return '(nothing)';
  const label = a.getAttribute('aria-label') ?? a.getAttribute('value') ?? a.id ?? '';
  return `${a.localName}${a.id ? `#${a.id}` : ''} ${label} ${(a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}`;
}

/** Presses Tab until focus satisfies `test`; fails after `max` presses. */
export async function tabTo(test: (el: Element) => boolean, what: string, max = 25): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && test(active)) return active;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${describeFocus()}`);
}

/** Text of the root and its sub-elements, whitespace collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits for every element in the tree to finish updating (updates can cascade down). */
export async function settle(el: Element): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const elements = [el, ...deepAll(el, '*')].filter((e): e is LitElement => 'updateComplete' in e);
    const done = await Promise.all(elements.map((e) => e.updateComplete));
    if (done.every(Boolean) && elements.every((e) => !e.isUpdatePending)) break;
  }
  await nextFrame();
}

/** Waits until no backend call is in flight and the tree has rendered. */
export async function idle(el: ProviderTargetSetup): Promise<void> {
  try {
    await waitUntil(() => !el.hasCustomState('loading'), '', { timeout: 5000, interval: 10 });
  } catch {
    throw new Error(`still loading in phase ${el.state.phase}`);
  }
  await settle(el);
}

export async function phase(el: ProviderTargetSetup, wanted: FlowState['phase']): Promise<void> {
  try {
    await waitUntil(() => el.state.phase === wanted, '', { timeout: 5000, interval: 10 });
  } catch {
    const error = 'error' in el.state && el.state.error ? ` (${el.state.error.code})` : '';
    throw new Error(`expected phase ${wanted}, still ${el.state.phase}${error}`);
  }
  await settle(el);
}

export function typeInto(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function tick(input: HTMLInputElement, checked = true): void {
  if (input.checked !== checked) input.click();
}

/** A button in the root or any sub-element whose text (or aria-label) contains `label`. */
export function button(el: Element, label: string): HTMLButtonElement {
  const found = deepAll<HTMLButtonElement>(el, 'button').find((b) =>
    `${b.getAttribute('aria-label') ?? ''} ${b.textContent ?? ''}`.replace(/\s+/g, ' ').includes(label),
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

export async function press(el: ProviderTargetSetup, label: string): Promise<void> {
  button(el, label).click();
  await settle(el);
}

// ---------------------------------------------------------------- flow drivers

export async function addProvider(el: ProviderTargetSetup, providerLabel: string): Promise<void> {
  await press(el, msg('status.addLabel', { provider: providerLabel }));
  // The provider's detail and the later steps may still be loading.
  await phase(el, 'edition');
}

export async function chooseEdition(el: ProviderTargetSetup, editionId: string): Promise<void> {
  must<HTMLInputElement>(part(el, 'pts-deployment-mode'), `input[type=radio][value="${editionId}"]`).click();
  await settle(el);
  await press(el, msg('root.continue'));
}

export async function confirmTenant(el: ProviderTargetSetup, value: string): Promise<void> {
  const tenant = part(el, 'pts-tenant');
  typeInto(must<HTMLInputElement>(tenant, '#tenant'), value);
  tick(must<HTMLInputElement>(tenant, '#confirm'));
  await settle(el);
  await press(el, msg('root.continue'));
}

export async function confirmOwnership(el: ProviderTargetSetup): Promise<void> {
  const net = part(el, 'pts-network-check');
  tick(must<HTMLInputElement>(net, '#ownership'));
  tick(must<HTMLInputElement>(net, '#authorisation'));
  await settle(el);
}

export async function runCheck(el: ProviderTargetSetup, url: string): Promise<void> {
  const net = part(el, 'pts-network-check');
  typeInto(must<HTMLInputElement>(net, '#url'), url);
  await settle(el);
  must<HTMLButtonElement>(net, 'button[part~=run]').click();
  await settle(el);
}

export async function chooseAllowlist(el: ProviderTargetSetup, status: string): Promise<void> {
  must<HTMLInputElement>(part(el, 'pts-allowlist-status'), `input[type=radio][value="${status}"]`).click();
  await settle(el);
  await press(el, msg('root.continue'));
}

export function credentialInput(el: Element): HTMLInputElement | null {
  return deep<HTMLInputElement>(el, 'input#credential');
}

export async function enterCredential(el: ProviderTargetSetup, value: string): Promise<void> {
  const input = credentialInput(el);
  if (!input) throw new Error(`no credential field in phase ${el.state.phase}`);
  typeInto(input, value);
  await settle(el);
}

/** Jira Data Center up to the credential step: ownership, a checked URL, a network path. */
export async function selfHostedToAuth(el: ProviderTargetSetup, url = 'https://jira.example.com', allowlist = 'tunnel'): Promise<void> {
  await addProvider(el, 'Jira');
  await chooseEdition(el, 'jira-dc');
  await confirmOwnership(el);
  await runCheck(el, url);
  await phase(el, 'allowlist');
  await chooseAllowlist(el, allowlist);
  await phase(el, 'auth');
}

/** Switches to scenario `id`, mounts the root and walks Jira Data Center up to the credential step. */
export async function mountAtSelfHostedAuth(id: ScenarioId = 'self-hosted-ready', options: MountOptions = {}): Promise<ProviderTargetSetup> {
  await scenario(id);
  const el = await mount(options);
  await selfHostedToAuth(el);
  return el;
}

/** GitHub.com up to the credential step with the fine-grained token method. */
export async function cloudToAuth(el: ProviderTargetSetup, tenant = 'acme'): Promise<void> {
  await addProvider(el, 'GitHub');
  await chooseEdition(el, 'github-com');
  await confirmTenant(el, tenant);
  await phase(el, 'auth');
  must<HTMLInputElement>(part(el, 'pts-auth'), 'input[type=radio][value="fine_grained_pat"]').click();
  await settle(el);
}

/** A Backend that records every call (name and argument) and forwards to the msw endpoint. */
export function spyBackend(endpoint = ENDPOINT): { backend: Backend; calls: Array<{ name: string; arg: unknown }> } {
  const real = createHttpBackend({ endpoint });
  const calls: Array<{ name: string; arg: unknown }> = [];
  const backend: Backend = {
    getStatus: (o) => (calls.push({ name: 'getStatus', arg: undefined }), real.getStatus(o)),
    checkUrl: (r, o) => (calls.push({ name: 'checkUrl', arg: r }), real.checkUrl(r, o)),
    saveTarget: (r, o) => (calls.push({ name: 'saveTarget', arg: r }), real.saveTarget(r, o)),
    getTarget: (id, o) => (calls.push({ name: 'getTarget', arg: id }), real.getTarget(id, o)),
    revokeTarget: (id, r, o) => (calls.push({ name: 'revokeTarget', arg: id }), real.revokeTarget(id, r, o)),
    startAuth: (r, o) => (calls.push({ name: 'startAuth', arg: r }), real.startAuth(r, o)),
  };
  return { backend, calls };
}

export interface RecordedRequest {
  readonly method: string;
  /** The path below the endpoint. */
  readonly path: string;
  readonly body: unknown;
}

/** The HTTP backend over the msw endpoint, recording every request it sends (method, path, JSON body). */
export function recordingBackend(endpoint = ENDPOINT): { backend: Backend; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(String(input), location.href);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method: init?.method ?? 'GET', path: url.pathname.slice(new URL(endpoint, location.href).pathname.length), body });
    return fetch(input, init);
  };
  return { backend: createHttpBackend({ endpoint, fetch: recording }), requests };
}

/** Records the named events that reach `window`; call `stop()` when done. */
export function listen(...names: string[]): { seen: Array<Event & { detail?: unknown }>; stop: () => void } {
  const seen: Array<Event & { detail?: unknown }> = [];
  const handler = (e: Event): void => void seen.push(e);
  for (const name of names) window.addEventListener(name, handler);
  return { seen, stop: () => names.forEach((name) => window.removeEventListener(name, handler)) };
}

export const PUBLIC_EVENTS = ['target-saved', 'target-configured', 'target-blocked', 'target-revoked', 'target-revoke-request', 'step-change', 'fallback-chosen'];

/** The token the kit's simulated providers accept, typed where a credential is asked for. */
export const TOKEN = 'kit-token-0123456789abcdef';

/** Saves a target of `provider` through the element, up to its provider-specific setup. */
export async function saveThroughUi(el: ProviderTargetSetup, provider: ProviderId): Promise<void> {
  await addProvider(el, getProvider(provider)!.label);
  if (provider === 'webhook') {
    await chooseEdition(el, 'webhook');
    await confirmOwnership(el);
    await runCheck(el, 'https://hooks.example.com/in');
    await phase(el, 'allowlist');
    await chooseAllowlist(el, 'direct');
    await phase(el, 'auth');
    await enterCredential(el, SIMULATED_WEBHOOK_SECRET);
    // A signing secret counts only once the customer says it is stored.
    const auth = part(el, 'pts-auth');
    must<HTMLInputElement>(auth, '#stored').click();
    await settle(el);
  } else {
    const save = KIT_SAVES[provider];
    await chooseEdition(el, save.edition);
    await confirmTenant(el, save.tenant);
    await phase(el, 'auth');
    const auth = part(el, 'pts-auth');
    // With one method there is nothing to choose.
    deep<HTMLInputElement>(auth, `input[type=radio][value="${save.auth_method}"]`)?.click();
    await settle(el);
    expect(el.state.phase === 'auth' && el.state.method?.id).to.equal(save.auth_method);
    for (const [name, value] of Object.entries('credential_fields' in save ? save.credential_fields : {})) {
      typeInto(must<HTMLInputElement>(auth, `#field-${name}`), value);
    }
    await enterCredential(el, TOKEN);
  }
  await press(el, msg('root.save'));
  await phase(el, 'export-setup');
}
