/** What one response says about the rate limit. Times are epoch seconds; absent fields are unknown. */
export interface RateLimitReport {
  readonly limit?: number;
  readonly remaining?: number;
  /** When the window resets, on the server's clock. */
  readonly reset?: number;
  /** The server's clock (the `Date` header), for skew correction. */
  readonly serverDate?: number;
}

/**
 * Reads `X-RateLimit-Limit`, `-Remaining`, `-Reset` and `Date` from lower-cased response
 * headers. A value that is missing or cannot be read is left out; nothing throws.
 *
 * ## Example
 * ```ts
 * readRateLimitHeaders({ 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '2022-12-01T21:00:00.846373Z' })
 * // { limit: undefined, remaining: 299, reset: 1669928400.846373, serverDate: undefined }
 * ```
 */
export function readRateLimitHeaders(headers: Readonly<Record<string, string>>): RateLimitReport {
  const date = headers['date'] === undefined ? NaN : Date.parse(headers['date']);
  return {
    limit: parseCount(headers['x-ratelimit-limit']),
    remaining: parseCount(headers['x-ratelimit-remaining']),
    reset: parseReset(headers['x-ratelimit-reset']),
    serverDate: Number.isFinite(date) ? date / 1000 : undefined,
  };
}

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  const count = Number(value);
  return Number.isSafeInteger(count) ? count : undefined;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * `X-RateLimit-Reset` as epoch seconds. Mastodon sends an ISO time with six fractional digits
 * (`2022-12-01T21:00:00.846373Z`); other servers send epoch seconds (`1669928400`). An ISO time
 * without an offset is UTC. Anything else is `undefined`.
 *
 * ## Example
 * ```ts
 * parseReset('2022-12-01T21:00:00.500000Z') // 1669928400.5
 * parseReset('1669928400')                  // 1669928400
 * parseReset('soon')                        // undefined
 * ```
 */
export function parseReset(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const iso = ISO_TIME.exec(text);
  if (!iso) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = iso;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31
    || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
  const wholeMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (!Number.isFinite(wholeMs)) return undefined;
  return wholeMs / 1000 + (fraction ? Number(`0.${fraction}`) : 0) - offsetSeconds(zone);
}

function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60);
}
