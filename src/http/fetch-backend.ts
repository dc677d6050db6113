import type { Observable } from 'rxjs';
import type { HttpBackend, HttpRequest, HttpResponse } from './backend.js';
import { abortableResponse } from './abortable.js';

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
    return abortableResponse(async (signal) => {
      const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, signal };
      if (request.body !== undefined) {
        init.body = request.body as BodyInit;
        if (isAsyncIterable(request.body)) init.duplex = 'half';
      }
      const res = await this.fetchFn(request.url, init);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
      return { status: res.status, statusText: res.statusText, headers, body: await res.text() };
    });
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

