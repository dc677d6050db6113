// The WebSocket floor on `ws` (the socket library of the peers and of "mastodon-rx on ws"): the
// same bare reader as the undici floor, on a `ws` socket.
import { createRequire } from 'node:module';
import type { StreamClient } from './streaming.js';
import { floorOn, type FloorSocket } from './streaming-floor-websocket.js';

type WsConstructor = new (url: string, options: { headers: Record<string, string> }) => FloorSocket;

export function create(url: string, token: string): StreamClient {
  const WebSocket = createRequire(import.meta.url)('ws') as WsConstructor;
  return floorOn((wsUrl, bearer) => new WebSocket(wsUrl, { headers: { authorization: `Bearer ${bearer}` } }), 'floor ws', url, token);
}
