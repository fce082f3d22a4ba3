/**
 * Renders every story of every stories file, composed the way Storybook and
 * the demo gallery compose them, and checks each produced a rendered element.
 */
import { expect, fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { msg } from '../../src/elements/messages/messages.js';
import { SCENARIO_IDS } from '../../src/testing/index.js';
import { composeStories, type StoriesModule } from '../../stories/support/run.js';
import * as allowlistStatus from '../../stories/allowlist-status.stories.js';
import * as auth from '../../stories/auth.stories.js';
import * as deploymentMode from '../../stories/deployment-mode.stories.js';
import * as destinationPicker from '../../stories/destination-picker.stories.js';
import * as exportSetup from '../../stories/export-setup.stories.js';
import * as fallback from '../../stories/fallback.stories.js';
import * as hint from '../../stories/hint.stories.js';
import * as integrationStatus from '../../stories/integration-status.stories.js';
import * as networkCheck from '../../stories/network-check.stories.js';
import * as root from '../../stories/provider-target-setup.stories.js';
import * as readiness from '../../stories/readiness.stories.js';
import * as revoke from '../../stories/revoke.stories.js';
import * as stepPath from '../../stories/step-path.stories.js';
import * as targetCard from '../../stories/target-card.stories.js';
import * as tenant from '../../stories/tenant.stories.js';

const FILES: Record<string, StoriesModule> = {
  'provider-target-setup': root,
  'step-path': stepPath,
  'integration-status': integrationStatus,
  'deployment-mode': deploymentMode,
  tenant,
  'network-check': networkCheck,
  'allowlist-status': allowlistStatus,
  auth,
  readiness,
  revoke,
  fallback,
  hint,
  'target-card': targetCard,
  'export-setup': exportSetup,
  'destination-picker': destinationPicker,
};

describe('stories', () => {
  it('cover every element with a stories file of its own', () => {
    const components = Object.values(FILES).map((m) => m.default.component);
    expect(new Set(components).size).to.equal(components.length);
    for (const tag of components) expect(customElements.get(tag), tag).to.exist;
  });

  it('give every msw scenario a story of the root element', () => {
    const played = composeStories(root).map((s) => s.parameters.scenario);
    for (const id of SCENARIO_IDS) expect(played, id).to.include(id);
  });

  describe('show the newer states', () => {
    /** Renders one story by export name and returns its element, updated. */
    async function show(module: StoriesModule, exportName: string): Promise<LitElement> {
      const story = composeStories(module).find((s) => s.exportName === exportName);
      expect(story, exportName).to.exist;
      const wrapper = await fixture<HTMLElement>(story!.render());
      const element = (wrapper.localName === story!.component ? wrapper : wrapper.querySelector(story!.component)) as LitElement;
      await element.updateComplete;
      return element;
    }
    const text = (el: LitElement) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

    it('a step path with a skipped step', async () => {
      const el = await show(stepPath, 'SkippedSetup');
      const states = [...el.shadowRoot!.querySelectorAll('[part~=step]')].map((li) => li.className);
      expect(states).to.deep.equal(['complete', 'complete', 'complete', 'skipped', 'current']);
    });

    it('portable export not offered, with nothing to choose', async () => {
      const el = await show(fallback, 'Unavailable');
      expect(text(el)).to.contain(msg('fallback.unavailable'));
      expect(el.shadowRoot!.querySelector('button, input, [part~=choose]')).to.equal(null);
    });

    it('pts-auth disabled while busy', async () => {
      const el = await show(auth, 'BusySaving');
      expect(el.hasAttribute('disabled')).to.equal(true);
      expect(el.shadowRoot!.querySelector('input[aria-disabled=true]')).to.exist;
    });

    it('integration status with unknown targets', async () => {
      const el = await show(integrationStatus, 'TargetsUnknown');
      expect(text(el)).to.contain(msg('status.notLoaded'));
      expect(text(el)).not.to.contain(msg('status.state.not_connected'));
    });

    it('a target card with a link that is not http(s): its label as text', async () => {
      const el = await show(targetCard, 'UnsafeLink');
      expect(text(el)).to.contain('Renew the token');
      expect(el.shadowRoot!.querySelector('a[href^="javascript:"]')).to.equal(null);
    });

    it('readiness worded from reason codes', async () => {
      const el = await show(readiness, 'ReasonCodesSelfHosted');
      expect(text(el)).to.contain(msg('ready.reason.url-blocked')).and.contain(msg('ready.reason.allowlist-unreachable'));
      const cloud = await show(readiness, 'ReasonCodesCloud');
      expect(text(cloud)).to.contain(msg('ready.reason.authorization-pending'));
    });
  });

  for (const [file, module] of Object.entries(FILES)) {
    describe(file, () => {
      const stories = composeStories(module);
      it('has stories with unique ids', () => {
        expect(stories.length).to.be.greaterThan(1);
        expect(new Set(stories.map((s) => s.id)).size).to.equal(stories.length);
      });
      for (const story of stories) {
        it(story.name, async () => {
          const wrapper = await fixture<HTMLElement>(story.render());
          const element = (wrapper.localName === story.component ? wrapper : wrapper.querySelector(story.component)) as LitElement | null;
          expect(element, `<${story.component}> in ${story.id}`).to.exist;
          await element!.updateComplete;
          const shadow = element!.shadowRoot;
          expect(shadow, 'shadow root').to.exist;
          expect(shadow!.childElementCount, 'rendered content').to.be.greaterThan(0);
          const box = element!.getBoundingClientRect();
          expect(box.width * box.height, 'rendered size').to.be.greaterThan(0);
          // Root stories walk their flow to the scenario's state; the play throws when it cannot.
          if (story.play) await story.play({ canvasElement: wrapper.parentElement! });
        });
      }
    });
  }
});
