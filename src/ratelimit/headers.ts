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

/** An ISO time, its zone `Z`, absent (UTC both) or `±hh`, `±hhmm`, `±hh:mm` (sign, hours and minutes captured). */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?$/;

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
  // Minutes east of UTC, taken off the minutes: Date.UTC carries them over into hours and days.
  const east = iso[8] ? (iso[8] === '-' ? -1 : 1) * (Number(iso[9]) * 60 + Number(iso[10] ?? 0)) : 0;
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute - east, second);
  if (!Number.isFinite(wholeMs)) return undefined;
  const fraction = iso[7];
  return wholeMs / 1000 + (fraction ? Number(`0.${fraction}`) : 0);
}
