import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { toBackendError } from '../../client/errors.js';
import type { ErrorCode } from '../../core/contract/errors.js';
import type { DestinationItem, DestinationLevel, DestinationPage, EmptyReason } from '../../core/contract/export.js';
import { forms } from '../base/form-styles.js';
import { icon } from '../base/icons.js';
import { externalLink } from '../base/links.js';
import { PtsElement } from '../base/pts-element.js';
import { laterEnglish } from '../messages/en-steps.js';
import { pickerStyles } from './destination-picker.styles.js';

/** One page of a destination list: the search text, the cursor of the page, and a signal that cancels it. */
export type DestinationLoader = (query: string, cursor: string | undefined, signal: AbortSignal) => Promise<DestinationPage>;

/** How long typing pauses before the backend is asked to search. */
const SEARCH_DELAY_MS = 250;
/** Arrowing this close to the end of what is loaded asks for the next page. */
const PREFETCH_ROWS = 5;
const PAGE_STEP = 10;
/** Empty pages with a cursor read in a row before waiting for the customer. */
const MAX_EMPTY_PAGES = 20;

/**
 * An editable combobox over a list the provider answers page by page: the
 * first page loads at once; typing asks the backend to search (after a short
 * pause); the next page loads when the keyboard nears the end or the list is
 * scrolled down, or from "Show more". Only loaded items are in the DOM, so a
 * list of thousands stays quick. Follows the ARIA combobox pattern with a
 * listbox popup: focus stays in the input and `aria-activedescendant` names
 * the active option.
 *
 * Keys: ArrowDown / ArrowUp open the list and move; PageDown / PageUp move by
 * ten; Enter chooses; Escape closes (and a second Escape clears the search).
 *
 * @summary Choose one place tickets go (a project, a repository, a list…)
 * from a searchable, paged list.
 *
 * @tagname pts-destination-picker
 * @fires {CustomEvent<{ item: DestinationItem }>} pts-destination-select - An item was chosen.
 * @csspart input - The search field.
 * @csspart listbox - The list of options.
 * @csspart option - One option.
 * @csspart empty - Why the list is empty, with the provider's action.
 * @cssstate loading - A page is loading.
 * @cssstate error - The list could not be loaded.
 */
