import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ExportSettings, TargetRecord } from '../../src/core/contract/index.js';
import { PtsDestinationPicker } from '../../src/elements/destination-picker/destination-picker.js';
import { PtsExportSetup } from '../../src/elements/export-setup/export-setup.js';
import { SAMPLE_TARGETS } from '../../src/testing/index.js';
import { treeLoader, type ListOptions } from '../../stories/support/destinations.js';
import { $, $$, accessible, record, text } from './helpers.js';

before(() => {
  PtsExportSetup.define();
  PtsDestinationPicker.define();
});

const base = SAMPLE_TARGETS.cloudConnected;

async function setup(provider: TargetRecord['provider'], lists: Record<string, ListOptions>, target: Partial<TargetRecord> = {}) {
  const loader = treeLoader(lists);
  const el = await fixture<PtsExportSetup>(html`<pts-export-setup
    .target=${{ ...base, provider, ...target }}
    provider-label="Provider"
    .loader=${loader}
  ></pts-export-setup>`);
  return { el, loader };
}

const pickers = (el: PtsExportSetup) => $$<PtsDestinationPicker>(el, 'pts-destination-picker');

/** Chooses the `n`-th item (1-based) of the `index`-th list with the keyboard. */
async function choose(el: PtsExportSetup, index: number, n = 1): Promise<void> {
  await waitUntil(() => pickers(el)[index] && !pickers(el)[index]!.matches(':state(loading)'), `list ${index} loaded`);
  const picker = pickers(el)[index]!;
  await picker.updateComplete;
  picker.focus();
  for (let i = 0; i < n; i++) await sendKeys({ press: 'ArrowDown' });
  await picker.updateComplete;
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}


