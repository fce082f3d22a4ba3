/**
 * Renders every story of every stories file, composed the way Storybook and
 * the demo gallery compose them, and checks each produced a rendered element.
 */
import { expect, fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { SCENARIO_IDS } from '../../src/testing/index.js';
import { composeStories, type StoriesModule } from '../../stories/support/run.js';
import * as allowlistStatus from '../../stories/allowlist-status.stories.js';
import * as auth from '../../stories/auth.stories.js';
import * as deploymentMode from '../../stories/deployment-mode.stories.js';
import * as fallback from '../../stories/fallback.stories.js';
import * as hint from '../../stories/hint.stories.js';
import * as integrationStatus from '../../stories/integration-status.stories.js';
import * as networkCheck from '../../stories/network-check.stories.js';
import * as root from '../../stories/provider-target-setup.stories.js';
import * as readiness from '../../stories/readiness.stories.js';
import * as revoke from '../../stories/revoke.stories.js';
import * as stepPath from '../../stories/step-path.stories.js';
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
