import { MastodonIllegalArgumentError } from '../errors.js';
import type { WebSocketConstructor } from './websocket-connection.js';
import type { Connector, SseHostConfig } from './connection.js';
import type { FetchLike } from './sse-connection.js';

/**
 * The WebSocket constructor used when none is set, in browser bundles: the global one.
 * Bundlers pick this file (instead of runtime-defaults.ts) through the `browser` field of package.json, so undici stays out.
 */
export function defaultWebSocket(): WebSocketConstructor {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!global) throw new MastodonIllegalArgumentError('No WebSocket here: set one with useWebSocket(api, Ctor)');
  return global;
}

/** Browser sockets take no headers: the token goes as the subprotocol. */
export function sendsHeaders(_ctor: WebSocketConstructor): boolean {
  return false;
}

/** Browsers' sockets take no limits (the multiplexer checks each message's length itself) and close themselves. */
export function socketExtras(_ctor: WebSocketConstructor, _maxEventSize: number): { init: Record<string, never>; release(): void } {
  return { init: {}, release: () => undefined };
}

/** The global `fetch`, for SSE streams in browser bundles. */
export function defaultFetch(): FetchLike {
  return (input, init) => fetch(input, init);
}

/** Browsers read SSE streams through `EventSource`. */
export function nativeSseConnector(): ((config: SseHostConfig) => Connector) | undefined {
  return undefined;
}
