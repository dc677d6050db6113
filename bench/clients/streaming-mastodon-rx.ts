// This library: `streamPublic()` over SSE (the default) or `{ transport: 'websocket' }`
// (undici's WebSocket), without catch-up, counting `update` events until the wanted number.
import { count, filter, lastValueFrom, take } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import type { StreamClientFactory } from './streaming.js';

export function createVariant(transport: string): StreamClientFactory {
  return (url, token) => {
    const api = new Mastodon({ api_base_url: url, access_token: token, version_check_mode: 'none' });
    const options = transport === 'websocket' ? { transport: 'websocket' as const, catch_up: false } : { catch_up: false };
    return {
      stream: (wanted) => lastValueFrom(api.streamPublic(options).pipe(
        filter((event) => event.type === 'update'),
        take(wanted),
        count(),
      )),
    };
  };
}
