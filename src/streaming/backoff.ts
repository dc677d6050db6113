/** How long to wait before each reconnect. All times in seconds. */
export interface BackoffConfig {
  /** Wait before the first reconnect. Default 1. */
  readonly initial_delay?: number;
  /** Longest wait, however many attempts failed. Default 60. */
  readonly max_delay?: number;
  /** Growth per failed attempt. Default 2. */
  readonly factor?: number;
  /**
   * Share of each wait that is random, 0 to 1: a wait of `d` becomes a value in
   * `[d × (1 − jitter), d]`, so clients that lost the same server do not come back together.
   * Default 0.5.
   */
  readonly jitter?: number;
}

/** The defaults of {@link BackoffConfig}. */
export const DEFAULT_BACKOFF: Required<BackoffConfig> = { initial_delay: 1, max_delay: 60, factor: 2, jitter: 0.5 };

/**
 * The wait before reconnect attempt `attempt` (1 for the first), in milliseconds: exponential
 * growth from `initial_delay`, capped at `max_delay`, minus a random share up to `jitter`.
 *
 * ## Example
 * ```ts
 * backoffDelay(3, { initial_delay: 1, jitter: 0 })      // 4000
 * backoffDelay(3, { initial_delay: 1, jitter: 0.5 }, () => 1)  // 2000
 * ```
 *
 * @param random A source of numbers in [0, 1); `Math.random` by default.
 */
export function backoffDelay(attempt: number, config: BackoffConfig = {}, random: () => number = Math.random): number {
  const { initial_delay, max_delay, factor, jitter } = { ...DEFAULT_BACKOFF, ...config };
  const exponent = Math.max(attempt, 1) - 1;
  const full = Math.min(max_delay, initial_delay * factor ** exponent);
  const share = Math.min(Math.max(jitter, 0), 1);
  return Math.round(full * (1 - share * random()) * 1000);
}
