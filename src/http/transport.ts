import { Observable, throwError, type SchedulerLike, type Subscription } from 'rxjs';
import { tap } from 'rxjs/operators';
import type { HttpBackend, HttpMethod, HttpRequest, HttpResponse, RequestBody } from './backend.js';
import { encodeForm, encodeJson, isWellFormedText, type Params } from './params.js';
import type { BodyEncoding, ResultKind } from '../endpoints/define.js';
import { resultOf } from './response.js';
import { MastodonIllegalArgumentError, MastodonReadTimeout } from '../errors.js';
import type { RateLimiter } from '../ratelimit/limiter.js';
import { redact } from './redact.js';
import { responseTooLarge } from './body-limit.js';
import { markFetcher, type ObjectPage, type Page, type PageFetcher } from '../pagination/page.js';

/** One API call as the transport takes it. */
export interface ApiCall {
  /** The HTTP verb. */
  readonly method: HttpMethod;
  /** A path under the API base (`/api/v1/statuses/{id}`), or an absolute URL (a `Link` target). */
  readonly path: string;
  /** Parameters: placeholders of `path` first, the rest in the query (GET, HEAD) or the body. */
  readonly params?: Params;
  /** How the body is encoded: `form` (default), `json` or `multipart`. */
  readonly encoding?: BodyEncoding;
  /** How the response is read: `json` (default), `page`, `object-page`, `text` or `none`. */
  readonly result?: ResultKind;
  /** Whether the rate limiter applies; true unless said otherwise. */
  readonly ratelimited?: boolean;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A token for this call only (such as an app token); `null` sends none. */
  readonly token?: string | null;
  /** A prepared body (multipart uploads); replaces the encoding of `params`. */
  readonly body?: RequestBody;
}

/** What the transport needs from its client. Getters, because token and language change. */
export interface TransportConfig {
  readonly baseUrl: string;
  readonly backend: HttpBackend;
  readonly limiter: RateLimiter;
  readonly scheduler: SchedulerLike;
  readonly timeoutMs: number;
  /** The most response body bytes to accept. */
  readonly maxResponseBytes: number;
  readonly userAgent: string | undefined;
  readonly debug: boolean;
  token(): string | undefined;
  lang(): string | undefined;
}

/**
 * Builds, sends and reads API calls: parameters encoded as Mastodon.py encodes them, the
 * token sent only to the API's origin, each attempt bounded by the request timeout, every
 * call through the client's rate limiter.
 */
export class Transport {
  private readonly origin: string;

  constructor(private readonly config: TransportConfig) {
    this.origin = new URL(config.baseUrl).origin;
  }

