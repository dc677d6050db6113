import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';
import type { Outcome } from '../support/hostile-http.js';

describe('ids and calls that could walk the URL', { timeout: 60_000 }, () => {
  it('fail with MastodonIllegalArgumentError in the error channel, and nothing is sent', async () => {
    const result = await runIsolated(new URL('./cases/args-ids.ts', import.meta.url).pathname, { timeoutMs: 30_000 });
    assert.equal(result.code, 0, result.stderr);
    const report = result.report as { outcomes: Record<string, Outcome & { threw?: string }>; requests: string[] };
    assert.equal(Object.keys(report.outcomes).length, 16);
    for (const [call, outcome] of Object.entries(report.outcomes)) {
      assert.equal(outcome.threw, undefined, `${call} threw synchronously`);
      assert.ok(outcome.error?.chain.includes('MastodonIllegalArgumentError'), `${call}: ${JSON.stringify(outcome)}`);
    }
    assert.deepEqual(report.requests, []);
  });
});
