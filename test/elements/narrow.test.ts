/**
 * Long unbreakable identifiers (token types, scopes, addresses, offenders) at
 * a phone width: they wrap inside their card instead of running past it.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import type { Backend } from '../../src/client/index.js';
import type { TargetRecord } from '../../src/core/contract/index.js';
import { getEdition, getProvider } from '../../src/core/providers/index.js';
import { defineSubElements } from '../../src/elements/define-sub-elements.js';
import { SAMPLE_TARGET_IDS } from '../../src/testing/index.js';
import { mount, phase, scenario, spyBackend } from './provider-target-setup.fixtures.js';

before(() => defineSubElements());

/**
 * Host pages nest the element in their own cards and padding: on a 360 px
 * phone the demo's settings page leaves it about 240 px.
 */
async function narrow(template: TemplateResult): Promise<LitElement> {
  await setViewport({ width: 360, height: 800 });
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 0 60px">${template}</div>`);
  const el = wrapper.firstElementChild as LitElement;
  await el.updateComplete;
  return el;
}

const px = (style: CSSStyleDeclaration, name: string): number => parseFloat(style.getPropertyValue(name)) || 0;

/** Every `code` under `el`'s shadow roots, nested ones included. */
function codes(el: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (root: ShadowRoot): void => {
    found.push(...root.querySelectorAll<HTMLElement>('code'));
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) walk(child.shadowRoot);
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return found;
}

/** The identifiers that stick out of their card (or row), or whose card is wider than it shows. */
function overflowing(el: Element): string[] {
  const host = el.getBoundingClientRect();
  const out: string[] = [];
  const all = codes(el);
  expect(all.length, 'identifiers rendered').to.be.greaterThan(0);
  for (const code of all) {
    const box = code.closest<HTMLElement>('li, .choice, .card') ?? code.parentElement!;
    const style = getComputedStyle(box);
    const rect = box.getBoundingClientRect();
    const inner = rect.right - px(style, 'border-right-width') - px(style, 'padding-right');
    const c = code.getBoundingClientRect();
    if (c.right > inner + 0.5 || rect.right > host.right + 0.5 || box.scrollWidth > box.clientWidth) {
      out.push(code.textContent ?? '');
    }
  }
  return out;
}

describe('long identifiers at 360 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('pts-auth: the token type and scopes wrap inside their card', async () => {
    const el = await narrow(
      html`<pts-auth .provider=${getProvider('jira')} .edition=${getEdition('jira', 'jira-cloud')}></pts-auth>`,
    );
    expect(codes(el).map((c) => c.textContent)).to.include('atlassian_scoped_api_token');
    expect(overflowing(el)).to.deep.equal([]);
  });

  it('pts-auth: the credential field keeps the card’s whole width, with Show under it', async () => {
    const el = await narrow(
      html`<pts-auth .provider=${getProvider('jira')} .edition=${getEdition('jira', 'jira-dc')} credential-allowed></pts-auth>`,
    );
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#credential')!;
    const row = input.parentElement!.getBoundingClientRect();
    const box = input.getBoundingClientRect();
    expect(box.width, 'as wide as its row').to.be.closeTo(row.width, 1);
    expect(box.width).to.be.greaterThan(180);
    const show = input.nextElementSibling!.getBoundingClientRect();
    expect(show.top, 'Show sits under the field').to.be.at.least(box.bottom);
  });

  it('pts-allowlist-status: egress addresses wrap beside their copy button', async () => {
    const addresses = ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '203.0.113.10'];
    const el = await narrow(html`<pts-allowlist-status value="allowlist" .egressAddresses=${addresses}></pts-allowlist-status>`);
    expect(overflowing(el)).to.deep.equal([]);
  });

  it('pts-fallback: the card and its button stay within the element', async () => {
    const el = await narrow(html`<pts-fallback .formats=${['csv', 'json']}></pts-fallback>`);
    const host = el.getBoundingClientRect();
    const inside = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) => {
      const r = node.getBoundingClientRect();
      return r.width > 0 && r.right > host.right + 0.5;
    });
    expect(inside.map((n) => n.tagName.toLowerCase() + (n.className ? `.${n.className}` : ''))).to.deep.equal([]);
  });

  it('pts-network-check: an offending address wraps inside its check row', async () => {
    const el = await narrow(
      html`<pts-network-check
        .provider=${getProvider('jira')}
        .edition=${getEdition('jira', 'jira-dc')}
        ownership-confirmed
        export-authorized
      ></pts-network-check>`,
    );
    Object.assign(el, {
      result: {
        status: 'blocked',
        normalized_url: 'https://jira.example.com',
        checks: [
          {
            name: 'redirect',
            status: 'failed',
            offender: 'https://internal-build-server-0123456789.corp.example.com/login/redirect/target',
          },
        ],
      },
    });
    await elementUpdated(el);
    expect(overflowing(el)).to.deep.equal([]);
  });

  it('the root’s target card: a long address and token type wrap', async () => {
    await scenario('revoke');
    const { backend: real } = spyBackend();
    const lengthen = (t: TargetRecord): TargetRecord =>
      t.id === SAMPLE_TARGET_IDS.cloudConnected
        ? { ...t, tenant: 'https://acme-engineering-platform-operations.atlassian.net', token_type: 'atlassian_oauth2_three_legged_refresh_token' }
        : t;
    const backend: Backend = {
      ...real,
      getStatus: async (o) => {
        const status = await real.getStatus(o);
        return { ...status, targets: status.targets.map(lengthen) };
      },
      getTarget: async (id, o) => lengthen(await real.getTarget(id, o)),
    };
    await setViewport({ width: 360, height: 800 });
    const el = await mount({ backend, targetId: SAMPLE_TARGET_IDS.cloudConnected });
    await phase(el, 'existing-target');
    el.style.cssText = 'display: block; margin: 0 60px';
    await el.updateComplete;
    expect(codes(el).map((c) => c.textContent)).to.include('atlassian_oauth2_three_legged_refresh_token');
    expect(overflowing(el)).to.deep.equal([]);
  });
});
