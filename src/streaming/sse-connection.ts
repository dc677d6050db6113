import { Observable } from 'rxjs';
import { EventSource } from 'eventsource';
import { MastodonNetworkError } from '../errors.js';
import { apiErrorFor } from '../http/response.js';
import { CommentSpotter } from './comment-spotter.js';
import { BYTES, HEARTBEAT, OPEN, streamKey, type ConnectionSignal, type Connector, type StreamTarget } from './connection.js';
import { decodeEvent } from './decode.js';

/** A `fetch` as `EventSource` calls it. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** What the SSE transport needs. */
export interface SseConnectorConfig {
  /** The streaming host, `https://streaming.example` (no trailing slash). */
  readonly baseUrl: string;
  /** The access token, sent as `Authorization: Bearer` to the streaming host only. */
  token(): string | undefined;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
}

/**
 * The SSE transport, through the `eventsource` package: one `EventSource` per connection, its
 * own reconnect loop switched off (the stream's operators reconnect). Three things an
 * `EventSource` does not give are taken at its seams: the custom `fetch` adds the token, keeps
 * the server's error body of a refused request (a 401 becomes `MastodonUnauthorizedError`
 * with the server's message), and watches the raw bytes, so heartbeats (`:thump` comments,
 * which an `EventSource` swallows) count for stall detection; and a subclass sees every event,
 * whatever its name, which `addEventListener` cannot (unknown events are delivered too).
 *
 * ## Example
 * ```ts
 * const connect = sseConnector({ baseUrl: 'https://streaming.example', token: () => token });
 * connect({ name: 'user', path: '/api/v1/streaming/user', query: {} }).subscribe(console.log);
 * ```
 */
export function sseConnector(config: SseConnectorConfig): Connector {
  const origin = new URL(config.baseUrl).origin;
  return (target: StreamTarget) => new Observable<ConnectionSignal>((subscriber) => {
    const url = new URL(config.baseUrl + target.path);
    for (const [key, value] of Object.entries(target.query)) url.searchParams.set(key, value);
    const stream = streamKey(target);
    let refusal: Error | undefined;
    let ended = false;

    const fetchImpl: FetchLike = config.fetch ?? ((input, init) => fetch(input, init));
    const watchedFetch: FetchLike = async (input, init) => {
      const headers = new Headers(init?.headers);
      const token = config.token();
      if (token && new URL(String(input)).origin === origin) headers.set('authorization', `Bearer ${token}`);
      const response = await fetchImpl(input, { ...init, headers });
      if (response.status !== 200 || !response.body) {
        const body = await response.text().catch(() => '');
        refusal = apiErrorFor({ status: response.status, statusText: response.statusText, headers: {}, body });
        return new Response(null, { status: response.status === 200 ? 500 : response.status });
      }
      return new Response(watched(response.body), { status: 200, headers: response.headers });
    };

    const spotter = new CommentSpotter();
    const watched = (body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> => {
      const reader = body.getReader();
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            ended = true;
            controller.close();
            return;
          }
          subscriber.next(BYTES);
          for (let n = spotter.count(value); n > 0; n--) subscriber.next(HEARTBEAT);
          controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
    };

    class EverySource extends EventSource {
      override dispatchEvent(event: Event): boolean {
        if (event instanceof MessageEvent) subscriber.next({ kind: 'event', event: decodeEvent(event.type, event.data as string, stream) });
        return true;
      }
    }

    const source = new EverySource(url, { fetch: watchedFetch });
    source.onopen = () => subscriber.next(OPEN);
    source.onerror = (event) => {
      source.close();
      subscriber.error(refusal
        ?? new MastodonNetworkError(ended ? 'Server ceased communication.' : `Stream connection failed: ${event.message ?? 'network error'}`));
    };
    return () => source.close();
  });
}
