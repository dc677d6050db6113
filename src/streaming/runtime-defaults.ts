import type { Socket } from 'node:net';
import { Agent, buildConnector, WebSocket as UndiciWebSocket } from 'undici';
import type { Connector, SseHostConfig } from './connection.js';
import { nodeSseConnector } from './node-sse-connection.js';
import { nodeStreamFetch } from './node-stream-fetch.js';
import type { WebSocketConstructor } from './websocket-connection.js';
import type { FetchLike } from './sse-connection.js';

const undiciSocket = UndiciWebSocket as unknown as WebSocketConstructor;

/** Whether this runs in Node: runtimes other than browsers load this module too. */
function inNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** The WebSocket constructor used when none is set: undici's in Node (it can send headers), the global one elsewhere. */
export function defaultWebSocket(): WebSocketConstructor {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  return inNode() || !global ? undiciSocket : global;
}

/** Whether sockets of `ctor` take `{ headers }` (undici's), so the token can go as a header. */
export function sendsHeaders(ctor: WebSocketConstructor): boolean {
  return ctor === undiciSocket;
}

/** In Node, a fetch on undici's `request` that hands the body over without a web stream; the global `fetch` elsewhere. */
export function defaultFetch(): FetchLike {
  return inNode() ? nodeStreamFetch : (input, init) => fetch(input, init);
}

/**
 * In Node, the SSE transport that reads undici's body itself ({@link nodeSseConnector});
 * elsewhere none, and streams go through `EventSource`.
 */
export function nativeSseConnector(): ((config: SseHostConfig) => Connector) | undefined {
  return inNode() ? nodeSseConnector : undefined;
}

/** What a socket is opened with beyond its URL and headers, and how to let go of it for sure. */
export interface SocketExtras {
  readonly init: { dispatcher?: Agent };
  /** Closes the connection under the socket, whether or not the server answers the closing handshake. */
  release(): void;
}

/**
 * For undici's sockets: a dispatcher of their own that fails a message above `maxEventSize`
 * bytes (close code 1009) before buffering it, and that keeps the TCP socket, so that closing
 * does not wait for a server that never answers the closing handshake. Other sockets get nothing.
 */
export function socketExtras(ctor: WebSocketConstructor, maxEventSize: number): SocketExtras {
  if (ctor !== undiciSocket) return { init: {}, release: () => undefined };
  const connect = buildConnector({});
  let raw: Socket | undefined;
  const agent = new Agent({
    webSocket: { maxPayloadSize: maxEventSize },
    connect: (options, callback) => connect(options, (...result) => {
      if (result[1]) raw = result[1];
      callback(...result);
    }),
  });
  return {
    init: { dispatcher: agent },
    release: () => {
      // The close frame already written goes out first.
      raw?.destroySoon();
      agent.destroy().catch(() => undefined);
    },
  };
}
