import type { Observable } from 'rxjs';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { HttpBackend, HttpRequest, HttpResponse } from './backend.js';
import { abortableResponse } from './abortable.js';

/**
 * The Node.js backend: undici with a keep-alive connection pool. Unsubscribing aborts the
 * request and releases its socket.
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
    return abortableResponse(async (signal) => {
      const res = await undiciRequest(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body as Dispatcher.DispatchOptions['body'],
        signal,
        dispatcher: this.dispatcher,
      });
      const body = await res.body.text();
      return { status: res.statusCode, statusText: reasonPhrase(res.statusCode), headers: flattenHeaders(res.headers), body };
    });
  }

  /** Closes the pool's idle sockets. */
  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone',
  422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}
