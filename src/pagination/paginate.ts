import { defer, EMPTY, isObservable, type Observable, of, throwError } from 'rxjs';
import { concatMap, expand, filter, take } from 'rxjs/operators';
import { checkDirection, fetchPage, neighbourRequest, whileOpen, type PageDirection, type PageFetcher } from './follow.js';
import { fetcherOf, type Page, type PageRequest } from './page.js';
import { MastodonIllegalArgumentError, MastodonMalformedResponseError } from '../errors.js';
import { redact } from '../http/redact.js';

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
 * is empty or has no such link. The first page is always emitted; an empty page after it ends
 * the walk without being emitted (whatever links it carries). A link to a page this walk has
 * already fetched fails with `MastodonMalformedResponseError` instead of looping. Lazy: a page
 * is requested only while somebody still listens, so `take(3)` sends exactly three requests,
 * and unsubscribing aborts the request in flight.
 *
 * Pages follow their links through the client that fetched them. Pass the client first when
 * starting from a bare {@link PageRequest} (or a page rebuilt from JSON), which carries none.
 *
 * Pages are requested as soon as the one before has been handed downstream; a consumer that
 * processes items asynchronously should use `concatMap` with its own pacing or `take`.
 *
 * ## Example
 * ```ts
 * import { take } from 'rxjs';
 * import { paginate } from 'mastodon-rx';
 *
 * paginate(api.timelineHome({ limit: 40 })).pipe(take(3)).subscribe((page) => console.log(page.length));
 * // Output: 40, 40, 40 (three requests)
 * paginate(api, savedRequest, { direction: 'prev' }).subscribe((page) => console.log(page.length));
 * ```
 *
 * @param source The first page: an endpoint call, a page, or (with a client) a page's request.
 * @param options `direction`: `next` (older, default) or `prev` (newer).
 * @return A cold Observable of pages; errors (a failed page, a bad argument) end it.
 */
export function paginate<T>(source: PageSource<T>, options?: PaginateOptions): Observable<Page<T>>;
export function paginate<T>(client: PageFetcher, source: PageSource<T>, options?: PaginateOptions): Observable<Page<T>>;
export function paginate<T>(...args: PaginateArgs<T>): Observable<Page<T>> {
  return defer(() => {
    const { client, source, options } = paginateArgs(args);
    const direction = options.direction ?? 'next';
    checkDirection(direction);
    // The links this walk has followed: one the server hands out again would start a loop.
    const followed = new Set<string>();
    let first$: Observable<Page<T>>;
    if (isObservable(source)) {
      first$ = source.pipe(take(1));
    } else if (Array.isArray(source)) {
      first$ = of(source);
    } else {
      const request = neighbourRequest(source, direction)!;
      followed.add(request.url);
      first$ = fetchPage<T>(requireClient(client, source), request);
    }
    return first$.pipe(
      expand((page) => {
        const request = page.length > 0 ? neighbourRequest(page, direction) : null;
        if (request === null) return EMPTY;
        if (followed.has(request.url)) return throwError(() => paginationLoop(direction, request.url));
        followed.add(request.url);
        // An empty page past the first ends the walk without being emitted.
        return whileOpen(() => fetchPage<T>(requireClient(client ?? fetcherOf(page), page), request)).pipe(filter((next) => next.length > 0));
      }),
    );
  });
}

type PaginateArgs<T> = [PageSource<T>, PaginateOptions?] | [PageFetcher, PageSource<T>, PaginateOptions?];

function isFetcher(value: unknown): value is PageFetcher {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isObservable(value)
    && typeof (value as Partial<PageFetcher>).apiRequest === 'function';
}

function paginateArgs<T>(args: PaginateArgs<T>): { client: PageFetcher | undefined; source: PageSource<T>; options: PaginateOptions } {
  if (isFetcher(args[0])) {
    const [client, source, options] = args as [PageFetcher, PageSource<T>, PaginateOptions?];
    return { client, source, options: options ?? {} };
  }
  const [source, options] = args as [PageSource<T>, PaginateOptions?];
  return { client: undefined, source, options: options ?? {} };
}

/**
 * The error for a `Link` that leads back to a page this walk already fetched: the server's
 * pagination is broken, and following it would never end. A `MastodonMalformedResponseError`
 * (the answer, a page, was successful but not what pagination promises), with the status of a
 * page (200), no server error text, and the repeated URL as `body`.
 */
function paginationLoop(direction: PageDirection, url: string): MastodonMalformedResponseError {
  return new MastodonMalformedResponseError(
    `The server's pagination loops: rel="${direction}" leads to ${redact(url)}, which this walk already fetched`,
    { status: 200, reason: 'OK', error: undefined, body: url },
  );
}

function requireClient(client: PageFetcher | undefined, source: unknown): PageFetcher {
  const found = client ?? fetcherOf(source);
  if (!found) {
    throw new MastodonIllegalArgumentError('This page carries no client to follow its links with: call paginate(api, source, options)');
  }
  return found;
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
 * paginateItems(api.timelineHome({ limit: 40 })).pipe(take(100), toArray())
 *   .subscribe((statuses) => console.log(statuses.length));
 * // Output: 100 (three requests)
 * ```
 *
 * @param source The first page: an endpoint call, a page, or (with a client first) a page's request.
 * @param options `direction`: `next` (older, default) or `prev` (newer).
 * @return A cold Observable of items.
 */
export function paginateItems<T>(source: PageSource<T>, options?: PaginateOptions): Observable<T>;
export function paginateItems<T>(client: PageFetcher, source: PageSource<T>, options?: PaginateOptions): Observable<T>;
export function paginateItems<T>(...args: PaginateArgs<T>): Observable<T> {
  return (paginate as (...a: PaginateArgs<T>) => Observable<Page<T>>)(...args).pipe(concatMap((page) => page));
}
