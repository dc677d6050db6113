import { Observable, type Subscriber } from 'rxjs';
import { isRow, type AnyEndpoint } from '../endpoints/define.js';
import { MastodonNetworkError } from '../errors.js';
import type { HttpBackend, HttpMethod, HttpRequest, HttpResponse } from '../http/backend.js';
import { parsePairs, type ParsedParams } from './params.js';

/**
 * Which requests a test means:
 * - a route, `'GET /api/v1/statuses/{id}'` (a `{name}` stands for one path segment; the query
 *   is not compared), or a path without a method, `'/api/v1/timelines/home'`;
 * - an endpoint function, version switch or row of `mastodon-rx/api` (`timelineHome`): its
 *   route (either route of a version switch);
 * - a predicate on the request.
 */
export type RequestMatch = string | AnyEndpoint | { readonly row: AnyEndpoint } | { readonly rows: readonly AnyEndpoint[] }
  | ((request: HttpRequest) => boolean);

/** How {@link TestRequest.flush} answers. */
export interface FlushOptions {
  /** Default 200. */
  readonly status?: number;
  /** Default the usual reason phrase of the status, else `''`. */
  readonly statusText?: string;
  /** Response headers (`link`, `x-ratelimit-remaining`, …); names are lower-cased. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of {@link TestingBackend.verify}. */
export interface VerifyOptions {
  /** Let requests that were cancelled (unsubscribed) before an answer pass. Default `true`. */
  readonly ignoreCancelled?: boolean;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/**
 * One request a client sent through a {@link TestingBackend}, waiting for the test to answer
 * it: `flush` a response, or `error` as the network would.
 */
export class TestRequest {
  private state: 'open' | 'answered' | 'cancelled' = 'open';

  /** @internal Made by the backend when a client subscribes. */
  constructor(
    /** The request as the client built it: method, absolute URL, headers, body. */
    readonly request: HttpRequest,
    private readonly subscriber: Subscriber<HttpResponse>,
  ) {}

  /** Whether the client unsubscribed before an answer came: the request was aborted. */
  get cancelled(): boolean {
    return this.state === 'cancelled';
  }

  /** Whether the test has answered (flushed or failed) the request. */
  get answered(): boolean {
    return this.state === 'answered';
  }

  /**
   * The parameters the request sent, as a Rails server reads them: the query and a form or
   * JSON body together (`k[]` lists and `k[sub]` objects folded). Multipart bodies are not read.
   *
   * @example assert.deepEqual(req.params, { status: 'hi', visibility: 'unlisted' })
   */
  get params(): ParsedParams {
    const url = new URL(this.request.url);
    const query = parsePairs(url.searchParams.entries());
    const body = this.request.body;
    if (typeof body !== 'string' || body === '') return query;
    const type = this.request.headers['content-type'] ?? '';
    if (type.startsWith('application/json')) return { ...query, ...(JSON.parse(body) as ParsedParams) };
    if (type.startsWith('application/x-www-form-urlencoded')) return { ...query, ...parsePairs(new URLSearchParams(body).entries()) };
    return query;
  }

  /**
   * Answers the request: `body` as JSON (a string goes as it is), status 200 unless
   * `options` say otherwise. The client gets it at once, in the same turn.
   *
   * @example backend.expectOne('GET /api/v1/statuses/{id}').flush({ error: 'Record not found' }, { status: 404 })
   */
  flush(body: unknown, options: FlushOptions = {}): void {
    this.settle('flush');
    const status = options.status ?? 200;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    this.subscriber.next({ status, statusText: options.statusText ?? REASONS[status] ?? '', headers, body: text });
    this.subscriber.complete();
  }

  /**
   * Fails the request as a transport failure would: with `error`, or a `MastodonNetworkError`.
   * @example backend.expectOne(timelineHome).error()
   */
  error(error: unknown = new MastodonNetworkError(`Network error (TestingBackend): ${this.request.method} ${this.request.url}`)): void {
    this.settle('error');
    this.subscriber.error(error);
  }

  /** @internal The client unsubscribed. */
  cancel(): void {
    if (this.state === 'open') this.state = 'cancelled';
  }

  private settle(how: string): void {
    if (this.state !== 'open') {
      throw new Error(`Cannot ${how} ${describe(this.request)}: it was ${this.state} already`);
    }
    this.state = 'answered';
  }
}

/**
 * An `HttpBackend` for unit tests, in the manner of Angular's `HttpTestingController`: the
 * client's requests wait until the test answers them. Find them with `expectOne` or `match`,
 * answer with `flush` or `error`, and end with `verify()`, which fails on requests nobody
 * expected or answered. Answers arrive in the same turn, so tests run in virtual time (a
 * `TestScheduler` given to the client as `scheduler` drives its timeouts and rate limit).
 *
 * ## Example
 * ```ts
 * import { MastodonClient } from 'mastodon-rx/core';
 * import { timelineHome } from 'mastodon-rx/api';
 * import { TestingBackend } from 'mastodon-rx/testing';
 *
 * const backend = new TestingBackend();
 * // With the server's version given, no request asks for it first.
 * const client = new MastodonClient({ api_base_url: 'https://mastodon.example', access_token: 't', mastodon_version: '4.3.0', session: backend });
 * const pages: unknown[] = [];
 * timelineHome(client, { limit: 2 }).subscribe((page) => pages.push(page));
 *
 * const req = backend.expectOne('GET /api/v1/timelines/home');
 * assert.deepEqual(req.params, { limit: '2' });
 * req.flush([{ id: '2' }, { id: '1' }], { headers: { link: '<https://mastodon.example/api/v1/timelines/home?max_id=1>; rel="next"' } });
 * backend.verify();
 * ```
 */
export class TestingBackend implements HttpBackend {
  private readonly requests: { readonly request: TestRequest; matched: boolean }[] = [];

