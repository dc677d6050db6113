import { defer, EMPTY, type Observable, of, timer } from 'rxjs';
import { concatMap, expand, filter, map, take } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import type { AsyncRefresh, WrappedAsyncRefresh } from '../entities/async-refresh.js';
import { MastodonIllegalArgumentError, MastodonMalformedResponseError } from '../errors.js';
import { asyncRefreshMarkOf, type AsyncRefreshHint } from '../http/async-refresh.js';
import { idOf } from '../ids.js';
import { optionsOf } from './common.js';
import { json, row } from './define.js';
import { fetchResult } from '../http/transport.js';
import { fillPath } from '../http/fill-path.js';

// Async refreshes (Mastodon 4.4, alpha API): an answer with a `Mastodon-Async-Refresh` header
// is being refreshed in the background (replies fetched from other servers, an annual report
// being made). The header is read into the result, invisibly; these functions read it, ask
// how the job stands and wait for it. In a browser on another origin Mastodon does not expose
// the header (its CORS rules name only Link, the rate-limit headers and X-Request-Id), so
// there results carry no refresh.

/** The longest wait between two polls, whatever the server says, as Mastodon.py caps it. */
const MAX_RETRY_SECONDS = 300;

/** `GET /api/v1_alpha/async_refreshes/{id}`: the row `getAsyncRefreshStatus` and `awaitAsyncRefresh` send. */
export const getAsyncRefreshStatusRow = /* @__PURE__ */ row('GET /api/v1_alpha/async_refreshes/{id}', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: json<WrappedAsyncRefresh>,
  params: (id: string) => ({ id: idOf(id, 'async refresh id') }),
});

/** What `getAsyncRefreshInfo` reads: the job as an `AsyncRefresh` (always `running`) and the seconds to wait before asking. */
export type AsyncRefreshInfo = readonly [refresh: AsyncRefresh, retry: number];

function refreshOf(hint: AsyncRefreshHint): AsyncRefresh {
  return { id: hint.id, status: 'running', result_count: hint.result_count ?? null };
}

function isAsyncRefresh(value: unknown): value is AsyncRefresh {
  const candidate = value as Partial<AsyncRefresh> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.id === 'string'
    && (candidate.status === 'running' || candidate.status === 'finished');
}

/**
 * The background refresh an API result's response announced (its `Mastodon-Async-Refresh`
 * header), as Mastodon.py's pair: the job, `running`, and the seconds the server asks to wait
 * before polling. `null` when the response announced none. Pure: makes no request.
 *
 * ## Example
 * ```ts
 * statusContext(client, status).subscribe((context) => {
 *   const info = getAsyncRefreshInfo(context);
 *   if (info) console.log(`more replies coming; ask again in ${info[1]} s`);
 * });
 * ```
 */
export function getAsyncRefreshInfo(result: unknown): AsyncRefreshInfo | null {
  const mark = asyncRefreshMarkOf(result);
  return mark === undefined ? null : [refreshOf(mark.hint), mark.hint.retry];
}

function refreshIdOf(value: unknown): string {
  if (typeof value === 'string') return idOf(value, 'async refresh id');
  const mark = asyncRefreshMarkOf(value);
  if (mark !== undefined) return mark.hint.id;
  if (isAsyncRefresh(value)) return idOf(value.id, 'async refresh id');
  throw new MastodonIllegalArgumentError('Pass an async refresh id, an AsyncRefresh, or an API result whose response announced a refresh');
}

/** One poll: the job, and the wait its answer asked for before the next, if it named one. */
function pollRefresh(client: MastodonClient, id: string): Observable<{ refresh: AsyncRefresh; retry: number | undefined }> {
  return call(client, getAsyncRefreshStatusRow, [id]).pipe(map((wrapped) => {
    const refresh = (wrapped as Partial<WrappedAsyncRefresh> | null)?.async_refresh;
    if (!isAsyncRefresh(refresh)) {
      throw new MastodonMalformedResponseError('The async refresh answer holds no async_refresh', {
        status: 200, reason: 'OK', error: undefined, body: wrapped,
      });
    }
    return { refresh, retry: asyncRefreshMarkOf(wrapped)?.hint.retry };
  }));
}

