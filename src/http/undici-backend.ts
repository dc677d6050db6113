import { Observable } from 'rxjs';
import { Agent, type Dispatcher } from 'undici';
import type { HttpBackend, HttpRequest, HttpResponse } from './backend.js';
import { networkError } from './abortable.js';
import { standardStatusText } from './status-text.js';
import { declaresMoreThan, DEFAULT_MAX_RESPONSE_BYTES, responseTooLarge } from './body-limit.js';

type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * The Node.js backend: undici with a keep-alive connection pool. Requests go straight to the
 * pool's dispatcher, the body collected as it arrives, up to the request's `maxResponseBytes`
 * (a longer body aborts the request). Redirects are answers, not followed (undici's dispatcher
 * follows none unless it was given a redirect interceptor). Unsubscribing aborts the request
 * and releases its socket.
 *
 * ## Example
 * ```ts
 * const api = new Mastodon({ api_base_url, session: new UndiciBackend({ connections: 16 }) });
 * ```
 */
export class UndiciBackend implements HttpBackend {
  private readonly dispatcher: Dispatcher;

  /**
   * @param options `connections`: sockets per origin at most (default: as many as requests in
   * flight, undici's default); `dispatcher`: an undici dispatcher of your own instead.
   */
  constructor(options: { connections?: number; dispatcher?: Dispatcher } = {}) {
    this.dispatcher = options.dispatcher
      ?? new Agent(options.connections === undefined ? {} : { connections: options.connections });
  }

  /** Sends `request` through the pool on subscribe; aborts it (releasing its socket) on unsubscribe. */
  handle(request: HttpRequest): Observable<HttpResponse> {
    return new Observable<HttpResponse>((subscriber) => {
      // A HEAD answer's content-length tells the size of a body it does not send.
      const exchange = new Exchange(subscriber, request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, request.method !== 'HEAD');
      try {
        const url = new URL(request.url);
        this.dispatcher.dispatch({
          origin: url.origin,
          path: url.pathname + url.search,
          method: request.method,
          headers: request.headers,
          body: request.body as Dispatcher.DispatchOptions['body'],
        }, exchange);
      } catch (cause) {
        subscriber.error(networkError(cause));
      }
      return () => exchange.cancel();
    });
  }

  /** Closes the pool's idle sockets. */
  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

/** One request's life in the pool, seen through undici's dispatch callbacks. */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private cancelled = false;
  private finished = false;
  private status = 0;
  private statusText = '';
  private headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];
  private received = 0;

  constructor(
    private readonly subscriber: { next(r: HttpResponse): void; complete(): void; error(e: unknown): void },
    private readonly maxBytes: number,
    private readonly bodyExpected: boolean,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.cancelled) controller.abort(new Error('Request cancelled'));
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: ResponseHeaders, statusMessage?: string): void {
    this.status = status;
    this.statusText = statusMessage || standardStatusText(status);
    this.headers = flattenHeaders(headers);
    const declared = this.headers['content-length'];
    if (this.bodyExpected && declaresMoreThan(declared, this.maxBytes)) this.refuse(controller, declared);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.finished) return;
    this.received += chunk.length;
    if (this.received > this.maxBytes) this.refuse(controller);
    else this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.finished) return;
    this.finished = true;
    const body = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    this.subscriber.next({ status: this.status, statusText: this.statusText, headers: this.headers, body });
    this.subscriber.complete();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.cancelled) this.subscriber.error(networkError(error));
  }

  /** Aborts the request unless its answer is already in (an abort costs an error object). */
  cancel(): void {
    if (this.finished || this.cancelled) return;
    this.cancelled = true;
    this.controller?.abort(new Error('Request cancelled'));
  }

  /** Fails with the body-too-large error, drops what arrived and aborts, which closes the socket. */
  private refuse(controller: Dispatcher.DispatchController, declared?: string): void {
    this.finished = true;
    this.chunks.length = 0;
    this.subscriber.error(responseTooLarge(this.status, this.statusText, this.maxBytes, declared));
    controller.abort(new Error('Response body too large'));
  }
}

function flattenHeaders(raw: ResponseHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
