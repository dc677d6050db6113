// The WebSocket floor: a bare undici `WebSocket` that subscribes, `JSON.parse`s every frame
// and the payload encoded inside it, and closes after the events wanted.
import { WebSocket } from 'undici';
import type { StreamClient } from './streaming.js';

export function create(url: string, token: string): StreamClient {
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
      socket.onerror = (event) => reject(new Error(`floor WebSocket: ${String((event as { message?: unknown }).message ?? 'error')}`));
      socket.onclose = () => { if (count < wanted) reject(new Error(`floor WebSocket closed after ${count} events`)); };
    }),
  };
}
