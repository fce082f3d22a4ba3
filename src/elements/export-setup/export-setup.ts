import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { DestinationItem, DestinationPage, DestinationStep, ExportSettings, ListDestinationsRequest } from '../../core/contract/export.js';
import {
  DESTINATION_PATHS,
  DUPLICATE_HANDLING,
  EXTRA_LEVELS,
  WEBHOOK_EVENTS,
  type DestinationLevel,
  type DuplicateHandling,
  type WebhookEvent,
} from '../../core/contract/export-vocabulary.js';
import type { TargetRecord } from '../../core/contract/schemas.js';
import type { ProviderId } from '../../core/providers/types.js';
import type { DestinationLoader, PtsDestinationPicker } from '../destination-picker/destination-picker.js';
import type { PtsEvent } from '../base/events.js';
import { forms } from '../base/form-styles.js';
import { icon } from '../base/icons.js';
import { PtsElement } from '../base/pts-element.js';
import { laterEnglish } from '../messages/en-steps.js';
import { exportSetupStyles } from './export-setup.styles.js';

/** One page of a destination list, from the saved target's provider. */
export type ExportLoader = (request: ListDestinationsRequest, signal: AbortSignal) => Promise<DestinationPage>;

/** One list of the chain: what it is listed under, and what was chosen in it. */
interface Link {
  readonly parent: DestinationStep | null;
  readonly chosen: DestinationItem | null;
}

/** The level listed under `parent` on the provider's path: the first one without a parent. */
export function levelUnder(provider: ProviderId, parent: DestinationStep | null): DestinationLevel | undefined {
  const path = DESTINATION_PATHS[provider];
  if (!parent) return path[0];
  const at = path.indexOf(parent.level);
  return at < 0 ? undefined : path[at + 1];
}

const step = (item: DestinationItem): DestinationStep => ({ level: item.level, id: item.id, name: item.name });

/** The chain of lists for saved settings: each step chosen under the one before. */
function chainOf(destination: readonly DestinationStep[]): Link[] {
  if (destination.length === 0) return [{ parent: null, chosen: null }];
  return destination.map((s, i) => ({
    parent: i === 0 ? null : destination[i - 1]!,
    chosen: { ...s, has_children: i < destination.length - 1 },
  }));
}

/**
 * Owns the choices until they are saved, and hands them up with one
 * `pts-export-save`. A chosen item that has children opens the next list
 * under it; the backend decides what that list holds (a ClickUp space lists
 * its folders and the lists outside any folder together), so the chain
 * follows the provider rather than a fixed form.
 *
 * @summary Provider-specific setup after save: where tickets go (one list per
 * level of the provider's path, each searchable and paged), labels where the
 * provider has them, how a finding that already has a ticket is handled, and
 * for a webhook which events are delivered.
 *
 * @tagname pts-export-setup
 * @fires {CustomEvent<{ settings: ExportSettings }>} pts-export-save - `submit()` with complete settings.
 * @csspart destination - The lists of where tickets go.
 * @csspart duplicates - The duplicate handling choices.
 * @csspart events - The webhook event choices.
 */
export class PtsExportSetup extends PtsElement {
  static override tag = 'pts-export-setup';
  static override english = laterEnglish;
  static override styles = [PtsElement.styles, forms, exportSetupStyles];

  /** The saved target being set up: its provider decides the lists; its settings are the starting choices. */
  @property({ attribute: false }) target: TargetRecord | null = null;

  /** The provider's name, as the customer knows it. */
  @property({ attribute: 'provider-label' }) providerLabel = '';

  /** Lists destinations. Nothing is listed without it. */
  @property({ attribute: false }) loader: ExportLoader | undefined;

  /** A save is in flight: choices are locked. */
  @property({ type: Boolean }) busy = false;

