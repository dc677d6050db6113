import type { FakeReply, FakeRequest } from './routes/types.js';
import { str } from './routes/types.js';

/** Options of {@link pageReply}. */
export interface PageReplyOptions<T> {
  /** The cursor of an item; its id by default. Mastodon uses other cursors for follows, favourites... */
  cursor?: (item: T) => string;
  defaultLimit?: number;
  maxLimit?: number;
}

const CURSORS = ['max_id', 'since_id', 'min_id'];

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One page of `items` (given newest first) as Mastodon serves it: `max_id`, `since_id` and
 * `min_id` honoured, `limit` clamped, and a `Link` header with `next` (older) and `prev`
 * (newer) links that keep the request's other query parameters.
 */
export function pageReply<T>(request: FakeRequest, items: readonly T[], options: PageReplyOptions<T> = {}): FakeReply {
  const cursorOf = options.cursor ?? ((item: T) => (item as { id: string }).id);
  const maxId = str(request.params, 'max_id');
  const sinceId = str(request.params, 'since_id');
  const minId = str(request.params, 'min_id');
  const requested = Number(str(request.params, 'limit') ?? options.defaultLimit ?? 20);
  const limit = Math.min(Math.max(Number.isFinite(requested) ? Math.trunc(requested) : 20, 1), options.maxLimit ?? 40);

  let window = items.filter((item) => {
    const id = cursorOf(item);
    if (maxId !== undefined && compareIds(id, maxId) >= 0) return false;
    if (sinceId !== undefined && compareIds(id, sinceId) <= 0) return false;
    if (minId !== undefined && compareIds(id, minId) <= 0) return false;
    return true;
  });
  // min_id reads forward from the cursor: the oldest items after it, still served newest first.
  window = minId !== undefined ? window.slice(-limit) : window.slice(0, limit);

  const headers: Record<string, string> = {};
  if (window.length > 0) {
    const link = (cursor: string, id: string): string => {
      const url = new URL(request.url.href);
      for (const name of CURSORS) url.searchParams.delete(name);
      url.searchParams.set(cursor, id);
      return url.href;
    };
    const next = link('max_id', cursorOf(window[window.length - 1]!));
    const prev = link('min_id', cursorOf(window[0]!));
    headers['link'] = `<${next}>; rel="next", <${prev}>; rel="prev"`;
  }
  return { json: window, headers };
}

/** Options of {@link offsetPageReply}. */
export interface OffsetPageReplyOptions {
  defaultLimit: number;
  maxLimit: number;
}

/**
 * One page of `items` by `offset` and `limit`, as Mastodon serves trends: a `Link` header with
 * `next` while the page is full and `prev` once past the start, whose URLs carry `limit` and
 * the new `offset` only.
 *
 * ## Example
 * ```ts
 * offsetPageReply(request, rankedTags, { defaultLimit: 10, maxLimit: 20 })
 * ```
 */
export function offsetPageReply<T>(request: FakeRequest, items: readonly T[], options: OffsetPageReplyOptions): FakeReply {
  const requested = Number(str(request.params, 'limit') ?? options.defaultLimit);
  const limit = Math.min(Math.max(Number.isFinite(requested) ? Math.trunc(requested) : options.defaultLimit, 1), options.maxLimit);
  const asked = Math.trunc(Number(str(request.params, 'offset') ?? 0));
  const offset = Number.isFinite(asked) && asked > 0 ? asked : 0;
  const window = items.slice(offset, offset + limit);
  const link = (at: number): string => {
    const url = new URL(request.url.pathname, request.url.origin);
    if (str(request.params, 'limit') !== undefined) url.searchParams.set('limit', String(limit));
    url.searchParams.set('offset', String(at));
    return url.href;
  };
  const links = [
    window.length === limit ? `<${link(offset + limit)}>; rel="next"` : undefined,
    offset > 0 ? `<${link(Math.max(offset - limit, 0))}>; rel="prev"` : undefined,
  ].filter(Boolean);
  return { json: window, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}
