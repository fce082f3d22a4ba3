/**
 * The provider-specific setup and the overview by keyboard only: real key
 * presses, asserting where focus is. GitHub on 5,000 repositories, Jira on its
 * project → issue type path.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { msg, type ProviderTargetSetup } from '../../src/index.js';
import { deepActive, deepAll, describeFocus, listen, mount, phase, recordingBackend, saveThroughUi, scenario, settle, tabTo } from './provider-target-setup.fixtures.js';

const isCombo = (label: string) => (e: Element) => e.getAttribute('role') === 'combobox' && (e.getRootNode() as ShadowRoot).querySelector('label')?.textContent?.includes(label) === true;
const isButton = (text: string) => (e: Element) => e.localName === 'button' && (e.textContent ?? '').includes(text);
const options = (e: Element) => [...(e.getRootNode() as ShadowRoot).querySelectorAll('[role=option]')];

async function key(el: ProviderTargetSetup, press: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press });
  await settle(el);
}

function activeOption(combo: Element): string | null | undefined {
  const id = combo.getAttribute('aria-activedescendant');
  return id ? (combo.getRootNode() as ShadowRoot).getElementById(id)?.querySelector('.name')?.textContent : null;
}

describe('<provider-target-setup> after save, by keyboard only', () => {
  it('GitHub, 5,000 repositories: pages on demand, search, duplicates, save, test', async () => {
    await scenario('destinations-large');
    const { backend, requests } = recordingBackend();
    const el = await mount({ backend, endpoint: null });
    await saveThroughUi(el, 'github');
    expect(deepActive()?.id, describeFocus()).to.equal('step-heading');

    const combo = await tabTo(isCombo(msg('export.level.repository')), 'the repository list');
    await waitUntil(() => combo.getAttribute('aria-busy') === 'false', 'first page');
    await key(el, 'ArrowDown');
    expect(combo.getAttribute('aria-expanded')).to.equal('true');
    const first = options(combo).length;
    expect(first).to.be.within(1, 500);
    await key(el, 'PageDown', Math.ceil(first / 10));
    await waitUntil(() => options(combo).length > first, 'the next page, loaded on demand', { timeout: 5000 });
    expect(deepActive()).to.equal(combo);
    const lists = requests.filter((r) => r.path.endsWith('/destinations'));
    expect(lists.length).to.equal(2);
    expect((lists[1]!.body as { cursor?: string }).cursor).to.be.a('string');

    await sendKeys({ type: 'service-4242' });
    await waitUntil(() => options(combo).length === 1 && activeOption(combo) === 'acme/service-4242', 'the search answer', { timeout: 5000 }).catch(() => {
      throw new Error(`the search answer: ${options(combo).length} options, active ${activeOption(combo)}, value ${(combo as HTMLInputElement).value}, last ${JSON.stringify(requests.at(-1))}`);
    });
    // The backend searches; where its pages filter after paging, the list reads on until it finds a match.
    const searches = requests.filter((r) => (r.body as { query?: string } | undefined)?.query === 'service-4242').map((r) => r.body);
    expect(searches[0]).to.deep.equal({ query: 'service-4242' });
    expect(searches.slice(1).every((b) => typeof (b as { cursor?: unknown }).cursor === 'string')).to.equal(true);
    await key(el, 'Enter');
    expect(combo.getAttribute('aria-expanded')).to.equal('false');
    expect((combo as HTMLInputElement).value).to.equal('acme/service-4242');

    const radio = await tabTo((e) => e instanceof HTMLInputElement && e.name === 'duplicates', 'the duplicate handling');
    expect((radio as HTMLInputElement).value).to.equal('update');
    await key(el, 'ArrowDown');
    expect((deepActive() as HTMLInputElement).value).to.equal('comment');
    const configured = listen('target-configured');
    await tabTo(isButton(msg('export.save')), 'Save export settings');
    await key(el, 'Enter');
    await phase(el, 'existing-target');
    configured.stop();
    expect(deepActive()?.id, describeFocus()).to.equal('step-heading');
    const settings = (configured.seen[0]?.detail as { target: { export_settings: unknown } }).target.export_settings;
    expect(settings).to.deep.equal({ destination: [{ level: 'repository', id: 'acme/service-4242', name: 'acme/service-4242' }], duplicates: 'comment' });

    await tabTo(isButton(msg('overview.test.run')), 'Send a test ticket');
    await key(el, 'Enter');
    await waitUntil(() => el.state.phase === 'existing-target' && el.state.target.last_test, 'test result', { timeout: 5000 });
    await settle(el);
    expect(deepActive()?.textContent, describeFocus()).to.contain(msg('overview.test.again'));
  });

  it('Jira: project, then issue type, each list reached with the keyboard', async () => {
    await scenario('destinations-small');
    const el = await mount();
    await saveThroughUi(el, 'jira');
    const project = await tabTo(isCombo(msg('export.level.project')), 'the project list');
    await waitUntil(() => project.getAttribute('aria-busy') === 'false', 'projects');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    const chosen = activeOption(project);
    await key(el, 'Enter');
    expect((project as HTMLInputElement).value).to.equal(chosen);
    // Choosing a project moves on to its issue types.
    await waitUntil(() => deepActive()?.getAttribute('role') === 'combobox' && deepActive() !== project, 'focus on the issue types', { timeout: 5000 });
    const types = deepActive()!;
    expect((types.getRootNode() as ShadowRoot).querySelector('label')?.textContent).to.contain(msg('export.level.issue_type'));
    await waitUntil(() => types.getAttribute('aria-busy') === 'false', 'issue types');
    await key(el, 'ArrowDown');
    await key(el, 'Enter');
    await tabTo(isButton(msg('export.save')), 'Save export settings');
    await key(el, 'Enter');
    await phase(el, 'existing-target');
    const t = el.state.phase === 'existing-target' ? el.state.target : null;
    expect(t?.export_settings?.destination.map((s) => s.level)).to.deep.equal(['project', 'issue_type']);
    expect(deepAll(el, '[part~=export-settings]').length).to.equal(1);
  });
});