  /** The parsed result of a call, as its result kind says; a cold Observable. */
  call<R>(call: ApiCall): Observable<R> {
    return new Observable<R>((subscriber) => this.responses(call).subscribe({
      next: (response) => {
        const kind = call.result ?? 'json';
        let result: unknown;
        try {
          result = resultOf(response, kind);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        subscriber.next((kind === 'page' || kind === 'object-page' ? markFetcher(result as Page<unknown> | ObjectPage<object>, this.pageFetcher) : result) as R);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    }));
  }

  /** Follows pagination links through this transport. */
  private readonly pageFetcher: PageFetcher = { apiRequest: <R>(call: ApiCall) => this.call<R>(call) };

  /** The raw response of a call (error statuses included); a cold Observable. */
  send(call: ApiCall): Observable<HttpResponse> {
    return new Observable<HttpResponse>((subscriber) => this.responses(call).subscribe(subscriber));
  }

  /**
   * The responses of a call: the request built (a parameter that cannot be sent is the
   * error), then sent through the rate limiter unless it goes to another origin, whose rate
   * limit is not this client's. Called on subscribe.
   */
  private responses(call: ApiCall): Observable<HttpResponse> {
    let request: HttpRequest;
    try {
      request = this.build(call);
    } catch (error) {
      return throwError(() => error);
    }
    if (this.config.debug) console.debug(`[mastodon-rx] ${request.method} ${redact(request.url)}`, redact(call.params ?? {}));
    const attempt = this.attempt(request);
    const limited = call.ratelimited === false || !request.url.startsWith(`${this.origin}/`)
      ? attempt
      : this.config.limiter.limit(attempt);
    return this.config.debug
      ? limited.pipe(tap((r) => console.debug(`[mastodon-rx] ${r.status} ${redact(request.url)}`)))
      : limited;
  }

  /** One try of a request: the backend's answer, or `MastodonReadTimeout` if none comes in time. */
  private attempt(request: HttpRequest): Observable<HttpResponse> {
    const { backend, scheduler, timeoutMs } = this.config;
    return new Observable<HttpResponse>((subscriber) => {
      let answered = false;
      let timer: Subscription | undefined;
      // The backend goes first: if it throws or answers at once, no timer is left behind.
      const exchange = backend.handle(request).subscribe({
        next: (response) => {
          answered = true;
          timer?.unsubscribe();
          // A backend of the user's own may not enforce the cap: its answer is held to it here.
          if (response.body.length > this.config.maxResponseBytes) {
            subscriber.error(responseTooLarge(response.status, response.statusText, this.config.maxResponseBytes));
          } else {
            subscriber.next(response);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      if (!answered && !subscriber.closed) {
        timer = scheduler.schedule(() => subscriber.error(
          new MastodonReadTimeout(`No response within ${timeoutMs / 1000} s: ${request.method} ${redact(request.url)}`),
        ), timeoutMs);
      }
      return () => {
        timer?.unsubscribe();
        exchange.unsubscribe();
      };
    });
  }

  /** Turns a call into a request. Throws `MastodonIllegalArgumentError` for a call or parameters that cannot be sent. */
  build(call: ApiCall): HttpRequest {
    checkCall(call);
    const { path, rest } = fillPath(call.path, call.params ?? {});
    let url: URL;
    try {
      url = new URL(path.startsWith('/') ? this.config.baseUrl + path : path);
    } catch {
      throw new MastodonIllegalArgumentError(`Not a path under the API or an absolute URL: ${JSON.stringify(path)}`);
    }
    const lang = this.config.lang();
    const params: Params = lang !== undefined && rest['lang'] === undefined && !url.searchParams.has('lang') ? { ...rest, lang } : rest;
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (this.config.userAgent) headers['user-agent'] = this.config.userAgent;
    const token = call.token === undefined ? this.config.token() : call.token;
    if (token && url.origin === this.origin) headers['authorization'] = `Bearer ${token}`;

    let body: RequestBody | undefined = call.body;
    if (call.method === 'GET' || call.method === 'HEAD') {
      const query = encodeForm(params);
      if (query) url.search = url.search.length > 1 ? `${url.search}&${query}` : query;
    } else if (body === undefined && call.encoding === 'json') {
      body = encodeJson(params);
      headers['content-type'] = 'application/json';
    } else if (body === undefined) {
      body = encodeForm(params);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const { maxResponseBytes } = this.config;
    return body === undefined
      ? { method: call.method, url: url.href, headers, maxResponseBytes }
      : { method: call.method, url: url.href, headers, body, maxResponseBytes };
  }
}

const HTTP_METHODS: ReadonlySet<unknown> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
const RESULT_KINDS: ReadonlySet<unknown> = new Set([undefined, 'json', 'page', 'object-page', 'text', 'none']);
const ENCODINGS: ReadonlySet<unknown> = new Set([undefined, 'form', 'json', 'multipart']);

/** Throws `MastodonIllegalArgumentError` unless `call` is a call the transport can send (from `apiRequest`, it may be anything). */
function checkCall(call: unknown): asserts call is ApiCall {
  if (typeof call !== 'object' || call === null) {
    throw new MastodonIllegalArgumentError('A call must be an object: { method, path, params?, ... }');
  }
  const { method, path, params, result, encoding } = call as Record<string, unknown>;
  if (!HTTP_METHODS.has(method)) throw new MastodonIllegalArgumentError(`Not an HTTP method: ${JSON.stringify(method) ?? String(method)}`);
  if (typeof path !== 'string' || path === '') throw new MastodonIllegalArgumentError('A call needs a path: a string');
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new MastodonIllegalArgumentError('A call\'s params must be an object');
  }
  if (!RESULT_KINDS.has(result)) throw new MastodonIllegalArgumentError(`Not a result kind: ${JSON.stringify(result) ?? String(result)}`);
  if (!ENCODINGS.has(encoding)) throw new MastodonIllegalArgumentError(`Not a body encoding: ${JSON.stringify(encoding) ?? String(encoding)}`);
}

/**
 * Fills `{name}` placeholders of a path from the parameters of the same name, URL-encoded
 * (`{name*}` may hold several segments), and returns the parameters that are left. An empty,
 * `.` or `..` segment is a `MastodonIllegalArgumentError`: it would walk the URL.
 *
 * ## Example
 * ```ts
 * fillPath('/api/v1/timelines/tag/{hashtag}', { hashtag: 'café', limit: 5 })
 * // { path: '/api/v1/timelines/tag/caf%C3%A9', rest: { limit: 5 } }
 * fillPath('/api/v1/timelines/{timeline*}', { timeline: 'tag/café' })
 * // { path: '/api/v1/timelines/tag/caf%C3%A9', rest: {} }
 * ```
 */
export function fillPath(path: string, params: Params): { path: string; rest: Params } {
  if (!path.includes('{')) return { path, rest: params };
  const rest: Record<string, Params[string]> = { ...params };
  const filled = path.replace(/\{(\w+)(\*?)\}/g, (_match, name: string, multiSegment: string) => {
    const value = rest[name];
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new MastodonIllegalArgumentError(`Missing path parameter ${name}`);
    }
    delete rest[name];
    const text = String(value);
    if (!isWellFormedText(text)) throw new MastodonIllegalArgumentError(`${name} is not well-formed text (it holds a lone surrogate)`);
    // encodeURIComponent leaves `.` alone, and a URL drops `.` and `..` segments (walking up a level):
    // such a segment, or an empty one, would send the request to another endpoint.
    const segments = multiSegment ? text.split('/') : [text];
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new MastodonIllegalArgumentError(`${name} is not a valid path${multiSegment ? '' : ' segment'}: ${JSON.stringify(text)}`);
    }
    return multiSegment ? segments.map(encodeURIComponent).join('/') : encodeURIComponent(text);
  });
  return { path: filled, rest };
}
