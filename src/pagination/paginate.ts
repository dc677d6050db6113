import { defer, EMPTY, isObservable, type Observable, of } from 'rxjs';
import { concatMap, expand, take } from 'rxjs/operators';
import { checkDirection, fetchPage, neighbourRequest, whileOpen, type PageDirection, type PageFetcher } from './follow.js';
import type { Page, PageRequest } from './page.js';

/** Options of {@link paginate} and {@link paginateItems}. */
export interface PaginateOptions {
  /**
   * `next` (default) follows `rel="next"` links to older items; `prev` follows `rel="prev"`
   * links to newer ones (for catching up from a known page).
   */
  readonly direction?: PageDirection;
}

/** Where pagination starts: a call that emits a page, a page already fetched, or a page's request. */
export type PageSource<T> = Observable<Page<T>> | Page<T> | PageRequest;

/**
 * Every page of a paginated endpoint, starting with the first one, as an Observable built on
 * `expand`: each page's link in `direction` is followed, as the server gave it, until a page
 * is empty or has no such link. Lazy: a page is requested only while somebody still listens,
 * so `take(3)` sends exactly three requests, and unsubscribing aborts the request in flight.
 *
 * The client is an argument because pages are plain data (arrays with their link requests),
 * which serialise, clone and compare like arrays; any page or bare {@link PageRequest} can be
 * followed with any client.
 *
 * Pages are requested as soon as the one before has been handed downstream; a consumer that
 * processes items asynchronously should use `concatMap` with its own pacing or `take`.
 *
 * ## Example
 * ```ts
 * import { take } from 'rxjs';
 * import { paginate } from 'mastodon-rx';
 *
 * paginate(api, api.timelineHome({ limit: 40 })).pipe(take(3)).subscribe((page) => console.log(page.length));
 * // Output: 40, 40, 40 (three requests)
 * ```
 *
 * @param client The client whose pipeline follows the links (a `Mastodon`).
 * @param source The first page: an endpoint call, a page, or a page's request (fetched first).
 * @param options `direction`: `next` (older, default) or `prev` (newer).
 * @return A cold Observable of pages; errors (a failed page, a bad argument) end it.
 */
export function paginate<T>(client: PageFetcher, source: PageSource<T>, options: PaginateOptions = {}): Observable<Page<T>> {
  return defer(() => {
    const direction = options.direction ?? 'next';
    checkDirection(direction);
    const first$: Observable<Page<T>> = isObservable(source)
      ? source.pipe(take(1))
      : Array.isArray(source) ? of(source) : fetchPage<T>(client, neighbourRequest(source, direction)!);
    return first$.pipe(
      expand((page) => {
        const request = page.length > 0 ? neighbourRequest(page, direction) : null;
        return request === null ? EMPTY : whileOpen(() => fetchPage<T>(client, request));
      }),
    );
  });
}

/**
 * The items of every page of a paginated endpoint, one by one, in the order the pages serve
 * them: {@link paginate} flattened. `take(n)` requests only the pages the first `n` items need.
 *
 * ## Example
 * ```ts
 * import { take, toArray } from 'rxjs';
 * import { paginateItems } from 'mastodon-rx';
 *
 * paginateItems(api, api.timelineHome({ limit: 40 })).pipe(take(100), toArray())
 *   .subscribe((statuses) => console.log(statuses.length));
 * // Output: 100 (three requests)
 * ```
 *
 * @param client The client whose pipeline follows the links (a `Mastodon`).
 * @param source The first page: an endpoint call, a page, or a page's request (fetched first).
 * @param options `direction`: `next` (older, default) or `prev` (newer).
 * @return A cold Observable of items.
 */
export function paginateItems<T>(client: PageFetcher, source: PageSource<T>, options: PaginateOptions = {}): Observable<T> {
  return paginate(client, source, options).pipe(concatMap((page) => page));
}
