import '../../src/define.js';
import type { ProviderTargetSetupEventMap } from '../../src/elements/provider-target-setup/events.js';
import { DEFAULT_MOCK_ENDPOINT, SCENARIOS, startWorker, type MockWorker } from '../../src/testing/index.js';
import * as rootStories from '../../stories/provider-target-setup.stories.js';
import { composeStories } from '../../stories/support/run.js';
import { describeChoice, fillBackendSelect, isBackendChoice, REFERENCE_ENDPOINT, type BackendChoice } from '../shared/backends.js';
import { fillIcons } from '../shared/icons.js';
import { applyPageOptions } from '../shared/page-options.js';
import { setUpThemeToggle } from '../shared/theme.js';

/** Every public event of the element; the log listens for these on the page, as a host would. */
const EVENTS: ReadonlyArray<keyof ProviderTargetSetupEventMap> = [
  'step-change',
  'target-saved',
  'target-configured',
  'target-blocked',
  'target-revoke-request',
  'target-revoked',
  'fallback-chosen',
];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const mount = $<HTMLDivElement>('mount');
const select = $<HTMLSelectElement>('backend');
const note = $<HTMLSpanElement>('backend-note');
const log = $<HTMLOListElement>('log');
const logEmpty = $<HTMLParagraphElement>('log-empty');
const logCount = $<HTMLSpanElement>('log-count');
const veto = $<HTMLInputElement>('veto-revoke');
const playButton = $<HTMLButtonElement>('play');
const resetButton = $<HTMLButtonElement>('reset');

/** The root stories' play functions walk a fresh element to its scenario's telling state. */
const plays = new Map(
  composeStories(rootStories).flatMap((story) =>
    story.play && typeof story.parameters.scenario === 'string' ? [[story.parameters.scenario, story.play] as const] : [],
  ),
);

fillIcons();
applyPageOptions();
setUpThemeToggle($<HTMLButtonElement>('theme'));

const params = new URLSearchParams(location.search);
const asked = params.get('scenario');
let choice: BackendChoice = isBackendChoice(asked) ? asked : 'reference';
let mock: Promise<MockWorker> | undefined;
let count = 0;

function time(): string {
  return new Date().toLocaleTimeString(undefined, { hour12: false });
}

function record(event: Event): void {
  count += 1;
  const item = document.createElement('li');
  const head = document.createElement('div');
  head.className = 'event-head';
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = event.type;
  const flags = document.createElement('span');
  flags.className = 'flag';
  flags.textContent = [event.cancelable ? 'cancelable' : '', event.defaultPrevented ? 'cancelled by host' : ''].filter(Boolean).join(' · ');
  const at = document.createElement('span');
  at.className = 'time';
  at.textContent = time();
  head.append(type, flags, at);
  const detail = document.createElement('pre');
  // Exactly what a listener gets: the event's own detail, serialised.
  detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
  item.append(head, detail);
  log.prepend(item);
  logEmpty.hidden = true;
  logCount.textContent = `${count} event${count === 1 ? '' : 's'}`;
}

for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    if (name === 'target-revoke-request' && veto.checked) event.preventDefault();
    record(event);
  });
}

$<HTMLButtonElement>('log-clear').addEventListener('click', () => {
  log.replaceChildren();
  count = 0;
  logCount.textContent = '0 events';
  logEmpty.hidden = false;
});

/** A fresh element for the current backend choice, so each scenario starts from its own beginning. */
async function render(): Promise<void> {
  note.textContent = describeChoice(choice);
  const element = document.createElement('provider-target-setup');
  if (choice === 'reference') {
    element.setAttribute('endpoint', REFERENCE_ENDPOINT);
  } else {
    const scenario = choice;
    mock = mock ? mock.then((m) => (m.use(scenario), m)) : startWorker(scenario);
    await mock;
    element.setAttribute('endpoint', DEFAULT_MOCK_ENDPOINT);
    const preset = SCENARIOS[scenario].preset;
    if (preset.provider) element.setAttribute('provider', preset.provider);
    if (preset.targetId) element.setAttribute('target-id', preset.targetId);
  }
  mount.replaceChildren(element);
  playButton.hidden = !plays.has(choice);
}

async function play(): Promise<void> {
  const walk = plays.get(choice);
  if (!walk) return;
  playButton.disabled = true;
  try {
    await walk({ canvasElement: mount });
  } catch (error) {
    // A demo aid, not part of the component: say what went wrong and leave the element as it is.
    const text = `Could not walk to the scenario's state: ${error instanceof Error ? error.message : String(error)}`;
    note.textContent = text;
    document.body.dataset.playError = text;
  } finally {
    playButton.disabled = false;
  }
}
playButton.addEventListener('click', () => void render().then(play));

/** Forgets every target and check (the seed comes back), then starts the element afresh. */
async function reset(): Promise<void> {
  resetButton.disabled = true;
  try {
    if (choice === 'reference') {
      const answer = await fetch(`${REFERENCE_ENDPOINT}/demo/reset`, { method: 'POST' });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    } else {
      // A scenario switched to again starts with a fresh store.
      await mock?.then((m) => m.use(m.scenario));
    }
    await render();
    note.textContent = `Demo data reset. ${describeChoice(choice)}`;
  } catch (error) {
    note.textContent = `Could not reset the demo data: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    resetButton.disabled = false;
  }
}
resetButton.addEventListener('click', () => void reset());

fillBackendSelect(select, choice);
select.addEventListener('change', () => {
  if (!isBackendChoice(select.value)) return;
  choice = select.value;
  const url = new URL(location.href);
  if (choice === 'reference') url.searchParams.delete('scenario');
  else url.searchParams.set('scenario', choice);
  history.replaceState(null, '', url);
  // `?play` walks to the scenario's state on load; `data-ready` tells screenshot tooling when it is there.
void render()
  .then(() => (params.has('play') ? play() : undefined))
  .then(() => (document.body.dataset.ready = 'true'));
});

// `?play` walks to the scenario's state on load; `data-ready` tells screenshot tooling when it is there.
void render()
  .then(() => (params.has('play') ? play() : undefined))
  .then(() => (document.body.dataset.ready = 'true'));
