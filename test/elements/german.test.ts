/**
 * German, as a customer sees it: every step rendered with lang="de", and no
 * English left other than product names, code identifiers, the provider's own
 * permission names and menu paths (which name what the provider's interface
 * shows).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { ProviderTargetSetup } from '../../src/index.js';
import { PROVIDERS } from '../../src/core/providers/index.js';
import { catalogTexts } from '../../src/core/providers/text.js';
import { en } from '../../src/elements/messages/en.js';
import { loadGerman } from '../../src/locales/de.js';
import { deCatalog } from '../../src/locales/de/catalog.js';
import { deMessages } from '../../src/locales/de/messages.js';
import { SAMPLE_TARGET_IDS } from '../../src/testing/index.js';
import { deep, idle, mount, must, part, phase, scenario, settle, typeInto } from './provider-target-setup.fixtures.js';

/** Words that only English text has; a German sentence never needs them. */
const ENGLISH = /\b(the|and|or|to|your|you|is|are|of|for|with|this|that|not|no|yes|step|steps|add|continue|back|save|cancel|connect|check|checks|run|ready|target|targets|network|address|choose|enter|copy|show|hide|loading|passed|failed|skipped|blocked|revoke|confirm|before|after|what|how|where|which|why|more|help)\b/i;

/** Names a German text keeps as they are: products, editions, and the provider's permission and role names. */
const KEPT = [
  ...PROVIDERS.flatMap((p) => [p.label, ...p.editions.map((e) => e.label)]),
  'Issues: Read and write',
  'Work Items: Read & write',
  'Work Items (Read & write)',
  'Read and Write',
  'Read and Create issues',
  'Browse Projects',
  'Create Issues',
  'Edit Issues',
  'YouTrack Administration',
].sort((a, b) => b.length - a.length);

/** Every text a customer can read or hear under `node`: text nodes and accessible names, without code and links. */
function readable(node: Node, out: string[] = []): string[] {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (!parent?.closest('code, a, style')) out.push(node.textContent ?? '');
  }
  if (node instanceof Element) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = node.getAttribute(name);
      if (value) out.push(value);
    }
    if (node.shadowRoot) readable(node.shadowRoot, out);
  }
  for (const child of node.childNodes) readable(child, out);
  return out;
}

/** Sentences that still read as English once kept names are taken out. */
function english(el: Element): string[] {
  return readable(el)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((t) => KEPT.reduce((s, k) => s.split(k).join(' '), t))
    // Menu paths of provider pages (Profile → Personal Access Tokens) name what the provider's interface shows.
    .filter((t) => !t.includes('→'))
    .filter((t) => ENGLISH.test(t));
}

const de = { ...deMessages } as Record<string, string>;
const say = (key: keyof typeof deMessages, params: Record<string, string> = {}) =>
  de[key]!.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

function pressDe(el: ProviderTargetSetup, label: string): void {
  const button = [...new Set([el, ...deepAllButtons(el)])].find(
    (b) => b instanceof HTMLButtonElement && `${b.getAttribute('aria-label') ?? ''} ${b.textContent ?? ''}`.replace(/\s+/g, ' ').includes(label),
  ) as HTMLButtonElement | undefined;
  if (!button) throw new Error(`no button "${label}"`);
  button.click();
}

function deepAllButtons(node: Node): HTMLButtonElement[] {
  const found: HTMLButtonElement[] = [];
  const walk = (n: Node): void => {
    if (n instanceof HTMLButtonElement) found.push(n);
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return found;
}

/** From the status list to a typed, confirmed Jira Data Center URL, pressing the German buttons. */
async function toJiraUrl(el: ProviderTargetSetup, seen?: Record<string, string[]>): Promise<LitElement> {
  pressDe(el, say('status.addLabel', { provider: 'Jira' }));
  await phase(el, 'edition');
  must<HTMLInputElement>(part(el, 'pts-deployment-mode'), 'input[type=radio][value="jira-dc"]').click();
  await settle(el);
  if (seen) seen.deployment = english(el);
  pressDe(el, say('root.continue'));
  await settle(el);
  const net = part(el, 'pts-network-check');
  must<HTMLInputElement>(net, '#ownership').click();
  must<HTMLInputElement>(net, '#authorisation').click();
  await settle(el);
  typeInto(must<HTMLInputElement>(net, '#url'), 'https://jira.example.com');
  await settle(el);
  return net;
}

describe('German on demand', () => {
  it('is fetched the first time an element renders with lang="de", then replaces the English', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ lang: 'de' });
    const path = part(el, 'pts-step-path');
    await waitUntil(() => path.shadowRoot!.textContent!.includes('Integrationsstatus'), 'German arrives', { timeout: 5000 });
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain(deMessages['root.title']);
  });
});

