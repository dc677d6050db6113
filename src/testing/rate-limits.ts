/**
 * Mastodon's own limits on making some records, per account (its rate limiter's families): the
 * answers of these routes show their family's limit in place of the general one, and past it
 * they are refused with a 429. Keyed by route, without a trailing slash.
 */
export const RATE_FAMILIES: Readonly<Record<string, { readonly family: string; readonly limit: number; readonly periodSeconds: number }>> = {
  'POST /api/v1/statuses': { family: 'statuses', limit: 300, periodSeconds: 3 * 3600 },
  'PUT /api/v1/statuses/{id}': { family: 'statuses', limit: 300, periodSeconds: 3 * 3600 },
  'POST /api/v1/statuses/{id}/reblog': { family: 'statuses', limit: 300, periodSeconds: 3 * 3600 },
  'POST /api/v1/accounts/{id}/follow': { family: 'follows', limit: 400, periodSeconds: 24 * 3600 },
  'POST /api/v1/follows': { family: 'follows', limit: 400, periodSeconds: 24 * 3600 },
  'POST /api/v1/reports': { family: 'reports', limit: 400, periodSeconds: 24 * 3600 },
};

/** How a request fared against a limit, and the headers that say so. */
export interface LimitCount {
  readonly exceeded: boolean;
  readonly headers: Record<string, string>;
}

/** Counts requests in fixed windows aligned to the epoch, as Mastodon's limits do, and gives the `X-RateLimit-*` headers. */
export class WindowCounter {
  private readonly usage = new Map<string, { windowStart: number; used: number }>();

  /** Counts one request of `key` against `limit` per `windowSeconds`. */
  count(key: string, limit: number, windowSeconds: number, now = Date.now()): LimitCount {
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    let usage = this.usage.get(key);
    if (!usage || usage.windowStart !== windowStart) {
      usage = { windowStart, used: 0 };
      this.usage.set(key, usage);
    }
    usage.used += 1;
    // Mastodon writes the reset with six fractional digits.
    const reset = new Date(windowStart + windowMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    return {
      exceeded: usage.used > limit,
      headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(limit - usage.used, 0)), 'x-ratelimit-reset': reset },
    };
  }

  /** Forgets every count. */
  clear(): void {
    this.usage.clear();
  }
}
