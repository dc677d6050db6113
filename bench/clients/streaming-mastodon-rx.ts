// This library: `streamPublic()` over SSE (the default) or `{ transport: 'websocket' }`
// (undici's WebSocket by default; the `ws` package through `useWebSocket` for the `ws`
// variant), with the defaults (catch-up on), counting `update` events until the wanted number.
import { createRequire } from 'node:module';
import { count, filter, lastValueFrom, take } from 'rxjs';
import type { WebSocketConstructor } from '../../src/index.js';
import { library } from './library.js';
import type { StreamClientFactory } from './streaming.js';

export function createVariant(variant: string): StreamClientFactory {
  return (url, token) => {
    const { Mastodon, useWebSocket } = library;
    const api = new Mastodon({ api_base_url: url, access_token: token, version_check_mode: 'none' });
    if (variant === 'ws') useWebSocket(api, createRequire(import.meta.url)('ws') as WebSocketConstructor);
    const options = variant === 'sse' ? {} : { transport: 'websocket' as const };
    return {
      stream: (wanted) => lastValueFrom(api.streamPublic(options).pipe(
        filter((event) => event.type === 'update'),
        take(wanted),
        count(),
      )),
    };
  };
}
