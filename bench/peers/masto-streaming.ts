// masto.js 7: `createStreamingAPIClient({ streamingApiUrl, accessToken })` (WebSocket through
// `ws`, the token as the subprotocol), `public.subscribe()` read as an async iterator. One
// client per process, as an application keeps it: it opens its socket once (after a first
// wait of 1 s, where its backoff starts, which falls in the warm-up) and subscribes on it
// for each stream.
import { createStreamingAPIClient } from 'masto';
import type { StreamClient } from '../clients/streaming.js';

export function create(url: string, token: string): StreamClient {
  const streamingApiUrl = url.replace(/^http/, 'ws');
  const streaming = createStreamingAPIClient({ streamingApiUrl, accessToken: token });
  return {
    stream: async (wanted) => {
      let count = 0;
      for await (const event of streaming.public.subscribe()) {
        if (event.event === 'update') count += 1;
        if (count === wanted) break;
      }
      return count;
    },
  };
}
