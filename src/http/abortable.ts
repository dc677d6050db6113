import { Observable } from 'rxjs';
import type { HttpResponse } from './backend.js';
import { MastodonError, MastodonNetworkError } from '../errors.js';

/**
 * A cold Observable of one response from a promise-based HTTP call: `send` runs on subscribe
 * with an `AbortSignal` that unsubscribing fires (unless the response is already in, since
 * aborting costs an exception object); a failure is a `MastodonNetworkError`, unless `send`
 * failed with a `MastodonError` of its own (a body too large), which passes as it is.
 *
 * ## Example
 * ```ts
 * abortableResponse((signal) => fetch(url, { signal }).then(async (res) => ({ status: res.status, statusText: res.statusText, headers: {}, body: await res.text() })))
 * ```
 */
export function abortableResponse(send: (signal: AbortSignal) => Promise<HttpResponse>): Observable<HttpResponse> {
  return new Observable<HttpResponse>((subscriber) => {
    const abort = new AbortController();
    let settled = false;
    send(abort.signal)
      .then((response) => {
        settled = true;
        subscriber.next(response);
        subscriber.complete();
      })
      .catch((cause: unknown) => {
        settled = true;
        if (!abort.signal.aborted) subscriber.error(cause instanceof MastodonError ? cause : networkError(cause));
      });
    return () => {
      if (!settled) abort.abort();
    };
  });
}

/** Wraps a transport failure in a `MastodonNetworkError` that keeps the cause. */
export function networkError(cause: unknown): MastodonNetworkError {
  if (cause instanceof MastodonNetworkError) return cause;
  // fetch says only "fetch failed"; what failed is its cause.
  const inner = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  const message = cause instanceof Error ? `${cause.message}${inner}` : String(cause);
  return new MastodonNetworkError(`Could not complete request: ${message}`, { cause });
}