describe('German (lang="de")', () => {
  before(async () => {
    await loadGerman();
    await scenario('self-hosted-ready');
  });

  it('has German for every message and every provider catalog text a customer reads', () => {
    expect(Object.keys(deMessages).sort()).to.deep.equal(Object.keys(en).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en)) expect(params(de[key]!), key).to.deep.equal(params(text));
    const missing = PROVIDERS.flatMap((p) => catalogTexts(p))
      .filter(([key, text]) => !(key in deCatalog) && !text.includes('→') && !(key.endsWith('.placeholder') && !/your/.test(text)))
      .filter(([key]) => !/^(provider\.[^.]+|edition\.[^.]+)\.label$/.test(key) || key.startsWith('provider.webhook') || key.startsWith('edition.webhook'))
      .map(([key]) => key);
    expect(missing).to.deep.equal([]);
  });

  it('shows every step of a self-hosted Jira setup in German', async () => {
    const el = await mount({ lang: 'de' });
    const seen: Record<string, string[]> = {};
    seen.status = english(el);
    expect(part(el, 'pts-step-path').shadowRoot!.textContent).to.contain('Integrationsstatus');

    const net = await toJiraUrl(el, seen);
    seen.network = english(el);
    must<HTMLButtonElement>(net, 'button[part~=run]').click();
    await phase(el, 'allowlist');
    await idle(el);
    seen.allowlist = english(el);
    must<HTMLInputElement>(part(el, 'pts-allowlist-status'), 'input[type=radio][value="tunnel"]').click();
    await settle(el);
    pressDe(el, say('root.continue'));
    await phase(el, 'auth');
    await idle(el);
    seen.auth = english(el);
    expect(deep(el, 'pts-readiness')).to.exist;

    expect(seen).to.deep.equal({ status: [], deployment: [], network: [], allowlist: [], auth: [] });
  });

  it('shows the blocked panel in German, without the backend’s English details', async () => {
    await scenario('url-blocked-private-network');
    const el = await mount({ lang: 'de-AT' });
    const net = await toJiraUrl(el);
    must<HTMLButtonElement>(net, 'button[part~=run]').click();
    await waitUntil(() => net.shadowRoot!.textContent!.includes(deMessages['network.blocked.title']), 'blocked panel', { timeout: 5000 });
    await settle(el);
    expect(english(el)).to.deep.equal([]);
  });

  it('shows the cloud tenant step, a saved target and the revoke steps in German', async () => {
    await scenario('revoke');
    const el = await mount({ lang: 'de', targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await phase(el, 'existing-target');
    await idle(el);
    const seen: Record<string, string[]> = { existing: english(el) };
    must<HTMLButtonElement>(el.shadowRoot!, '[part~=actions] .btn.danger').click();
    await phase(el, 'revoke-at-provider');
    await idle(el);
    seen.revoke = english(el);

    await scenario('cloud-ready');
    const cloud = await mount({ lang: 'de' });
    pressDe(cloud, say('status.addLabel', { provider: 'GitHub' }));
    await phase(cloud, 'edition');
    must<HTMLInputElement>(part(cloud, 'pts-deployment-mode'), 'input[type=radio][value="github-com"]').click();
    await settle(cloud);
    pressDe(cloud, say('root.continue'));
    await settle(cloud);
    typeInto(must<HTMLInputElement>(part(cloud, 'pts-tenant'), '#tenant'), 'acme');
    await settle(cloud);
    seen.tenant = english(cloud);
    expect(seen).to.deep.equal({ existing: [], revoke: [], tenant: [] });
  });
});
