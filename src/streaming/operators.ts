import { Observable, type MonoTypeOperatorFunction, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import {
  MastodonAPIError, MastodonNetworkError, MastodonReadTimeout, MastodonRateLimitError, MastodonServerError,
} from '../errors.js';
import { backoffDelay, type BackoffConfig } from './backoff.js';

/**
 * Fails with `MastodonReadTimeout` when the source emits nothing for `seconds`: for a stream
 * of connection signals, a connection with no bytes, heartbeats included. Counts from
 * subscription, so a connection that never answers times out too.
 *
 * A value only notes the time it came; one timer, armed for the deadline that time implies,
 * checks it when it fires and re-arms itself for what is left. A busy stream so costs a clock
 * read per value, not a timer per value.
 *
 * ## Example
 * ```ts
 * connection$.pipe(stallTimeout(300, asyncScheduler))
 * ```
 */
export function stallTimeout<T>(seconds: number, scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  const limit = seconds * 1000;
  return (source) => new Observable<T>((subscriber) => {
    let lastSeen = scheduler.now();
    const watchdog = scheduler.schedule(function (this: SchedulerAction<undefined>) {
      const quiet = scheduler.now() - lastSeen;
      if (quiet < limit) this.schedule(undefined, limit - quiet);
      else subscriber.error(new MastodonReadTimeout(`No data from the stream for ${seconds} s`));
    }, limit);
    const subscription = source.subscribe({
      next: (value) => {
        lastSeen = scheduler.now();
        subscriber.next(value);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => {
      watchdog.unsubscribe();
      subscription.unsubscribe();
    };
  });
}

/**
 * Whether an error may be cured by connecting again: network failures, read timeouts, server
 * errors and rate limits may; a refused token (401) or a bad request (400, 404) will not.
 *
 * @example isRetryableStreamError(new MastodonReadTimeout('stalled'))  // true
 */
export function isRetryableStreamError(error: unknown): boolean {
  if (error instanceof MastodonServerError || error instanceof MastodonRateLimitError) return true;
  if (error instanceof MastodonAPIError) return false;
  return error instanceof MastodonNetworkError;
}

/** What {@link reconnectWithBackoff} needs beyond the waits. */
export interface ReconnectConfig<T> extends BackoffConfig {
  /** Where the waits happen. */
  readonly scheduler: SchedulerLike;
  /** Reconnect attempts in a row before giving up. Default: no limit. */
  readonly max_retries?: number;
  /**
   * A value that shows the connection works (an event, a heartbeat). A connection that showed
   * one and stayed open `healthy_after` seconds proved healthy: its failure starts the waits over.
   */
  readonly isHealthy: (value: T) => boolean;
  /** A value that says the connection opened; its open time counts from there. Default: from subscribing. */
  readonly isOpen?: (value: T) => boolean;
  /**
   * Seconds a connection must stay open (besides showing it works) to prove healthy, so a
   * server that accepts and closes at once sees the waits grow. Default 0.
   */
  readonly healthy_after?: number;
  /** Which errors to reconnect after; others end the stream. Default {@link isRetryableStreamError}. */
  readonly retryable?: (error: unknown) => boolean;
  /** Called before each wait, with the attempt number (1 for the first) and the wait in ms. */
  readonly onReconnecting?: (attempt: number, delayMs: number, error: unknown) => void;
  /** Numbers in [0, 1) for the jitter; `Math.random` by default. */
  readonly random?: () => number;
}

/**
 * Re-subscribes to the source (opens a new connection) after a retryable error, waiting longer
 * after each failed attempt ({@link backoffDelay}), and starting over from the shortest wait
 * after a connection that proved healthy: it showed it works (`isHealthy`) and stayed open
 * `healthy_after` seconds. Errors that retrying cannot cure pass through.
 *
 * ## Example
 * ```ts
 * connect().pipe(reconnectWithBackoff({
 *   scheduler: asyncScheduler, initial_delay: 1, max_delay: 60, jitter: 0.5, healthy_after: 5,
 *   isOpen: (signal) => signal.kind === 'open',
 *   isHealthy: (signal) => signal.kind === 'event' || signal.kind === 'heartbeat',
 * }))
 * ```
 */
export function reconnectWithBackoff<T>(config: ReconnectConfig<T>): MonoTypeOperatorFunction<T> {
  const retryable = config.retryable ?? isRetryableStreamError;
  const maxRetries = config.max_retries ?? Infinity;
  const healthyAfterMs = (config.healthy_after ?? 0) * 1000;
  const { scheduler, isHealthy, isOpen } = config;
  // One layer per value (a health check and a hand-over), where tap + retry would be two.
  return (source) => new Observable<T>((subscriber) => {
    let attempt = 0;
    let connection: Subscription | undefined;
    let wait: Subscription | undefined;
    const connect = (): void => {
      wait = undefined;
      let openedAt: number | undefined = isOpen ? undefined : scheduler.now();
      let works = false;
      connection = source.subscribe({
        next: (value) => {
          if (!works && isHealthy(value)) works = true;
          if (isOpen && openedAt === undefined && isOpen(value)) openedAt = scheduler.now();
          subscriber.next(value);
        },
        error: (error: unknown) => {
          if (works && openedAt !== undefined && scheduler.now() - openedAt >= healthyAfterMs) attempt = 0;
          if (!retryable(error) || attempt >= maxRetries) {
            subscriber.error(error);
            return;
          }
          attempt += 1;
          const delayMs = backoffDelay(attempt, config, config.random);
          config.onReconnecting?.(attempt, delayMs, error);
          if (!subscriber.closed) wait = config.scheduler.schedule(connect, delayMs);
        },
        complete: () => subscriber.complete(),
      });
    };
    connect();
    return () => {
      connection?.unsubscribe();
      wait?.unsubscribe();
    };
  });
}
