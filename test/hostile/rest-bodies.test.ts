import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';
import type { Outcome } from '../support/hostile-http.js';

const casePath = (name: string): string => new URL(`./cases/${name}.ts`, import.meta.url).pathname;
const BACKENDS = ['undici', 'fetch'] as const;

/** Runs a case in a process of its own on one backend; it must exit 0 and report. */
async function runCase<R>(name: string, backend: string, options: { maxOldSpaceMb?: number } = {}): Promise<R> {
  const result = await runIsolated(casePath(name), { ...options, timeoutMs: 60_000, env: { HOSTILE_BACKEND: backend } });
  assert.equal(result.timedOut, false, `${name} on ${backend} timed out:\n${result.stderr}`);
  assert.equal(result.code, 0, `${name} on ${backend} exited ${result.code} (${result.signal}):\n${result.stderr}`);
  assert.ok(result.report !== undefined, `${name} on ${backend} reported nothing:\n${result.stdout}`);
  return result.report as R;
}

function assertFailedWith(outcome: Outcome, errorClass: string, what: string): void {
  assert.ok(outcome.error, `${what}: expected ${errorClass}, got ${JSON.stringify(outcome)}`);
  assert.ok(outcome.error.chain.includes(errorClass), `${what}: expected ${errorClass}, got ${outcome.error.chain.join(' < ')}: ${outcome.error.message}`);
}

describe('hostile REST bodies', { timeout: 240_000 }, () => {
  for (const backend of BACKENDS) {
    it(`deeply nested JSON on a 2xx is MastodonMalformedResponseError, not a RangeError (${backend})`, async () => {
      const report = await runCase<{ entity: Outcome; page: Outcome; openSockets: number; requests: number; peakRssMb: number }>('rest-deep-json', backend);
      assertFailedWith(report.entity, 'MastodonMalformedResponseError', 'a 6,000-level entity');
      assertFailedWith(report.page, 'MastodonMalformedResponseError', 'a 100,000-level page');
      assert.equal(report.entity.error?.status, 200);
      assert.match(report.page.error!.message, /nests deeper than 1000 levels/);
      assert.equal(report.requests, 2);
      assert.equal(report.openSockets, 0);
      assert.ok(report.peakRssMb < 300, `peak RSS ${report.peakRssMb} MB`);
    });
  }
});

describe('hostile error bodies', { timeout: 120_000 }, () => {
  // [class, status, reason, error, body] expected for each answer of the case.
  const expected: Record<string, [string, number, string, string | undefined, unknown]> = {
    'error-object-with-toString': ['MastodonUnauthorizedError', 401, 'Unauthorized', '{"toString":1}', { error: { toString: 1 } }],
    'error-array': ['MastodonAPIError', 422, 'Unprocessable Content', '["a","b"]', { error: ['a', 'b'] }],
    'error-null': ['MastodonAPIError', 403, 'Forbidden', undefined, { error: null }],
    'body-array': ['MastodonAPIError', 400, 'Bad Request', undefined, [1, 2, 3]],
    'body-number': ['MastodonInternalServerError', 500, 'Internal Server Error', undefined, 42],
    'body-null': ['MastodonNotFoundError', 404, 'Not Found', 'Endpoint not found.', null],
    'body-string': ['MastodonServiceUnavailableError', 503, 'Service Unavailable', 'down for maintenance', 'down for maintenance'],
    'body-empty': ['MastodonBadGatewayError', 502, 'Bad Gateway', undefined, ''],
    'teapot': ['MastodonAPIError', 418, '', 'short and stout', { error: 'short and stout' }],
  };

  for (const backend of BACKENDS) {
    it(`every JSON error body gives its status's class with status, reason and body, never a TypeError (${backend})`, async () => {
      const report = await runCase<{ outcomes: Record<string, Outcome>; polluted: unknown; openSockets: number; peakRssMb: number }>('rest-error-bodies', backend);
      for (const [which, [errorClass, status, reason, error, body]] of Object.entries(expected)) {
        const outcome = report.outcomes[which]!;
        assertFailedWith(outcome, errorClass, which);
        assert.equal(outcome.error!.status, status, which);
        assert.equal(outcome.error!.reason, reason, which);
        assert.deepEqual(outcome.error!.body, body, which);
        const head = `Mastodon API returned error: ${status}${reason ? ` ${reason}` : ''}`;
        assert.equal(outcome.error!.message, error === undefined ? head : `${head}: ${error}`, which);
      }
      assertFailedWith(report.outcomes['error-deep']!, 'MastodonAPIError', 'a 20,000-level error');
      assert.equal(report.outcomes['error-deep']!.error!.status, 400);
      const huge = report.outcomes['error-huge']!.error!;
      assert.ok(huge.chain.includes('MastodonAPIError') && huge.message.length < 1000, `a 1 MB error message is cut: ${huge.message.length}`);
      assert.ok(report.outcomes['proto-keys']!.error!.chain.includes('MastodonAPIError'));
      assert.equal(report.polluted, null);
      assert.equal(report.openSockets, 0);
      assert.ok(report.peakRssMb < 300, `peak RSS ${report.peakRssMb} MB`);
    });
  }
});

describe('hostile body sizes', { timeout: 240_000 }, () => {
  for (const backend of BACKENDS) {
    it(`bodies over max_response_bytes fail as they stream in, holding neither the body nor the socket (${backend})`, async () => {
      const report = await runCase<{
        outcomes: Record<'declared' | 'endless' | 'endlessError' | 'atCap' | 'overCap', Outcome>;
        writtenMb: Record<string, number>; openSockets: number; peakRssMb: number;
      }>('rest-body-cap', backend, { maxOldSpaceMb: 192 });
      for (const which of ['declared', 'endless', 'endlessError', 'overCap'] as const) {
        assertFailedWith(report.outcomes[which], 'MastodonMalformedResponseError', which);
      }
      assert.match(report.outcomes.declared.error!.message, /larger than the 67108864 bytes .*content-length: 300000000/);
      assert.equal(report.outcomes.endlessError.error!.status, 500);
      assert.equal(report.outcomes.overCap.error!.body, undefined);
      assert.deepEqual(report.outcomes.atCap, { values: 1, completed: true });
      // The endless bodies stopped near the 64 MiB cap (plus what the sockets had buffered), far from the 1 GiB offered.
      assert.ok(report.writtenMb['endless']! < 200 && report.writtenMb['endless-error']! < 200, JSON.stringify(report.writtenMb));
      assert.ok(report.peakRssMb < 450, `peak RSS ${report.peakRssMb} MB`);
      assert.equal(report.openSockets, 0);
    });
  }
});

describe('hostile response heads', { timeout: 120_000 }, () => {
  for (const backend of BACKENDS) {
    it(`a megabyte of headers, a garbage status line, bytes that are not HTTP and a reset mid-body are MastodonNetworkErrors (${backend})`, async () => {
      const report = await runCase<{ outcomes: Record<string, Outcome>; openSockets: number; peakRssMb: number }>('rest-headers', backend);
      for (const which of ['huge-headers', 'garbage-status', 'not-http', 'reset-mid-body']) {
        assertFailedWith(report.outcomes[which]!, 'MastodonNetworkError', which);
        assert.doesNotMatch(report.outcomes[which]!.error!.message, /fetch failed$/, 'the message says what failed');
      }
      assert.equal(report.openSockets, 0);
      assert.ok(report.peakRssMb < 300, `peak RSS ${report.peakRssMb} MB`);
    });
  }
});
