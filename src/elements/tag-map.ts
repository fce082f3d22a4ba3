/**
 * Every tag the package registers, with the class behind it. The global
 * `HTMLElementTagNameMap` extends it, so `document.querySelector('pts-auth')`
 * and `document.createElement('provider-target-setup')` are typed; the JSX and
 * Vue typings in `provider-target-setup/react` and `provider-target-setup/vue`
 * are derived from it as well.
 */
import type { LitElement } from 'lit';
import type {
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
} from './index.js';
import type { ProviderTargetSetup, ProviderTargetSetupEventMap } from './provider-target-setup/index.js';

export interface PtsElementTagNameMap {
  'provider-target-setup': ProviderTargetSetup;
  'pts-allowlist-status': PtsAllowlistStatus;
  'pts-auth': PtsAuth;
  'pts-deployment-mode': PtsDeploymentMode;
  'pts-destination-picker': PtsDestinationPicker;
  'pts-export-setup': PtsExportSetup;
  'pts-fallback': PtsFallback;
  'pts-hint': PtsHint;
  'pts-integration-status': PtsIntegrationStatus;
  'pts-network-check': PtsNetworkCheck;
  'pts-readiness': PtsReadiness;
  'pts-revoke': PtsRevoke;
  'pts-step-path': PtsStepPath;
  'pts-target-card': PtsTargetCard;
  'pts-tenant': PtsTenant;
}

export type PtsTagName = keyof PtsElementTagNameMap;

declare global {
  interface HTMLElementTagNameMap extends PtsElementTagNameMap {}
}

/**
 * The public events each tag fires for its host, by name. The sub-elements'
 * `pts-*` events are internal (not composed) and are left out.
 */
export interface PtsElementEventMaps {
  'provider-target-setup': ProviderTargetSetupEventMap;
}

export type PtsEventsOf<T extends PtsTagName> = T extends keyof PtsElementEventMaps ? PtsElementEventMaps[T] : {};

/** `target-saved` → `TargetSaved`. */
export type PtsPascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PtsPascalCase<Tail>}`
  : Capitalize<S>;

/** Framework event props in the `onTargetSaved` style (React wrappers, Vue's `@target-saved`). */
export type PtsEventHandlerProps<T extends PtsTagName> = {
  [K in keyof PtsEventsOf<T> & string as `on${PtsPascalCase<K>}`]?: (event: PtsEventsOf<T>[K]) => void;
};

type IfEquals<X, Y, A, B> = (<V>() => V extends X ? 1 : 2) extends <V>() => V extends Y ? 1 : 2 ? A : B;
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];

/**
 * What a template may set on an element: its own public, writable members
 * that are not methods (`docLinks`, `targetId`, `messages`, …). What every
 * HTML element has (`lang`, `id`, `hidden`, …) comes from the framework's own
 * HTML attribute types.
 */
export type PtsElementProperties<E> = {
  [K in Exclude<WritableKeys<E>, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};