export class PtsDestinationPicker extends PtsElement {
  static override tag = 'pts-destination-picker';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, pickerStyles];

  /** Which level this list holds; names the field. */
  @property() level: DestinationLevel = 'project';

  /** The field's label; the level's catalog name when empty. */
  @property() label = '';

  /** Whether a choice may be left out (a ClickUp folder). */
  @property({ type: Boolean }) optional = false;

  /** Fetches one page. Nothing loads without it. */
  @property({ attribute: false }) load: DestinationLoader | undefined;

  /** The chosen item. */
  @property({ attribute: false }) value: DestinationItem | null = null;

  /** Show that a choice is required (after a submit without one). */
  @property({ type: Boolean }) invalid = false;

  @property({ type: Boolean }) disabled = false;

  @state() private items: readonly DestinationItem[] = [];
  @state() private next: string | null = null;
  @state() private empty: EmptyReason | undefined;
  @state() private status: 'idle' | 'loading' | 'more' | 'error' = 'idle';
  @state() private errorCode: ErrorCode | null = null;
  @state() private open = false;
  @state() private active = -1;
  @state() private text = '';
  /** The search the loaded items answer. */
  #answered: string | null = null;
  #abort: AbortController | undefined;
  #emptyRun = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  @query('input') private input!: HTMLInputElement | null;

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && !this.open) this.text = this.value?.name ?? '';
    if ((changed.has('load') || changed.has('disabled')) && this.load && !this.disabled && this.#answered === null) this.#fetch(false);
    this.setCustomState('loading', this.status === 'loading' || this.status === 'more');
    this.setCustomState('error', this.status === 'error');
  }

  /** The text being searched for: none while the input shows the chosen item. */
  get #query(): string {
    const t = this.text.trim();
    return this.value && t === this.value.name ? '' : t;
  }

  #fetch(more: boolean): void {
    const load = this.load;
    if (!load) return;
    if (more && (this.next === null || this.status === 'more' || this.status === 'loading')) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const q = this.#query;
    const cursor = more ? (this.next ?? undefined) : undefined;
    if (!more) this.#emptyRun = 0;
    this.status = more ? 'more' : 'loading';
    this.errorCode = null;
    load(q, cursor, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        this.items = more ? [...this.items, ...page.items] : page.items;
        this.next = page.next_cursor;
        this.empty = page.empty;
        this.#answered = q;
        this.status = 'idle';
        if (!more) this.active = this.open && this.items.length ? 0 : -1;
        // A provider that filters after paging can answer a search with an empty page and a cursor: read on, a bounded number of pages.
        this.#emptyRun = page.items.length ? 0 : this.#emptyRun + 1;
        if (!page.items.length && page.next_cursor !== null && this.#emptyRun < MAX_EMPTY_PAGES) this.#fetch(true);
        else if (more && this.open && this.active < 0 && this.items.length) this.active = 0;
      },
      (raw: unknown) => {
        if (abort.signal.aborted) return;
        const error = toBackendError(raw);
        if (error.code === 'REQUEST_ABORTED') return;
        this.errorCode = error.code;
        this.status = 'error';
      },
    );
  }

  #search(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#query !== this.#answered) this.#fetch(false);
    }, SEARCH_DELAY_MS);
  }

  #show(): void {
    if (this.disabled) return;
    this.open = true;
    if (this.active < 0 && this.items.length) {
      const chosen = this.value ? this.items.findIndex((i) => i.id === this.value!.id) : -1;
      this.active = Math.max(0, chosen);
    }
    if (this.#answered === null && this.status !== 'loading') this.#fetch(false);
  }

  #close(): void {
    this.open = false;
    this.active = -1;
    if (this.value) this.text = this.value.name;
  }

  #move(to: number): void {
    if (!this.items.length) return;
    this.active = Math.min(this.items.length - 1, Math.max(0, to));
    if (this.active >= this.items.length - PREFETCH_ROWS) this.#fetch(true);
    void this.updateComplete.then(() => this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
  }

  #choose(index: number): void {
    const item = this.items[index];
    if (!item) return;
    this.value = item;
    this.text = item.name;
    this.open = false;
    this.active = -1;
    this.emit('pts-destination-select', { item });
  }

  #onKey(e: KeyboardEvent): void {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
      case 'PageDown':
      case 'PageUp': {
        e.preventDefault();
        if (!this.open) {
          this.#show();
          return;
        }
        const step = e.key.startsWith('Page') ? PAGE_STEP : 1;
        this.#move(this.active + (e.key === 'ArrowDown' || e.key === 'PageDown' ? step : -step));
        return;
      }
      case 'Enter':
        if (this.open && this.active >= 0) {
          e.preventDefault();
          this.#choose(this.active);
        }
        return;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.#close();
        } else if (this.text && this.text !== this.value?.name) {
          e.preventDefault();
          this.text = this.value?.name ?? '';
          this.#search();
        }
        return;
      case 'Tab':
        if (this.open) this.#close();
        return;
    }
  }

  #onScroll(e: Event): void {
    const list = e.target as HTMLElement;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 40) this.#fetch(true);
  }

  #levelName(): string {
    return this.label || this.t(`export.level.${this.level}`);
  }

  #emptyNotice(): TemplateResult | typeof nothing {
    if (this.status !== 'idle' || this.items.length || this.next !== null || this.#answered === null) return nothing;
    const q = this.#answered;
    const empty = this.empty;
    const action = empty?.action;
    const text = empty?.reason === 'nothing_accessible' || q === '' ? (empty?.message ?? this.t('export.nothing')) : this.t('export.noMatch', { query: q });
    return html`<div class="empty notice ${empty?.reason === 'nothing_accessible' ? 'warning' : 'info'}" part="empty">
      ${icon(empty?.reason === 'nothing_accessible' ? 'warning' : 'info')}
      <div class="body">
        <p>${text}</p>
        ${action ? html`<p><strong>${action.url ? externalLink(action.label, action.url, this.t('common.newTab')) : action.label}</strong></p>` : nothing}
      </div>
    </div>`;
  }

  override render() {
    const name = this.#levelName();
    const listing = this.open && this.items.length > 0;
    const activeId = listing && this.active >= 0 ? `opt-${this.active}` : undefined;
    const busy = this.status === 'loading' || this.status === 'more';
    const count = this.items.length
      ? this.next === null
        ? this.t('export.all', { count: this.items.length })
        : this.t('export.shown', { count: this.items.length })
      : '';
    return html`<div class="field">
      <label class="label" for="combo">${name}${this.optional ? html` <span class="muted">(${this.t('export.optional')})</span>` : nothing}</label>
      <div class="combo">
        <input
          id="combo"
          part="input"
          class="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${listing ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${activeId ?? nothing}
          aria-invalid=${this.invalid && !this.value ? 'true' : 'false'}
          aria-describedby="picker-feedback"
          aria-busy=${busy ? 'true' : 'false'}
          placeholder=${this.t('export.search')}
          ?disabled=${this.disabled}
          .value=${live(this.text)}
          @input=${(e: Event) => {
            this.text = (e.target as HTMLInputElement).value;
            this.open = true;
            this.#search();
          }}
          @keydown=${this.#onKey}
          @click=${() => (this.open ? this.#close() : this.#show())}
          @blur=${(e: FocusEvent) => {
            // Choosing with the pointer moves focus into the list first; that is not leaving.
            if (!this.renderRoot.contains(e.relatedTarget as Node | null)) this.#close();
          }}
        />
        ${busy ? icon('spinner', 'spin') : nothing}
      </div>
      <ul
        id="listbox"
        role="listbox"
        part="listbox"
        aria-label=${name}
        tabindex="-1"
        ?hidden=${!listing}
        @scroll=${this.#onScroll}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${listing
          ? this.items.map(
              (item, i) => html`<li
                id="opt-${i}"
                role="option"
                part="option"
                class=${i === this.active ? 'active' : ''}
                aria-selected=${this.value?.id === item.id ? 'true' : 'false'}
                @click=${() => this.#choose(i)}
              >
                <span class="name">${item.name}</span>${item.detail ? html`<span class="detail">${item.detail}</span>` : nothing}
              </li>`,
            )
          : nothing}
      </ul>
      <div id="picker-feedback">
        ${this.invalid && !this.value
          ? html`<p class="feedback error">${icon('warning')}<span>${this.t('export.required', { level: name })}</span></p>`
          : nothing}
        ${this.status === 'loading' ? html`<p class="count">${this.t('export.loading')}</p>` : nothing}
        ${this.status === 'error'
          ? html`<p class="feedback error">${icon('warning')}<span>${this.t('export.listFailed')} ${this.t(`error.${this.errorCode ?? 'BACKEND_UNAVAILABLE'}`)}</span></p>`
          : nothing}
        ${listing ? html`<p class="count">${count}</p>` : nothing}
      </div>
      ${this.status === 'error'
        ? html`<div class="more"><button type="button" class="btn small" @click=${() => this.#fetch(this.items.length > 0)}>${icon('refresh')}${this.t('common.retry')}</button></div>`
        : nothing}
      ${listing && this.next !== null
        ? html`<div class="more">
            <button type="button" class="btn ghost small" tabindex="-1" ?disabled=${this.status === 'more'} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#fetch(true)}>
              ${this.status === 'more' ? html`${icon('spinner', 'spin')}${this.t('export.loadingMore')}` : this.t('export.more')}
            </button>
          </div>`
        : nothing}
      ${this.#emptyNotice()}
    </div>`;
  }
}
