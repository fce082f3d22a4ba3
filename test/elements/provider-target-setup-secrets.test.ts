/**
 * <provider-target-setup> and secrets: the forbidden orders (no credential
 * field, no base_url field before their gates), a canary secret that must not
 * show up anywhere but the one save request, when the input is emptied, and
 * the redacted support details.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import {
  ENDPOINT,
  GITHUB_PAT,
  addProvider,
  cloudToAuth,
  chooseAllowlist,
  chooseEdition,
  confirmOwnership,
  credentialInput,
  deep,
  deepAll,
  enterCredential,
  idle,
  mount,
  mountAtSelfHostedAuth,
  must,
  part,
  phase,
  press,
  runCheck,
  scenario,
  selfHostedToAuth,
  settle,
  tick,
} from './provider-target-setup.fixtures.js';

/** Looks like a Jira DC token (44 characters) so no soft warning changes the flow. */
const CANARY = 'CanaryPTS0do0not0leak0a1b2c3d4e5f6g7h8i9j0kl';

/** Fields a secret could hide in, anywhere in the document and its shadow roots. */
function secretFields(): Element[] {
  return deepAll(document, 'input#credential, input[type=password], [part~=credential]');
}

function urlFields(): Element[] {
  return deepAll(document, 'input#url, input[type=url], [part~=input][id=url]');
}

function allAttributes(): string[] {
  return deepAll(document, '*').flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
}

/** Records console output, event details and request bodies to the endpoint until `restore()`. */
function watch(): { logged: string[]; details: string[]; bodies: string[]; restore: () => void } {
  const logged: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((m) => console[m]);
  const details: string[] = [];
  const dispatch = EventTarget.prototype.dispatchEvent;
  const bodies: string[] = [];
  const realFetch = window.fetch;
  methods.forEach((m) => {
    console[m] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  });
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
    const detail = (event as Event & { detail?: unknown }).detail;
    if (detail !== undefined && detail !== null) details.push(`${event.type} ${JSON.stringify(detail)}`);
    return dispatch.call(this, event);
  };
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).includes(ENDPOINT) && typeof init?.body === 'string') bodies.push(init.body);
    return realFetch(input, init);
  };
  const restore = (): void => {
    methods.forEach((m, i) => (console[m] = originals[i]!));
    EventTarget.prototype.dispatchEvent = dispatch;
    window.fetch = realFetch;
  };
  return { logged, details, bodies, restore };
}

