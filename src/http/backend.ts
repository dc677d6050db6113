import type { Observable } from 'rxjs';

/** The HTTP verbs the Mastodon API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** What a backend may send as a body. */
export type RequestBody = string | Uint8Array | FormData | Blob | AsyncIterable<Uint8Array>;

/** One HTTP request, fully built: the backend sends it as it is. */
export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
}

/** One HTTP response, its body read whole as text. Header names are lower case. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends requests. One method: `handle` returns a cold Observable that sends the request on
 * subscribe, emits the response once and completes, and aborts the request when unsubscribed.
 * A transport failure is an error in the Observable; an HTTP error status is not (it is a
 * response like any other).
 *
 * ## Example
 * ```ts
 * const api = new Mastodon({ api_base_url, session: new FetchBackend() });
 * ```
 */
export interface HttpBackend {
  handle(request: HttpRequest): Observable<HttpResponse>;
}
