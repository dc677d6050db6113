import type { Call } from './transport.js';

/**
 * What a `Mastodon-Async-Refresh` header says (Mastodon 4.4): a background job is refreshing
 * the answer; ask `GET /api/v1_alpha/async_refreshes/{id}` after `retry` seconds.
 */
export interface AsyncRefreshHint {
  /** The job's id. */
  readonly id: string;
  /** Seconds to wait before asking. */
  readonly retry: number;
  /** How many results the job has brought in so far, when it counts them. */
  readonly result_count?: number;
}

/** A result's refresh hint and the call that fetched it, to fetch it again. */
export interface AsyncRefreshMark {
  readonly hint: AsyncRefreshHint;
  readonly call: Call;
}

const MARK = Symbol('mastodon-rx.asyncRefresh');

/**
 * The parts of a `Mastodon-Async-Refresh` header, or `undefined` when it has no id. A `retry`
 * that is missing or not a number of seconds becomes 3, as Mastodon.py assumes.
 *
 * ## Example
 * ```ts
 * parseAsyncRefreshHeader('id="ImNvbnRleHQ6MTE", retry=5, result_count=2')  // { id: 'ImNvbnRleHQ6MTE', retry: 5, result_count: 2 }
 * ```
 */
export function parseAsyncRefreshHeader(value: string | undefined): AsyncRefreshHint | undefined {
  if (value === undefined) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const match = /^\s*([\w-]+)\s*=\s*(?:"([^"]*)"|([^\s"]*))\s*$/.exec(part);
    if (match) fields.set(match[1]!.toLowerCase(), match[2] ?? match[3]!);
  }
  const id = fields.get('id');
  if (!id) return undefined;
  const retry = Number(fields.get('retry'));
  const count = Number(fields.get('result_count'));
  return {
    id,
    retry: Number.isFinite(retry) && retry >= 0 ? retry : 3,
    ...(fields.has('result_count') && Number.isFinite(count) ? { result_count: count } : {}),
  };
}

/** What a result carries of its response: the header as it came, and the call that fetched it. */
interface RawMark {
  readonly header: string;
  readonly call: Call;
}

/**
 * Marks a result (an object or a page) with the refresh its response announced, invisibly: a
 * non-enumerable symbol, so the result still serialises and compares as the server's JSON.
 * Results that are not objects, and responses without the header, are left as they are. The
 * header is read only when asked for (`asyncRefreshMarkOf`), so that what every request pays
 * stays this small.
 */
export function markAsyncRefresh<R>(result: R, header: string | undefined, call: Call): R {
  if (header && typeof result === 'object' && result !== null && Object.isExtensible(result)) {
    // defineProperty's defaults: not enumerable, not writable.
    Object.defineProperty(result, MARK, { value: { header, call } satisfies RawMark });
  }
  return result;
}

/** The refresh a result's response announced, with the call that fetched it; `undefined` for none. */
export function asyncRefreshMarkOf(result: unknown): AsyncRefreshMark | undefined {
  const raw = typeof result === 'object' && result !== null ? (result as { [MARK]?: RawMark })[MARK] : undefined;
  const hint = parseAsyncRefreshHeader(raw?.header);
  return raw && hint ? { hint, call: raw.call } : undefined;
}
