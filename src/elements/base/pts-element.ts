import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { firstEnglish } from '../messages/en-first.js';
import {
  catalogLookup,
  lazyMessagesPending,
  loadLazyMessages,
  lookup,
  onMessagesChanged,
  pluralLookup,
  type CatalogTextKey,
  type EnglishTable,
  type MessageArgs,
  type MessageBundle,
  type MessageKey,
  type PluralMessage,
  type PluralParams,
} from '../messages/lookup.js';
import type { PtsEventMap, PtsEventName } from './events.js';
import { applySharedParts, renderedPartNames } from './parts.js';
import { controls, tokens } from './styles.js';

/** Custom states an element can expose for host styling: `:state(loading)` and friends. */
export type PtsCustomState = 'loading' | 'blocked' | 'saved' | 'error';

// Elements re-render when <html lang> changes or a language bundle is registered.
const connected = new Set<PtsElement>();
let langObserver: MutationObserver | undefined;
let unsubscribeMessages: (() => void) | undefined;

function refreshAll(): void {
  for (const element of connected) element.requestUpdate();
}

/**
 * Every token but `--pts-color-scheme` has a default on `:host`, so the
 * elements look right with no theme; set tokens on `provider-target-setup` (or any ancestor) to theme it
 * and every sub-element inside it.
 *
 * The `pts-*` events of the sub-elements are internal: they bubble within the
 * shadow tree they are fired in but are not composed, so none leaves the root.
 *
 * @summary Base class of every element in the package (not registered itself):
 * shared host styles and tokens, the message lookup, a typed internal event
 * helper, custom states and a registration helper without side effects on
 * import.
 *
 * @cssprop --pts-color-scheme - Forces `light`, `dark` or `light dark` (follows the OS). Unset, the element inherits the page's `color-scheme`.
 * @cssprop [--pts-font-family=ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font stack.
 * @cssprop [--pts-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace] - Font of codes, addresses and scopes.
 * @cssprop [--pts-font-size=0.875rem] - Base text size.
 * @cssprop [--pts-font-size-small=0.8125rem] - Help texts, badges and feedback.
 * @cssprop [--pts-font-size-large=1rem] - Titles and legends.
 * @cssprop [--pts-line-height=1.5] - Base line height.
 * @cssprop [--pts-color-text=light-dark(#151a23, #e8ebf1)] - Main text colour.
 * @cssprop [--pts-color-text-muted=light-dark(#566072, #a0a9b8)] - Secondary text colour.
 * @cssprop [--pts-color-surface=light-dark(#ffffff, #171b23)] - Card and field background.
 * @cssprop [--pts-color-surface-subtle=light-dark(#f5f6f8, #1e232d)] - Muted background (notices, skeletons, codes).
 * @cssprop [--pts-color-border=light-dark(#dfe3e9, #2e3542)] - Hairline borders.
 * @cssprop [--pts-color-border-strong=light-dark(#b4bcc8, #4a5364)] - Borders of buttons and inputs.
 * @cssprop [--pts-color-accent=light-dark(#4450d6, #9aa3ff)] - Primary actions, selection and links.
 * @cssprop [--pts-color-accent-hover=light-dark(#3540bd, #b4bbff)] - Primary actions and links on hover.
 * @cssprop [--pts-color-accent-soft=light-dark(#eef0ff, #242a4a)] - Background of selected choices and info notices.
 * @cssprop [--pts-color-on-accent=light-dark(#ffffff, #10132b)] - Text on the accent colour.
 * @cssprop [--pts-color-success=light-dark(#147342, #5fd394)] - Passed and ready states.
 * @cssprop [--pts-color-success-soft=light-dark(#e7f6ed, #133323)] - Background of success badges and notices.
 * @cssprop [--pts-color-warning=light-dark(#8a5300, #f4bf4f)] - Soft warnings.
 * @cssprop [--pts-color-warning-soft=light-dark(#fdf3e0, #362913)] - Background of warning badges and notices.
 * @cssprop [--pts-color-danger=light-dark(#b3261e, #ff8a80)] - Failures, blocked states and destructive actions.
 * @cssprop [--pts-color-danger-soft=light-dark(#fdecea, #3b1b1a)] - Background of danger badges and notices.
 * @cssprop [--pts-color-danger-hover=light-dark(#921c15, #ffb1aa)] - Destructive buttons on hover.
 * @cssprop [--pts-color-focus=light-dark(#4450d6, #9aa3ff)] - Focus ring.
 * @cssprop [--pts-radius=10px] - Card radius.
 * @cssprop [--pts-radius-small=6px] - Control radius.
 * @cssprop [--pts-shadow=0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.08)] - Card shadow.
 * @cssprop [--pts-shadow-raised=0 8px 24px rgb(16 24 40 / 0.16), 0 2px 6px rgb(16 24 40 / 0.08)] - Shadow of floating panels.
 * @cssprop [--pts-space-1=4px] - Spacing scale, smallest step.
 * @cssprop [--pts-space-2=8px] - Spacing scale.
 * @cssprop [--pts-space-3=12px] - Spacing scale.
 * @cssprop [--pts-space-4=16px] - Spacing scale.
 * @cssprop [--pts-space-5=24px] - Spacing scale.
 * @cssprop [--pts-space-6=32px] - Spacing scale, largest step.
 * @cssprop [--pts-motion-duration=160ms] - Length of transitions; `0ms` under `prefers-reduced-motion`.
 */
