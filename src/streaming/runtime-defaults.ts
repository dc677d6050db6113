import { WebSocket as UndiciWebSocket } from 'undici';
import { nodeStreamFetch } from './node-stream-fetch.js';
import type { WebSocketConstructor } from './websocket-connection.js';
import type { FetchLike } from './sse-connection.js';

const undiciSocket = UndiciWebSocket as unknown as WebSocketConstructor;

/** The WebSocket constructor used when none is set: undici's in Node (it can send headers), the global one elsewhere. */
export function defaultWebSocket(): WebSocketConstructor {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  return isNode || !global ? undiciSocket : global;
}

/** Whether sockets of `ctor` take `{ headers }` (undici's), so the token can go as a header. */
export function sendsHeaders(ctor: WebSocketConstructor): boolean {
  return ctor === undiciSocket;
}

/** In Node, a fetch on undici's `request` that hands the body over without a web stream; the global `fetch` elsewhere. */
export function defaultFetch(): FetchLike {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  return isNode ? nodeStreamFetch : (input, init) => fetch(input, init);
}
