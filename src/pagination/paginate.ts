import { defer, EMPTY, isObservable, type Observable, of, throwError } from 'rxjs';
import { concatMap, expand, filter, take } from 'rxjs/operators';
import { checkDirection, fetchPage, neighbourRequest, whileOpen, type AnyPage, type PageDirection, type PageFetcher } from './follow.js';
import { fetcherOf, isEmptyPage, isObjectPage, type ObjectPage, type Page, type PageRequest } from './page.js';
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

/** Where the pagination of an endpoint that answers with objects starts: its call, or an object page already fetched. */
export type ObjectPageSource<R extends object> = Observable<ObjectPage<R>> | ObjectPage<R>;

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
 * Endpoints whose page is an object (grouped notifications: an {@link ObjectPage}) paginate
 * the same way; such a page is empty when every list it holds is empty.
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
export function paginate<R extends object>(source: ObjectPageSource<R>, options?: PaginateOptions): Observable<ObjectPage<R>>;
export function paginate<T>(client: PageFetcher, source: PageSource<T>, options?: PaginateOptions): Observable<Page<T>>;
export function paginate<R extends object>(client: PageFetcher, source: ObjectPageSource<R>, options?: PaginateOptions): Observable<ObjectPage<R>>;
export function paginate(...args: PaginateArgs): Observable<AnyPage> {
  return defer(() => {
    const { client, source, options } = paginateArgs(args);
    const direction = options.direction ?? 'next';
    checkDirection(direction);
    // The links this walk has followed: one the server hands out again would start a loop.
    const followed = new Set<string>();
    let first$: Observable<AnyPage>;
    if (isObservable(source)) {
      first$ = (source as Observable<AnyPage>).pipe(take(1));
    } else if (Array.isArray(source) || isObjectPage(source)) {
      first$ = of(source);
    } else {
      const request = neighbourRequest(source, direction)!;
      followed.add(request.url);
      first$ = fetchPage<unknown>(requireClient(client, source), request);
    }
    return first$.pipe(
      expand((page) => {
        const request = isEmptyPage(page) ? null : neighbourRequest(page, direction);
        if (request === null) return EMPTY;
        if (followed.has(request.url)) return throwError(() => paginationLoop(direction, request.url));
        followed.add(request.url);
        // An empty page past the first ends the walk without being emitted.
        return whileOpen((): Observable<AnyPage> => fetchPage<unknown>(requireClient(client ?? fetcherOf(page), page), request))
          .pipe(filter((next) => !isEmptyPage(next)));
      }),
    );
  });
}

type AnySource = PageSource<unknown> | ObjectPageSource<object>;
type PaginateArgs = [AnySource, PaginateOptions?] | [PageFetcher, AnySource, PaginateOptions?];

function isFetcher(value: unknown): value is PageFetcher {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isObservable(value)
    && typeof (value as Partial<PageFetcher>).send === 'function';
}

function paginateArgs(args: PaginateArgs): { client: PageFetcher | undefined; source: AnySource; options: PaginateOptions } {
  if (isFetcher(args[0])) {
    const [client, source, options] = args as [PageFetcher, AnySource, PaginateOptions?];
    return { client, source, options: options ?? {} };
  }
  const [source, options] = args as [AnySource, PaginateOptions?];
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
export function paginateItems<T>(...args: [PageSource<T>, PaginateOptions?] | [PageFetcher, PageSource<T>, PaginateOptions?]): Observable<T> {
  return (paginate as (...a: PaginateArgs) => Observable<AnyPage>)(...args).pipe(concatMap((page) => itemsOf<T>(page)));
}

/** The items of a list page; an object page has no one list of items, which is an argument error. */
export function itemsOf<T>(page: AnyPage): Page<T> {
  if (!Array.isArray(page)) {
    throw new MastodonIllegalArgumentError('This page is an object, not a list of items (grouped notifications): walk it with paginate');
  }
  return page as Page<T>;
}
