/**
 * The provider catalog's texts by message key. The catalog keeps its English
 * (it is the one place for those facts); each text a customer reads has a
 * stable key made of ids, so a language bundle or a host can replace it:
 *
 *   provider.<provider>.label
 *   provider.<provider>.signing.<scheme>.label
 *   edition.<edition>.label
 *   edition.<edition>.tenant.label | .placeholder | .help
 *   edition.<edition>.url.placeholder | .help
 *   edition.<edition>.limit.<limitation>
 *   edition.<edition>.note.<note>
 *   edition.<edition>.method.<method>.label | .grants | .action | .revoke | .create
 *   edition.<edition>.method.<method>.field.<field>
 *   edition.<edition>.method.<method>.hint.<hint>
 *
 * Edition ids are unique across the catalog, so an edition's keys need no
 * provider. Scopes, token types and header names are identifiers, not text.
 */
import type { AuthMethod, Edition, EditionSummary, Provider, ProviderSummary } from './types.js';

export type CatalogTextKey = `provider.${string}` | `edition.${string}`;

/** Returns the text for `key`: a translation, or `english` (the catalog's own text) when there is none. */
export type CatalogTranslate = (key: CatalogTextKey, english: string) => string;

function localizeMethod(prefix: `edition.${string}`, m: AuthMethod, t: CatalogTranslate): AuthMethod {
  const k = `${prefix}.method.${m.id}` as const;
  const method: AuthMethod = {
    ...m,
    label: t(`${k}.label`, m.label),
    grants: t(`${k}.grants`, m.grants),
    authRequiredAction: t(`${k}.action`, m.authRequiredAction),
    revoke: { ...m.revoke, label: t(`${k}.revoke`, m.revoke.label) },
  };
  if (m.create) method.create = { ...m.create, label: t(`${k}.create`, m.create.label) };
  if (m.extraFields) method.extraFields = m.extraFields.map((f) => ({ ...f, label: t(`${k}.field.${f.name}`, f.label) }));
  if (m.tokenHints) method.tokenHints = m.tokenHints.map((h) => ({ ...h, warning: t(`${k}.hint.${h.id}`, h.warning) }));
  return method;
}

/** An edition with its texts looked up; a summary stays a summary. */
export function localizeEdition<E extends EditionSummary | Edition>(edition: E, t: CatalogTranslate): E {
  const k = `edition.${edition.id}` as const;
  const out = { ...edition, label: t(`${k}.label`, edition.label) };
  if (!('authMethods' in edition)) return out;
  const e = edition as Edition;
  const full = out as unknown as Edition;
  if (e.tenant) {
    full.tenant = {
      ...e.tenant,
      label: t(`${k}.tenant.label`, e.tenant.label),
      placeholder: t(`${k}.tenant.placeholder`, e.tenant.placeholder),
      help: t(`${k}.tenant.help`, e.tenant.help),
    };
  }
  if (e.baseUrl) {
    full.baseUrl = { ...e.baseUrl, placeholder: t(`${k}.url.placeholder`, e.baseUrl.placeholder), help: t(`${k}.url.help`, e.baseUrl.help) };
  }
  full.authMethods = e.authMethods.map((m) => localizeMethod(k, m, t));
  full.limitations = e.limitations.map((l) => ({ ...l, message: t(`${k}.limit.${l.id}`, l.message) }));
  full.versionNotes = e.versionNotes.map((n) => ({ ...n, text: t(`${k}.note.${n.id}`, n.text) }));
  return out;
}

/** A provider (summary or whole) with every text a customer reads looked up by its key. */
export function localizeProvider<P extends ProviderSummary | Provider>(provider: P, t: CatalogTranslate): P {
  const k = `provider.${provider.id}` as const;
  const out = {
    ...provider,
    label: t(`${k}.label`, provider.label),
    editions: provider.editions.map((e) => localizeEdition(e, t)),
  };
  const signing = (provider as Provider).webhookSigning;
  if (signing) (out as Provider).webhookSigning = signing.map((s) => ({ ...s, label: t(`${k}.signing.${s.id}.label`, s.label) }));
  return out as P;
}

/** Every text key of a provider with its English, in catalog order: what a translation must cover. */
export function catalogTexts(provider: ProviderSummary | Provider): Array<[CatalogTextKey, string]> {
  const entries: Array<[CatalogTextKey, string]> = [];
  localizeProvider(provider, (key, english) => {
    entries.push([key, english]);
    return english;
  });
  return entries;
}
