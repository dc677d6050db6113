import { catchError, map, of, shareReplay, throwError, type Observable } from 'rxjs';
import type { Mastodon } from '../client/mastodon.js';
import type { Instance } from '../entities/instance.js';
import { MastodonNotFoundError } from '../errors.js';

const cache = new WeakMap<Mastodon, Observable<string>>();

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
 * `base` as a streaming host for an API at `apiBase`: never downgraded from TLS. A server on
 * `https` that names a `ws://`/`http://` streaming URL gets it on `https` (so `wss`), lest the
 * token travel in clear text.
 *
 * @example secureStreamingBase('http://streaming.example', 'https://example.social')  // 'https://streaming.example'
 */
export function secureStreamingBase(base: string, apiBase: string): string {
  return apiBase.startsWith('https:') && base.startsWith('http:') ? `https:${base.slice('http:'.length)}` : base;
}

/**
 * The streaming host of a client's server, `https://…` with no trailing slash: the one the
 * server names in its instance (`urls.streaming_api`, upgraded to TLS when the API uses it), else
 * the API host. Asked once per client;
 * a failed ask is asked again next time.
 *
 * @example streamingBaseUrl(api).subscribe((base) => console.log(base))
 */
export function streamingBaseUrl(api: Mastodon): Observable<string> {
  let base = cache.get(api);
  if (!base) {
    base = api.apiRequest<Instance>({ method: 'GET', path: '/api/v1/instance/', token: null }).pipe(
      map((instance) => {
        const named = httpStreamingBase((instance as { urls?: { streaming_api?: unknown } } | null)?.urls?.streaming_api);
        return named === undefined ? api.api_base_url : secureStreamingBase(named, api.api_base_url);
      }),
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