describe('pts-export-setup', () => {
  it('Jira: project, then issue types listed under it; the settings hold both, with update by default', async () => {
    const { el, loader } = await setup('jira', {
      root: { level: 'project', prefix: 'Project', size: 3, hasChildren: true },
      project: { level: 'issue_type', prefix: 'Type', size: 2 },
    });
    const saves = record<{ settings: ExportSettings }>(el, 'pts-export-save');
    expect(el.submit(), 'nothing chosen yet').to.equal(false);
    await el.updateComplete;
    await pickers(el)[0]!.updateComplete;
    expect(text(pickers(el)[0]!)).to.contain('Choose a “Project”.');
    await choose(el, 0, 2);
    expect(pickers(el).length).to.equal(2);
    expect(loader.calls.at(-1)).to.deep.equal({ parent: { level: 'project', id: 'project-0002' } });
    await choose(el, 1);
    expect(el.submit()).to.equal(true);
    expect(saves.map((e) => e.detail.settings)).to.deep.equal([
      {
        destination: [
          { level: 'project', id: 'project-0002', name: 'Project 0002' },
          { level: 'issue_type', id: 'issue_type-0001', name: 'Type 0001' },
        ],
        duplicates: 'update',
      },
    ]);
    await accessible(el);
  });

  it('explains each duplicate handling in one sentence and hands up the choice', async () => {
    const { el } = await setup('gitlab', { root: { level: 'project', prefix: 'group/app', size: 2 } });
    const radios = $$<HTMLInputElement>(el, 'input[name=duplicates]');
    expect(radios.map((r) => r.value)).to.deep.equal(['update', 'comment', 'skip']);
    expect(radios[0]!.checked).to.equal(true);
    for (const sentence of ['no second ticket is made', 'added as a comment', 'Nothing is sent']) expect(text(el)).to.contain(sentence);
    radios[2]!.click();
    await choose(el, 0);
    const saves = record<{ settings: ExportSettings }>(el, 'pts-export-save');
    el.submit();
    expect(saves[0]?.detail.settings.duplicates).to.equal('skip');
  });

  it('ClickUp: a list straight in a space ends the path; a folder opens its lists', async () => {
    const lists = {
      root: { level: 'workspace' as const, prefix: 'Workspace', size: 1, hasChildren: true },
      workspace: { level: 'space' as const, prefix: 'Space', size: 1, hasChildren: true },
      space: { level: 'folder' as const, prefix: 'Folder', size: 1, hasChildren: true, also: { level: 'list' as const, prefix: 'Loose list', size: 1 } },
      folder: { level: 'list' as const, prefix: 'List', size: 2 },
    };
    const { el } = await setup('clickup', lists);
    await choose(el, 0);
    await choose(el, 1);
    expect(pickers(el)[2]!.shadowRoot!.querySelector('label')!.textContent).to.contain('Folder or list');
    await choose(el, 2, 2);
    expect(pickers(el).length, 'a list has no children').to.equal(3);
    expect(el.settings.destination.map((s) => s.level)).to.deep.equal(['workspace', 'space', 'list']);
    // Reopened, the list starts on the chosen list; one up is the folder.
    pickers(el)[2]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await pickers(el)[2]!.updateComplete;
    await sendKeys({ press: 'ArrowUp' });
    await pickers(el)[2]!.updateComplete;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(pickers(el).length).to.equal(4);
    await choose(el, 3, 2);
    expect(el.settings.destination.map((s) => s.level)).to.deep.equal(['workspace', 'space', 'folder', 'list']);
  });

  it('GitHub: labels from the chosen repository, removable, dropped when the repository changes', async () => {
    const { el, loader } = await setup('github', { root: { level: 'repository', prefix: 'acme/app', size: 3 }, label: { level: 'label', prefix: 'label', size: 3 } });
    await choose(el, 0);
    await waitUntil(() => $(el, '#labels'), 'labels list');
    const labels = $<PtsDestinationPicker>(el, '#labels')!;
    await waitUntil(() => !labels.matches(':state(loading)'));
    expect(loader.calls.at(-1)).to.deep.equal({ level: 'label', parent: { level: 'repository', id: 'repository-0001' } });
    labels.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    labels.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.settings.labels).to.deep.equal(['label-0001', 'label-0002']);
    $<HTMLButtonElement>(el, '.chip button')!.click();
    await el.updateComplete;
    expect(el.settings.labels).to.deep.equal(['label-0002']);
    await accessible(el);
    await choose(el, 0, 2);
    expect(el.settings.labels).to.equal(undefined);
  });

  it('webhook: events, all on by default; at least one required', async () => {
    const { el } = await setup('webhook', {});
    expect(pickers(el).length).to.equal(0);
    const boxes = $$<HTMLInputElement>(el, 'input[name=events]');
    expect(boxes.every((b) => b.checked)).to.equal(true);
    for (const b of boxes) b.click();
    await el.updateComplete;
    expect(el.submit()).to.equal(false);
    await el.updateComplete;
    expect(text(el)).to.contain('Choose at least one event.');
    boxes[2]!.click();
    await el.updateComplete;
    const saves = record<{ settings: ExportSettings }>(el, 'pts-export-save');
    expect(el.submit()).to.equal(true);
    expect(saves[0]?.detail.settings).to.deep.equal({ destination: [], duplicates: 'update', events: ['finding.resolved'] });
    await accessible(el);
  });

  it('starts from saved settings when editing', async () => {
    const settings: ExportSettings = {
      destination: [
        { level: 'board', id: 'b1', name: 'Roadmap' },
        { level: 'list', id: 'l1', name: 'Inbox' },
      ],
      duplicates: 'comment',
    };
    const { el } = await setup('trello', { root: { level: 'board', size: 2, hasChildren: true }, board: { level: 'list', size: 2 } }, { export_settings: settings });
    await el.updateComplete;
    expect(pickers(el).map((p) => p.value?.name)).to.deep.equal(['Roadmap', 'Inbox']);
    expect($<HTMLInputElement>(el, 'input[value=comment]')!.checked).to.equal(true);
    expect(el.settings).to.deep.equal(settings);
  });
});
