/**
 * JSX types for React 19 (and 18): every tag of the package in
 * `React.JSX.IntrinsicElements`, with its properties typed. React 19 sets a
 * prop as a property when the element has one of that name (`docLinks`,
 * `targetId`), and listens to an event for a prop named `on` + the exact
 * event name (`ontarget-saved`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PtsElementProperties, PtsElementTagNameMap, PtsEventsOf, PtsTagName } from '../elements/tag-map.js';

type RawEventProps<T extends PtsTagName> = {
  [K in keyof PtsEventsOf<T> & string as `on${K}`]?: (event: PtsEventsOf<T>[K]) => void;
};

/** The props React accepts on `<T>`: HTML attributes, the element's properties and its events. */
export type PtsIntrinsicElementProps<T extends PtsTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<PtsElementTagNameMap[T]>, PtsElementTagNameMap[T]>,
  keyof PtsElementProperties<PtsElementTagNameMap[T]>
> &
  PtsElementProperties<PtsElementTagNameMap[T]> &
  RawEventProps<T>;

export type PtsIntrinsicElements = { [T in PtsTagName]: PtsIntrinsicElementProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends PtsIntrinsicElements {}
  }
}
