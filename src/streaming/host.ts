import { catchError, defer, finalize, map, of, share, throwError, timeout, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { Instance } from '../entities/instance.js';
import { MastodonAPIError, MastodonReadTimeout, MastodonUnauthorizedError } from '../errors.js';
import { fetchResult } from '../http/transport.js';

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

/** Where a client's streams connect, and, when that is the API host for want of an answer, why. */
export interface StreamingHost {
  /** `https://…` with no trailing slash. */
  readonly base: string;
  /** The failure of the instance lookup that made the API host the streaming host, if one did. */
  readonly fallback?: unknown;
}

/** How long the instance lookup may take before the streams use the API host: 5 s. */
export const HOST_LOOKUP_WAIT_MS = 5000;

const known = new WeakMap<MastodonClient, string>();
const asking = new WeakMap<MastodonClient, Observable<StreamingHost>>();

/** Whether a failed lookup says the token cannot stream here, rather than that the lookup failed. */
function refusesAccess(error: unknown): boolean {
  return error instanceof MastodonUnauthorizedError || (error instanceof MastodonAPIError && error.status === 403);
}

/**
 * The streaming host of a client's server: the one the server names in its instance
 * (`urls.streaming_api`, upgraded to TLS when the API uses it), else the API host. Once known
 * it is remembered; until then each connection asks (concurrent ones share the ask), and when
 * the ask fails in any way but 401/403, or takes over 5 s, the API host is used and `fallback`
 * says why. A 401/403 fails: the token cannot stream there either.
 *
 * @example streamingHost(api).subscribe(({ base, fallback }) => console.log(base, fallback ?? ''))
 */
export function streamingHost(api: MastodonClient): Observable<StreamingHost> {
  return defer(() => {
    const base = known.get(api);
    if (base !== undefined) return of({ base });
    let ask = asking.get(api);
    if (!ask) {
      ask = fetchResult<Instance>(api, { method: 'GET', path: '/api/v1/instance/', token: null }).pipe(
        timeout({
          first: HOST_LOOKUP_WAIT_MS, scheduler: api.scheduler,
          with: () => throwError(() => new MastodonReadTimeout(`The instance did not say its streaming host within ${HOST_LOOKUP_WAIT_MS / 1000} s`)),
        }),
        map((instance): StreamingHost => {
          const named = httpStreamingBase((instance as { urls?: { streaming_api?: unknown } } | null)?.urls?.streaming_api);
          const found = named === undefined ? api.api_base_url : secureStreamingBase(named, api.api_base_url);
          known.set(api, found);
          return { base: found };
        }),
        catchError((error: unknown) => refusesAccess(error) ? throwError(() => error) : of({ base: api.api_base_url, fallback: error })),
        finalize(() => asking.delete(api)),
        share(),
      );
      asking.set(api, ask);
    }
    return ask;
  });
}

/**
 * The streaming host's base URL alone ({@link streamingHost}).
 *
 * @example streamingBaseUrl(api).subscribe((base) => console.log(base))
 */
export function streamingBaseUrl(api: MastodonClient): Observable<string> {
  return streamingHost(api).pipe(map((host) => host.base));
}

/**
 * Forgets the streaming host of a client, so that the next stream asks the server again (`clearCaches`).
 * @example forgetStreamingBaseUrl(api)
 */
export function forgetStreamingBaseUrl(api: MastodonClient): void {
  known.delete(api);
}
