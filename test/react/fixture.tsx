/**
 * A React 19 app as an integrator would write it: the `@lit/react` wrapper
 * with typed event props, and the plain tags typed by `JSX.IntrinsicElements`.
 * `npm run typecheck` checks it (test/react/tsconfig.json); the browser test
 * bundles it with React and renders it.
 */
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { DocOverrides, StepChangeEvent, TargetBlockedEvent, TargetSavedEvent } from 'provider-target-setup';
import { ProviderTargetSetup } from 'provider-target-setup/react';

export interface FixtureProps {
  endpoint: string;
  docLinks: DocOverrides;
  /** Called by every event prop of the wrapper, and by the plain tag's `ontarget-saved`. */
  heard: (source: 'wrapper' | 'plain', name: string, event: Event) => void;
}

function App({ endpoint, docLinks, heard }: FixtureProps) {
  const [saved, setSaved] = useState('');
  const onSaved = (event: TargetSavedEvent) => {
    setSaved(event.detail.target.id);
    heard('wrapper', event.type, event);
  };
  return (
    <main>
      <ProviderTargetSetup
        id="wrapped"
        endpoint={endpoint}
        docLinks={docLinks}
        headingLevel={3}
        onTargetSaved={onSaved}
        onTargetConfigured={(e) => heard('wrapper', e.type, e)}
        onTargetBlocked={(e: TargetBlockedEvent) => heard('wrapper', e.type, e)}
        onTargetRevoked={(e) => heard('wrapper', e.type, e)}
        onTargetRevokeRequest={(e) => heard('wrapper', e.type, e)}
        onStepChange={(e: StepChangeEvent) => heard('wrapper', e.type, e)}
        onFallbackChosen={(e) => heard('wrapper', e.type, e)}
      />
      <output>{saved}</output>
      <provider-target-setup
        id="plain"
        endpoint={endpoint}
        docLinks={docLinks}
        targetId=""
        exportSetup="external"
        ontarget-saved={(e) => heard('plain', e.type, e)}
      />
      <pts-hint id="hint" label="About tokens" placement="bottom">
        Tokens are checked by the server.
      </pts-hint>
    </main>
  );
}

/** Never rendered: each line must fail to type-check, or the typecheck fails. */
export function TypeErrors() {
  return (
    <>
      {/* @ts-expect-error export-setup is empty or "external" */}
      <ProviderTargetSetup exportSetup="internal" />
      {/* @ts-expect-error docLinks is an object, not a string */}
      <provider-target-setup docLinks="[object Object]" />
      {/* @ts-expect-error the handler gets a TargetSavedEvent */}
      <ProviderTargetSetup onTargetSaved={(e: TargetBlockedEvent) => e.detail.code} />
      {/* @ts-expect-error pts-hint has no such property */}
      <pts-hint placement="bottom" nonsense />
      {/* @ts-expect-error state is read-only */}
      <provider-target-setup state={undefined} />
    </>
  );
}

export function mount(container: HTMLElement, props: FixtureProps): () => void {
  const root = createRoot(container);
  flushSync(() => root.render(<App {...props} />));
  return () => root.unmount();
}
