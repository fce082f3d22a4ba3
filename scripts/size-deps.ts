// What the third-party runtime costs before any of our element code: lit, @lit/context,
// the floating-ui functions the hint uses, and zod/mini through the contract schemas.
export { LitElement, html, css, nothing } from 'lit';
export { property, state, query } from 'lit/decorators.js';
export { createContext, ContextProvider, ContextConsumer } from '@lit/context';
export { computePosition, autoUpdate, flip, shift, offset, hide } from '@floating-ui/dom';
export * from '../src/core/contract/index.js';
