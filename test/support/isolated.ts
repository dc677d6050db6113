import { spawn } from 'node:child_process';

/** How one case script ended in its own process. */
export interface IsolatedResult {
  /** The exit code, or `null` when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Whether the case outlived `timeoutMs` and was killed. */
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** What the case passed to `reportFromCase`, parsed; `undefined` when it reported nothing. */
  readonly report: unknown;
}

/** Limits of the child process. */
export interface IsolatedOptions {
  /** Killed after this long. Default 30 s. */
  readonly timeoutMs?: number;
  /** V8's old-space cap, so that unbounded growth aborts the child quickly. Default 256 MiB. */
  readonly maxOldSpaceMb?: number;
  /** Extra environment variables for the child. */
  readonly env?: Readonly<Record<string, string>>;
}

const REPORT_PREFIX = 'ISOLATED-REPORT ';

/**
 * Runs a TypeScript case script in a child process of its own, so that a crash, an uncaught
 * exception or an out-of-memory abort fails the test that ran it rather than the runner.
 *
 * ## Example
 * ```ts
 * const result = await runIsolated(new URL('./cases/sse-endless-line.ts', import.meta.url).pathname);
 * assert.equal(result.code, 0, result.stderr);
 * ```
 */
export function runIsolated(script: string, options: IsolatedOptions = {}): Promise<IsolatedResult> {
  const { timeoutMs = 30_000, maxOldSpaceMb = 256, env = {} } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${maxOldSpaceMb}`, '--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr, report: reportIn(stdout) });
    });
  });
}

function reportIn(stdout: string): unknown {
  const line = stdout.split('\n').reverse().find((l) => l.startsWith(REPORT_PREFIX));
  return line === undefined ? undefined : JSON.parse(line.slice(REPORT_PREFIX.length)) as unknown;
}

/**
 * Called by a case script: hands `report` to the test that runs it (as one line of stdout).
 *
 * ## Example
 * ```ts
 * reportFromCase({ errorName: error.constructor.name, rssMb: process.memoryUsage().rss / 2 ** 20 });
 * ```
 */
export function reportFromCase(report: unknown): void {
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(report)}\n`);
}