/**
 * How a background refresh stands: by its id, an `AsyncRefresh`, or an API result whose
 * response announced it. Emits the `AsyncRefresh` (unwrapped from the server's
 * `{"async_refresh": …}`).
 *
 * @example getAsyncRefreshStatus(client, context).subscribe((r) => console.log(r.status, r.result_count))
 */
export function getAsyncRefreshStatus(client: MastodonClient, result_or_id: string | AsyncRefresh | object): Observable<AsyncRefresh> {
  return defer(() => pollRefresh(client, refreshIdOf(result_or_id))).pipe(map(({ refresh }) => refresh));
}

/** How long and how often `awaitAsyncRefresh` asks. */
export interface AwaitAsyncRefreshOptions {
  /** Give up after this many seconds; 0 (default) waits as long as it takes. */
  timeout?: number;
  /** Give up after this many polls; 0 or less (default -1) polls as often as it takes. */
  max_attempts?: number;
}

interface Poll {
  readonly refresh: AsyncRefresh;
  /** Seconds to wait before the next poll. */
  readonly retry: number;
  readonly attempt: number;
}

/**
 * Waits for a background refresh to finish, then emits the refreshed answer. Given an API
 * result whose response announced a refresh, it polls the job and, once it is `finished`,
 * sends the result's request again and emits the new result; given an `AsyncRefresh` (from
 * `getAsyncRefreshInfo` or `annualReportGenerate`), it emits the job once finished. Before
 * each poll it waits the seconds the server asked for (3 when it did not say, at most 300),
 * on the client's scheduler, so tests run it in virtual time. Emits `null` when `timeout`
 * seconds or `max_attempts` polls pass first, as Mastodon.py returns None; a result that
 * announced no refresh, or one already finished, is emitted as it is. Unsubscribing stops the
 * polling.
 *
 * ## Example
 * ```ts
 * statusContext(client, status).pipe(concatMap((context) => awaitAsyncRefresh(client, context, { timeout: 60 })))
 *   .subscribe((context) => console.log(context?.descendants.length));
 * ```
 */
export function awaitAsyncRefresh<T extends object>(client: MastodonClient, result: T, options?: AwaitAsyncRefreshOptions): Observable<T | null> {
  return defer(() => {
    if (typeof result !== 'object' || result === null) throw new MastodonIllegalArgumentError('awaitAsyncRefresh expects an API result or an AsyncRefresh');
    const { timeout = 0, max_attempts = -1 } = optionsOf(options);
    if (typeof timeout !== 'number' || !(timeout >= 0)) throw new MastodonIllegalArgumentError('timeout must be a number of seconds, 0 for none');
    if (typeof max_attempts !== 'number' || Number.isNaN(max_attempts)) throw new MastodonIllegalArgumentError('max_attempts must be a number');
    const mark = asyncRefreshMarkOf(result);
    const refresh = mark === undefined ? (isAsyncRefresh(result) ? result : undefined) : refreshOf(mark.hint);
    if (refresh === undefined || refresh.status === 'finished') return of(result);
    const { scheduler } = client;
    const deadline = timeout > 0 ? scheduler.now() + timeout * 1000 : Number.POSITIVE_INFINITY;
    const attempts = max_attempts > 0 ? max_attempts : Number.POSITIVE_INFINITY;
    /** Waits, then polls; `null` once the time or the attempts are used up. */
    const poll = (wait: number, attempt: number): Observable<Poll | null> => {
      const left = deadline - scheduler.now();
      if (attempt > attempts || left <= 0) return of(null);
      return timer(Math.min(wait * 1000, MAX_RETRY_SECONDS * 1000, left), scheduler).pipe(
        concatMap(() => pollRefresh(client, refresh.id)),
        map((polled) => ({ refresh: polled.refresh, retry: polled.retry ?? wait, attempt })),
      );
    };
    return poll(mark?.hint.retry ?? 3, 1).pipe(
      expand((step) => (step === null || step.refresh.status === 'finished' ? EMPTY : poll(step.retry, step.attempt + 1))),
      filter((step) => step === null || step.refresh.status === 'finished'),
      take(1),
      concatMap((step) => {
        if (step === null) return of(null);
        return mark === undefined ? of(step.refresh as unknown as T) : fetchResult<T>(client, mark.call);
      }),
    );
  });
}