/** Every place a secret must never be: attributes, storage, inputs, logs, event details. */
function expectNowhere(secret: string, logged: string[], details: string[]): void {
  expect(details.filter((d) => d.includes(secret))).to.deep.equal([]);
  expect(logged.filter((l) => l.includes(secret))).to.deep.equal([]);
  expect(allAttributes().filter((a) => a.includes(secret))).to.deep.equal([]);
  const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`));
  expect(stored.filter((s) => s.includes(secret))).to.deep.equal([]);
  expect(deepAll<HTMLInputElement>(document, 'input').filter((i) => i.value.includes(secret))).to.deep.equal([]);
}

describe('<provider-target-setup> secrets', () => {
  it('has no credential field before the flow allows one, and no URL field before ownership is confirmed', async () => {
    await scenario('self-hosted-ready');
    const el = await mount();
    const check = (where: string): void => {
      expect(secretFields(), `credential field at ${where}`).to.deep.equal([]);
    };
    check('status');
    await addProvider(el, 'Jira');
    check('deployment');
    expect(urlFields(), 'URL field at deployment').to.deep.equal([]);
    await chooseEdition(el, 'jira-dc');
    check('ownership');
    expect(urlFields(), 'URL field with nothing confirmed').to.deep.equal([]);
    const net = part(el, 'pts-network-check');
    tick(must<HTMLInputElement>(net, '#ownership'));
    await settle(el);
    expect(el.state.phase).to.equal('ownership');
    expect(urlFields(), 'URL field with one confirmation').to.deep.equal([]);
    tick(must<HTMLInputElement>(net, '#authorisation'));
    await settle(el);
    expect(el.state.phase).to.equal('base-url');
    expect(urlFields().length, 'URL field once both are confirmed').to.equal(1);
    check('base-url');
    await runCheck(el, 'https://jira.example.com');
    await phase(el, 'allowlist');
    check('allowlist');
    expect(urlFields(), 'the checked URL is text, not a field').to.deep.equal([]);
    await chooseAllowlist(el, 'direct');
    expect(el.state.phase).to.equal('auth');
    expect(secretFields().length).to.equal(1);

    // Taking a confirmation back removes the URL field again.
    await press(el, msg('root.back'));
    await press(el, msg('network.blocked.edit'));
    expect(el.state.phase).to.equal('base-url');
    tick(must<HTMLInputElement>(part(el, 'pts-network-check'), '#ownership'), false);
    await settle(el);
    expect(el.state.phase).to.equal('ownership');
    expect(urlFields()).to.deep.equal([]);
    expect(secretFields()).to.deep.equal([]);
  });

  it('keeps the credential field out of a blocked flow', async () => {
    await scenario('url-blocked-dns-rebinding');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://jira.example.net');
    await phase(el, 'url-blocked');
    expect(secretFields()).to.deep.equal([]);
    const bitbucket = await mount({ provider: 'bitbucket' });
    await chooseEdition(bitbucket, 'bitbucket-dc');
    expect(bitbucket.state.phase).to.equal('limitation-blocked');
    expect(secretFields()).to.deep.equal([]);
  });

  it('lets a canary secret reach only the save request', async () => {
    await scenario('self-hosted-ready');
    const { logged, details, bodies, restore } = watch();
    let el: ProviderTargetSetup;
    let support = '';
    try {
      el = await mount();
      await selfHostedToAuth(el);
      const input = credentialInput(el)!;
      await enterCredential(el, CANARY);
      expect(input.value).to.equal(CANARY);
      await press(el, msg('root.save'));
      await phase(el, 'export-setup');
      expect(input.value, 'emptied after the save').to.equal('');
      support = el.supportDetails();
    } finally {
      restore();
    }
    const saves = bodies.filter((b) => b.includes('"auth_method"'));
    expect(saves.length).to.equal(1);
    expect(JSON.parse(saves[0]!).credential, 'the one request that carries it').to.equal(CANARY);
    expect(bodies.filter((b) => b.includes(CANARY)).length).to.equal(1);
    expect(details.length).to.be.greaterThan(5);
    expectNowhere(CANARY, logged, details);
    expect(support).not.to.contain(CANARY);
    expect(JSON.stringify(el!.state)).not.to.contain(CANARY);
  });

  it('keeps a canary secret out of the provider-specific setup, the test export and the overview', async () => {
    await scenario('destinations-small');
    const { logged, details, bodies, restore } = watch();
    let el: ProviderTargetSetup;
    let support = '';
    try {
      el = await mount();
      await cloudToAuth(el);
      await enterCredential(el, GITHUB_PAT);
      await press(el, msg('root.save'));
      await phase(el, 'export-setup');
      const picker = deep(el, 'pts-destination-picker')!;
      await waitUntil(() => !picker.matches(':state(loading)'), 'repositories');
      must<HTMLInputElement>(picker, 'input').click();
      await settle(el);
      must(picker, '[role=option]').click();
      await settle(el);
      await press(el, msg('export.save'));
      await phase(el, 'existing-target');
      await press(el, msg('overview.test.run'));
      await waitUntil(() => el.state.phase === 'existing-target' && el.state.target.last_test, 'test result');
      await settle(el);
      support = el.supportDetails();
    } finally {
      restore();
    }
    expect(bodies.filter((b) => b.includes(GITHUB_PAT)).length, 'only the save carries it').to.equal(1);
    expect(bodies.some((b) => b.includes('"destination"')), 'the settings were sent').to.equal(true);
    expect(details.some((d) => d.startsWith('target-configured '))).to.equal(true);
    expectNowhere(GITHUB_PAT, logged, details);
    expect(support).not.to.contain(GITHUB_PAT);
    expect(JSON.stringify(el!.state)).not.to.contain(GITHUB_PAT);
  });

  it('empties the credential field on cancel', async () => {
    const el = await mountAtSelfHostedAuth();
    const input = credentialInput(el)!;
    await enterCredential(el, CANARY);
    await press(el, msg('root.cancel'));
    expect(el.state.phase).to.equal('status');
    expect(input.value).to.equal('');
    expect(secretFields()).to.deep.equal([]);
  });

  it('empties the credential field when the step is left', async () => {
    const el = await mountAtSelfHostedAuth();
    const input = credentialInput(el)!;
    await enterCredential(el, CANARY);
    await press(el, msg('root.back'));
    expect(el.state.phase).to.equal('allowlist');
    expect(input.value).to.equal('');
    await chooseAllowlist(el, 'direct');
    expect(credentialInput(el)?.value).to.equal('');
    expect(el.state.phase === 'auth' && el.state.credentialEntered).to.equal(false);
  });

  it('empties the credential field when another method is chosen', async () => {
    const el = await mountAtSelfHostedAuth();
    const input = credentialInput(el)!;
    await enterCredential(el, CANARY);
    must<HTMLInputElement>(part(el, 'pts-auth'), 'input[value=oauth2_dc]').click();
    await settle(el);
    expect(input.value).to.equal('');
    expect(credentialInput(el)).to.equal(null);
  });

  it('empties the credential field when the element is removed', async () => {
    const el = await mountAtSelfHostedAuth();
    const input = credentialInput(el)!;
    await enterCredential(el, CANARY);
    el.remove();
    expect(input.value).to.equal('');
  });

  it('builds redacted support details: host only, checks, codes, time', async () => {
    await scenario('url-blocked-redirect');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    await runCheck(el, 'https://tickets.example.com/jira/secure-abc123');
    await phase(el, 'url-blocked');
    const text = el.supportDetails();
    expect(text).to.match(/Time: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/);
    expect(text).to.contain('Provider: jira');
    expect(text).to.contain('Edition: jira-dc (mode: self-hosted)');
    expect(text).to.contain('Host: tickets.example.com');
    expect(text).to.contain('redirect: failed (offender: 192.168.10.5)');
    expect(text).to.contain('scheme: passed');
    expect(text).to.contain('PROVIDER_BASE_URL_BLOCKED');
    expect(text).to.contain('Blocked: url_blocked');
    expect(text).not.to.contain('/jira');
    expect(text).not.to.contain('abc123');
    expect(text).not.to.contain('/login');
  });

  it('copies the support details to the clipboard and says so', async () => {
    await scenario('backend-down');
    const el = await mount();
    let copied = '';
    const clipboard = navigator.clipboard;
    const writeText = clipboard.writeText;
    clipboard.writeText = async (text: string) => void (copied = text);
    try {
      await press(el, msg('root.copySupport'));
      await idle(el);
    } finally {
      clipboard.writeText = writeText;
    }
    expect(copied).to.contain('BACKEND_UNAVAILABLE');
    expect(copied.replace(/Time: .*\n/, '')).to.equal(el.supportDetails().replace(/Time: .*\n/, ''));
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.contain(msg('root.copiedSupport'));
  });

  it('shows the support details to copy by hand when the clipboard refuses', async () => {
    await scenario('backend-down');
    const el = await mount();
    const clipboard = navigator.clipboard;
    const writeText = clipboard.writeText;
    const execCommand = document.execCommand;
    clipboard.writeText = async () => {
      throw new DOMException('denied', 'NotAllowedError');
    };
    document.execCommand = () => false;
    try {
      expect(await el.copySupportDetails()).to.equal(false);
      await settle(el);
    } finally {
      clipboard.writeText = writeText;
      document.execCommand = execCommand;
    }
    const area = must<HTMLTextAreaElement>(el, 'textarea#support-text');
    expect(area.value).to.contain('BACKEND_UNAVAILABLE');
    expect(deep(el, 'label[for=support-text]')?.textContent).to.contain(msg('root.copyFailed'));
  });

  it('never puts a URL with a password into the support text', async () => {
    await scenario('self-hosted-ready');
    const el = await mount({ provider: 'jira' });
    await chooseEdition(el, 'jira-dc');
    await confirmOwnership(el);
    const net = part(el, 'pts-network-check');
    const field = must<HTMLInputElement>(net, '#url');
    field.value = 'https://admin:hunter2@jira.example.com/x';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(el);
    const text = el.supportDetails();
    expect(text).not.to.contain('hunter2');
    expect(text).not.to.contain('admin');
  });
});