  @state() private chain: Link[] = [{ parent: null, chosen: null }];
  @state() private labels: string[] = [];
  @state() private duplicates: DuplicateHandling = 'update';
  @state() private events: WebhookEvent[] = [...WEBHOOK_EVENTS];
  @state() private submitted = false;
  #loaders = new Map<string, DestinationLoader>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target')) {
      const before = changed.get('target') as TargetRecord | null | undefined;
      if (before?.id !== this.target?.id) this.#reset();
    }
    if (changed.has('loader')) this.#loaders.clear();
  }

  #reset(): void {
    const saved = this.target?.export_settings;
    this.chain = chainOf(saved?.destination ?? []);
    this.labels = [...(saved?.labels ?? [])];
    this.duplicates = saved?.duplicates ?? 'update';
    this.events = saved?.events ? [...saved.events] : [...WEBHOOK_EVENTS];
    this.submitted = false;
  }

  get #provider(): ProviderId | undefined {
    return this.target?.provider;
  }

  /** The settings as chosen so far. */
  get settings(): ExportSettings {
    const provider = this.#provider;
    if (provider === 'webhook') return { destination: [], duplicates: this.duplicates, events: [...this.events] };
    const destination = this.chain.flatMap((l) => (l.chosen ? [step(l.chosen)] : []));
    return {
      destination,
      duplicates: this.duplicates,
      ...(provider && EXTRA_LEVELS[provider] === 'label' && this.labels.length ? { labels: [...this.labels] } : {}),
    };
  }

  get #complete(): boolean {
    if (this.#provider === 'webhook') return this.events.length > 0;
    const last = this.chain.at(-1)?.chosen;
    return !!last && !last.has_children;
  }

  /** Focuses the first choice still missing, else the first list. */
  override focus(options?: FocusOptions): void {
    const missing = this.renderRoot.querySelector<HTMLElement>('pts-destination-picker[invalid], input[aria-invalid="true"]');
    (missing ?? this.renderRoot.querySelector<HTMLElement>('pts-destination-picker, input'))?.focus(options);
  }

  /** Hands complete settings up with `pts-export-save`; otherwise shows what is missing and returns false. */
  submit(): boolean {
    if (this.busy) return false;
    this.submitted = true;
    if (!this.#complete) {
      void this.updateComplete.then(() => this.focus());
      return false;
    }
    this.emit('pts-export-save', { settings: this.settings });
    return true;
  }

  #loaderFor(request: Omit<ListDestinationsRequest, 'query' | 'cursor'>): DestinationLoader {
    const key = JSON.stringify(request);
    let load = this.#loaders.get(key);
    if (!load) {
      const loader = this.loader;
      load = (query, cursor, signal) => {
        if (!loader) return Promise.reject(new Error('no loader'));
        return loader({ ...request, ...(query ? { query } : {}), ...(cursor ? { cursor } : {}) }, signal);
      };
      this.#loaders.set(key, load);
    }
    return load;
  }

  #chosen(index: number, item: DestinationItem): void {
    const chain = this.chain.slice(0, index);
    chain.push({ parent: this.chain[index]?.parent ?? null, chosen: item });
    if (item.has_children) chain.push({ parent: step(item), chosen: null });
    // Labels belong to one repository: another repository starts without them.
    if (item.level === 'repository' && this.chain[index]?.chosen?.id !== item.id) this.labels = [];
    this.chain = chain;
    void this.updateComplete.then(() => this.renderRoot.querySelector<PtsDestinationPicker>(`#level-${index + 1}`)?.focus());
  }

  #levels(provider: ProviderId): TemplateResult {
    const pickers = this.chain.map((link, i) => {
      const level = levelUnder(provider, link.parent);
      if (!level) return nothing;
      const parent = link.parent ? { level: link.parent.level, id: link.parent.id } : undefined;
      return keyed(
        `${i}/${parent?.id ?? ''}`,
        html`<pts-destination-picker
          id="level-${i}"
          .messages=${this.messages}
          .level=${level}
          .load=${this.#loaderFor(parent ? { parent } : {})}
          .value=${link.chosen}
          ?invalid=${this.submitted && !link.chosen}
          ?disabled=${this.busy}
          @pts-destination-select=${(e: PtsEvent<'pts-destination-select'>) => this.#chosen(i, e.detail.item)}
        ></pts-destination-picker>`,
      );
    });
    const repo = this.chain.find((l) => l.chosen?.level === 'repository')?.chosen;
    const extra = EXTRA_LEVELS[provider];
    return html`<div class="levels" part="destination" role="group" aria-labelledby="destination-title">
      ${this.heading(this.t('export.destination'), 'title', 'destination-title')}
      <p class="help">${this.t('export.intro', { provider: this.providerLabel })}</p>
      ${pickers}
      ${extra === 'label' && repo ? this.#labels(repo) : nothing}
    </div>`;
  }

  #labels(repo: DestinationItem): TemplateResult {
    return html`<div class="field">
      ${keyed(
        repo.id,
        html`<pts-destination-picker
          id="labels"
          optional
          .messages=${this.messages}
          level="label"
          .load=${this.#loaderFor({ level: 'label', parent: { level: 'repository', id: repo.id } })}
          .value=${null}
          ?disabled=${this.busy}
          @pts-destination-select=${(e: PtsEvent<'pts-destination-select'>) => {
            const name = e.detail.item.id;
            if (!this.labels.includes(name)) this.labels = [...this.labels, name];
            (e.target as PtsDestinationPicker).value = null;
          }}
        ></pts-destination-picker>`,
      )}
      <p class="help">${this.t('export.labelsHelp')}</p>
      ${this.labels.length
        ? html`<ul class="chips" aria-label=${this.t('export.level.label')}>
            ${this.labels.map(
              (label) => html`<li class="chip">
                <span>${label}</span>
                <button type="button" aria-label=${this.t('export.removeLabel', { label })} ?disabled=${this.busy} @click=${() => (this.labels = this.labels.filter((l) => l !== label))}>
                  ${icon('cross')}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #events(): TemplateResult {
    const missing = this.submitted && this.events.length === 0;
    return html`<fieldset part="events" aria-describedby=${missing ? 'events-error' : nothing}>
      <legend>${this.t('export.events')}</legend>
      <p class="help">${this.t('export.introWebhook')}</p>
      <div class="choices">
        ${WEBHOOK_EVENTS.map(
          (event) => html`<label class="check">
            <input
              type="checkbox"
              name="events"
              value=${event}
              .checked=${live(this.events.includes(event))}
              aria-invalid=${missing ? 'true' : 'false'}
              ?disabled=${this.busy}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.events = WEBHOOK_EVENTS.filter((x) => (x === event ? on : this.events.includes(x)));
              }}
            />
            <span class="body"><span class="name">${this.t(`export.event.${event}`)}</span> <span class="help">${this.t(`export.event.${event}.help`)}</span></span>
          </label>`,
        )}
      </div>
      ${missing ? html`<p class="feedback error" id="events-error">${icon('warning')}<span>${this.t('export.eventsRequired')}</span></p>` : nothing}
    </fieldset>`;
  }

  #duplicates(): TemplateResult {
    return html`<fieldset part="duplicates">
      <legend>${this.t('export.duplicates')}</legend>
      <div class="choices">
        ${DUPLICATE_HANDLING.map(
          (choice) => html`<label class="choice">
            <input
              type="radio"
              name="duplicates"
              value=${choice}
              .checked=${live(this.duplicates === choice)}
              ?disabled=${this.busy}
              @change=${() => (this.duplicates = choice)}
            />
            <span class="body">
              <span class="name">${this.t(`export.duplicates.${choice}`)}</span>
              <span class="help">${this.t(`export.duplicates.${choice}.help`)}</span>
            </span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  override render() {
    const provider = this.#provider;
    if (!provider) return nothing;
    const webhook = provider === 'webhook';
    return html`<form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        this.submit();
      }}
    >
      ${webhook ? this.#events() : html`${this.#levels(provider)}${this.#duplicates()}`}
    </form>`;
  }
}
