import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';

const casePath = (name: string): string => new URL(`./cases/${name}.ts`, import.meta.url).pathname;

describe('the isolated-case harness', { timeout: 60_000 }, () => {
  it('sees a case that crashes its process, without crashing the runner', async () => {
    const result = await runIsolated(casePath('harness-crash'));
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /thrown from a timer/);
    assert.equal(result.report, undefined);
  });

  it('hands back what a surviving case reports', async () => {
    const result = await runIsolated(casePath('harness-report'));
    assert.equal(result.code, 0, result.stderr);
    const report = result.report as { survived: boolean; pid: number };
    assert.equal(report.survived, true);
    assert.notEqual(report.pid, process.pid);
  });
});
