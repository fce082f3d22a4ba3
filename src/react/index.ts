/**
 * React wrappers, built with `@lit/react`: `<ProviderTargetSetup>` takes the
 * element's properties as props (objects included) and its public events as
 * `onTargetSaved`, `onTargetBlocked`, … props. Importing this entry registers
 * the tags (as `provider-target-setup/define` does) and adds every tag to
 * `JSX.IntrinsicElements`, so plain `<provider-target-setup>` type-checks too.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ProviderTargetSetup as ProviderTargetSetupElement } from '../define.js';
import type { PtsElementProperties, PtsEventHandlerProps, PtsEventsOf, PtsPascalCase } from '../elements/tag-map.js';
import {
  FallbackChosenEvent,
  StepChangeEvent,
  TargetBlockedEvent,
  TargetConfiguredEvent,
  TargetRevokedEvent,
  TargetRevokeRequestEvent,
  TargetSavedEvent,
} from '../elements/provider-target-setup/index.js';

export type { PtsIntrinsicElementProps, PtsIntrinsicElements } from './jsx.js';

type SetupEvents = PtsEventsOf<'provider-target-setup'>;

/** The event name, branded with its event class so `@lit/react` types the handler. */
function eventOf<C extends { readonly eventName: string; new (...args: never[]): Event }>(
  eventClass: C,
): C['eventName'] & EventName<InstanceType<C>> {
  return eventClass.eventName as C['eventName'] & EventName<InstanceType<C>>;
}

/** One prop per public event; `satisfies` fails the build when the event map gains one. */
const events = {
  onTargetSaved: eventOf(TargetSavedEvent),
  onTargetConfigured: eventOf(TargetConfiguredEvent),
  onTargetBlocked: eventOf(TargetBlockedEvent),
  onTargetRevoked: eventOf(TargetRevokedEvent),
  onTargetRevokeRequest: eventOf(TargetRevokeRequestEvent),
  onStepChange: eventOf(StepChangeEvent),
  onFallbackChosen: eventOf(FallbackChosenEvent),
} satisfies { [K in keyof SetupEvents & string as `on${PtsPascalCase<K>}`]: K & EventName<SetupEvents[K]> };

/** Props of `<ProviderTargetSetup>`: HTML attributes, the element's properties and one handler per event. */
export type ProviderTargetSetupProps = Omit<
  React.HTMLAttributes<ProviderTargetSetupElement>,
  keyof PtsElementProperties<ProviderTargetSetupElement> | keyof typeof events
> &
  PtsElementProperties<ProviderTargetSetupElement> &
  PtsEventHandlerProps<'provider-target-setup'>;

export const ProviderTargetSetup: React.ForwardRefExoticComponent<
  ProviderTargetSetupProps & React.RefAttributes<ProviderTargetSetupElement>
> = createComponent({
  react: React,
  tagName: ProviderTargetSetupElement.tag,
  elementClass: ProviderTargetSetupElement,
  events,
  displayName: 'ProviderTargetSetup',
});
