import type { Observable } from 'rxjs';
import type { BackoffConfig } from './backoff.js';
import type { StreamEvent } from './events.js';

/**
 * What a live connection reports: it opened, it connects to the API host because the instance
 * lookup failed (`fallback`), it failed and reconnects after a wait (only from connectors that
 * reconnect themselves), bytes arrived (for stall detection), a heartbeat came (an SSE comment
 * line, a WebSocket ping), or an event.
 */
export type ConnectionSignal =
  | { readonly kind: 'open' }
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly delay_ms: number; readonly error: unknown }
  | { readonly kind: 'fallback'; readonly host: string; readonly error: unknown }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'event'; readonly event: StreamEvent };

/** One stream of the streaming API, as both transports name it. */
export interface StreamTarget {
  /** The stream name of the WebSocket API (`public:local:media`, `hashtag`, `list`...). */
  readonly name: string;
  /** The SSE path under the streaming host (`/api/v1/streaming/hashtag/local`). */
  readonly path: string;
  /** Query parameters of the SSE request (`tag`, `list`, `only_media`). */
  readonly query: Readonly<Record<string, string>>;
  /** The hashtag of a hashtag stream. */
  readonly tag?: string;
  /** The list id of a list stream. */
  readonly list?: string;
}

/** The `stream` array the server tags this target's events with (`['hashtag', 'cats']`). */
export function streamKey(target: StreamTarget): readonly string[] {
  if (target.tag !== undefined) return [target.name, target.tag];
  if (target.list !== undefined) return [target.name, target.list];
  return [target.name];
}

/**
 * The URL of a stream's endpoint on a host, its query included.
 * @example targetUrl('https://streaming.example', { name: 'hashtag', path: '/api/v1/streaming/hashtag', query: { tag: 'rx' } }).href
 */
export function targetUrl(baseUrl: string, target: StreamTarget): URL {
  const url = new URL(baseUrl + target.path);
  for (const [key, value] of Object.entries(target.query)) url.searchParams.set(key, value);
  return url;
}

/** Where an SSE transport connects, and as whom. */
export interface SseHostConfig {
  /** The streaming host, `https://streaming.example` (no trailing slash). */
  readonly baseUrl: string;
  /** The access token, sent as `Authorization: Bearer` to the streaming host only. */
  token(): string | undefined;
  /** The `User-Agent` to send, if any (browsers send their own). */
  readonly userAgent?: string;
}

/**
 * The headers an SSE request to `url` sends as whom `config` names: the token, only when `url`
 * is on the streaming host's origin (a redirect elsewhere does not get it), and the user agent.
 * @example streamHeaders({ baseUrl: 'https://streaming.example', token: () => 'secret' }, 'https://streaming.example/api/v1/streaming/user')  // { authorization: 'Bearer secret' }
 */
export function streamHeaders(config: SseHostConfig, url: string | URL): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = config.token();
  if (token && new URL(String(url)).origin === new URL(config.baseUrl).origin) headers['authorization'] = `Bearer ${token}`;
  if (config.userAgent) headers['user-agent'] = config.userAgent;
  return headers;
}

/** The default cap of one SSE line or event, or one WebSocket message: 4 MiB. */
export const DEFAULT_MAX_EVENT_SIZE = 4 * 2 ** 20;

/** The default stall timeout over SSE, in seconds: three of the server's 15 s heartbeats. */
export const SSE_STALL_SECONDS = 45;
/** The default stall timeout over a WebSocket whose pings are seen (undici's), in seconds: three of the server's 30 s pings. */
export const WEBSOCKET_STALL_SECONDS = 90;
/** The default stall timeout over a WebSocket that hides pings (browsers'), in seconds: only events show it lives. */
export const BLIND_WEBSOCKET_STALL_SECONDS = 300;

/** How a connector that reconnects by itself (a shared socket) does it, from the options of a stream. */
export interface ReconnectSettings extends BackoffConfig {
  /** Reconnect at all. */
  readonly enabled: boolean;
  /** Reconnect attempts in a row before the stream gives up. */
  readonly max_retries?: number;
  /** Numbers in [0, 1) for the jitter. */
  readonly random?: () => number;
}

/** What a stream asks of each connection it opens. */
export interface ConnectSettings {
  /** The longest SSE line or event, or WebSocket message, in bytes; a longer one fails the connection. */
  readonly maxEventSize: number;
  /** Seconds without a byte before the connection counts as stalled; unset: the transport's default. */
  readonly timeout?: number;
  /** How to reconnect, for connectors that do it themselves. */
  readonly reconnect?: ReconnectSettings;
}

/**
 * Opens one connection to a stream: a cold Observable that connects on subscribe, emits
 * {@link ConnectionSignal}s, fails with a typed error when the connection fails or ends, and
 * closes the connection when unsubscribed.
 */
export interface Connector {
  (target: StreamTarget, settings?: ConnectSettings): Observable<ConnectionSignal>;
  /**
   * Whether its connections watch for stalls and reconnect by themselves, reporting it with
   * `reconnecting` signals (streams that share one socket come back with it, together); they
   * fail only for good. The stream then adds no stall timeout or reconnect of its own.
   */
  readonly recovers?: boolean;
}

/** Signals without payload, shared to spare allocations on the hot path. */
export const OPEN: ConnectionSignal = { kind: 'open' };
export const BYTES: ConnectionSignal = { kind: 'bytes' };
export const HEARTBEAT: ConnectionSignal = { kind: 'heartbeat' };
