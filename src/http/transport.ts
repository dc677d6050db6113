import { defer, map, type Observable, type SchedulerLike, tap, timeout } from 'rxjs';
import type { HttpBackend, HttpMethod, HttpRequest, HttpResponse, RequestBody } from './backend.js';
import { encodeForm, formBody, type BodyEncoder, type Params } from './params.js';
import type { FilledPath } from './fill-path.js';
import type { BodyEncoding, ResultKind } from '../endpoints/define.js';
import { checkStatus, readerFor, type ResultReader } from './response.js';
import { MastodonIllegalArgumentError, MastodonReadTimeout } from '../errors.js';
import type { RateLimiter } from '../ratelimit/limiter.js';
import { redact } from './redact.js';
import { responseTooLarge } from './body-limit.js';
import type { PageFetcher } from '../pagination/page.js';
import { markAsyncRefresh } from './async-refresh.js';

/** One API call as `apiRequest` takes it. */
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

/**
 * One API call as the transport takes it: an {@link ApiCall} whose body encoding is the encoder
 * itself, and whose path placeholders are filled by the filler it names.
 */
export interface Call extends Omit<ApiCall, 'encoding'> {
  /** How the body is encoded: a form unless the call names another encoder (`jsonBody`). */
  readonly encoding?: BodyEncoder | undefined;
  /** Fills the path's `{placeholders}` from `params` (`fillPath`); a path without any needs none. */
  readonly fillPath?: ((path: string, params: Params) => FilledPath) | undefined;
}

/** What the transport reads from its client, as the client names it: token and language change. */
export interface TransportClient {
  readonly api_base_url: string;
  readonly ratelimiter: RateLimiter;
  readonly scheduler: SchedulerLike;
  /** Seconds each attempt may take. */
  readonly request_timeout: number;
  /** The most response body bytes to accept. */
  readonly max_response_bytes: number;
  readonly user_agent: string | undefined;
  readonly access_token: string | undefined;
  readonly lang: string | undefined;
}

/** Sends API calls for one client: the raw response of each, error statuses included; a cold Observable. */
export type Transport = (call: Call) => Observable<HttpResponse>;

/**
 * The transport of a client: it builds, sends and reads API calls, parameters encoded as
 * Mastodon.py encodes them, the token sent only to the API's origin, each attempt bounded by
 * the request timeout, every call through the client's rate limiter. It takes calls as the
 * library builds them (rows, page links): `apiRequest` checks a call written by hand first.
 *
 * ## Example
 * ```ts
 * const send = createTransport(client, new FetchBackend(), false);
 * send({ method: 'GET', path: '/api/v1/statuses/1' }).subscribe((response) => console.log(response.status));
 * ```
 */
