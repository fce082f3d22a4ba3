/**
 * The page `scripts/bench-render.mjs` loads: `<provider-target-setup>` with an
 * in-page backend, and a plain Lit element that renders the same provider rows
 * from the same asynchronous status, so both pay the same page costs.
 */
import { html, LitElement } from 'lit';
import { ProviderTargetSetup } from '../../src/define.js';
import type { Backend } from '../../src/client/backend.js';
import type { StatusResponse } from '../../src/core/contract/schemas.js';
import { PROVIDER_SUMMARIES } from '../../src/core/providers/summary.js';
import { sampleStatus } from '../../src/testing/samples.js';

const STATUS: StatusResponse = sampleStatus();
const never = (): Promise<never> => new Promise(() => undefined);

/** Answers `/status` at once (as a resolved promise); nothing else is needed to render the first step. */
const backend: Backend = {
  getStatus: () => Promise.resolve(structuredClone(STATUS)),
  checkUrl: never,
  saveTarget: never,
  getTarget: never,
  revokeTarget: never,
  startAuth: never,
};

/** The same rows without anything of ours: label, modes, a state badge and an Add button per provider. */
class PlainRows extends LitElement {
  static override properties = { status: { state: true } };
  declare status: StatusResponse | null;

  constructor() {
    super();
    this.status = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void backend.getStatus().then((status) => (this.status = status));
  }

  override render() {
    const status = this.status;
    if (!status) return html`<p>Loading…</p>`;
    return html`<ul>
      ${PROVIDER_SUMMARIES.map((p) => {
        const targets = status.targets.filter((t) => t.provider === p.id);
        const modes = [...new Set(p.editions.map((e) => e.mode))];
        return html`<li part="provider">
          <span>${p.label.charAt(0)}</span>
          <div><div>${p.label}</div><div>${modes.map((m) => html`<span>${m}</span>`)}</div></div>
          <span>${targets.length ? `${targets.length} saved` : 'Not connected'}</span>
          <button type="button">Add</button>
          ${targets.length ? html`<ul>${targets.map((t) => html`<li>${t.display_name} <span>${t.state}</span></li>`)}</ul>` : ''}
        </li>`;
      })}
    </ul>`;
  }
}
customElements.define('plain-rows', PlainRows);
// The define entry registers on import; calling it again is a no-op that keeps the import from being dropped.
ProviderTargetSetup.define();

/** A macrotask turn without the 4 ms clamp of nested timers. */
function turn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** Waits until `test()` holds: first through microtasks (where Lit renders), then through macrotask turns. */
async function until(test: () => boolean, limitMs = 5000): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (test()) return;
    await Promise.resolve();
  }
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > limitMs) throw new Error('the condition never held');
    await turn();
  }
}

const host = document.createElement('div');
document.body.append(host);

function rootRows(el: Element): NodeListOf<HTMLElement> | undefined {
  return el.shadowRoot?.querySelector('pts-integration-status')?.shadowRoot?.querySelectorAll<HTMLElement>('[part~=provider]');
}

function plainRows(el: Element): NodeListOf<HTMLElement> | undefined {
  return el.shadowRoot?.querySelectorAll<HTMLElement>('[part~=provider]');
}

/** Mounts one element and waits until its provider rows are there and laid out; returns the milliseconds. */
async function mountOnce(kind: 'root' | 'plain'): Promise<{ ms: number; el: HTMLElement }> {
  const el = document.createElement(kind === 'root' ? 'provider-target-setup' : 'plain-rows');
  if (kind === 'root') (el as HTMLElement & { backend: Backend }).backend = backend;
  const rows = kind === 'root' ? rootRows : plainRows;
  const start = performance.now();
  host.append(el);
  await until(() => (rows(el)?.length ?? 0) === PROVIDER_SUMMARIES.length);
  // Style and layout are part of showing the rows.
  void rows(el)?.[0]?.offsetHeight;
  return { ms: performance.now() - start, el };
}

async function mounts(kind: 'root' | 'plain', runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, el } = await mountOnce(kind);
    times.push(ms);
    el.remove();
    await turn();
  }
  return times;
}

/** Mount and unmount `cycles` times, each time until the rows show. */
async function cycles(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { el } = await mountOnce('root');
    el.remove();
  }
  await turn();
}

function deep(node: Node, selector: string): HTMLElement | null {
  if (node instanceof Element && node.matches(selector)) return node as HTMLElement;
  const kids = [...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []), ...node.childNodes];
  for (const kid of kids) {
    const found = deep(kid, selector);
    if (found) return found;
  }
  return null;
}

/**
 * From a click on Continue at the deployment step (Jira Cloud chosen) to the
 * next step's tenant field, laid out. Every run mounts afresh; modules loaded
 * by an earlier run stay loaded, which is the warm cache the goal speaks of.
 */
async function continueOnce(): Promise<number> {
  const { el } = await mountOnce('root');
  const add = rootRows(el)?.[0]?.querySelector<HTMLButtonElement>('button');
  add?.click();
  await until(() => deep(el, 'input[type=radio][value=jira-cloud]') !== null);
  deep(el, 'input[type=radio][value=jira-cloud]')?.click();
  await turn();
  const continueButton = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~=actions] button') ?? [])].find(
    (b) => b.textContent?.trim() === 'Continue',
  );
  if (!continueButton) throw new Error('no Continue button');
  const start = performance.now();
  continueButton.click();
  await until(() => deep(el, 'input#tenant') !== null);
  void deep(el, 'input#tenant')?.offsetHeight;
  const ms = performance.now() - start;
  el.remove();
  await turn();
  return ms;
}

async function continues(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await continueOnce());
  return times;
}

declare global {
  interface Window {
    bench: { mounts: typeof mounts; cycles: typeof cycles; continues: typeof continues; turn: typeof turn };
  }
}
window.bench = { mounts, cycles, continues, turn };
