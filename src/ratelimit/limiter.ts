import { asyncScheduler, BehaviorSubject, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { HttpResponse } from '../http/backend.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { readRateLimitHeaders } from './headers.js';
import { checkedChoice } from '../choice.js';

export { parseReset } from './headers.js';

/** How the client deals with the server's rate limit (Mastodon.py's `ratelimit_method`). */
export type RatelimitMethod = 'throw' | 'wait' | 'pace';

/** The rate-limit methods, as `ratelimit_method` names them. */
export const RATELIMIT_METHODS: readonly RatelimitMethod[] = ['throw', 'wait', 'pace'];

/** The rate-limit state the server last reported. Times are epoch seconds on the local clock. */
export interface RateLimitState {
  /** Requests allowed per window. */
  readonly limit: number;
  /** Requests left in the current window. */
  readonly remaining: number;
  /** When the window resets, corrected for the server's clock skew. */
  readonly reset: number;
  /** When these values were last reported. */
  readonly lastcall: number;
}

/** The longest single wait, in seconds, as in Mastodon.py. A longer wait is taken in steps. */
export const MAX_WAIT_SECONDS = 300;

/** A request waiting for its turn in `pace` mode. */
type Turn = () => void;

/**
 * One client's rate limiter: every rate-limited request passes through {@link RateLimiter.limit}.
 *
 * - `throw`: sends at once; a 429 is handed on, and becomes `MastodonRateLimitError`.
 * - `wait`: after a 429, holds every request of the client (the refused one included) until
 *   the reset the server named, then sends again, until an answer other than 429 comes. A 429
 *   without a reset in the future is handed on.
 * - `pace`: sends requests one at a time, each at least `(reset - now) / remaining /
 *   pacefactor` seconds after the previous one (or the last report), so that at that rate
 *   `pacefactor` times the remaining budget would be used by the reset; with nothing
 *   remaining, waits for the reset. On a 429 it behaves like `wait`. Requests in flight count
 *   against the remaining budget, so concurrent requests take their turns one after the other
 *   instead of all reading the same state. Until a response has reported the limit, requests
 *   go one at a time.
 *
 * Every wait is at most {@link MAX_WAIT_SECONDS} and goes through the injected scheduler.
 *
 * ## Example
 * ```ts
 * const limiter = new RateLimiter('pace', 1.1, asyncScheduler);
 * limiter.state$.subscribe((s) => console.log(`${s.remaining}/${s.limit}`));
 * const response$ = limiter.limit(backend.handle(request));
 * ```
 */
export class RateLimiter {
  /** The rate-limit state, updated by every response that reports it. */
  readonly state$: BehaviorSubject<RateLimitState>;

  readonly #scheduler: SchedulerLike;
  /** Until when (epoch seconds) nothing is sent, after a 429. */
  #holdUntil = -Infinity;
  /** Requests sent and not yet answered. */
  #inFlight = 0;
  /** When the last request was sent. */
  #lastStart = -Infinity;
  readonly #queue: Turn[] = [];
  #queueTimer: Subscription | undefined;
  #draining = false;
  /** Whether any response has reported the limit yet. */
  #reported = false;

  /**
   * Throws `MastodonIllegalArgumentError` for an unknown method or a pacefactor that is not positive.
   * @example new RateLimiter('wait', 1.1, new TestScheduler(assert.deepEqual))
   */
  constructor(
    readonly method: RatelimitMethod,
    readonly pacefactor: number = 1.1,
    scheduler: SchedulerLike = asyncScheduler,
  ) {
    this.#scheduler = scheduler;
    checkedChoice('ratelimit_method', method, RATELIMIT_METHODS);
    if (!(pacefactor > 0) || !Number.isFinite(pacefactor)) {
      throw new MastodonIllegalArgumentError('ratelimit_pacefactor must be a positive number');
    }
    const now = this.#now();
    this.state$ = new BehaviorSubject<RateLimitState>({ limit: 300, remaining: 300, reset: now, lastcall: now });
  }

  /** The current state. */
  get state(): RateLimitState {
    return this.state$.value;
  }

  /**
   * Runs `send$` (one cold HTTP attempt) under the limit: waiting for its turn, recording the
   * limit the response reports, and sending again after a 429 when the mode says so. Each
   * subscription is one logical request; unsubscribing gives up its turn or aborts the attempt.
   *
   * @example limiter.limit(defer(() => backend.handle(request)))
   */
  limit(send$: Observable<HttpResponse>): Observable<HttpResponse> {
    // One hand-written Observable rather than a chain of operators: this runs for every
    // request, and each layer it saves is felt over loopback.
    return new Observable<HttpResponse>((subscriber) => {
      let attempt: Subscription | undefined;
      let wait: Subscription | undefined;
      let counted = false;
      let active = false;

      const uncount = (): void => {
        if (counted) this.#inFlight -= 1;
        counted = false;
      };
      const finish = (): void => {
        active = false;
        uncount();
        if (this.method === 'pace') this.#drain();
      };
      const send: Turn = () => {
        wait = undefined;
        active = true;
        counted = true;
        this.#inFlight += 1;
        this.#lastStart = this.#now();
        let retrying = false;
        attempt = send$.subscribe({
          next: (response) => {
            uncount();
            this.#record(response);
            if (this.#holdsAfter(response)) {
              retrying = true;
              takeTurn(true);
            } else {
              subscriber.next(response);
            }
          },
          error: (error: unknown) => {
            finish();
            subscriber.error(error);
          },
          complete: () => {
            finish();
            if (!retrying) subscriber.complete();
          },
        });
      };
      const takeTurn = (isRetry: boolean): void => {
        if (this.method === 'throw') return send();
        if (this.method === 'wait') {
          const held = this.#holdUntil - this.#now();
          if (held > 0) wait = this.#scheduler.schedule(send, toMs(held));
          else send();
          return;
        }
        if (isRetry) this.#queue.unshift(send);
        else this.#queue.push(send);
        this.#drain();
      };

      takeTurn(false);
      return () => {
        wait?.unsubscribe();
        // A turn still waiting in the `pace` queue is given up.
        const index = this.#queue.indexOf(send);
        if (index >= 0) this.#queue.splice(index, 1);
        attempt?.unsubscribe();
        if (active) finish();
      };
    });
  }

  /**
   * Whether a response sends its request back for another turn: a 429 outside `throw` mode
   * with a reset still ahead, which then holds every request of the client until that reset.
   */
  #holdsAfter(response: HttpResponse): boolean {
    if (response.status !== 429 || this.method === 'throw') return false;
    const wait = this.state.reset - this.#now();
    if (!(wait > 0)) return false;
    this.#holdUntil = Math.max(this.#holdUntil, this.#now() + Math.min(wait, MAX_WAIT_SECONDS));
    return true;
  }

  /**
   * Releases queued `pace` turns whose time has come; schedules the next one. When that time
   * comes (`waited`), the first turn goes unless a 429's hold still runs, then the rest as usual.
   */
  #drain(waited = false): void {
    if (waited) this.#queueTimer = undefined;
    else if (this.#draining || this.#queueTimer) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        // Until the server has told its limit, one request at a time: its answer drains the queue.
        if (!waited && !this.#reported && this.#inFlight > 0) return;
        const held = this.#holdUntil - this.#now();
        const delay = waited ? held : Math.max(held, this.#paceDelay());
        if (delay > 0) {
          this.#queueTimer = this.#scheduler.schedule(() => this.#drain(true), toMs(delay));
          return;
        }
        waited = false;
        this.#queue.shift()!();
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Seconds the next `pace` request waits, by Mastodon.py's rule, with requests in flight counted. */
  #paceDelay(): number {
    const now = this.#now();
    const { remaining, reset, lastcall } = this.state;
    const available = remaining - this.#inFlight;
    if (available <= 0) return Math.min(reset - now, MAX_WAIT_SECONDS);
    const perCall = (reset - now) / available;
    const wait = perCall - (now - Math.max(lastcall, this.#lastStart));
    return wait > 0 ? Math.min(wait / this.pacefactor, MAX_WAIT_SECONDS) : 0;
  }

  #record(response: HttpResponse): void {
    const report = readRateLimitHeaders(response.headers);
    if (report.limit === undefined && report.remaining === undefined && report.reset === undefined) return;
    this.#reported = true;
    const now = this.#now();
    const skew = report.serverDate === undefined ? 0 : now - report.serverDate;
    const previous = this.state;
    this.state$.next({
      limit: report.limit ?? previous.limit,
      remaining: report.remaining ?? previous.remaining,
      reset: report.reset === undefined ? previous.reset : report.reset + skew,
      lastcall: now,
    });
  }

  #now(): number {
    return this.#scheduler.now() / 1000;
  }
}

/** Seconds to whole milliseconds, rounded up so that no wait ends early. */
function toMs(seconds: number): number {
  return Math.max(0, Math.ceil(seconds * 1000 - 1e-6));
}
