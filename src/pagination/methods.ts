import { defer, from, type Observable } from 'rxjs';
import { concatMap, reduce } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import { optionsOf } from '../endpoints/common.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { fetchPage, neighbourRequest, noPage, type AnyPage, type PageDirection } from './follow.js';
import type { ObjectPage, Page, PageRequest } from './page.js';
import { itemsOf, paginate } from './paginate.js';

// `fetchNext`, `fetchPrevious` and `fetchRemaining`: following a page's links, as Mastodon.py does.

function fetchNeighbour(client: MastodonClient, page: AnyPage | PageRequest, direction: PageDirection): Observable<AnyPage | null> {
  return defer(() => {
    const request = neighbourRequest(page, direction);
    return request === null ? noPage() : fetchPage<unknown>(client, request);
  });
}

/**
 * The next (older) page after `page`, following its `rel="next"` link as the server gave it.
 * Takes a page or its `_pagination_next` request. Emits `null` when there is no next page
 * (the page had no such link), else the page fetched, which may be empty.
 *
 * @example fetchNext(client, page).subscribe((older) => console.log(older?.length ?? 'no more'))
 */
export function fetchNext<T>(client: MastodonClient, page: Page<T> | PageRequest): Observable<Page<T> | null>;
/**
 * The next (older) page after an {@link ObjectPage} (grouped notifications), following its
 * `rel="next"` link. Emits `null` when there is no next page, else the page fetched.
 *
 * @example fetchNext(client, groups).subscribe((older) => console.log(older?.notification_groups.length ?? 'no more'))
 */
export function fetchNext<R extends object>(client: MastodonClient, page: ObjectPage<R>): Observable<ObjectPage<R> | null>;
export function fetchNext(client: MastodonClient, page: AnyPage | PageRequest): Observable<AnyPage | null> {
  return fetchNeighbour(client, page, 'next');
}

/**
 * The previous (newer) page before `page`, following its `rel="prev"` link as the server
 * gave it. Takes a page or its `_pagination_prev` request. Emits `null` when there is no
 * previous page, else the page fetched, which may be empty.
 *
 * @example fetchPrevious(client, page).subscribe((newer) => console.log(newer?.length ?? 'none'))
 */
export function fetchPrevious<T>(client: MastodonClient, page: Page<T> | PageRequest): Observable<Page<T> | null>;
/**
 * The previous (newer) page before an {@link ObjectPage} (grouped notifications), following
 * its `rel="prev"` link. Emits `null` when there is no previous page, else the page fetched.
 *
 * @example fetchPrevious(client, groups).subscribe((newer) => console.log(newer?.notification_groups.length ?? 'none'))
 */
export function fetchPrevious<R extends object>(client: MastodonClient, page: ObjectPage<R>): Observable<ObjectPage<R> | null>;
export function fetchPrevious(client: MastodonClient, page: AnyPage | PageRequest): Observable<AnyPage | null> {
  return fetchNeighbour(client, page, 'prev');
}

/**
 * Every item from `page` on: its own items, then those of each next page until one is empty
 * or has no next link, emitted once as one array. Given a bare request, starts by fetching it.
 * Each page is one request: mind the rate limit on long lists. A `next` link back to a page
 * already fetched fails with `MastodonMalformedResponseError` rather than looping. Pages that
 * are objects (grouped notifications) have no one list to gather: walk them with `paginate`.
 *
 * @example fetchRemaining(client, firstPage).subscribe((all) => console.log(all.length))
 */
export function fetchRemaining<T>(client: MastodonClient, page: Page<T> | PageRequest): Observable<T[]> {
  return paginate<T>(client, page, { direction: 'next' }).pipe(
    reduce((all: T[], next) => {
      for (const item of itemsOf<T>(next)) all.push(item);
      return all;
    }, []),
  );
}

/** A direction as Mastodon.py names it (`previous`), or as `paginate` does (`prev`). */
export type PaginationDirection = 'next' | 'previous' | 'prev';

function directionOf(direction: unknown): PageDirection {
  if (direction === 'previous') return 'prev';
  if (direction === 'next' || direction === 'prev') return direction;
  throw new MastodonIllegalArgumentError(`Invalid pagination direction ${JSON.stringify(direction)}; must be 'next' or 'previous'`);
}

/**
 * The request for the page after `page` in a direction (`next`: older, `previous`: newer), as
 * its `Link` header gave it; `null` when there is none. Mastodon.py's `PaginationInfo`: keep it
 * to resume later with `fetchNext`, `fetchPrevious` or `paginate`. Pure: makes no request.
 *
 * @example getPaginationInfo(page, 'next')  // { method: 'GET', url: 'https://m.example/api/v1/timelines/home?max_id=7' }
 */
export function getPaginationInfo(page: Page<unknown>, pagination_direction: PaginationDirection): PageRequest | null {
  const direction = directionOf(pagination_direction);
  if (!Array.isArray(page)) throw new MastodonIllegalArgumentError('page must be a page an endpoint emitted');
  return neighbourRequest(page, direction);
}

/** Options of `paginationIterator`. */
export interface PaginationIteratorOptions {
  /** `next` (default) for older items, `previous` for newer ones. */
  direction?: PaginationDirection;
  /** Emit `[item, request for the page after the item's page]` pairs, to resume from where one stopped. */
  return_pagination_info?: boolean;
}

/**
 * Every item from `start_page` on, one by one, fetching the following pages as they are
 * needed until one is empty or has no link: Mastodon.py's iterator as an Observable (it is
 * `paginateItems` with Mastodon.py's arguments). Given a page's request instead of a page, it
 * starts with the page that request fetches. Lazy: `take(n)` fetches only the pages the first
 * `n` items need.
 *
 * ## Example
 * ```ts
 * paginationIterator(client, firstPage).pipe(take(100), toArray()).subscribe((statuses) => console.log(statuses.length));
 * paginationIterator(client, firstPage, { return_pagination_info: true })
 *   .subscribe(([status, resume]) => console.log(status.id, resume?.url));
 * ```
 */
export function paginationIterator<T>(client: MastodonClient, start_page: Page<T> | PageRequest,
  options: PaginationIteratorOptions & { return_pagination_info: true }): Observable<[T, PageRequest | null]>;
export function paginationIterator<T>(client: MastodonClient, start_page: Page<T> | PageRequest,
  options?: PaginationIteratorOptions & { return_pagination_info?: false }): Observable<T>;
export function paginationIterator<T>(client: MastodonClient, start_page: Page<T> | PageRequest,
  options?: PaginationIteratorOptions): Observable<T | [T, PageRequest | null]> {
  return defer(() => {
    const { direction: given, return_pagination_info } = optionsOf(options);
    const direction = directionOf(given ?? 'next');
    if (typeof start_page !== 'object' || start_page === null) throw new MastodonIllegalArgumentError('start_page must be a page or its pagination request');
    return paginate<T>(client, start_page, { direction }).pipe(concatMap((page) => {
      const resume = return_pagination_info === true ? neighbourRequest(page, direction) : undefined;
      return resume === undefined ? from(page) : from(page.map((item): [T, PageRequest | null] => [item, resume]));
    }));
  });
}
