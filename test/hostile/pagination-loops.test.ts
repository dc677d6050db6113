import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';
import type { Outcome } from '../support/hostile-http.js';

type Counted<T> = { result: T; requests: number };

describe('pagination against servers whose links never end', { timeout: 120_000 }, () => {
  for (const backend of ['undici', 'fetch']) {
    it(`stops: a repeated link is a MastodonMalformedResponseError, empty pages end the walk (${backend})`, async () => {
      const result = await runIsolated(new URL('./cases/pagination-loops.ts', import.meta.url).pathname, { timeoutMs: 60_000, env: { HOSTILE_BACKEND: backend } });
      assert.equal(result.code, 0, result.stderr);
      const report = result.report as Record<string, Counted<Outcome>> & {
        fetchRemainingEmptyNext: Counted<number>; paginateEmptyNext: Counted<number[]>; openSockets: number;
      };
      // [case, requests sent]: the first page, then each link once. A page does not know its own
      // URL, so a link back to the first page is followed once before the loop shows.
      const loops: [string, number][] = [
        ['fetchRemainingSelf', 2], ['paginateSelf', 2], ['paginateItemsCycle', 3], ['fetchRemainingCycle', 3], ['paginatePrevSelf', 2],
      ];
      for (const [which, requests] of loops) {
        const { result: outcome, requests: sent } = report[which]!;
        assert.ok(outcome.error?.chain.includes('MastodonMalformedResponseError'), `${which}: ${JSON.stringify(outcome)}`);
        assert.match(outcome.error!.message, /pagination loops/);
        assert.equal(sent, requests, `${which} sent ${sent} requests`);
      }
      // Two full pages, then an empty one that still says next: the walk ends there, the empty page unseen.
      assert.deepEqual(report.fetchRemainingEmptyNext, { result: 2, requests: 3 });
      assert.deepEqual(report.paginateEmptyNext, { result: [1, 1], requests: 3 });
      assert.equal(report.openSockets, 0);
    });
  }
});