export class PtsElement extends LitElement {
  /** Default tag of the element; every concrete element overrides it. */
  static tag = '';

  static override styles: CSSResultGroup = [tokens, controls];

  /**
   * The English words the element falls back to after the host's overrides
   * and language bundles: the first screen's by default; the later steps'
   * elements carry every word.
   */
  static english: EnglishTable = firstEnglish;

  /**
   * Registers the element under `tag` (its default tag unless given). Does
   * nothing when the tag is already taken, so two copies of the package on one
   * page do not throw.
   */
  static define(this: CustomElementConstructor & { tag: string }, tag?: string, registry: CustomElementRegistry = customElements): void {
    const name = tag ?? this.tag;
    if (!name || registry.get(name)) return;
    // One constructor can back only one tag; a second tag gets its own subclass.
    const ctor = registry.getName?.(this) ? class extends this {} : this;
    registry.define(name, ctor);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * Per-message replacements of the English catalog (or of the active language
   * bundle). Keys are message keys, values plain text with the same `{params}`.
   */
  @property({ attribute: false }) messages?: MessageBundle;

  /** Level of the element's own headings, so they fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  readonly #internals: ElementInternals | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    if (!langObserver && typeof MutationObserver !== 'undefined') {
      langObserver = new MutationObserver(refreshAll);
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
    unsubscribeMessages ??= onMessagesChanged(refreshAll);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /**
   * The language in effect: `lang` on this element or the nearest ancestor,
   * crossing shadow roots; empty when none is set.
   */
  get resolvedLang(): string {
    if (this.#renderLang !== undefined) return this.#renderLang;
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element) {
        const lang = node.getAttribute('lang');
        if (lang) return lang;
      }
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return '';
  }

  /** The language found once per update, rather than by a walk up the tree for every message. */
  #renderLang: string | undefined;

  protected override update(changed: PropertyValues): void {
    this.#renderLang = undefined;
    this.#renderLang = this.resolvedLang;
    // A language registered to load on demand starts loading now; the elements re-render when it is in.
    if (lazyMessagesPending(this.#renderLang)) void loadLazyMessages(this.#renderLang);
    try {
      super.update(changed);
    } finally {
      this.#renderLang = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    applySharedParts(this.renderRoot);
    this.exportParts();
  }

  /**
   * Nested in another of our elements: passes the parts it renders on to that
   * element (`exportparts`), so the root's host can style them; the outer
   * element then passes them on in turn.
   */
  private exportParts(): void {
    const root = this.getRootNode();
    const outer = root instanceof ShadowRoot ? root.host : null;
    if (!(outer instanceof PtsElement)) return;
    const names = renderedPartNames(this.renderRoot);
    if (this.getAttribute('exportparts') === names) return;
    this.setAttribute('exportparts', names);
    outer.exportParts();
  }

  /** Text of a catalog message in the element's language, with overrides applied. */
  protected t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
    const english = (this.constructor as typeof PtsElement).english;
    return lookup(key, args[0] as never, { lang: this.resolvedLang, overrides: this.messages }, english);
  }

  /**
   * One provider catalog text by its key (`provider.jira.label`) in the element's
   * language; the catalog's English when there is none. Whole providers and
   * editions go through `base/catalog-text.ts`, which the first screen does not need.
   */
  protected catalogText(key: CatalogTextKey, english: string): string {
    return catalogLookup(key, english, { lang: this.resolvedLang, overrides: this.messages });
  }

  /** A plural message for `count` (`status.attention`): the form the language's `Intl.PluralRules` picks. */
  protected n<B extends PluralMessage>(base: B, count: number, params?: PluralParams<B>): string {
    const english = (this.constructor as typeof PtsElement).english;
    return pluralLookup(base, count, params, { lang: this.resolvedLang, overrides: this.messages }, english);
  }

  /**
   * Fires an internal event on the host: bubbles within the surrounding shadow
   * tree, never composed, so it cannot leave the root element.
   */
  protected emit<K extends PtsEventName>(name: K, detail: PtsEventMap[K], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: false, cancelable }));
  }

  /**
   * A heading at the element's level (`headingLevel`). `focusable` lets script
   * move focus to it (tabindex -1) without adding a tab stop.
   */
  protected heading(text: string, cls = 'title', id?: string, focusable = false): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`<div role="heading" aria-level=${level} class=${cls} id=${id ?? nothing} tabindex=${focusable ? '-1' : nothing}>
      ${text}
    </div>`;
  }

  /** Turns a custom state on or off; a no-op where the browser has no CustomStateSet. */
  protected setCustomState(name: PtsCustomState, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Browsers that shipped the early API only accept dashed identifiers.
      try {
        if (on) states.add(`--${name}`);
        else states.delete(`--${name}`);
      } catch {
        /* no custom states here */
      }
    }
  }

  /** Whether a custom state is on (for hosts without `:state()` support and for tests). */
  hasCustomState(name: PtsCustomState): boolean {
    const states = this.#internals?.states;
    return !!states && (states.has(name) || states.has(`--${name}`));
  }
}
