/**
 * A zod schema for the whole provider catalog, used by tests and the build to
 * catch a malformed or inconsistent catalog. Classic zod: this file never ships
 * to the browser, so keep it out of index.ts.
 */
import { z } from 'zod';
import { EditionIdSchema } from '../contract/schemas.js';
import { AUTH_KINDS, DEPLOYMENT_MODES, PROVIDER_IDS, WEBHOOK_SIGNING_IDS } from './types.js';
import type { Provider } from './types.js';

const text = z.string().trim().min(1);
const httpsUrl = z.url({ protocol: /^https$/ });

/** Placeholders an API root template may use (see detail/shared.ts). */
export const API_ROOT_PLACEHOLDERS = ['tenant_url', 'host', 'cloud_id'] as const;

const statelessRegExp = z
  .instanceof(RegExp)
  .refine((r) => !r.global && !r.sticky, 'a global or sticky RegExp keeps state between tests');

const anchoredRegExp = statelessRegExp.refine(
  (r) => r.source.startsWith('^') && r.source.endsWith('$'),
  'validator patterns must be anchored with ^ and $',
);

const apiRootTemplate = z
  .string()
  .refine((s) => {
    const names = [...s.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    return names.every((n) => (API_ROOT_PLACEHOLDERS as readonly string[]).includes(n ?? ''));
  }, 'unknown placeholder in API root')
  .refine((s) => s.startsWith('https://') || s.startsWith('{tenant_url}'), 'an API root starts with https:// or {tenant_url}')
  .refine((s) => !s.endsWith('/'), 'no trailing slash');

export const DocLinkSchema = z.strictObject({
  label: text,
  url: httpsUrl.optional(),
});

export const TenantFieldSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'wire names are snake_case'),
  label: text,
  placeholder: text,
  help: text,
  pattern: anchoredRegExp,
  tenantUrl: z.custom<(value: string) => string>((v) => typeof v === 'function', 'tenantUrl must be a function').optional(),
});

export const BaseUrlSpecSchema = z.strictObject({
  keepsContextPath: z.boolean(),
  apiRoot: z.string().regex(/^(?:\/[A-Za-z0-9_.~-]+)*$/, 'empty, or /segments without trailing slash'),
  identityPath: z.string().regex(/^(?:\/[A-Za-z0-9_.~-]+)*$/, 'empty, or /segments without trailing slash'),
  identityHint: text,
  placeholder: httpsUrl,
  help: text,
});

/** Ids of hints, notes and limitations: part of their message keys, so kept short and stable. */
const textId = z.string().regex(/^[a-z][a-z0-9-]*$/);

export const TokenHintSchema = z.strictObject({
  id: textId,
  pattern: statelessRegExp,
  warning: text,
});

export const AuthMethodSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'auth_method is snake_case'),
  kind: z.enum(AUTH_KINDS),
  label: text,
  tokenType: z.string().regex(/^[a-z][a-z0-9_]*$/, 'token_type is snake_case'),
  scopes: z.array(text),
  grants: text,
  sentAs: z.enum([
    'bearer',
    'basic-email',
    'basic-empty-user',
    'raw-authorization',
    'private-token-header',
    'query-key-token',
    'signature-header',
  ]),
  revoke: DocLinkSchema,
  create: DocLinkSchema.optional(),
  authRequiredAction: text,
  tokenHints: z.array(TokenHintSchema).optional(),
  recommended: z.boolean().optional(),
  extraFields: z
    .array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), label: text, pattern: anchoredRegExp.optional() }))
    .optional(),
  apiRoot: apiRootTemplate.optional(),
});

export const LimitationSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  severity: z.enum(['blocks', 'warns']),
  message: text,
  alternative: z.strictObject({ provider: z.enum(PROVIDER_IDS), edition: text }).optional(),
});

