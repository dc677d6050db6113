// Measuring: each measurement in a child process of its own (fresh heap and JIT state, its
// own peak RSS), medians over several runs, ratios to a baseline measured in the same run.
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** What one child reports. */
export interface ChildReport {
  /** Seconds of the timed part. */
  readonly seconds: number;
  /** Units of work done in the timed part (requests, items, events), checked by the parent. */
  readonly units: number;
  /** Peak resident set size of the child, in bytes (from the OS). */
  readonly peakRss: number;
}

/** Runs `script args…` in a child (with tsx and `--expose-gc`) and reads its report, the last line it prints. */
export function inChild(script: string, args: readonly string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')}: exit code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport);
    });
  });
}

/** Times `work` (after a GC) and prints the report as the child's last line. */
export async function reportFromChild(work: () => Promise<number>): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const started = process.hrtime.bigint();
  const units = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report: ChildReport = { seconds, units, peakRss: process.resourceUsage().maxRSS * 1024 };
  console.log(JSON.stringify(report));
}

/** Runs `total` calls of `call`, `concurrency` at a time; resolves with the units they report. */
export async function drive(call: () => Promise<number>, total: number, concurrency: number): Promise<number> {
  let started = 0;
  let units = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      const done = await call();
      units += done;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return units;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The number of runs per measurement: `BENCH_RUNS`, or `fallback`. */
export function runCount(fallback: number): number {
  const wanted = Number(process.env['BENCH_RUNS']);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : fallback;
}

/** The machine, for the record. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
}

export const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
