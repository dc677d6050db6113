import type { Observable } from 'rxjs';
import type { HttpBackend, HttpRequest, HttpResponse } from './backend.js';
import { abortableResponse } from './abortable.js';
import { declaresMoreThan, DEFAULT_MAX_RESPONSE_BYTES, responseTooLarge } from './body-limit.js';
import { MastodonAPIError } from '../errors.js';

/**
 * A backend on the global `fetch`, for browsers (and any runtime that has `fetch`).
 * Unsubscribing aborts the request through an `AbortController`. Redirects are not followed
 * (`redirect: 'manual'`): a 3xx is an answer like any other, so a request body or token never
 * goes to another origin (a browser hides a redirect's target and status: that answer fails
 * with a `MastodonAPIError` of status 0). The body is read up to the request's
 * `maxResponseBytes`; a longer one is cancelled as it comes in.
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
      const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, signal, redirect: 'manual' };
      if (request.body !== undefined) {
        init.body = request.body as BodyInit;
        if (isAsyncIterable(request.body)) init.duplex = 'half';
      }
      const res = await this.fetchFn(request.url, init);
      if (res.type === 'opaqueredirect') {
        await res.body?.cancel();
        throw new MastodonAPIError('Mastodon API returned error: a redirect, which is not followed (the browser hides where it pointed)',
          { status: res.status, reason: 'Redirect' });
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
      const body = request.method === 'HEAD' ? '' : await readBody(res, headers, request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
      return { status: res.status, statusText: res.statusText, headers, body };
    });
  }
}

/** The body as text, refused (and the stream cancelled) once it passes `maxBytes`. */
async function readBody(res: Response, headers: Readonly<Record<string, string>>, maxBytes: number): Promise<string> {
  const declared = headers['content-length'];
  if (declaresMoreThan(declared, maxBytes)) {
    await res.body?.cancel();
    throw responseTooLarge(res.status, res.statusText, maxBytes, declared);
  }
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (let chunk; !(chunk = await reader.read()).done;) {
    received += chunk.value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw responseTooLarge(res.status, res.statusText, maxBytes);
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
