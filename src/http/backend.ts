import type { Observable } from 'rxjs';

/** The HTTP verbs the Mastodon API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** What a backend may send as a body. */
export type RequestBody = string | Uint8Array | FormData | Blob | AsyncIterable<Uint8Array>;

/** One HTTP request, fully built: the backend sends it as it is. */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** The absolute URL, query string included. */
  readonly url: string;
  /** The request headers, by name. */
  readonly headers: Readonly<Record<string, string>>;
  /** The encoded body; absent for GET, HEAD and bodiless requests. */
  readonly body?: RequestBody;
  /**
   * The most bytes of response body to accept (the client's `max_response_bytes`; 64 MiB when
   * absent). A backend refuses a longer body while it streams in, announced by `content-length`
   * or not, and fails with `MastodonMalformedResponseError` without holding it.
   */
  readonly maxResponseBytes?: number;
}

/** One HTTP response, its body read whole as text. Header names are lower case. */
export interface HttpResponse {
  /** The HTTP status code. */
  readonly status: number;
  /** The reason phrase (`Not Found`), or `''` when the backend does not know it. */
  readonly statusText: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, read whole as text. */
  readonly body: string;
}

/**
 * Sends requests. One method: `handle` returns a cold Observable that sends the request on
 * subscribe, emits the response once and completes, and aborts the request when unsubscribed.
 * A transport failure is an error in the Observable; an HTTP error status is not (it is a
 * response like any other), and neither is a redirect: backends follow none, so that no body
 * or token ever travels to an origin the client was not pointed at.
 *
 * ## Example
 * ```ts
 * const api = new Mastodon({ api_base_url, session: new FetchBackend() });
 * ```
 */
export interface HttpBackend {
  /** Sends `request` on subscribe; emits its response once; aborts it on unsubscribe. */
  handle(request: HttpRequest): Observable<HttpResponse>;
}
