import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getProvider } from '../../src/core/providers/index.js';
import { PtsDeploymentMode } from '../../src/elements/deployment-mode/deployment-mode.js';
import { acme } from './fixtures.js';
import { $, $$, accessible, focused, record, text } from './helpers.js';

before(() => PtsDeploymentMode.define());

const radios = (el: PtsDeploymentMode) => $$<HTMLInputElement>(el, 'input[type=radio]');

describe('pts-deployment-mode', () => {
  it('asks where the provider runs, one labelled option per edition', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${acme}></pts-deployment-mode>`);
    expect($(el, 'legend')!.textContent).to.equal('Where does your Acme Tracker run?');
    const names = radios(el).map((r) => root(r).getElementById(r.getAttribute('aria-labelledby')!)!.textContent);
    expect(names).to.deep.equal(['Acme Cloud', 'Acme Server', 'Acme Legacy']);
    expect(radios(el).some((r) => r.checked)).to.equal(false);
    await accessible(el);
  });

  it('says what comes next for each edition', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${acme}></pts-deployment-mode>`);
    expect($(el, '#next-acme-cloud')!.textContent).to.contain('Enter and confirm your “Acme site”, then connect with Approve in Acme.');
    expect($(el, '#next-acme-server')!.textContent).to.contain('enter its base URL');
    const describedBy = radios(el)[1]!.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).to.deep.equal(['next-acme-server', 'limit-acme-server-0']);
  });

  it('quotes a tenant label such as “Workspace URL key” rather than capitalising it mid-sentence', async () => {
    for (const id of ['linear', 'github'] as const) {
      const provider = getProvider(id)!;
      const edition = provider.editions.find((e) => e.tenant)!;
      const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${provider}></pts-deployment-mode>`);
      const next = $(el, `#next-${edition.id}`)!.textContent!.replace(/\s+/g, ' ');
      expect(next).to.contain(`Enter and confirm your “${edition.tenant!.label}”, then connect with`);
      expect(next).not.to.match(/your [A-Z]/);
    }
  });

  it('shows limitations in words, blocking ones with their alternative', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${acme}></pts-deployment-mode>`);
    expect($(el, '#limit-acme-server-0')!.textContent).to.contain('Note:').and.contain('Acme Server 7 is no longer supported.');
    expect($(el, '#limit-acme-legacy-0')!.textContent).to.contain('Not available:').and.contain('Acme Legacy has no issue tracker.');
    expect($(el, '#next-acme-legacy')).to.equal(null);
    const events = record(el, 'pts-mode-alternative');
    const alternative = $<HTMLButtonElement>(el, '.alternative')!;
    // The alternative is looked up in the catalog.
    expect(alternative.textContent!.trim()).to.equal('Use Jira Data Center instead');
    alternative.click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ provider: 'jira', edition: 'jira-dc' }]);
  });

  it('fires pts-mode-change when an edition is picked', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${acme}></pts-deployment-mode>`);
    const events = record(el, 'pts-mode-change');
    radios(el)[1]!.click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ provider: 'jira', edition: 'acme-server', mode: 'self-hosted' }]);
    expect(events[0]!.composed).to.equal(false);
    expect(el.value).to.equal('acme-server');
  });

  it('moves and selects with the arrow keys, wrapping around', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${acme} value="acme-cloud"></pts-deployment-mode>`);
    const events = record(el, 'pts-mode-change');
    el.focus();
    expect(focused(el)).to.equal(radios(el)[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(radios(el)[1]);
    expect(radios(el)[1]!.checked).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(radios(el)[2]);
    expect(events.map((e) => (e.detail as { edition: string }).edition)).to.deep.equal(['acme-server', 'acme-cloud', 'acme-legacy']);
    // Tab leaves the group from the selected option.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '.alternative'));
  });

  it('shows the chosen edition’s version notes', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode .provider=${acme} value="acme-cloud"></pts-deployment-mode>`);
    expect(text(el)).to.contain('Acme 9 is supported.');
    el.value = 'acme-server';
    await elementUpdated(el);
    expect(text(el)).not.to.contain('Acme 9 is supported.');
    await accessible(el);
  });

  it('asks for a provider when it has none', async () => {
    const el = await fixture<PtsDeploymentMode>(html`<pts-deployment-mode></pts-deployment-mode>`);
    expect(text(el)).to.equal('Choose a provider first.');
  });
});

function root(node: Node): ShadowRoot {
  return node.getRootNode() as ShadowRoot;
}
