import { defer, type Observable } from 'rxjs';
import { reduce } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
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
