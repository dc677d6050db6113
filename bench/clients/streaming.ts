// The streaming clients under test, reduced to one call: open a stream of the bench server,
// receive `wanted` `update` events (decoded to objects), close it; resolve with their number.
// Each is loaded by name, so a child process holds only the client it measures.
import { fileURLToPath } from 'node:url';

/** One streaming client. */
export interface StreamClient {
  stream(wanted: number): Promise<number>;
}

export type StreamClientFactory = (url: string, token: string) => StreamClient | Promise<StreamClient>;

/** The clients, by the names the table shows, with their transport and module. */
export const STREAM_CLIENTS = {
  'reference: SSE parser, no I/O': { transport: 'SSE', module: './streaming-parser-sse.js' },
  'floor: undici.request + SSE parser': { transport: 'SSE', module: './streaming-floor-sse.js' },
  'mastodon-rx SSE': { transport: 'SSE', module: './streaming-mastodon-rx.js', variant: 'sse' },
  'floor: bare WebSocket': { transport: 'WebSocket', module: './streaming-floor-websocket.js' },
  'mastodon-rx WebSocket': { transport: 'WebSocket', module: './streaming-mastodon-rx.js', variant: 'websocket' },
  'floor: bare ws': { transport: 'WebSocket on ws', module: './streaming-floor-ws.js' },
  'mastodon-rx on ws': { transport: 'WebSocket on ws', module: './streaming-mastodon-rx.js', variant: 'ws' },
  masto: { transport: 'WebSocket on ws', module: '../peers/masto-streaming.js' },
  megalodon: { transport: 'WebSocket on ws', module: '../peers/megalodon-streaming.js' },
} as const satisfies Record<string, { transport: 'SSE' | 'WebSocket' | 'WebSocket on ws'; module: string; variant?: string }>;

export type StreamClientName = keyof typeof STREAM_CLIENTS;

/** Loads a client by name (a dynamic import, so that the other clients stay out of the process). */
export async function loadStreamClient(name: StreamClientName, url: string, token: string): Promise<StreamClient> {
  const entry = STREAM_CLIENTS[name];
  const module = await import(fileURLToPath(new URL(entry.module, import.meta.url))) as { create: StreamClientFactory; createVariant?: (variant: string) => StreamClientFactory };
  const factory = 'variant' in entry ? module.createVariant!(entry.variant) : module.create;
  return factory(url, token);
}
