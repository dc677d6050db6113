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
import { markFetcher, type Page, type PageFetcher } from '../pagination/page.js';

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
  /** How the response is read: `json` (default), `page`, `text` or `none`. */
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
    const kind = call.result ?? 'json';
    return new Observable<R>((subscriber) => this.responses(call).subscribe({
      next: (response) => {
        let result: unknown;
        try {
          result = resultOf(response, kind);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        subscriber.next((kind === 'page' ? markFetcher(result as Page<unknown>, this.pageFetcher) : result) as R);
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

  /** Turns a call into a request. Throws `MastodonIllegalArgumentError` for parameters that cannot be sent. */
  build(call: ApiCall): HttpRequest {
    const { path, rest } = fillPath(call.path, call.params ?? {});
    const url = new URL(path.startsWith('/') ? this.config.baseUrl + path : path);
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

/**
 * Fills `{name}` placeholders of a path from the parameters of the same name, URL-encoded
 * (`{name*}` may hold several segments), and returns the parameters that are left.
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
    if (!multiSegment) return encodeURIComponent(text);
    const segments = text.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new MastodonIllegalArgumentError(`${name} is not a valid path: ${JSON.stringify(text)}`);
    }
    return segments.map(encodeURIComponent).join('/');
  });
  return { path: filled, rest };
}
