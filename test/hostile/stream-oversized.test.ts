import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';

const casePath = new URL('./cases/stream-oversized.ts', import.meta.url).pathname;

interface Report {
  reconnects: { name: string; message: string }[];
  ended?: { name: string; message: string };
  openSockets: number;
  growthMb: number;
}

describe('a streaming server that sends more than an event can be', { timeout: 90_000 }, () => {
  for (const [variant, what] of [
    ['sse-line', 'an SSE line that never ends'],
    ['sse-event', 'an SSE event of endless data lines'],
    ['ws', 'a WebSocket message of 64 MiB'],
  ] as const) {
    it(`${what}: the connection is dropped at max_event_size and reconnected, memory stays bounded, no socket is left`, async () => {
      const result = await runIsolated(casePath, { env: { VARIANT: variant }, timeoutMs: 40_000 });
      assert.equal(result.code, 0, result.stderr);
      const report = result.report as Report;
      assert.equal(report.ended, undefined, 'the stream goes on');
      assert.ok(report.reconnects.length >= 2, JSON.stringify(report));
      for (const error of report.reconnects) {
        assert.equal(error.name, 'MastodonNetworkError');
        // undici fails an oversized message with close code 1009 but reports the close as 1006, without a reason.
        assert.match(error.message, variant === 'ws' ? /exceeded 4194304 bytes \(max_event_size\)|closed \(1006\)/ : /exceeded 4194304 bytes \(max_event_size\)/);
      }
      assert.equal(report.openSockets, 0, 'every socket closed after unsubscribing');
      // Holding what was sent would take hundreds of MiB (the server sends 256 MiB per SSE connection, 64 MiB per message).
      assert.ok(report.growthMb < 100, `memory grew by ${report.growthMb} MiB`);
    });
  }
});