  /** Records the request on subscribe; it waits for the test's answer. Unsubscribing cancels it. */
  handle(request: HttpRequest): Observable<HttpResponse> {
    return new Observable<HttpResponse>((subscriber) => {
      const pending = new TestRequest(request, subscriber);
      this.requests.push({ request: pending, matched: false });
      return () => pending.cancel();
    });
  }

  /**
   * The one request not matched yet that `match` describes, now matched; throws when there is
   * none or more than one.
   *
   * @example backend.expectOne('POST /api/v1/statuses').flush(status)
   */
  expectOne(match: RequestMatch): TestRequest {
    const found = this.unmatched(match);
    if (found.length !== 1) {
      throw new Error(`Expected one request for ${describeMatch(match)}, found ${found.length}. ${this.openList()}`);
    }
    found[0]!.matched = true;
    return found[0]!.request;
  }

  /**
   * Every request not matched yet that `match` describes, now matched (possibly none).
   * @example backend.match(statusFavourite).forEach((req) => req.flush(status))
   */
  match(match: RequestMatch): TestRequest[] {
    const found = this.unmatched(match);
    for (const entry of found) entry.matched = true;
    return found.map((entry) => entry.request);
  }

  /**
   * Throws when a request not matched yet fits `match`.
   * @example backend.expectNone('GET /api/v1/instance/')
   */
  expectNone(match: RequestMatch): void {
    const found = this.unmatched(match);
    if (found.length > 0) throw new Error(`Expected no request for ${describeMatch(match)}, found ${found.length}. ${this.openList()}`);
  }

  /**
   * Throws when a request was never matched (nobody expected it) or was matched but never
   * answered, cancelled ones aside (unless `ignoreCancelled: false`).
   *
   * @example afterEach(() => backend.verify())
   */
  verify(options: VerifyOptions = {}): void {
    const ignoreCancelled = options.ignoreCancelled ?? true;
    const problems = this.requests.filter(({ request, matched }) => !(ignoreCancelled && request.cancelled) && (!matched || !request.answered))
      .map(({ request, matched }) => `${describe(request.request)} (${!matched ? 'not expected' : request.cancelled ? 'cancelled' : 'not answered'})`);
    if (problems.length > 0) throw new Error(`Requests left over: ${problems.join('; ')}`);
  }

  private unmatched(match: RequestMatch): { readonly request: TestRequest; matched: boolean }[] {
    const test = predicateOf(match);
    return this.requests.filter((entry) => !entry.matched && test(entry.request.request));
  }

  private openList(): string {
    const open = this.requests.filter((entry) => !entry.matched).map((entry) => describe(entry.request.request));
    return open.length ? `Not matched yet: ${open.join('; ')}` : 'No request is waiting to be matched.';
  }
}

function describe(request: HttpRequest): string {
  return `${request.method} ${request.url}`;
}

/** The routes a match names, or undefined for a predicate. */
function routesOf(match: RequestMatch): string[] | undefined {
  if (typeof match === 'string') return [match];
  if (isRow(match)) return [`${match.method} ${match.path}`];
  if ('row' in match) return [`${match.row.method} ${match.row.path}`];
  if ('rows' in match) return match.rows.map((row) => `${row.method} ${row.path}`);
  return undefined;
}

function describeMatch(match: RequestMatch): string {
  return routesOf(match)?.join(' or ') ?? 'a predicate';
}

function predicateOf(match: RequestMatch): (request: HttpRequest) => boolean {
  const routes = routesOf(match);
  if (routes === undefined) return match as (request: HttpRequest) => boolean;
  const tests = routes.map((route) => {
    const space = route.indexOf(' ');
    const method = space > 0 && !route.startsWith('/') ? route.slice(0, space) as HttpMethod : undefined;
    const pattern = pathPattern(method ? route.slice(space + 1) : route);
    return (request: HttpRequest): boolean => (method === undefined || request.method === method)
      && pattern.test(trimSlash(new URL(request.url).pathname));
  });
  return (request) => tests.some((test) => test(request));
}

/** `/api/v1/statuses/{id}` as a pattern of the URL's path: `{name}` one segment, `{name*}` several. */
function pathPattern(path: string): RegExp {
  const source = trimSlash(path.split('?')[0]!).replace(/[.+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{\w+(\*?)\}/g, (_m, many: string) => (many ? '.+' : '[^/]+'));
  return new RegExp(`${source}$`);
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
