/**
 * The shipped typings and manifest describe what the package really ships:
 * every tag in HTMLElementTagNameMap and in the manifest's definitions, every
 * public event in the event map and the manifest, and manifest paths that are
 * built files reachable through package.json's exports.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import {
  FallbackChosenEvent,
  ProviderTargetSetup,
  PtsAllowlistStatus,
  PtsAuth,
  PtsDeploymentMode,
  PtsDestinationPicker,
  PtsExportSetup,
  PtsFallback,
  PtsHint,
  PtsIntegrationStatus,
  PtsNetworkCheck,
  PtsReadiness,
  PtsRevoke,
  PtsStepPath,
  PtsTargetCard,
  PtsTenant,
  StepChangeEvent,
  SUB_ELEMENTS,
  TargetBlockedEvent,
  TargetConfiguredEvent,
  TargetRevokedEvent,
  TargetRevokeRequestEvent,
  TargetSavedEvent,
  type ProviderTargetSetupEventMap,
  type PtsElementTagNameMap,
} from '../../src/index.js';

// `satisfies` makes the type checker hold these lists to the maps: a tag or event missing on
// either side fails `npm run typecheck`; the tests below hold them to the code and the manifest.
const TAGS = {
  'provider-target-setup': ProviderTargetSetup,
  'pts-allowlist-status': PtsAllowlistStatus,
  'pts-auth': PtsAuth,
  'pts-deployment-mode': PtsDeploymentMode,
  'pts-destination-picker': PtsDestinationPicker,
  'pts-export-setup': PtsExportSetup,
  'pts-fallback': PtsFallback,
  'pts-hint': PtsHint,
  'pts-integration-status': PtsIntegrationStatus,
  'pts-network-check': PtsNetworkCheck,
  'pts-readiness': PtsReadiness,
  'pts-revoke': PtsRevoke,
  'pts-step-path': PtsStepPath,
  'pts-target-card': PtsTargetCard,
  'pts-tenant': PtsTenant,
} satisfies { [K in keyof PtsElementTagNameMap]: new () => PtsElementTagNameMap[K] };

const EVENTS = {
  'target-saved': TargetSavedEvent,
  'target-configured': TargetConfiguredEvent,
  'target-blocked': TargetBlockedEvent,
  'target-revoked': TargetRevokedEvent,
  'target-revoke-request': TargetRevokeRequestEvent,
  'step-change': StepChangeEvent,
  'fallback-chosen': FallbackChosenEvent,
} satisfies { [K in keyof ProviderTargetSetupEventMap]: { eventName: K; prototype: ProviderTargetSetupEventMap[K] } };

interface Reference {
  name: string;
  module?: string;
  package?: string;
}
interface Manifest {
  modules: Array<{
    path: string;
    declarations: Array<{ name: string; tagName?: string; events?: Array<{ name: string }> }>;
    exports: Array<{ kind: string; name: string; declaration: Reference }>;
  }>;
}

async function json<T>(path: string): Promise<T> {
  return (await (await fetch(path)).json()) as T;
}

/** Every `{ name, module }` reference anywhere in the manifest. */
function references(node: unknown, out: Reference[] = []): Reference[] {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') {
    const ref = node as Partial<Reference>;
    if (typeof ref.name === 'string' && typeof ref.module === 'string') out.push(ref as Reference);
    Object.values(node).forEach((n) => references(n, out));
  }
  return out;
}

describe('tag map, event map and manifest', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = await json<Manifest>('/custom-elements.json');
    // The define entry registers the first step's tags at once and the later steps' as their chunk arrives, at idle.
    await Promise.all(Object.keys(TAGS).map((tag) => customElements.whenDefined(tag)));
  });

  it('maps every registered tag to its class, typed for querySelector and createElement', () => {
    const registered = [ProviderTargetSetup, ...SUB_ELEMENTS].map((c) => c.tag).sort();
    expect(Object.keys(TAGS).sort()).to.deep.equal(registered);
    for (const [tag, cls] of Object.entries(TAGS)) {
      expect(document.createElement(tag), tag).to.be.instanceOf(cls);
    }
    const auth: PtsAuth = document.createElement('pts-auth');
    const root: ProviderTargetSetup | null = document.querySelector('provider-target-setup');
    expect(auth.localName).to.equal('pts-auth');
    expect(root).to.equal(null);
  });

  it('lists every public event in the event map, the classes and the manifest alike', () => {
    const documented = manifest.modules
      .flatMap((m) => m.declarations)
      .find((d) => d.tagName === 'provider-target-setup')
      ?.events?.map((e) => e.name);
    expect([...(documented ?? [])].sort()).to.deep.equal(Object.keys(EVENTS).sort());
    for (const [name, cls] of Object.entries(EVENTS)) expect(cls.eventName).to.equal(name);
  });

  it('points every manifest path at a built file that package.json exports', async () => {
    const pkg = await json<{ exports: Record<string, string | { default: string }> }>('/package.json');
    const exported = new Set(Object.values(pkg.exports).map((t) => (typeof t === 'string' ? t : t.default).replace(/^\.\//, '')));
    const paths = manifest.modules.map((m) => m.path);
    expect(paths).to.deep.equal(['dist/index.js', 'dist/define.js']);
    for (const path of paths) expect(exported.has(path), path).to.equal(true);
    const linked = references(manifest).filter((r) => !r.package);
    expect(linked.length).to.be.greaterThan(0);
    expect([...new Set(linked.map((r) => r.module))].filter((m) => !paths.includes(m!))).to.deep.equal([]);
  });

  it('has a custom-element-definition in dist/define.js for every tag, and importing define registers them', () => {
    const define = manifest.modules.find((m) => m.path === 'dist/define.js')!;
    const definitions = define.exports.filter((e) => e.kind === 'custom-element-definition');
    expect(definitions.map((d) => d.name).sort()).to.deep.equal(Object.keys(TAGS).sort());
    for (const d of definitions) {
      const cls = TAGS[d.name as keyof typeof TAGS];
      expect(d.declaration, d.name).to.deep.equal({ name: cls.name, module: 'dist/index.js' });
      expect(customElements.get(d.name), d.name).to.equal(cls);
    }
  });
});
