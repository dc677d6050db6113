import { concat, Observable, of } from 'rxjs';
import { EventSource, type FetchLikeResponse } from 'eventsource';
import type { MastodonClient } from '../client/client.js';
import { defaultFetch, nativeSseConnector } from './runtime-defaults.js';
import { afterFirst } from './hand-over.js';
import { streamingHost } from './host.js';
import { MastodonNetworkError } from '../errors.js';
import { apiErrorFor } from '../http/response.js';
import { CommentSpotter } from './comment-spotter.js';
import {
  BYTES, DEFAULT_MAX_EVENT_SIZE, HEARTBEAT, OPEN, streamHeaders, streamKey, targetUrl,
  type ConnectionSignal, type ConnectSettings, type Connector, type SseHostConfig, type StreamTarget,
} from './connection.js';
import { decodeEvent } from './decode.js';
import { refusalText } from './refusal.js';
import { SseSizeGuard } from './size-guard.js';
import { statusText } from './status-text.js';

/** What the SSE transport reads of a body: a web stream reader's `read` and `cancel`. */
export interface StreamReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/** The part of a `fetch` `Response` the SSE transport reads; a `Response` is one. */
export interface StreamResponse {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: { get(name: string): string | null };
  readonly body: { getReader(): StreamReader } | null;
  text(): Promise<string>;
}

/** A `fetch` as `EventSource` calls it; the global `fetch` is one. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<StreamResponse>;

/** What the `EventSource` transport needs. */
export interface SseConnectorConfig extends SseHostConfig {
  /** Default: a fetch on undici's `request` in Node, the global `fetch` elsewhere. */
  readonly fetch?: FetchLike;
}

/**
 * The SSE transport, through the `eventsource` package: one `EventSource` per connection, its
 * own reconnect loop switched off (the stream's operators reconnect). Three things an
 * `EventSource` does not give are taken at its seams: the custom `fetch` adds the token, keeps
 * the server's error body of a refused request (a 401 becomes `MastodonUnauthorizedError`
 * with the server's message), and watches the raw bytes, so heartbeats (`:thump` comments,
 * which an `EventSource` swallows) count for stall detection, and a line or event longer than
 * `settings.maxEventSize` drops the connection before the parser holds it; and a subclass sees
 * every event, whatever its name, which `addEventListener` cannot (unknown events are delivered
 * too). Whatever fails inside reaches the Observable, and unsubscribing closes the socket.
 *
 * ## Example
 * ```ts
 * const connect = sseConnector({ baseUrl: 'https://streaming.example', token: () => token });
 * connect({ name: 'user', path: '/api/v1/streaming/user', query: {} }).subscribe(console.log);
 * ```
 */
export function sseConnector(config: SseConnectorConfig): Connector {
  return (target: StreamTarget, settings?: ConnectSettings) => new Observable<ConnectionSignal>((subscriber) => {
    const url = targetUrl(config.baseUrl, target);
    const stream = streamKey(target);
    let refusal: Error | undefined;
    let ended = false;
    // Ours, beside the EventSource's: a failure inside the EventSource can drop its controller,
    // and the connection must close with the stream whatever happened.
    const abort = new AbortController();
    let reader: StreamReader | undefined;
    const fail = (error: unknown): void => subscriber.error(error);

    const fetchImpl: FetchLike = config.fetch ?? defaultFetch();
    const watchedFetch = async (input: string | URL, init?: RequestInit): Promise<FetchLikeResponse> => {
      init?.signal?.addEventListener('abort', () => abort.abort(), { once: true });
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(streamHeaders(config, input))) headers.set(name, value);
      const response = await fetchImpl(input, { ...init, headers, signal: abort.signal });
      if (response.status !== 200 || !response.body) {
        const body = await refusalText(response.body);
        refusal = apiErrorFor({ status: response.status, statusText: statusText(response.status, response.statusText), headers: {}, body });
        return { status: response.status === 200 ? 500 : response.status, url: response.url, redirected: false, headers: response.headers, body: null };
      }
      const { status, url: responseUrl, redirected, headers: responseHeaders } = response;
      return {
        status, url: responseUrl, redirected, headers: responseHeaders,
        body: { getReader: () => (reader = watched(response.body!.getReader())) },
      };
    };

    // Each chunk is seen on its way from the body's reader to the EventSource's parser: no second stream.
    const spotter = new CommentSpotter();
    const guard = new SseSizeGuard(settings?.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE);
    const watched = (body: StreamReader): StreamReader => ({
      read: () => body.read().then((result) => {
        if (result.done) ended = true;
        else if (!guard.fits(result.value)) {
          // Not a byte of it reaches the parser: the connection is dropped, and the stream reconnects.
          fail(guard.tooLong());
          return { done: true, value: undefined };
        } else {
          subscriber.next(BYTES);
          for (let n = spotter.count(result.value); n > 0; n--) subscriber.next(HEARTBEAT);
        }
        return result;
      }),
      cancel: (reason) => body.cancel(reason),
    });

    class EverySource extends EventSource {
      override dispatchEvent(event: Event): boolean {
        if (!(event instanceof MessageEvent)) return true;
        try {
          subscriber.next({ kind: 'event', event: decodeEvent(event.type, event.data as string, stream) });
        } catch (error) {
          // Nothing a server sends may throw into the EventSource's read loop (and from there out of reach).
          fail(error);
        }
        return true;
      }
    }

    const source = new EverySource(url, { fetch: watchedFetch });
    source.onopen = () => subscriber.next(OPEN);
    source.onerror = (event) => {
      source.close();
      fail(refusal ?? new MastodonNetworkError(ended ? 'Server ceased communication.' : `Stream connection failed: ${event.message ?? 'network error'}`));
    };
    return () => {
      source.close();
      abort.abort();
      reader?.cancel().catch(() => undefined);
    };
  });
}

/**
 * The SSE {@link Connector} of a client: each connection asks for the streaming host
 * ({@link streamingHost}) and connects there with the client's token and user agent; when the
 * lookup failed and the API host stands in, its first signal says so (`fallback`). In Node it
 * reads the body itself (`nodeSseConnector`), elsewhere through `EventSource` ({@link sseConnector}).
 *
 * @example sseConnectorOf(api)({ name: 'user', path: '/api/v1/streaming/user', query: {} })
 */
export function sseConnectorOf(api: MastodonClient): Connector {
  const connector = nativeSseConnector() ?? sseConnector;
  return (target, settings) => afterFirst(streamingHost(api), (host) => {
    const connection = connector({ baseUrl: host.base, token: () => api.access_token, userAgent: api.user_agent })(target, settings);
    return host.fallback === undefined ? connection
      : concat(of<ConnectionSignal>({ kind: 'fallback', host: host.base, error: host.fallback }), connection);
  });
}
