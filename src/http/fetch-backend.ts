import { Observable } from 'rxjs';
import type { HttpBackend, HttpRequest, HttpResponse } from './backend.js';
import { MastodonNetworkError } from '../errors.js';

/**
 * A backend on the global `fetch`, for browsers (and any runtime that has `fetch`).
 * Unsubscribing aborts the request through an `AbortController`.
 *
 * ## Example
 * ```ts
 * const api = new Mastodon({ api_base_url: 'https://mastodon.social', session: new FetchBackend() });
 * ```
 */
export class FetchBackend implements HttpBackend {
  constructor(private readonly fetchFn: typeof fetch = (...args) => globalThis.fetch(...args)) {}

  /** Sends `request` with `fetch` on subscribe; aborts it on unsubscribe. */
  handle(request: HttpRequest): Observable<HttpResponse> {
    return new Observable<HttpResponse>((subscriber) => {
      const abort = new AbortController();
      let settled = false;
      const init: RequestInit & { duplex?: 'half' } = {
        method: request.method,
        headers: request.headers,
        signal: abort.signal,
      };
      if (request.body !== undefined) {
        init.body = request.body as BodyInit;
        if (isAsyncIterable(request.body)) init.duplex = 'half';
      }
      this.fetchFn(request.url, init)
        .then(async (res) => {
          const headers: Record<string, string> = {};
          res.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
          const body = await res.text();
          settled = true;
          subscriber.next({ status: res.status, statusText: res.statusText, headers, body });
          subscriber.complete();
        })
        .catch((cause: unknown) => {
          settled = true;
          if (!abort.signal.aborted) subscriber.error(networkError(cause));
        });
      return () => {
        if (!settled) abort.abort();
      };
    });
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Wraps a transport failure in a `MastodonNetworkError` that keeps the cause. */
export function networkError(cause: unknown): MastodonNetworkError {
  if (cause instanceof MastodonNetworkError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new MastodonNetworkError(`Could not complete request: ${message}`, { cause });
}
