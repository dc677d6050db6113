import type { Observable } from 'rxjs';
import type { HttpMethod } from '../http/backend.js';
import type { ApiCall } from '../http/transport.js';
import { linkFor, parseLinkHeader } from './link-header.js';

/** How to fetch a neighbouring page: the link the server gave, followed as it is. */
export interface PageRequest {
  readonly method: HttpMethod;
  /** The absolute URL from the `Link` header. */
  readonly url: string;
}

/**
 * One page of a paginated endpoint: an array of its items that also carries the requests for
 * the next (older) and previous (newer) pages, parsed from the `Link` header. The names are
 * Mastodon.py's. Pass a page to `fetchNext`, `fetchPrevious`, `fetchRemaining` or `paginate`.
 *
 * ## Example
 * ```ts
 * api.timelineHome({ limit: 20 }).subscribe((page) => {
 *   console.log(page.length, page._pagination_next?.url);
 * });
 * ```
 */
export interface Page<T> extends Array<T> {
  readonly _pagination_next?: PageRequest;
  readonly _pagination_prev?: PageRequest;
}

/**
 * Makes a page of `items` from a response's `Link` header. The pagination requests are
 * non-enumerable, so a page serialises and spreads as a plain array.
 */
export function toPage<T>(items: T[], linkHeader: string | undefined, method: HttpMethod = 'GET'): Page<T> {
  const links = parseLinkHeader(linkHeader);
  const next = linkFor(links, 'next');
  const prev = linkFor(links, 'prev') ?? linkFor(links, 'previous');
  const define = (name: string, url: string | undefined): void => {
    // defineProperty's defaults: not enumerable, not writable.
    if (url) Object.defineProperty(items, name, { value: { method, url } });
  };
  define('_pagination_next', next);
  define('_pagination_prev', prev);
  return items as Page<T>;
}

/** What following a link needs from a client: its request pipeline (a `Mastodon` has it). */
export interface PageFetcher {
  apiRequest<R>(call: ApiCall): Observable<R>;
}

const FETCHER = Symbol('mastodon-rx.pageFetcher');

/**
 * Remembers, invisibly, which client fetched a page, so that `paginate(page$)` can follow its
 * links without being handed the client again. The mark is a non-enumerable symbol: the page
 * still serialises, spreads and compares as a plain array.
 */
export function markFetcher<T>(page: Page<T>, fetcher: PageFetcher): Page<T> {
  Object.defineProperty(page, FETCHER, { value: fetcher });
  return page;
}

/** The client that fetched `page`, when it came from one. */
export function fetcherOf(page: unknown): PageFetcher | undefined {
  return Array.isArray(page) ? (page as { [FETCHER]?: PageFetcher })[FETCHER] : undefined;
}
