import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catchError, map, mergeMap, of, range, toArray } from 'rxjs';
import type { RatelimitMethod } from '../../src/index.js';
import { virtualClient, virtualScheduler, WindowedServer, type WindowedServerOptions } from './virtual-server.js';

interface Run {
  readonly results: string[];
  readonly server: WindowedServer;
  readonly finishedAt: number;
}

/** 200 calls through `mergeMap` with concurrency 10, in virtual time. */
function twoHundredCalls(method: RatelimitMethod, server: WindowedServerOptions, pacefactor = 1.1): Run {
  const scheduler = virtualScheduler();
  const backend = new WindowedServer(scheduler, server);
  const api = virtualClient(backend, scheduler, { ratelimit_method: method, ratelimit_pacefactor: pacefactor });
  let results: string[] | undefined;
  let finishedAt = -1;
  range(0, 200).pipe(
    mergeMap((i) => api.status(String(i)).pipe(
      map((status) => status.id),
      catchError((error: unknown) => of(`${i}:${(error as Error).name}`)),
    ), 10),
    toArray(),
  ).subscribe((all) => {
    results = all;
    finishedAt = scheduler.now();
  });
  scheduler.flush();
  assert.ok(results, 'the calls did not finish');
  return { results, server: backend, finishedAt };
}

function maxConcurrent(server: WindowedServer): number {
  const events = server.exchanges.flatMap((e) => [[e.sentAt, 1], [e.answeredAt, -1]] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let max = 0;
  for (const [, delta] of events) max = Math.max(max, (current += delta));
  return max;
}

/** Each of the 200 ids answered 200 exactly once, and each result delivered exactly once. */
function assertEachCallOnce(run: Run): void {
  assert.deepEqual([...run.results].sort((a, b) => Number(a) - Number(b)), Array.from({ length: 200 }, (_, i) => String(i)));
  const served = run.server.exchanges.filter((e) => e.status === 200).map((e) => e.path.split('/').pop());
  assert.equal(served.length, 200);
  assert.equal(new Set(served).size, 200);
}

const server: WindowedServerOptions = { limit: 50, windowSeconds: 60, latencyMs: 100 };

describe('rate limiting under concurrency (mergeMap 10 over 200 calls)', () => {
  it('wait: every call succeeds exactly once, and nothing is sent between a 429 and its reset', () => {
    const run = twoHundredCalls('wait', server);
    assertEachCallOnce(run);
    const refusals = run.server.exchanges.filter((e) => e.status === 429);
    assert.ok(refusals.length > 0, 'the test should hit the limit');
    for (const refusal of refusals) {
      const early = run.server.exchanges.filter((e) => e.sentAt >= refusal.answeredAt && e.sentAt < refusal.resetAt);
      assert.deepEqual(early, [], `sent after the 429 at ${refusal.answeredAt} before its reset at ${refusal.resetAt}`);
    }
    // Only the requests in flight when the first 429 came back can be refused in a window.
    assert.ok(refusals.length <= 3 * 10, `${refusals.length} refusals`);
    assert.ok(maxConcurrent(run.server) <= 10);
    assert.ok(run.finishedAt < 4 * 60_000, `finished at ${run.finishedAt}`);
  });

  it('pace (factor 1): spaces the calls so that none is refused, and still uses the budget', () => {
    const run = twoHundredCalls('pace', server, 1);
    assertEachCallOnce(run);
    assert.deepEqual(run.server.exchanges.filter((e) => e.status === 429), []);
    assert.ok(run.finishedAt < 5 * 60_000, `finished at ${run.finishedAt}`);
  });

  it('pace: concurrent calls take turns instead of all reading the same state', () => {
    const run = twoHundredCalls('pace', { limit: 300, windowSeconds: 300, latencyMs: 100 }, 1);
    assertEachCallOnce(run);
    // Once the first answer has told the limit, no two requests leave at the same moment,
    // and each waits for its share of the window: (reset - now) / remaining.
    const firstAnswer = Math.min(...run.server.exchanges.map((e) => e.answeredAt));
    const later = run.server.exchanges.filter((e) => e.sentAt > firstAnswer).map((e) => e.sentAt);
    assert.ok(later.length > 150);
    const gaps = later.slice(1).map((t, i) => t - later[i]!);
    assert.ok(Math.min(...gaps) >= 500, `smallest gap ${Math.min(...gaps)} ms`);
    assert.ok(maxConcurrent(run.server) <= 2, `${maxConcurrent(run.server)} in flight at once`);
    // Before the first answer, nothing is known: one request goes alone.
    assert.equal(run.server.exchanges.filter((e) => e.sentAt < firstAnswer).length, 1);
  });

  it('pace (default factor 1.1): may overshoot, then waits like wait mode; no call is lost or repeated', () => {
    const run = twoHundredCalls('pace', server);
    assertEachCallOnce(run);
    for (const refusal of run.server.exchanges.filter((e) => e.status === 429)) {
      assert.deepEqual(run.server.exchanges.filter((e) => e.sentAt >= refusal.answeredAt && e.sentAt < refusal.resetAt), []);
    }
  });

  it('throw: each call is sent once; those beyond the limit fail, the others succeed', () => {
    const run = twoHundredCalls('throw', server);
    assert.equal(run.server.exchanges.length, 200);
    assert.equal(new Set(run.server.exchanges.map((e) => e.path)).size, 200);
    const failed = run.results.filter((r) => r.endsWith(':MastodonRateLimitError'));
    assert.equal(failed.length, 150);
    assert.equal(run.results.length - failed.length, 50);
    assert.ok(maxConcurrent(run.server) === 10);
  });

  it('state is readable and observable, and follows the last report', () => {
    const scheduler = virtualScheduler();
    const backend = new WindowedServer(scheduler, { limit: 5, windowSeconds: 60, latencyMs: 10 });
    const api = virtualClient(backend, scheduler);
    const seen: number[] = [];
    api.ratelimit$.subscribe((s) => seen.push(s.remaining));
    range(0, 3).pipe(mergeMap((i) => api.status(String(i)))).subscribe();
    scheduler.flush();
    assert.deepEqual(seen, [300, 4, 3, 2]);
    assert.equal(api.ratelimit_remaining, 2);
    assert.equal(api.ratelimit_limit, 5);
    // The Date header has whole seconds: the 10 ms between it and the answer count as skew.
    assert.equal(api.ratelimit_reset, 60.01);
    assert.equal(api.ratelimit_lastcall, 0.01);
  });
});
