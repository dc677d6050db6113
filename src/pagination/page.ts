import type { Observable } from 'rxjs';
import type { HttpMethod, HttpResponse } from '../http/backend.js';
import type { Call } from '../http/transport.js';
import { linkFor, parseLinkHeader } from './link-header.js';

/** How a page's answer is read: a JSON list (`page`), or one JSON object that carries the page's links (`object-page`). */
export type PageKind = 'page' | 'object-page';

/** How to fetch a neighbouring page: the link the server gave, followed as it is. */
export interface PageRequest {
  readonly method: HttpMethod;
  /** The absolute URL from the `Link` header. */
  readonly url: string;
  /** How the page it names is read: a list when absent; `object-page` for the pages of grouped notifications. */
  readonly result?: PageKind;
}

/** The requests for the pages beside one page, parsed from its `Link` header; names as Mastodon.py's. */
export interface PageLinks {
  /** The next (older) page. */
  readonly _pagination_next?: PageRequest;
  /** The previous (newer) page. */
  readonly _pagination_prev?: PageRequest;
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
export interface Page<T> extends Array<T>, PageLinks {}

/**
 * One page of a paginated endpoint that answers with an object instead of a list: grouped
 * notifications, whose page is a `GroupedNotificationsResults` (the groups, and the accounts and
 * statuses they refer to). It carries the same requests as a {@link Page}, so `fetchNext`,
 * `fetchPrevious` and `paginate` take it as they take a page (Mastodon.py attaches them the same
 * way, with `force_pagination`). The page is empty when every list it holds is empty.
 *
 * ## Example
 * ```ts
 * api.groupedNotifications({ limit: 20 }).subscribe((page) => {
 *   console.log(page.notification_groups.length, page._pagination_next?.url);
 * });
 * ```
 */
export type ObjectPage<R extends object> = R & PageLinks;

const OBJECT_PAGE = Symbol('mastodon-rx.objectPage');

function attachLinks(target: object, linkHeader: string | undefined, method: HttpMethod, kind: PageKind): void {
  const links = parseLinkHeader(linkHeader);
  const next = linkFor(links, 'next');
  const prev = linkFor(links, 'prev') ?? linkFor(links, 'previous');
  const define = (name: string, url: string | undefined): void => {
    // defineProperty's defaults: not enumerable, not writable.
    if (url) Object.defineProperty(target, name, { value: kind === 'page' ? { method, url } : { method, url, result: kind } });
  };
  define('_pagination_next', next);
  define('_pagination_prev', prev);
}

/**
 * Makes a page of `items` from a response's `Link` header. The pagination requests are
 * non-enumerable, so a page serialises and spreads as a plain array.
 */
export function toPage<T>(items: T[], linkHeader: string | undefined, method: HttpMethod = 'GET'): Page<T> {
  attachLinks(items, linkHeader, method, 'page');
  return items as Page<T>;
}

/**
 * Makes an {@link ObjectPage} of `value` from a response's `Link` header. Its requests, and the
 * mark that makes it a page, are non-enumerable: it serialises and spreads as the plain object.
 */
export function toObjectPage<R extends object>(value: R, linkHeader: string | undefined, method: HttpMethod = 'GET'): ObjectPage<R> {
  attachLinks(value, linkHeader, method, 'object-page');
  Object.defineProperty(value, OBJECT_PAGE, { value: true });
  return value as ObjectPage<R>;
}

/** Whether `value` is an {@link ObjectPage} made from a response (not a bare request or another object). */
export function isObjectPage(value: unknown): value is ObjectPage<object> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { [OBJECT_PAGE]?: boolean })[OBJECT_PAGE] === true;
}

/**
 * Whether a page holds nothing: a list without items, or an object page whose lists are all
 * empty (grouped notifications without groups, accounts or statuses).
 */
export function isEmptyPage(page: Page<unknown> | ObjectPage<object>): boolean {
  if (Array.isArray(page)) return page.length === 0;
  return Object.values(page).every((value) => !Array.isArray(value) || value.length === 0);
}

/** What following a link needs from a client: its request pipeline (a `MastodonClient` or `Mastodon` has it). */
export interface PageFetcher {
  /** @internal Sends a call the library built: `MastodonClient.send`. */
  send(call: Call): Observable<HttpResponse>;
}

const FETCHER = Symbol('mastodon-rx.pageFetcher');

/**
 * Remembers, invisibly, which client fetched a page, so that `paginate(page$)` can follow its
 * links without being handed the client again. The mark is a non-enumerable symbol: the page
 * still serialises, spreads and compares as a plain array.
 */
export function markFetcher<P extends Page<unknown> | ObjectPage<object>>(page: P, fetcher: PageFetcher): P {
  Object.defineProperty(page, FETCHER, { value: fetcher });
  return page;
}

/** The client that fetched `page`, when it came from one. */
export function fetcherOf(page: unknown): PageFetcher | undefined {
  return Array.isArray(page) || isObjectPage(page) ? (page as { [FETCHER]?: PageFetcher })[FETCHER] : undefined;
}
