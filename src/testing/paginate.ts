import type { FakeReply, FakeRequest } from './routes/types.js';
import { str } from './routes/types.js';

/** Options of {@link pageReply}. */
export interface PageReplyOptions<T> {
  /** The cursor of an item; its id by default. Mastodon uses other cursors for follows, favourites... */
  cursor?: (item: T) => string;
  defaultLimit?: number;
  maxLimit?: number;
  /**
   * When the `next` link is sent: `'when-full'` (the default) only on a full page, as most of
   * Mastodon's lists do, so that a short page ends the paging; `'always'` on any page with
   * items, as Mastodon's timelines and notifications do.
   */
  next?: 'when-full' | 'always';
  /**
   * The cursor of the `prev` link: `'min_id'` (the default), or `'since_id'` as Mastodon's
   * lists of accounts use (followers, blocks, mutes, endorsements, list members…).
   */
  prev?: 'min_id' | 'since_id';
}

const CURSORS = ['max_id', 'since_id', 'min_id'];

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One page of `items` (given newest first) as Mastodon serves it: `max_id`, `since_id` and
 * `min_id` honoured, `limit` clamped, and, on a page with items, a `Link` header with a `prev`
 * (newer) link and, on a full page (or always, see `next`), a `next` (older) one; the links keep
 * the request's other query parameters.
 *
 * ## Example
 * ```ts
 * handle: (req, { store }) => pageReply(req, newestFirst, { next: 'always' })
 * ```
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
    const prev = `<${link(options.prev ?? 'min_id', cursorOf(window[0]!))}>; rel="prev"`;
    const full = window.length === limit || options.next === 'always';
    headers['link'] = full ? `<${link('max_id', cursorOf(window[window.length - 1]!))}>; rel="next", ${prev}` : prev;
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
