/** What the demo's backend switch offers: the reference backend or one msw scenario. */
import { blockingLimitation, getEdition } from '../../src/core/providers/index.js';
import {
  DEMO_HOSTS,
  REFUSED_CREDENTIAL_MARK,
  SCENARIO_IDS,
  SCENARIOS,
  SIMULATED_WEBHOOK_SECRET,
  type ScenarioId,
} from '../../src/testing/index.js';

/** Where vite.config.ts mounts the reference backend. */
export const REFERENCE_ENDPOINT = '/api/pts';

export type BackendChoice = 'reference' | ScenarioId;

export function isBackendChoice(value: unknown): value is BackendChoice {
  return value === 'reference' || (typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value));
}

/** Fills a select with the reference backend and every scenario, grouped. */
export function fillBackendSelect(select: HTMLSelectElement, current: BackendChoice): void {
  const reference = new Option('Reference backend (in-process)', 'reference');
  const group = document.createElement('optgroup');
  group.label = 'msw scenarios (in the browser)';
  for (const id of SCENARIO_IDS) group.append(new Option(SCENARIOS[id].label, id));
  select.replaceChildren(reference, group);
  select.value = current;
}

export function describeChoice(choice: BackendChoice): string {
  if (choice === 'reference') {
    const url = (host: string) => `https://${host}`;
    return (
      `The reference backend answers at ${REFERENCE_ENDPOINT}, offline: the real URL check over sample DNS and a simulated provider. ` +
      `Try ${url(DEMO_HOSTS.ready)} (ready), ${url(DEMO_HOSTS.privateNetwork)} (private network), ${url(DEMO_HOSTS.redirect)} (redirect), ` +
      `${url(DEMO_HOSTS.rebinding)} (DNS rebinding) or ${url(DEMO_HOSTS.impostor)} (not the product); ` +
      `a token containing "${REFUSED_CREDENTIAL_MARK}" is refused. After save, the simulated provider lists destinations ` +
      `(GitHub.com: organisation acme) and takes a test ticket; a webhook receiver verifies deliveries signed with ${SIMULATED_WEBHOOK_SECRET}.`
    );
  }
  const { description, preset } = SCENARIOS[choice];
  const edition = preset.provider && preset.edition ? getEdition(preset.provider, preset.edition) : undefined;
  // An edition the catalog blocks stops the flow at Deployment mode: there is no URL to check after it.
  if (edition && blockingLimitation(edition)) return `${description} Try it: choose ${edition.label} at Deployment mode.`;
  const steps = [edition ? `choose ${edition.label}` : '', preset.baseUrl ? `check ${preset.baseUrl}` : ''].filter(Boolean);
  return steps.length ? `${description} Try it: ${steps.join(', then ')}.` : description;
}
