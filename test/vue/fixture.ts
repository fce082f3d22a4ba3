/**
 * Mounts the Vue fixture. `npm run typecheck` checks it with vue-tsc; the
 * browser test bundles it (templates compiled with `isPtsElementTag` as
 * `isCustomElement`, as a Vue build plugin would) and renders it.
 */
import { createApp, h } from 'vue';
import type { DocOverrides } from 'provider-target-setup';
import 'provider-target-setup/define';
import Fixture from './Fixture.vue';

export interface FixtureProps {
  endpoint: string;
  docLinks: DocOverrides;
  heard: (source: 'camel' | 'prop', name: string, event: Event) => void;
}

export function mount(container: HTMLElement, props: FixtureProps): () => void {
  const app = createApp({ render: () => h(Fixture, props) });
  app.mount(container);
  return () => app.unmount();
}
