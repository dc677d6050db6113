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
      const report = await runCase<{ entity: Outcome; page: Outcome; openSockets: number; requests: number }>('rest-deep-json', backend);
      assertFailedWith(report.entity, 'MastodonMalformedResponseError', 'a 6,000-level entity');
      assertFailedWith(report.page, 'MastodonMalformedResponseError', 'a 100,000-level page');
      assert.equal(report.entity.error?.status, 200);
      assert.match(report.page.error!.message, /nests deeper than 1000 levels/);
      assert.equal(report.requests, 2);
      assert.equal(report.openSockets, 0);
    });
  }
});
