import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { backoffDelay } from '../../src/streaming/backoff.js';
import { reconnectWithBackoff, stallTimeout } from '../../src/streaming/operators.js';
import { MastodonNetworkError, MastodonReadTimeout, MastodonUnauthorizedError } from '../../src/errors.js';

function runner(): TestScheduler {
  return new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
}

const drop = new MastodonNetworkError('connection dropped');
const unauthorized = new MastodonUnauthorizedError('401', { status: 401, reason: 'Unauthorized', error: 'Invalid access token', body: {} });

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap without jitter', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, { initial_delay: 1, max_delay: 60, jitter: 0 }));
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('stays within [d × (1 − jitter), d] for any random value and attempt', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      (attempt, jitter, random) => {
        const full = Math.min(60, 2 ** (attempt - 1)) * 1000;
        const wait = backoffDelay(attempt, { initial_delay: 1, max_delay: 60, jitter }, () => random);
        return wait <= full && wait >= Math.floor(full * (1 - jitter));
      },
    ));
  });
});

describe('stallTimeout (virtual time)', () => {
  it('errors with MastodonReadTimeout after `timeout` seconds without a value, heartbeats resetting it', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable }) => {
      // 1 s timeout: heartbeats every 900 ms keep it alive; then silence.
      const source = cold('h 899ms h 899ms h 2000ms h');
      const result = source.pipe(stallTimeout(1, ts));
      expectObservable(result).toBe('h 899ms h 899ms h 999ms #', undefined, new MastodonReadTimeout('No data from the stream for 1 s'));
    });
  });

  it('re-arms for the time left when a value came just before the deadline, and fails exactly `timeout` after it', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('h 998ms h 1ms h 1500ms h');
      expectObservable(source.pipe(stallTimeout(1, ts))).toBe('h 998ms h 1ms h 999ms #', undefined,
        new MastodonReadTimeout('No data from the stream for 1 s'));
    });
  });

  it('times out a connection that never sends anything', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('-').pipe(stallTimeout(5, ts))).toBe('5000ms #', undefined,
        new MastodonReadTimeout('No data from the stream for 5 s'));
    });
  });
});


describe('reconnectWithBackoff (virtual time)', () => {
  const isHealthy = (v: string): boolean => v === 'o';

  it('waits 1 s, 2 s, 4 s between failing attempts and re-subscribes after each wait', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-#', undefined, drop);
      const result = source.pipe(reconnectWithBackoff({ scheduler: ts, initial_delay: 1, jitter: 0, max_retries: 3, isHealthy }));
      // attempt at 0 fails at 1; wait 1000 → 1001 fails at 1002; wait 2000 → 3002 fails 3003; wait 4000 → 7003 fails 7004: out of retries.
      expectObservable(result).toBe('7004ms #', undefined, drop);
      expectSubscriptions(source.subscriptions).toBe([
        '^!',
        '1001ms ^!',
        '3002ms ^!',
        '7003ms ^!',
      ]);
    });
  });

  it('starts again from the shortest wait after a healthy connection', () => {
    const ts = runner();
    ts.run(({ cold }) => {
      let n = 0;
      const failing = cold('-#', undefined, drop);
      const healthy = cold('-o-#', undefined, drop);
      const attempts = [failing, failing, healthy, failing];
      const waits: number[] = [];
      const source = defer(() => attempts[Math.min(n++, 3)]!);
      const result = source.pipe(reconnectWithBackoff({
        scheduler: ts, initial_delay: 1, jitter: 0, max_retries: 4, isHealthy,
        onReconnecting: (_attempt, ms) => waits.push(ms),
      }));
      result.subscribe({ error: () => undefined });
      ts.flush();
      // two failures: 1 s, 2 s; then a healthy connection resets: its drop waits 1 s again, then 2 s...
      assert.deepEqual(waits.slice(0, 4), [1000, 2000, 1000, 2000]);
    });
  });

  it('does not retry a 401: the error ends the stream at once', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('--#', undefined, unauthorized);
      // A bounded number of retries: were the 401 retried, this fails instead of looping for ever in virtual time.
      const result = source.pipe(reconnectWithBackoff({ scheduler: ts, isHealthy, max_retries: 3 }));
      expectObservable(result).toBe('--#', undefined, unauthorized);
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('starts the waits over only after a connection that worked and stayed open healthy_after seconds', () => {
    const ts = runner();
    ts.run(({ cold }) => {
      let n = 0;
      // opens (o), works (h), then fails: after 1 ms, 1 ms, 3 s, 1 ms
      const attempts = [cold('oh#', undefined, drop), cold('oh#', undefined, drop), cold('oh 3s #', undefined, drop), cold('oh#', undefined, drop)];
      const waits: number[] = [];
      defer(() => attempts[Math.min(n++, 3)]!).pipe(reconnectWithBackoff({
        scheduler: ts, initial_delay: 1, jitter: 0, max_retries: 5, healthy_after: 2,
        isOpen: (v) => v === 'o', isHealthy: (v) => v === 'h',
        onReconnecting: (_attempt, ms) => waits.push(ms),
      })).subscribe({ error: () => undefined });
      ts.flush();
      assert.deepEqual(waits, [1000, 2000, 1000, 2000, 4000, 8000, 16000]);
    });
  });

  it('keeps each jittered wait within its bounds', () => {
    const ts = runner();
    ts.run(({ cold }) => {
      const waits: number[] = [];
      const randoms = [0, 0.999, 0.5, 0.25];
      let i = 0;
      cold('-#', undefined, drop).pipe(reconnectWithBackoff({
        scheduler: ts, initial_delay: 2, jitter: 0.5, max_retries: 4, isHealthy, random: () => randoms[i++]!,
        onReconnecting: (_a, ms) => waits.push(ms),
      })).subscribe({ error: () => undefined });
      ts.flush();
      assert.deepEqual(waits, [2000, Math.round(4000 * (1 - 0.5 * 0.999)), 6000, 14000]);
    });
  });

  it('combined with stallTimeout: a stalled connection reconnects', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('o h 999ms h');  // opens, heartbeats twice, then goes silent
      const result = source.pipe(
        stallTimeout(2, ts),
        reconnectWithBackoff({ scheduler: ts, initial_delay: 1, jitter: 0, isHealthy }),
      );
      // silent after 1001 → read timeout at 3001; the connection was healthy, so the wait is the
      // shortest (1 s) → a new connection at 4001, which stalls the same way at 7002.
      expectObservable(result, '^ 7999ms !').toBe('o h 999ms h 2999ms o h 999ms h');
      expectSubscriptions(source.subscriptions).toBe(['^ 3000ms !', '4001ms ^ 3000ms !']);
    });
  });
});
