/**
 * Paging shared by the adapters. A cursor is opaque to the element but never trusted
 * by the backend: it is a page number, an offset or a provider token that the adapter
 * puts back in its own query, never a URL to follow. Providers without a name filter
 * are scanned a bounded number of pages at a time, so 5,000 repositories stay
 * searchable without one request fetching them all.
 */
import {
  DESTINATION_PATHS,
  EXTRA_LEVELS,
  type DestinationItem,
  type DestinationLevel,
  type DestinationPage,
  type EmptyReason,
  type ListDestinationsRequest,
} from '../../core/contract/export.js';
import { ProviderError } from './errors.js';
import type { ProviderContext } from './types.js';

/** Items per page the adapters ask providers for (every provider here allows at least 50). */
export const PAGE_SIZE = 50;
/** Provider pages one filtered request may read before it hands back a cursor. */
export const SCAN_PAGES = 10;

export interface Chunk<T> {
  items: T[];
  next: string | null;
}

/** The level a request lists: its own `level`, or the next one of the provider's path below its parent. */
export function levelOf(ctx: ProviderContext, request: ListDestinationsRequest): DestinationLevel {
  const path = DESTINATION_PATHS[ctx.provider];
  if (request.level) {
    const extra = EXTRA_LEVELS[ctx.provider] === request.level;
    if (!extra && !path.includes(request.level)) throw badRequest('level', `${ctx.edition.label} has no ${request.level} level.`);
    if (request.level !== path[0] && !request.parent) throw badRequest('parent', `Listing ${request.level} needs the item chosen above it.`);
    return request.level;
  }
  if (!request.parent) {
    const first = path[0];
    if (!first) throw badRequest('level', `${ctx.edition.label} has no destinations to list.`);
    return first;
  }
  const next = path[path.indexOf(request.parent.level) + 1];
  if (!path.includes(request.parent.level) || !next) {
    throw badRequest('parent', `Nothing is listed below a ${request.parent.level} of ${ctx.edition.label}.`);
  }
  return next;
}

/** The parent id a level needs, checked to be of the expected kind. */
export function parentId(request: ListDestinationsRequest, ...levels: DestinationLevel[]): string {
  const parent = request.parent;
  if (!parent || !levels.includes(parent.level)) throw badRequest('parent', `Choose a ${levels.join(' or ')} first.`);
  return parent.id;
}

export function badRequest(field: string, message: string): ProviderError {
  return new ProviderError('VALIDATION_FAILED', message, { field });
}

/** A whole number cursor (page number or offset); anything else was not given out by this list. */
export function numberCursor(cursor: string | undefined, first: number): number {
  if (cursor === undefined) return first;
  if (!/^\d{1,9}$/.test(cursor)) throw badRequest('cursor', 'The cursor is not one this list gave out.');
  return Number(cursor);
}

/** A provider's own opaque token, passed back as given within sane bounds. */
export function tokenCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[\w.:=+/-]{1,1000}$/.test(cursor)) throw badRequest('cursor', 'The cursor is not one this list gave out.');
  return cursor;
}

export function matches(query: string | undefined, ...texts: Array<string | undefined>): boolean {
  const q = query?.trim().toLowerCase();
  return !q || texts.some((t) => t?.toLowerCase().includes(q));
}

/** A provider page narrowed by the query, for lists the provider cannot filter itself. */
export function filtered(chunk: Chunk<DestinationItem>, query: string | undefined): Chunk<DestinationItem> {
  return { items: chunk.items.filter((i) => matches(query, i.name, i.detail)), next: chunk.next };
}

/** One page of a list the provider sends whole: filter, then slice by offset. */
export function pageOf(items: readonly DestinationItem[], request: ListDestinationsRequest, size = PAGE_SIZE): Chunk<DestinationItem> {
  const offset = numberCursor(request.cursor, 0);
  const found = items.filter((i) => matches(request.query, i.name, i.detail));
  const end = offset + size;
  return { items: found.slice(offset, end), next: end < found.length ? String(end) : null };
}

/**
 * Reads provider pages from `cursor` on, keeping the items `keep` accepts, until a
 * page's worth is found, the provider runs out, or SCAN_PAGES pages were read.
 */
export async function scan<T>(
  cursor: string | undefined,
  fetchPage: (cursor: string | undefined) => Promise<Chunk<T>>,
  keep: (item: T) => boolean,
): Promise<Chunk<T>> {
  const items: T[] = [];
  let next: string | null | undefined = cursor;
  for (let read = 0; read < SCAN_PAGES && next !== null && items.length < PAGE_SIZE; read++) {
    const chunk: Chunk<T> = await fetchPage(next);
    items.push(...chunk.items.filter(keep));
    next = chunk.next;
  }
  return { items, next: next ?? null };
}

/** The page number a provider's next-page URL carries; only the number is kept, never the URL. */
export function pageFromUrl(url: string | null | undefined, param = 'page'): string | null {
  if (!url) return null;
  try {
    const page = new URL(url).searchParams.get(param);
    return page && /^\d{1,9}$/.test(page) ? page : null;
  } catch {
    return null;
  }
}

/** The page number in a `Link` header's rel="next" URL (GitHub), if there is one. */
export function nextPageFromLink(link: string | null): string | null {
  const next = link?.split(',').map((part) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)?.[1]).find(Boolean);
  return pageFromUrl(next);
}

/**
 * The page the element gets: an empty first page explains itself, with the
 * provider's action when nothing is accessible, or plainly when the query matched
 * nothing. A later page that comes back empty only ends the list.
 */
export function toPage(chunk: Chunk<DestinationItem>, request: ListDestinationsRequest, nothing: EmptyReason): DestinationPage {
  const page: DestinationPage = { items: chunk.items, next_cursor: chunk.next };
  if (chunk.items.length === 0 && chunk.next === null && request.cursor === undefined) {
    page.empty = request.query?.trim()
      ? { reason: 'no_match', message: `Nothing matches “${request.query.trim()}”.` }
      : nothing;
  }
  return page;
}
