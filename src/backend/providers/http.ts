/**
 * One request helper for every adapter: joins the path to the API root, places the
 * credential as the catalog says, never follows a redirect with it, reads JSON, and
 * turns a refusal or a failed connection into a ProviderError.
 */
import * as z from 'zod/mini';
import { validateTenant } from '../../core/providers/index.js';
import { placeCredential } from './credentials.js';
import { classify, limitation, ProviderError, unreachable, type Failure } from './errors.js';
import type { ProviderContext } from './types.js';

export type Query = Record<string, string | number | boolean | undefined>;

export interface Call {
  method?: 'GET' | 'POST';
  /** Appended to the API root. */
  path: string;
  query?: Query;
  /** Sent as JSON unless `contentType` says otherwise. */
  json?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** `write` when the call creates in the chosen destination: a refusal then means it is not writable. */
  purpose?: 'read' | 'write';
  /** The provider's own reading of a refusal, tried before the shared one. */
  refine?: (failure: Failure) => ProviderError | undefined;
  /** Which statuses count as success; any 2xx unless a provider answers some 2xx for a refusal. */
  ok?: (status: number) => boolean;
}

export interface Reply<T> {
  data: T;
  headers: Headers;
  status: number;
}

export function urlFor(ctx: ProviderContext, path: string, query: Query = {}): URL {
  const url = new URL(ctx.apiRoot.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

/** Sends one request; a fetch that fails to connect becomes NETWORK_UNREACHABLE, an abort stays an abort. */
export async function send(ctx: ProviderContext, url: URL, init: RequestInit): Promise<Response> {
  try {
    return await ctx.fetch(url, { ...init, redirect: 'manual', ...(ctx.signal ? { signal: ctx.signal } : {}) });
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (error instanceof Error && error.name === 'AbortError') throw error;
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw unreachable(ctx, timedOut ? 'it did not answer in time.' : `the connection to ${url.host} failed.`);
  }
}

/** Calls the provider and returns its parsed answer, checked against `schema`. */
export async function call<S extends z.ZodMiniType>(ctx: ProviderContext, c: Call, schema: S): Promise<Reply<z.infer<S>>> {
  const placement = placeCredential(ctx.method.sentAs, ctx.credential);
  const url = urlFor(ctx, c.path, { ...c.query, ...placement.query });
  const headers: Record<string, string> = { accept: 'application/json', ...c.headers, ...placement.headers };
  let body: string | undefined;
  if (c.json !== undefined) {
    headers['content-type'] = c.contentType ?? 'application/json';
    body = JSON.stringify(c.json);
  }
  const response = await send(ctx, url, { method: c.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text().catch(() => '');
  const parsed = parseJson(text);
  // A browser reports a manual redirect as status 0 of type opaqueredirect.
  const status = response.type === 'opaqueredirect' ? 302 : response.status;
  if (!(c.ok ?? isSuccess)(status)) {
    const failure: Failure = { status, headers: response.headers, body: parsed, text, purpose: c.purpose ?? 'read' };
    throw c.refine?.(failure) ?? classify(ctx, failure);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw limitation(`${ctx.edition.label} sent an answer this product could not read (${c.method ?? 'GET'} ${url.pathname}).`);
  }
  return { data: result.data as z.infer<S>, headers: response.headers, status };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first path segment of the target's canonical tenant URL: the GitHub organisation, the Bitbucket workspace. */
export function tenantSegment(ctx: ProviderContext): string | undefined {
  const tenant = validateTenant(ctx.edition, ctx.target.tenant ?? '');
  if (!tenant.ok) return undefined;
  try {
    return new URL(tenant.url).pathname.split('/').filter(Boolean)[0];
  } catch {
    return undefined;
  }
}
