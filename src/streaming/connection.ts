import type { Observable } from 'rxjs';
import type { StreamEvent } from './events.js';

/**
 * What a live connection reports: it opened, it connects to the API host because the instance
 * lookup failed (`fallback`), bytes arrived (for stall detection), a heartbeat came (an SSE
 * comment line, a WebSocket ping), or an event.
 */
export type ConnectionSignal =
  | { readonly kind: 'open' }
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

/** The default cap of one SSE line or event, or one WebSocket message: 4 MiB. */
export const DEFAULT_MAX_EVENT_SIZE = 4 * 2 ** 20;

/** What a stream asks of each connection it opens. */
export interface ConnectSettings {
  /** The longest SSE line or event, or WebSocket message, in bytes; a longer one fails the connection. */
  readonly maxEventSize: number;
}

/**
 * Opens one connection to a stream: a cold Observable that connects on subscribe, emits
 * {@link ConnectionSignal}s, fails with a typed error when the connection fails or ends, and
 * closes the connection when unsubscribed.
 */
export type Connector = (target: StreamTarget, settings?: ConnectSettings) => Observable<ConnectionSignal>;

/** Signals without payload, shared to spare allocations on the hot path. */
export const OPEN: ConnectionSignal = { kind: 'open' };
export const BYTES: ConnectionSignal = { kind: 'bytes' };
export const HEARTBEAT: ConnectionSignal = { kind: 'heartbeat' };
