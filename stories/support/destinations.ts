/**
 * Destination lists answered in memory, page by page, the way the backend
 * answers them: for stories and the sub-elements' tests, which render one
 * list or one setup without a backend. The root element's tests use the msw
 * kit's scenarios instead.
 */
import type { DestinationItem, DestinationLevel, DestinationPage, EmptyReason, ListDestinationsRequest } from '../../src/core/contract/index.js';
import { BackendError } from '../../src/client/errors.js';
import type { ErrorCode } from '../../src/core/contract/index.js';
import type { DestinationLoader, ExportLoader } from '../../src/elements/index.js';

export const PAGE_SIZE = 100;

export interface ListOptions {
  level?: DestinationLevel;
  size?: number;
  /** Names are `${prefix} 0001`…; default the level's name. */
  prefix?: string;
  hasChildren?: boolean;
  /** Every request fails with this code. */
  fail?: ErrorCode;
  empty?: EmptyReason;
  delayMs?: number;
  /** A second kind of item in the same list (a ClickUp space lists folders and lists). */
  also?: ListOptions;
}

function items(o: ListOptions): DestinationItem[] {
  const level = o.level ?? 'repository';
  const own = Array.from({ length: o.size ?? 3 }, (_, i): DestinationItem => {
    const n = String(i + 1).padStart(4, '0');
    return { id: `${level}-${n}`, name: `${o.prefix ?? level} ${n}`, level, detail: `#${n}`, has_children: o.hasChildren ?? false };
  });
  return o.also ? [...own, ...items(o.also)] : own;
}

/** One page of `all` for a request: filtered by `query`, cut at the cursor's offset. */
export function pageOf(all: readonly DestinationItem[], query: string | undefined, cursor: string | undefined, empty?: EmptyReason): DestinationPage {
  const q = query?.toLowerCase() ?? '';
  const found = q ? all.filter((i) => i.name.toLowerCase().includes(q)) : all;
  const from = Number(cursor ?? 0);
  const slice = found.slice(from, from + PAGE_SIZE);
  const next = from + PAGE_SIZE < found.length ? String(from + PAGE_SIZE) : null;
  const page: DestinationPage = { items: slice, next_cursor: next };
  if (!slice.length && next === null) {
    page.empty = q ? { reason: 'no_match', message: `Nothing matches “${query}”.` } : (empty ?? { reason: 'nothing_accessible', message: 'Nothing is shared with this account.' });
  }
  return page;
}

const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new BackendError('REQUEST_ABORTED', 'aborted'));
    });
  });

/** A loader for one `pts-destination-picker`, recording each request it answers. */
export function listLoader(o: ListOptions = {}): DestinationLoader & { calls: Array<{ query: string; cursor: string | undefined }> } {
  const all = items(o);
  const calls: Array<{ query: string; cursor: string | undefined }> = [];
  const load = async (query: string, cursor: string | undefined, signal: AbortSignal): Promise<DestinationPage> => {
    calls.push({ query, cursor });
    await wait(o.delayMs ?? 0, signal);
    if (o.fail) throw new BackendError(o.fail, 'failed');
    return pageOf(all, query, cursor, o.empty);
  };
  return Object.assign(load, { calls });
}

/** A loader for `pts-export-setup`: each level's list by the parent it is asked under. */
export function treeLoader(
  lists: Record<string, ListOptions>,
): ExportLoader & { calls: ListDestinationsRequest[] } {
  const calls: ListDestinationsRequest[] = [];
  const load = async (request: ListDestinationsRequest, signal: AbortSignal): Promise<DestinationPage> => {
    calls.push(request);
    const key = request.level === 'label' ? 'label' : (request.parent?.level ?? 'root');
    const o = lists[key] ?? { size: 0 };
    await wait(o.delayMs ?? 0, signal);
    if (o.fail) throw new BackendError(o.fail, 'failed');
    return pageOf(items(o), request.query, request.cursor, o.empty);
  };
  return Object.assign(load, { calls });
}
