import { defer, Observable, of } from 'rxjs';
import type { HttpMethod } from '../http/backend.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { fetchResult } from '../http/transport.js';
import { isObjectPage, type ObjectPage, type Page, type PageFetcher, type PageKind, type PageRequest } from './page.js';

/** Which way to page: `next` is older items (`max_id`), `prev` newer ones (`min_id`). */
export type PageDirection = 'next' | 'prev';

export type { PageFetcher };

/** A page of either shape: a list, or an object that carries its links (grouped notifications). */
export type AnyPage = Page<unknown> | ObjectPage<object>;

/**
 * The request for the page beside `source` in `direction`: the link a {@link Page} (or an
 * {@link ObjectPage}) carries, or `source` itself when it is a {@link PageRequest}. `null` when
 * there is no such page. Throws `MastodonIllegalArgumentError` for anything else.
 *
 * @example neighbourRequest(page, 'next') // { method: 'GET', url: 'https://m.example/api/v1/timelines/home?max_id=7' }
 */
export function neighbourRequest(source: AnyPage | PageRequest, direction: PageDirection): PageRequest | null {
  checkDirection(direction);
  if (Array.isArray(source) || isObjectPage(source)) {
    const request = direction === 'next' ? source._pagination_next : source._pagination_prev;
    return request === undefined ? null : checkedRequest(request);
  }
  return checkedRequest(source);
}

/**
 * Fetches the page a {@link PageRequest} names, following its URL exactly as the server gave
 * it, through the client's pipeline (rate limit, errors, and the token only to the API origin).
 * A request taken from an {@link ObjectPage} (its `result` is `object-page`) emits an object
 * page: follow those with `fetchNext` or `paginate`, which type it.
 *
 * @example fetchPage<Status>(api, page._pagination_next!).subscribe((older) => console.log(older.length))
 */
export function fetchPage<T>(client: PageFetcher, request: PageRequest): Observable<Page<T>> {
  return defer(() => {
    const checked = checkedRequest(request);
    return fetchResult<Page<T>>(client, { method: checked.method, path: checked.url, result: checked.result ?? 'page' });
  });
}

/** Throws unless `direction` is `next` or `prev`. */
export function checkDirection(direction: unknown): asserts direction is PageDirection {
  if (direction !== 'next' && direction !== 'prev') {
    throw new MastodonIllegalArgumentError(`Invalid pagination direction ${JSON.stringify(direction)}; must be 'next' or 'prev'`);
  }
}

const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

function checkedRequest(request: unknown): PageRequest {
  const candidate = request as Partial<PageRequest> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.url !== 'string') {
    throw new MastodonIllegalArgumentError('Expected a page or its pagination request ({ method, url })');
  }
  let url: URL;
  try {
    url = new URL(candidate.url);
  } catch {
    throw new MastodonIllegalArgumentError(`Not an absolute pagination URL: ${JSON.stringify(candidate.url)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MastodonIllegalArgumentError(`Not an HTTP pagination URL: ${JSON.stringify(candidate.url)}`);
  }
  const method = candidate.method ?? 'GET';
  if (!HTTP_METHODS.includes(method)) {
    throw new MastodonIllegalArgumentError(`Not an HTTP method: ${JSON.stringify(method)}`);
  }
  const result: unknown = candidate.result;
  if (result === undefined || result === 'page') return { method, url: candidate.url };
  if (result !== 'object-page') {
    throw new MastodonIllegalArgumentError(`Not a page kind: ${JSON.stringify(result) ?? String(result)}; must be 'page' or 'object-page'`);
  }
  return { method, url: candidate.url, result: result satisfies PageKind };
}

/**
 * Subscribes to `factory()` only while the subscriber is still open. An `expand` projects the
 * next page right after handing the current one downstream; when that made a `take` complete,
 * this keeps the next request from being sent at all.
 */
export function whileOpen<T>(factory: () => Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => (subscriber.closed ? undefined : factory().subscribe(subscriber)));
}

/** `null` as an Observable, for "no such page". */
export const noPage = (): Observable<null> => of(null);