export function createTransport(client: TransportClient, backend: HttpBackend, debug: boolean): Transport {
  const origin = new URL(client.api_base_url).origin;

  /**
   * The responses of a call, on subscribe: the request built (a parameter that cannot be sent
   * is the error), then sent through the rate limiter unless it goes to another origin, whose
   * rate limit is not this client's.
   */
  function send(apiCall: Call): Observable<HttpResponse> {
    return defer(() => {
      const request = build(apiCall);
      if (debug) console.debug(`[mastodon-rx] ${request.method} ${redact(request.url)}`, redact(apiCall.params ?? {}));
      const tried = attempt(request);
      const limited = apiCall.ratelimited === false || !request.url.startsWith(`${origin}/`) ? tried : client.ratelimiter.limit(tried);
      return debug
        ? limited.pipe(tap((r) => console.debug(`[mastodon-rx] ${r.status} ${redact(request.url)}`)))
        : limited;
    });
  }

  /** One try of a request: the backend's answer, or `MastodonReadTimeout` if none comes in time. */
  function attempt(request: HttpRequest): Observable<HttpResponse> {
    const { scheduler, request_timeout: seconds, max_response_bytes: maxBytes } = client;
    // Each subscription (a retry of the rate limiter) asks the backend again.
    return defer(() => backend.handle(request)).pipe(
      map((response) => {
        // A backend of the user's own may not enforce the cap: its answer is held to it here.
        if (response.body.length > maxBytes) throw responseTooLarge(response.status, response.statusText, maxBytes);
        return response;
      }),
      // The backend is subscribed first: if it throws or answers at once, no timer is started.
      timeout({
        first: seconds * 1000,
        scheduler,
        with: () => {
          throw new MastodonReadTimeout(`No response within ${seconds} s: ${request.method} ${redact(request.url)}`);
        },
      }),
    );
  }

  /** Turns a call into a request. Throws `MastodonIllegalArgumentError` for parameters that cannot be sent. */
  function build(apiCall: Call): HttpRequest {
    let path = apiCall.path;
    let rest = apiCall.params ?? {};
    if (apiCall.fillPath) ({ path, rest } = apiCall.fillPath(path, rest));
    let url: URL;
    try {
      url = new URL(path.startsWith('/') ? client.api_base_url + path : path);
    } catch {
      throw new MastodonIllegalArgumentError(`Not a path under the API or an absolute URL: ${JSON.stringify(path)}`);
    }
    const lang = client.lang;
    const params: Params = lang !== undefined && rest['lang'] === undefined && !url.searchParams.has('lang') ? { ...rest, lang } : rest;
    const headers: Record<string, string> = { accept: 'application/json', ...apiCall.headers };
    if (client.user_agent) headers['user-agent'] = client.user_agent;
    const token = apiCall.token === undefined ? client.access_token : apiCall.token;
    if (token && url.origin === origin) headers['authorization'] = `Bearer ${token}`;

    let body: RequestBody | undefined = apiCall.body;
    if (apiCall.method === 'GET' || apiCall.method === 'HEAD') {
      const query = encodeForm(params);
      if (query) url.search = url.search.length > 1 ? `${url.search}&${query}` : query;
    } else if (body === undefined) {
      const encoded = (apiCall.encoding ?? formBody)(params);
      body = encoded.body;
      headers['content-type'] = encoded.contentType;
    }
    const maxResponseBytes = client.max_response_bytes;
    return body === undefined
      ? { method: apiCall.method, url: url.href, headers, maxResponseBytes }
      : { method: apiCall.method, url: url.href, headers, body, maxResponseBytes };
  }

  return send;
}

/**
 * The result of a call sent by a client, read by `read` (a page remembers the client, to follow
 * its links; a result marks the refresh its response announced); an error status fails with
 * its `MastodonAPIError`. For calls the library builds.
 *
 * ## Example
 * ```ts
 * fetchWith(client, { method: 'GET', path: '/api/v1/statuses/1' }, readJson<Status>).subscribe((s) => console.log(s.content));
 * ```
 */
export function fetchWith<R>(client: PageFetcher, call: Call, read: ResultReader<R>): Observable<R> {
  return client.send(call).pipe(map((response) => markAsyncRefresh(read(response, client), response.headers['mastodon-async-refresh'], call)));
}

/**
 * The result of a call sent by a client, read as its result kind says (JSON when it names
 * none). For calls the library builds: `apiRequest` is this for a call written by hand,
 * checked first.
 *
 * ## Example
 * ```ts
 * fetchResult<Status>(client, { method: 'GET', path: '/api/v1/statuses/1' }).subscribe((s) => console.log(s.content));
 * ```
 */
export function fetchResult<R>(client: PageFetcher, call: Call): Observable<R> {
  return fetchWith(client, call, readerFor(call.result) as ResultReader<R>);
}

/**
 * The whole response (status, headers, body) of a call sent by a client; an error status
 * fails with its `MastodonAPIError`. For calls the library builds: `apiResponse` is this for a
 * call written by hand, checked first.
 *
 * ## Example
 * ```ts
 * fetchResponse(client, { method: 'HEAD', path: '/', result: 'none' }).subscribe((r) => console.log(r.headers['date']));
 * ```
 */
export function fetchResponse(client: PageFetcher, call: Call): Observable<HttpResponse> {
  return client.send(call).pipe(tap(checkStatus));
}
