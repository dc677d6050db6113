import { defer, type Observable } from 'rxjs';
import { reduce } from 'rxjs/operators';
import type { Mastodon } from '../client/mastodon.js';
import { fetchPage, neighbourRequest, noPage, type PageDirection } from './follow.js';
import type { Page, PageRequest } from './page.js';
import { paginate } from './paginate.js';

function fetchNeighbour(client: Mastodon, page: Page<unknown> | PageRequest, direction: PageDirection): Observable<Page<unknown> | null> {
  return defer(() => {
    const request = neighbourRequest(page, direction);
    return request === null ? noPage() : fetchPage<unknown>(client, request);
  });
}

/** `fetchNext`, `fetchPrevious` and `fetchRemaining`: following a page's links. */
export const paginationMethods = {
  /**
   * The next (older) page after `page`, following its `rel="next"` link as the server gave it.
   * Takes a page or its `_pagination_next` request. Emits `null` when there is no next page
   * (the page had no such link), else the page fetched, which may be empty.
   *
   * @example api.fetchNext(page).subscribe((older) => console.log(older?.length ?? 'no more'))
   */
  fetchNext(this: Mastodon, page: Page<unknown> | PageRequest): Observable<Page<unknown> | null> {
    return fetchNeighbour(this, page, 'next');
  },

  /**
   * The previous (newer) page before `page`, following its `rel="prev"` link as the server
   * gave it. Takes a page or its `_pagination_prev` request. Emits `null` when there is no
   * previous page, else the page fetched, which may be empty.
   *
   * @example api.fetchPrevious(page).subscribe((newer) => console.log(newer?.length ?? 'none'))
   */
  fetchPrevious(this: Mastodon, page: Page<unknown> | PageRequest): Observable<Page<unknown> | null> {
    return fetchNeighbour(this, page, 'prev');
  },

  /**
   * Every item from `page` on: its own items, then those of each next page until one is empty
   * or has no next link, emitted once as one array. Given a bare request, starts by fetching it.
   * Each page is one request: mind the rate limit on long lists. A `next` link back to a page
   * already fetched fails with `MastodonMalformedResponseError` rather than looping.
   *
   * @example api.fetchRemaining(firstPage).subscribe((all) => console.log(all.length))
   */
  fetchRemaining(this: Mastodon, page: Page<unknown> | PageRequest): Observable<unknown[]> {
    return paginate<unknown>(this, page, { direction: 'next' }).pipe(
      reduce((all: unknown[], next) => {
        for (const item of next) all.push(item);
        return all;
      }, []),
    );
  },
};

// The item type of a page carries through these methods: the declarations above are for
// the registry, these are what callers see.
declare module '../client/mastodon.js' {
  interface Mastodon {
    /**
     * The next (older) page after `page`, or `null` when it has none.
     * @example api.fetchNext(page).subscribe((older) => console.log(older?.length ?? 'no more'))
     */
    fetchNext<T>(page: Page<T> | PageRequest): Observable<Page<T> | null>;
    /**
     * The previous (newer) page before `page`, or `null` when it has none.
     * @example api.fetchPrevious(page).subscribe((newer) => console.log(newer?.length ?? 'none'))
     */
    fetchPrevious<T>(page: Page<T> | PageRequest): Observable<Page<T> | null>;
    /**
     * Every item from `page` on, all next pages followed, as one array.
     * @example api.fetchRemaining(firstPage).subscribe((all) => console.log(all.length))
     */
    fetchRemaining<T>(page: Page<T> | PageRequest): Observable<T[]>;
  }
}
