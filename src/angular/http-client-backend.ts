import {
  HttpErrorResponse, HttpEventType, HttpHeaders, type HttpClient, type HttpResponse as AngularResponse,
} from '@angular/common/http';
import { defer, from, Observable, of, switchMap } from 'rxjs';
import type { HttpBackend, HttpRequest, HttpResponse, RequestBody } from '../http/backend.js';
import { declaresMoreThan, DEFAULT_MAX_RESPONSE_BYTES, responseTooLarge } from '../http/body-limit.js';
import { networkError } from '../http/abortable.js';
import { redact } from '../http/redact.js';
import { MastodonAPIError, MastodonError } from '../errors.js';

/** What `HttpClient.request` takes as a body: it would turn a typed array into JSON, so none is given. */
type AngularBody = string | ArrayBuffer | Blob | FormData | null;

/**
 * Headers the runtime sets itself: the length follows from the body, and a browser sends its
 * own `User-Agent` (an `XMLHttpRequest` logs an error for each it refuses; in Node, on the
 * server side of SSR, the client's is sent).
 */
function runtimeHeaders(): ReadonlySet<string> {
  const inNode = typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';
  return new Set(inNode ? ['content-length'] : ['content-length', 'user-agent']);
}

/**
 * A backend on Angular's `HttpClient`: every request of the client goes through the app's
 * interceptors, `HttpTestingController` in tests and the server's transfer cache in SSR.
 * Unsubscribing cancels the `HttpClient` request, which aborts it. What `HttpClient` reports
 * as an `HttpErrorResponse` comes back as what it is: an HTTP error status is a response like
 * any other (the client turns it into `MastodonNotFoundError` and the rest, with status, reason
 * and body); a request that got no answer is a `MastodonNetworkError`. Response headers (`Link`,
 * the rate limit) are kept, names in lower case.
 *
 * Bodies are capped at the request's `maxResponseBytes` as they come in (through `HttpClient`'s
 * download progress events): a longer one is aborted and fails with
 * `MastodonMalformedResponseError`. Redirects: Angular's fetch backend (`withFetch()`) is asked
 * not to follow them (such an answer fails with a `MastodonAPIError` of status 0, as with
 * `FetchBackend`); an `XMLHttpRequest`, Angular's default, follows them as the browser does,
 * which drops the `Authorization` header when the redirect leaves the origin. `Content-Length`
 * is left to the runtime, and so is `User-Agent` in browsers, which refuse it.
 *
 * ## Example
 * ```ts
 * const client = new MastodonClient({ api_base_url, access_token, session: new HttpClientBackend(inject(HttpClient)) });
 * ```
 */
export class HttpClientBackend implements HttpBackend {
  private readonly leftToRuntime = runtimeHeaders();

  /** @param http The app's `HttpClient`, as `inject(HttpClient)` gives it. */
  constructor(private readonly http: HttpClient) {}

  /** Sends `request` through `HttpClient` on subscribe; cancels it on unsubscribe. */
  handle(request: HttpRequest): Observable<HttpResponse> {
    return bodyOf(request.body).pipe(switchMap((body) => new Observable<HttpResponse>((subscriber) => {
      const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const headers = Object.entries(request.headers).filter(([name]) => !this.leftToRuntime.has(name.toLowerCase()));
      let head: { status: number; statusText: string } = { status: 0, statusText: '' };
      const answer = (response: AngularResponse<unknown> | HttpErrorResponse, text: string): void => {
        if (response.redirected === true) subscriber.error(redirected(response));
        else {
          subscriber.next(responseOf(response, text));
          subscriber.complete();
        }
      };
      return this.http.request(request.method, request.url, {
        body, headers: new HttpHeaders(Object.fromEntries(headers)), observe: 'events', reportProgress: true,
        responseType: 'text', redirect: 'manual',
      }).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.ResponseHeader) {
            head = { status: event.status, statusText: reasonOf(event.status, event.statusText) };
            const declared = event.headers.get('content-length') ?? undefined;
            if (declaresMoreThan(declared, maxBytes)) subscriber.error(responseTooLarge(head.status, head.statusText, maxBytes, declared));
          } else if (event.type === HttpEventType.DownloadProgress && event.loaded > maxBytes) {
            subscriber.error(responseTooLarge(head.status, head.statusText, maxBytes));
          } else if (event.type === HttpEventType.Response) {
            answer(event, event.body ?? '');
          }
        },
        error: (error: unknown) => {
          if (!(error instanceof HttpErrorResponse)) subscriber.error(error instanceof MastodonError ? error : networkError(error));
          else if (error.status === 0) subscriber.error(unanswered(request, error));
          else answer(error, textOf(error.error));
        },
        complete: () => subscriber.complete(),
      });
    })));
  }
}

/** The body as `HttpClient` sends it unchanged; a stream of chunks is read into a `Blob` first. */
function bodyOf(body: RequestBody | undefined): Observable<AngularBody> {
  if (body === undefined) return of(null);
  if (body instanceof Uint8Array) return of(body.slice().buffer as ArrayBuffer);
  if (typeof body === 'string' || body instanceof Blob || body instanceof FormData) return of(body);
  return defer(() => from(collect(body)));
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Blob(parts as BlobPart[]);
}

/** The error for an answer that went through a redirect (a fetch that did not honour `redirect: 'manual'`). */
function redirected(response: AngularResponse<unknown> | HttpErrorResponse): MastodonAPIError {
  const where = response.url === null ? '' : ` to ${redact(response.url)}`;
  return new MastodonAPIError(`Mastodon API returned error: the answer came through a redirect${where}, which this client does not follow`,
    { status: response.status, reason: 'Redirect' });
}

/** A request that got no HTTP answer: a network failure, or a redirect that was not followed (fetch says only `opaqueredirect`). */
function unanswered(request: HttpRequest, error: HttpErrorResponse): MastodonError {
  if (error.error === null) {
    return new MastodonAPIError('Mastodon API returned error: a redirect, which is not followed (the browser hides where it pointed)',
      { status: 0, reason: 'Redirect' });
  }
  const cause: unknown = error.error;
  const what = cause instanceof Error ? cause : new Error(`${request.method} ${redact(request.url)}: no answer (${kindOf(cause)})`, { cause });
  return networkError(what);
}

function kindOf(cause: unknown): string {
  return typeof cause === 'object' && cause !== null && 'type' in cause ? String((cause as { type: unknown }).type) : String(cause);
}

/** The library's response from Angular's, header names in lower case. */
function responseOf(response: AngularResponse<unknown> | HttpErrorResponse, body: string): HttpResponse {
  const headers: Record<string, string> = {};
  for (const name of response.headers.keys()) headers[name.toLowerCase()] = (response.headers.getAll(name) ?? []).join(', ');
  return { status: response.status, statusText: reasonOf(response.status, response.statusText), headers, body };
}

/** An error body as text: `HttpClient` gives `null` for an empty one, and an interceptor may have parsed it. */
function textOf(body: unknown): string {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body) ?? '';
  } catch {
    return '';
  }
}

/**
 * The server's reason phrase, or `''` for the ones Angular puts in when the server sent none
 * (`OK` on every success, `Unknown Error` on every failure), so that the standard one stands in.
 */
function reasonOf(status: number, statusText: string): string {
  if (statusText === 'Unknown Error' || (statusText === 'OK' && status !== 200)) return '';
  return statusText;
}
