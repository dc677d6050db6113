// The WebSocket floor on `ws` (the socket library of the peers and of "mastodon-rx on ws"): a
// bare `ws` socket that subscribes, `JSON.parse`s every frame and the payload encoded inside
// it, and closes after the events wanted.
import { createRequire } from 'node:module';
import type { StreamClient } from './streaming.js';

interface WsSocket {
  onopen: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
  onerror: ((event: { message?: unknown }) => void) | null;
  onclose: (() => void) | null;
  send(data: string): void;
  close(): void;
}
type WsConstructor = new (url: string, options: { headers: Record<string, string> }) => WsSocket;

export function create(url: string, token: string): StreamClient {
  const WebSocket = createRequire(import.meta.url)('ws') as WsConstructor;
  const wsUrl = `${url.replace(/^http/, 'ws')}/api/v1/streaming`;
  return {
    stream: (wanted) => new Promise((resolve, reject) => {
      let count = 0;
      const socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${token}` } });
      socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', stream: 'public' }));
      socket.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as { event: string; payload: string };
        if (frame.event === 'update' && JSON.parse(frame.payload) !== null) count += 1;
        if (count === wanted) {
          socket.close();
          resolve(count);
        }
      };
      socket.onerror = (event) => reject(new Error(`floor ws: ${String(event.message ?? 'error')}`));
      socket.onclose = () => { if (count < wanted) reject(new Error(`floor ws closed after ${count} events`)); };
    }),
  };
}
