// Runs every test/**/*.test.ts with node's own test runner (TypeScript through tsx).
// Arguments narrow the run to files whose path contains one of them.
//
// The run always ends. Node 20's `--test-timeout` bounds each test file (its process): a file
// still running after FILE_TIMEOUT_MS fails as timed out, after the results of its tests that
// finished. Tests that wait for an event wait with a limit of their own (test/support/deadline.ts),
// and slow ones (type-checks, builds, browsers) set their own `timeout`. A file that leaves a
// socket or timer behind does not end, so it fails as timed out rather than passing unnoticed
// (forcing the exit instead lost some files' results without a failure), and the whole run is
// stopped after RUN_TIMEOUT_MS.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const FILE_TIMEOUT_MS = 5 * 60_000;
const RUN_TIMEOUT_MS = 20 * 60_000;

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return path.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const files = findTests('test').filter((file) => filters.length === 0 || filters.some((f) => file.includes(f))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-reporter=spec', `--test-timeout=${FILE_TIMEOUT_MS}`, ...files,
], { stdio: 'inherit', timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL' });
if (result.error?.code === 'ETIMEDOUT') {
  console.error(`The test run was stopped: it ran longer than ${RUN_TIMEOUT_MS / 60_000} minutes.`);
  process.exit(1);
}
if (result.error || result.signal) {
  console.error(`The test run failed: ${result.error?.message ?? `killed by ${result.signal}`}.`);
  process.exit(1);
}
process.exit(result.status ?? 1);
