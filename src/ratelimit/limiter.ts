import { asyncScheduler, BehaviorSubject, defer, Observable, timer, type SchedulerLike } from 'rxjs';
import { concatMap, map } from 'rxjs/operators';
import type { HttpResponse } from '../http/backend.js';
import { MastodonIllegalArgumentError } from '../errors.js';

/** How the client deals with the server's rate limit (Mastodon.py's `ratelimit_method`). */
export type RatelimitMethod = 'throw' | 'wait' | 'pace';

/** The rate-limit state the server last reported. Times are epoch seconds. */
export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  /** When the limit resets, corrected for the server's clock skew. */
  readonly reset: number;
  /** When the last call that reported a limit was made. */
  readonly lastcall: number;
}

/** Longest single wait, in seconds, as in Mastodon.py. */
const MAX_WAIT_SECONDS = 300;

/**
 * One client's rate limiter: every request passes through {@link RateLimiter.limit}, which
 * paces it, retries it after a 429 in `wait` and `pace` modes, and records the limit the
 * server reports. All waiting goes through the injected scheduler.
 *
 * ## Example
 * ```ts
 * const limiter = new RateLimiter('pace', 1.1, asyncScheduler);
 * limiter.state$.subscribe((s) => console.log(`${s.remaining}/${s.limit}`));
 * ```
 */
export class RateLimiter {
  readonly state$: BehaviorSubject<RateLimitState>;

  constructor(
    readonly method: RatelimitMethod,
    readonly pacefactor: number,
    private readonly scheduler: SchedulerLike = asyncScheduler,
  ) {
    if (!['throw', 'wait', 'pace'].includes(method)) {
      throw new MastodonIllegalArgumentError(`Invalid ratelimit method: ${String(method)}`);
    }
    if (!(pacefactor > 0)) throw new MastodonIllegalArgumentError('ratelimit_pacefactor must be positive');
    const now = this.nowSeconds();
    this.state$ = new BehaviorSubject<RateLimitState>({ limit: 300, remaining: 300, reset: now, lastcall: now });
  }

  get state(): RateLimitState {
    return this.state$.value;
  }

  /** Runs `send$` under the limit: pacing before it, retrying after a 429 when the mode says so. */
  limit(send$: Observable<HttpResponse>): Observable<HttpResponse> {
    const attempt: Observable<HttpResponse> = defer(() => timer(this.paceDelayMs(), this.scheduler)).pipe(
      concatMap(() => send$),
      map((response) => {
        this.record(response);
        return response;
      }),
      concatMap((response) => {
        const wait = this.waitAfter429Ms(response);
        return wait === undefined ? [response] : timer(wait, this.scheduler).pipe(concatMap(() => attempt));
      }),
    );
    return attempt;
  }

  private nowSeconds(): number {
    return this.scheduler.now() / 1000;
  }

  private paceDelayMs(): number {
    if (this.method !== 'pace') return 0;
    const { remaining, reset, lastcall } = this.state;
    const now = this.nowSeconds();
    if (remaining <= 0) return clampSeconds(reset - now) * 1000;
    const perCall = (reset - now) / remaining;
    const wait = perCall - (now - lastcall);
    return wait > 0 ? clampSeconds(wait / this.pacefactor) * 1000 : 0;
  }

  private waitAfter429Ms(response: HttpResponse): number | undefined {
    if (response.status !== 429 || this.method === 'throw') return undefined;
    const wait = this.state.reset - this.nowSeconds();
    return wait > 0 ? clampSeconds(wait) * 1000 : undefined;
  }

  private record(response: HttpResponse): void {
    const headers = response.headers;
    const remaining = parseCount(headers['x-ratelimit-remaining']);
    const limit = parseCount(headers['x-ratelimit-limit']);
    const reset = parseReset(headers['x-ratelimit-reset']);
    if (remaining === undefined && limit === undefined && reset === undefined) return;
    const now = this.nowSeconds();
    const serverDate = headers['date'] ? Date.parse(headers['date']) / 1000 : NaN;
    const skew = Number.isFinite(serverDate) ? now - serverDate : 0;
    const previous = this.state;
    this.state$.next({
      limit: limit ?? previous.limit,
      remaining: remaining ?? previous.remaining,
      reset: reset === undefined ? previous.reset : reset + skew,
      lastcall: Number.isFinite(serverDate) ? now : previous.lastcall,
    });
  }
}

function clampSeconds(seconds: number): number {
  return Math.min(Math.max(seconds, 0), MAX_WAIT_SECONDS);
}

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** `X-RateLimit-Reset` as epoch seconds: either epoch seconds or an ISO time. */
export function parseReset(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const ms = Date.parse(trimmed);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}
