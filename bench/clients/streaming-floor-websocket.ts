// The WebSocket floor: a bare undici `WebSocket` that subscribes, `JSON.parse`s every frame
// and the payload encoded inside it, and closes after the events wanted.
import { WebSocket } from 'undici';
import type { StreamClient } from './streaming.js';

/** The browser-style socket both floors drive: undici's `WebSocket`, or `ws`'s. */
export interface FloorSocket {
  onopen: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
  onerror: ((event: { message?: unknown }) => void) | null;
  onclose: (() => void) | null;
  send(data: string): void;
  close(): void;
}

/** A floor reader on the socket `open` makes, named `label` in its errors. */
export function floorOn(open: (url: string, token: string) => FloorSocket, label: string, url: string, token: string): StreamClient {
  const wsUrl = `${url.replace(/^http/, 'ws')}/api/v1/streaming`;
  return {
    stream: (wanted) => new Promise((resolve, reject) => {
      let count = 0;
      const socket = open(wsUrl, token);
      socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', stream: 'public' }));
      socket.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as { event: string; payload: string };
        if (frame.event === 'update' && JSON.parse(frame.payload) !== null) count += 1;
        if (count === wanted) {
          socket.close();
          resolve(count);
        }
      };
      socket.onerror = (event) => reject(new Error(`${label}: ${String(event.message ?? 'error')}`));
      socket.onclose = () => { if (count < wanted) reject(new Error(`${label} closed after ${count} events`)); };
    }),
  };
}

export function create(url: string, token: string): StreamClient {
  const open = (wsUrl: string, bearer: string) => new WebSocket(wsUrl, { headers: { authorization: `Bearer ${bearer}` } }) as unknown as FloorSocket;
  return floorOn(open, 'floor WebSocket', url, token);
}
