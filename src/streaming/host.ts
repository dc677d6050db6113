import { catchError, map, of, shareReplay, throwError, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { Instance } from '../entities/instance.js';
import { MastodonNotFoundError } from '../errors.js';

const cache = new WeakMap<MastodonClient, Observable<string>>();

/**
 * The HTTP(S) form of a streaming URL the server names (`wss://streaming.example/` →
 * `https://streaming.example`), or undefined when it is not a usable URL.
 *
 * @example httpStreamingBase('wss://streaming.mastodon.social')  // 'https://streaming.mastodon.social'
 */
export function httpStreamingBase(url: unknown): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  try {
    const parsed = new URL(url);
    const protocol = { 'wss:': 'https:', 'ws:': 'http:', 'https:': 'https:', 'http:': 'http:' }[parsed.protocol];
    if (!protocol) return undefined;
    return `${protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * The streaming host of a client's server, `https://…` with no trailing slash: the one the
 * server names in its instance (`urls.streaming_api`), else the API host. Asked once per client;
 * a failed ask is asked again next time.
 *
 * @example streamingBaseUrl(api).subscribe((base) => console.log(base))
 */
export function streamingBaseUrl(api: MastodonClient): Observable<string> {
  let base = cache.get(api);
  if (!base) {
    base = api.apiRequest<Instance>({ method: 'GET', path: '/api/v1/instance/', token: null }).pipe(
      map((instance) => httpStreamingBase((instance as { urls?: { streaming_api?: unknown } }).urls?.streaming_api) ?? api.api_base_url),
      catchError((error: unknown) => {
        cache.delete(api);
        return error instanceof MastodonNotFoundError ? of(api.api_base_url) : throwError(() => error);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    cache.set(api, base);
  }
  return base;
}

/**
 * Forgets the streaming host of a client, so that the next stream asks the server again (`clearCaches`).
 * @example forgetStreamingBaseUrl(api)
 */
export function forgetStreamingBaseUrl(api: MastodonClient): void {
  cache.delete(api);
}
