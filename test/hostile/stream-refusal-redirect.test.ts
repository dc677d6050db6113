import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';

const casePath = (name: string): string => new URL(`./cases/${name}.ts`, import.meta.url).pathname;

describe('a streaming server that refuses the WebSocket and redirects the probe', { timeout: 60_000 }, () => {
  it('the WebSocket refusal probe follows no redirect to another origin: a network error, and the other origin gets nothing', async () => {
    const result = await runIsolated(casePath('stream-refusal-redirect'));
    assert.equal(result.code, 0, result.stderr);
    const report = result.report as { error: { name: string }; elsewhere: string[] };
    assert.equal(report.error.name, 'MastodonNetworkError');
    assert.deepEqual(report.elsewhere, []);
  });
});
