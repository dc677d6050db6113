// megalodon 10: `generator('mastodon', url, token).publicStreaming()`, which asks
// `/api/v1/instance` for `urls.streaming_api` and opens a WebSocket (`ws`) to
// `/api/v1/streaming?stream=public&access_token=…`; events arrive as 'update' emits.
import { createRequire } from 'node:module';
import type { StreamClient } from '../clients/streaming.js';

type Generator = typeof import('megalodon').default;
const generator = (createRequire(import.meta.url)('megalodon') as { default: Generator }).default;

export function create(url: string, token: string): StreamClient {
  const client = generator('mastodon', url, token);
  return {
    stream: async (wanted) => {
      const streaming = await client.publicStreaming();
      return new Promise<number>((resolve, reject) => {
        let count = 0;
        streaming.on('update', () => {
          count += 1;
          if (count === wanted) {
            streaming.stop();
            resolve(count);
          }
        });
        streaming.on('error', (error: unknown) => { streaming.stop(); reject(error instanceof Error ? error : new Error(String(error))); });
        streaming.on('parser-error', (error: unknown) => { streaming.stop(); reject(error instanceof Error ? error : new Error(String(error))); });
      });
    },
  };
}
