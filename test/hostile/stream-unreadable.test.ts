import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';

const casePath = new URL('./cases/stream-unreadable.ts', import.meta.url).pathname;

interface Report {
  types: string[];
  updates: string[];
  malformedErrors: string[];
  ended?: unknown;
  connections: number;
  socketsWhileLive: number;
  openSockets: number;
  uncaught: string[];
}

describe('a streaming server whose events cannot be read', { timeout: 60_000 }, () => {
  for (const transport of ['sse', 'ws'] as const) {
    it(`${transport}: events without ids and payloads 10,000 deep are malformed events; the stream goes on, catch-up included, and leaves no socket`, async () => {
      const result = await runIsolated(casePath, { env: { VARIANT: transport } });
      assert.equal(result.code, 0, result.stderr);
      const report = result.report as Report;
      assert.deepEqual(report.uncaught, []);
      assert.equal(report.ended, undefined);
      assert.deepEqual(report.malformedErrors, ['MastodonMalformedEventError']);
      // Each connection: the unreadable events (4 over SSE, 6 over WebSocket), then a good one; catch-up adds 101 and an item without id.
      const perConnection = transport === 'sse' ? 5 : 7;
      assert.equal(report.types.filter((t) => t === 'malformed').length, perConnection * 2, report.types.join());
      assert.deepEqual(report.updates, ['101', '102'], 'the good updates, once each');
      assert.ok(report.connections >= 2);
      assert.equal(report.socketsWhileLive, 1, 'the dropped connection left no socket behind');
      assert.equal(report.openSockets, 0, 'no socket after unsubscribing');
    });
  }
});
