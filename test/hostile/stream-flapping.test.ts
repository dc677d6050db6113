import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';

const casePath = (name: string): string => new URL(`./cases/${name}.ts`, import.meta.url).pathname;

describe('a streaming server that accepts each connection and closes it', { timeout: 60_000 }, () => {
  it('accept-and-close: the waits grow to max_delay, so a few connections in 3 s, not dozens', async () => {
    const result = await runIsolated(casePath('stream-flapping'));
    assert.equal(result.code, 0, result.stderr);
    const report = result.report as { waits: number[]; streamRequests: number; restRequests: number };
    assert.deepEqual(report.waits.slice(0, 5), [50, 100, 200, 400, 400]);
    // 0.05 + 0.1 + 0.2 s, then one every 0.4 s: about 10 in 3 s (each open reset the waits before: ~50)
    assert.ok(report.streamRequests <= 12, `${report.streamRequests} connections`);
    assert.ok(report.restRequests <= 3 * report.streamRequests, `${report.restRequests} REST requests`);
  });
});