export const EditionSchema = z
  .strictObject({
    id: z.string().refine((id) => EditionIdSchema.safeParse(id).success, 'edition id does not fit the contract'),
    label: text,
    mode: z.enum(DEPLOYMENT_MODES),
    tenant: TenantFieldSchema.optional(),
    baseUrl: BaseUrlSpecSchema.optional(),
    cloudApiRoot: apiRootTemplate.optional(),
    authMethods: z.array(AuthMethodSchema),
    limitations: z.array(LimitationSchema),
    versionNotes: z.array(z.strictObject({ id: textId, text })),
  })
  .superRefine((e, ctx) => {
    const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });

    // Mode decides what the customer is asked for; the two never mix.
    if (e.tenant && e.baseUrl) issue('an edition asks for a tenant or a base URL, not both');
    if (e.mode === 'cloud') {
      if (!e.tenant && !e.baseUrl) issue('a cloud edition needs a tenant field, or a base URL if it can sit on a customer domain');
      if (e.tenant && !e.cloudApiRoot) issue('a cloud edition with a tenant needs cloudApiRoot', ['cloudApiRoot']);
    } else {
      if (!e.baseUrl) issue(`a ${e.mode} edition needs a base URL spec`, ['baseUrl']);
      if (e.tenant) issue(`a ${e.mode} edition has no tenant`, ['tenant']);
    }
    if (e.baseUrl && e.cloudApiRoot) issue('URL-checked editions take their API root from baseUrl.apiRoot', ['cloudApiRoot']);
    if (e.baseUrl) {
      const isWebhook = e.mode === 'webhook';
      if (isWebhook !== (e.baseUrl.apiRoot === '')) issue('only webhook editions have an empty API root', ['baseUrl', 'apiRoot']);
      if (isWebhook !== (e.baseUrl.identityPath === '')) {
        issue('only webhook editions skip the identity probe', ['baseUrl', 'identityPath']);
      }
    }

    // The tenant field must accept its own example and build an https URL from it.
    if (e.tenant) {
      const example = e.tenant.placeholder;
      if (!e.tenant.pattern.test(example)) issue('the tenant pattern rejects its own placeholder', ['tenant', 'placeholder']);
      else if (e.tenant.tenantUrl) {
        let ok = false;
        try {
          ok = new URL(e.tenant.tenantUrl(example)).protocol === 'https:';
        } catch {
          ok = false;
        }
        if (!ok) issue('tenantUrl must build an https URL from the placeholder', ['tenant', 'tenantUrl']);
      }
    }

    // Credentials: at least one way in unless the edition is blocked, and none if it is.
    const blocked = e.limitations.some((l) => l.severity === 'blocks');
    if (blocked && e.authMethods.length > 0) issue('a blocked edition offers no credentials', ['authMethods']);
    if (!blocked && e.authMethods.length === 0) issue('at least one auth method unless a limitation blocks', ['authMethods']);
    if (e.authMethods.length > 0 && e.authMethods.filter((m) => m.recommended).length !== 1) {
      issue('exactly one recommended auth method', ['authMethods']);
    }
    const ids = e.authMethods.map((m) => m.id);
    if (new Set(ids).size !== ids.length) issue('auth method ids repeat', ['authMethods']);
    // Ids are part of message keys: a repeat would give two texts one translation.
    const repeats = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id)).size !== list.length;
    if (repeats(e.versionNotes)) issue('version note ids repeat', ['versionNotes']);
    if (repeats(e.limitations)) issue('limitation ids repeat', ['limitations']);

    e.authMethods.forEach((m, i) => {
      const at = ['authMethods', i];
      if ((m.kind === 'signing-secret') !== (e.mode === 'webhook')) {
        issue('signing secrets belong to webhook editions and only there', [...at, 'kind']);
      }
      if ((m.kind === 'signing-secret') !== (m.sentAs === 'signature-header')) {
        issue('a signing secret is sent as a signature header and nothing else is', [...at, 'sentAs']);
      }
      if (m.sentAs === 'basic-email' && !m.extraFields?.some((f) => f.name === 'email')) {
        issue('Basic with an email needs an email field', [...at, 'extraFields']);
      }
      if (m.apiRoot && !e.tenant) issue('a method-level API root needs a tenant edition', [...at, 'apiRoot']);
      if (repeats(m.tokenHints ?? [])) issue('token hint ids repeat', [...at, 'tokenHints']);
    });
  });

export const WebhookSigningSchema = z.strictObject({
  id: z.enum(WEBHOOK_SIGNING_IDS),
  label: text,
  headers: z.array(text).min(1),
  isDefault: z.boolean(),
  notes: text,
});

export const ProviderSchema = z
  .strictObject({
    id: z.enum(PROVIDER_IDS),
    label: text,
    ticketNoun: text,
    editions: z.array(EditionSchema).min(1),
    docs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), DocLinkSchema),
    webhookSigning: z.array(WebhookSigningSchema).optional(),
  })
  .superRefine((p, ctx) => {
    const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
    const isWebhook = p.id === 'webhook';
    if (p.editions.some((e) => (e.mode === 'webhook') !== isWebhook)) {
      issue('webhook mode belongs to the webhook provider alone', ['editions']);
    }
    if (isWebhook) {
      const signing = p.webhookSigning ?? [];
      const defaults = signing.filter((s) => s.isDefault);
      if (defaults.length !== 1 || defaults[0]?.id !== 'standard-webhooks') {
        issue('Standard Webhooks is the one default signing scheme', ['webhookSigning']);
      }
      if (new Set(signing.map((s) => s.id)).size !== signing.length) issue('signing schemes repeat', ['webhookSigning']);
    } else if (p.webhookSigning) {
      issue('only the webhook provider has signing schemes', ['webhookSigning']);
    }
  });

export const CatalogSchema = z.array(ProviderSchema).superRefine((providers, ctx) => {
  const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
  const providerIds = providers.map((p) => p.id);
  if (new Set(providerIds).size !== providerIds.length) issue('provider ids repeat');
  for (const id of PROVIDER_IDS) if (!providerIds.includes(id)) issue(`provider ${id} is missing`);

  const editionIds = providers.flatMap((p) => p.editions.map((e) => e.id));
  const seen = new Set<string>();
  for (const id of editionIds) {
    if (seen.has(id)) issue(`edition id ${id} repeats`);
    seen.add(id);
  }

  // An alternative must exist and must itself be usable.
  providers.forEach((p, pi) =>
    p.editions.forEach((e, ei) =>
      e.limitations.forEach((l, li) => {
        if (!l.alternative) return;
        const target = providers.find((q) => q.id === l.alternative?.provider)?.editions.find((x) => x.id === l.alternative?.edition);
        const path = [pi, 'editions', ei, 'limitations', li, 'alternative'];
        if (!target) issue(`alternative ${l.alternative.provider}/${l.alternative.edition} does not exist`, path);
        else if (target.id === e.id) issue('an edition is not its own alternative', path);
        else if (target.limitations.some((t) => t.severity === 'blocks')) issue('the alternative is blocked too', path);
      }),
    ),
  );
});

/** Parses a catalog; throws a ZodError naming every problem. */
export function assertCatalog(providers: readonly Provider[]): void {
  CatalogSchema.parse(providers);
}
