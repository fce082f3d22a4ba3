/**
 * Compile-only: `npm run typecheck` fails when the public event map stops
 * typing listeners. Nothing here runs; the `@ts-expect-error` lines fail the
 * check if the mistake they show ever compiles.
 */
import type {
  ErrorCode,
  FallbackChosenEvent,
  FlowStep,
  ProviderTargetSetup,
  StepChangeEvent,
  TargetBlockedEvent,
  TargetDraft,
  TargetRecord,
  TargetRevokedEvent,
  TargetRevokeRequestEvent,
  TargetSavedEvent,
} from '../../src/index.js';

declare const el: ProviderTargetSetup;
declare const other: HTMLElement;

el.addEventListener('target-saved', (e) => {
  const event: TargetSavedEvent = e;
  const target: TargetRecord = event.detail.target;
  void target;
  // @ts-expect-error the detail is read-only
  e.detail.target = target;
  // @ts-expect-error no credential ever travels in an event
  void e.detail.credential;
});

el.addEventListener('target-blocked', (e) => {
  const event: TargetBlockedEvent = e;
  const code: ErrorCode = event.detail.code;
  const draft: TargetDraft = e.detail.draft;
  void code;
  void draft;
  // @ts-expect-error checks are optional
  void e.detail.checks.length;
});

el.addEventListener('target-revoked', (e) => void (e satisfies TargetRevokedEvent));
el.addEventListener('target-revoke-request', (e) => {
  const event: TargetRevokeRequestEvent = e;
  event.preventDefault();
});

el.addEventListener('step-change', (e) => {
  const event: StepChangeEvent = e;
  const step: FlowStep = event.detail.step;
  const previous: FlowStep = e.detail.previous;
  void step;
  void previous;
  // @ts-expect-error a step is one of the five
  const wrong: 'auth' = e.detail.step;
  void wrong;
});

el.addEventListener('fallback-chosen', (e) => {
  const event: FallbackChosenEvent = e;
  const format: string | undefined = event.detail.format;
  void format;
});

// The map is global: any element's listener for these names is typed, since the events are composed.
other.addEventListener('target-saved', (e) => void (e.detail.target.id satisfies string));

// An unknown name is a plain Event, without a detail.
el.addEventListener('target-created', (e) => {
  // @ts-expect-error no such event in the map
  void e.detail;
});
