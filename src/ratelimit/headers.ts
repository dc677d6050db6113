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
  const date = Date.parse(headers['date'] ?? '');
  return {
    limit: parseCount(headers['x-ratelimit-limit']),
    remaining: parseCount(headers['x-ratelimit-remaining']),
    reset: parseReset(headers['x-ratelimit-reset']),
    serverDate: Number.isFinite(date) ? date / 1000 : undefined,
  };
}

function parseCount(value: string | undefined): number | undefined {
  const count = Number(value);
  return value !== undefined && /^\s*\d+\s*$/.test(value) && Number.isSafeInteger(count) ? count : undefined;
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
  const [year, month, day, hour, minute, second] = iso.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  if (!Number.isFinite(wholeMs)) return undefined;
  const fraction = iso[7];
  return wholeMs / 1000 + (fraction ? Number(`0.${fraction}`) : 0) - offsetSeconds(iso[8]);
}

/** Seconds east of UTC of a zone that is `Z`, absent (UTC both) or `±hh`, `±hhmm`, `±hh:mm`. */
function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone.length === 1) return 0;
  const digits = zone.slice(1).replace(':', '');
  return (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
}
