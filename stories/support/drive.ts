/**
 * Drives a rendered `<provider-target-setup>` the way a customer would (clicks,
 * typing, checkboxes) so a root story can open at its scenario's telling
 * state. Used by the stories' `play` functions: Storybook runs them after
 * rendering, and so do the demo gallery and the stories test.
 */
import type { ProviderTargetSetup } from '../../src/elements/provider-target-setup/index.js';

type Phase = ProviderTargetSetup['state']['phase'];

const TIMEOUT_MS = 8000;

/** Polls until `check` returns something truthy; rejects with `what` (read at that moment) after the timeout. */
export async function until<T>(
  check: () => T | undefined | null | false,
  what: string | (() => string),
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function setupIn(canvas: HTMLElement): ProviderTargetSetup {
  const element = canvas.querySelector('provider-target-setup');
  if (!element) throw new Error('No <provider-target-setup> in the story');
  return element;
}

/** Waits for one of the phases, and for the render that shows it. */
export async function phase(element: ProviderTargetSetup, ...phases: Phase[]): Promise<void> {
  await until(
    () => phases.includes(element.state.phase),
    () => {
      const { phase: now } = element.state;
      const error = 'error' in element.state && element.state.error ? ` with ${element.state.error.code}` : '';
      return `phase ${phases.join(' or ')} (now ${now}${error})`;
    },
  );
  await element.updateComplete;
}

/** The root's shadow root, or a sub-element's inside it. */
function shadowOf(element: ProviderTargetSetup, tag?: string): ShadowRoot {
  const root = element.shadowRoot!;
  if (!tag) return root;
  const sub = root.querySelector(tag);
  if (!sub?.shadowRoot) throw new Error(`<${tag}> is not rendered`);
  return sub.shadowRoot;
}

function click(target: Element | null | undefined, what: string): void {
  if (!(target instanceof HTMLElement)) throw new Error(`Nothing to click: ${what}`);
  target.click();
}

/** Types into an input as a user would: value, then an input event. */
function type(input: Element | null | undefined, text: string, what: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error(`No field: ${what}`);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

function check(input: Element | null | undefined, what: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error(`No checkbox or radio: ${what}`);
  if (!input.checked) input.click();
}

function radio(root: ShadowRoot, value: string): HTMLInputElement | undefined {
  return [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.value === value);
}

function primaryAction(element: ProviderTargetSetup): HTMLElement | null {
  return shadowOf(element).querySelector<HTMLElement>('[part~=actions] .btn.primary');
}

async function settle(element: ProviderTargetSetup): Promise<void> {
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Deployment mode step: picks an edition and continues. */
export async function chooseEdition(element: ProviderTargetSetup, editionId: string, next: Phase[]): Promise<void> {
  await phase(element, 'edition');
  // Status must be in, or the flow does not know yet whether portable export exists.
  await until(() => element.state.env.portableExport !== null, 'the status answer');
  const modes = shadowOf(element, 'pts-deployment-mode');
  check(radio(modes, editionId), `edition ${editionId}`);
  await settle(element);
  click(primaryAction(element), 'Continue');
  await phase(element, ...next);
}

/** Cloud tenant step: types and confirms the tenant, then continues. */
export async function confirmTenant(element: ProviderTargetSetup, value: string): Promise<void> {
  await phase(element, 'tenant');
  const tenant = shadowOf(element, 'pts-tenant');
  type(tenant.querySelector('#tenant'), value, 'tenant');
  check(tenant.querySelector('#confirm'), 'tenant confirmation');
  await settle(element);
  click(primaryAction(element), 'Continue');
  await phase(element, 'auth');
}

/** Self-hosted network step: confirms ownership and authorisation, types the URL and runs the checks. */
export async function runUrlCheck(element: ProviderTargetSetup, baseUrl: string, next: Phase[]): Promise<void> {
  await phase(element, 'ownership', 'base-url');
  let network = shadowOf(element, 'pts-network-check');
  check(network.querySelector('#ownership'), 'ownership');
  check(network.querySelector('#authorisation'), 'export authorisation');
  await settle(element);
  network = shadowOf(element, 'pts-network-check');
  const field = await until(() => network.querySelector('#url'), 'the base URL field');
  type(field, baseUrl, 'base URL');
  await settle(element);
  click(network.querySelector('[part~=run]'), 'Run checks');
  await phase(element, ...next);
}

/** Allowlist step: records how the backend reaches the server and continues. */
export async function chooseAllowlist(element: ProviderTargetSetup, value: string, next: Phase[]): Promise<void> {
  await phase(element, 'allowlist');
  check(radio(shadowOf(element, 'pts-allowlist-status'), value), `allowlist ${value}`);
  await settle(element);
  click(primaryAction(element), 'Continue');
  await phase(element, ...next);
}

/** Auth step: picks a token method when asked, types a placeholder credential and saves. */
export async function saveWithToken(element: ProviderTargetSetup, token: string, next: Phase[], methodId?: string): Promise<void> {
  await phase(element, 'auth');
  if (methodId) {
    check(radio(shadowOf(element, 'pts-auth'), methodId), `auth method ${methodId}`);
    await settle(element);
  }
  const auth = shadowOf(element, 'pts-auth');
  type(await until(() => auth.querySelector('#credential'), 'the credential field'), token, 'credential');
  await settle(element);
  click(primaryAction(element), 'Save');
  await phase(element, ...next);
}

/** Existing target: starts revoking (step 1 of the revoke path). */
export async function startRevoke(element: ProviderTargetSetup): Promise<void> {
  await phase(element, 'existing-target');
  click(shadowOf(element).querySelector('[part~=actions] .btn.danger'), 'Revoke');
  await phase(element, 'revoke-at-provider');
}

/** Provider-specific setup: chooses the first item of every list down the path, with the pointer. */
export async function chooseFirstDestination(element: ProviderTargetSetup): Promise<void> {
  await phase(element, 'export-setup');
  const setup = shadowOf(element, 'pts-export-setup');
  for (let i = 0; i < 6; i++) {
    const open = [...setup.querySelectorAll<HTMLElement & { value: unknown }>('pts-destination-picker')].find((p) => p.id !== 'labels' && !p.value);
    if (!open) return;
    await until(() => !open.matches(':state(loading)'), 'a destination list');
    click(open.shadowRoot?.querySelector('input'), 'the destination list');
    await settle(element);
    click(await until(() => open.shadowRoot?.querySelector('[role=option]'), 'a destination'), 'a destination');
    await settle(element);
  }
}

/** Saves the export settings and waits for the overview. */
export async function saveExportSettings(element: ProviderTargetSetup): Promise<void> {
  click(primaryAction(element), 'Save export settings');
  await phase(element, 'existing-target');
}

/** Overview: runs the test export and waits for its result. */
export async function runTestExport(element: ProviderTargetSetup): Promise<void> {
  await phase(element, 'existing-target');
  click(shadowOf(element).querySelector('#run-test'), 'Send a test ticket');
  await until(() => element.state.phase === 'existing-target' && element.state.target.last_test, 'the test result');
  await settle(element);
}

/** Opens the first destination list, to show it. */
export async function openDestinationList(element: ProviderTargetSetup): Promise<void> {
  await phase(element, 'export-setup');
  const picker = await until(() => shadowOf(element, 'pts-export-setup').querySelector<HTMLElement>('pts-destination-picker'), 'a destination list');
  await until(() => !picker.matches(':state(loading)'), 'its first page');
  click(picker.shadowRoot?.querySelector('input'), 'the destination list');
  await settle(element);
}
