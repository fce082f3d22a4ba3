import { expect, fixture, html } from '@open-wc/testing';
import { msg } from '../../src/elements/messages/messages.js';
import { PtsReadiness, REASON_MESSAGES, type ReadyItem } from '../../src/elements/readiness/readiness.js';
import { $, $$, accessible, text } from './helpers.js';

before(() => PtsReadiness.define());

const items: ReadyItem[] = [
  { key: 'fallback', status: 'not-ready' },
  { key: 'cloud-target', status: 'not-applicable' },
  { key: 'self-hosted-target', status: 'ready' },
  { key: 'allowlist', status: 'ready', reason: 'Firewall allowlist, recorded today.' },
  {
    key: 'credential-boundary',
    status: 'ready',
    reason: 'Personal token with issues:write.',
    revoke: { label: 'Profile → Tokens → Revoke', url: 'https://acme.example/settings/tokens' },
  },
];

describe('pts-readiness', () => {
  it('lists the ready states in order with their status in words, the ones that do not apply folded after them', async () => {
    const el = await fixture<PtsReadiness>(html`<pts-readiness .items=${items}></pts-readiness>`);
    const rows = $$(el, '[part~=item]');
    expect(rows.map((r) => r.querySelector('.item-name')!.textContent)).to.deep.equal([
      'Self-hosted target',
      'Allowlist',
      'Credential boundary',
      'Fallback',
      'Cloud target',
    ]);
    expect(rows.map((r) => r.querySelector('.badge')!.textContent)).to.deep.equal(['Ready', 'Ready', 'Ready', 'Not ready', 'Not applicable']);
    await accessible(el);
  });

  it('folds the rows that do not apply into one closed disclosure that says how many', async () => {
    const el = await fixture<PtsReadiness>(
      html`<pts-readiness
        .items=${[...items.filter((i) => i.key !== 'fallback'), { key: 'fallback', status: 'not-applicable' }]}
      ></pts-readiness>`,
    );
    const folded = $<HTMLDetailsElement>(el, '[part~=ready-folded]')!;
    expect(folded.open).to.equal(false);
    expect(folded.querySelector('summary')!.textContent!.trim()).to.equal('2 items do not apply');
    const visible = $$(el, '[part~=item]').filter((r) => r.checkVisibility());
    expect(visible.map((r) => r.className)).to.deep.equal(['ready', 'ready', 'ready']);
    folded.querySelector('summary')!.click();
    expect(folded.open).to.equal(true);
    expect($$(el, '[part~=item]').filter((r) => r.checkVisibility())).to.have.length(5);
    await accessible(el);
    const one = await fixture<PtsReadiness>(html`<pts-readiness .items=${items}></pts-readiness>`);
    expect($(one, '[part~=ready-folded] summary')!.textContent!.trim()).to.equal('1 item does not apply');
    const none = await fixture<PtsReadiness>(html`<pts-readiness .items=${[{ key: 'allowlist', status: 'ready' }]}></pts-readiness>`);
    expect($(none, '[part~=ready-folded]')).to.equal(null);
  });

  it('uses the given reason, or the catalog’s default for the status', async () => {
    const el = await fixture<PtsReadiness>(html`<pts-readiness .items=${items}></pts-readiness>`);
    const reasons = $$(el, '.reason').map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(reasons[4]).to.equal('This target does not run in the vendor’s cloud.');
    expect(reasons[1]).to.equal('Firewall allowlist, recorded today.');
    expect(reasons[3]).to.equal('Portable export is not available for this account.');
  });

  it('words the reason code of the real state, not a default for the status', async () => {
    const boundary = (code: ReadyItem['code']): ReadyItem[] => [{ key: 'credential-boundary', status: 'not-ready', code }];
    const reasonOf = async (list: ReadyItem[]) => {
      const el = await fixture<PtsReadiness>(html`<pts-readiness .items=${list}></pts-readiness>`);
      return $$(el, '.reason')[3]!.textContent!.replace(/\s+/g, ' ').trim();
    };
    // A method is chosen: what is missing is the credential or the authorisation, not the choice.
    expect(await reasonOf(boundary('credential-missing'))).to.equal(msg('ready.reason.credential-missing'));
    expect(await reasonOf(boundary('authorization-missing'))).to.equal(msg('ready.reason.authorization-missing'));
    expect(await reasonOf(boundary('authorization-pending'))).to.equal(msg('ready.reason.authorization-pending'));
    expect(await reasonOf(boundary('auth-method-not-chosen'))).to.equal('Choose how to connect.');
    // Given text still wins over the code.
    expect(await reasonOf([{ key: 'credential-boundary', status: 'not-ready', code: 'credential-missing', reason: 'Custom.' }])).to.equal('Custom.');
  });

  it('has its own words for every reason code', () => {
    const texts = Object.entries(REASON_MESSAGES).map(([code, key]) => [code, msg(typeof key === 'function' ? key('cloud-target') : key)] as const);
    for (const [code, words] of texts) expect(words, code).to.match(/\S/);
    const choose = texts.filter(([, words]) => words === 'Choose how to connect.').map(([code]) => code);
    expect(choose).to.deep.equal(['auth-method-not-chosen']);
  });

  it('words "another mode" for the item it is on', async () => {
    const el = await fixture<PtsReadiness>(
      html`<pts-readiness
        .items=${[
          { key: 'cloud-target', status: 'not-applicable', code: 'other-mode' },
          { key: 'self-hosted-target', status: 'not-applicable', code: 'other-mode' },
        ]}
      ></pts-readiness>`,
    );
    const reasons = $$(el, '.reason').map((r) => r.textContent!.trim());
    expect(reasons.at(-2)).to.equal(msg('ready.cloud-target.not-applicable'));
    expect(reasons.at(-1)).to.equal(msg('ready.self-hosted-target.not-applicable'));
  });

  it('says which grant can be revoked later, and where', async () => {
    const el = await fixture<PtsReadiness>(html`<pts-readiness .items=${items}></pts-readiness>`);
    const boundary = $$(el, '[part~=item]')[2]!;
    expect(boundary.textContent).to.contain('Personal token with issues:write.').and.contain('Revoke it later:');
    expect(boundary.querySelector('a')!.getAttribute('href')).to.equal('https://acme.example/settings/tokens');
  });

  it('counts only applicable states, and shows missing ones as not ready', async () => {
    const el = await fixture<PtsReadiness>(html`<pts-readiness .items=${items}></pts-readiness>`);
    expect(text(el)).to.contain('3 of 4 ready');
    const partial = await fixture<PtsReadiness>(html`<pts-readiness .items=${[{ key: 'allowlist', status: 'ready' }]}></pts-readiness>`);
    expect($$(partial, '[part~=item]').map((r) => r.className)).to.deep.equal(['not-ready', 'not-ready', 'ready', 'not-ready', 'not-ready']);
    expect(text(partial)).to.contain('1 of 5 ready');
    await accessible(partial);
  });

  it('puts its heading at the requested level', async () => {
    const el = await fixture<PtsReadiness>(html`<pts-readiness heading-level="2"></pts-readiness>`);
    expect($(el, '[role=heading]')!.getAttribute('aria-level')).to.equal('2');
  });
});
