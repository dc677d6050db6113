// Measuring helpers: driving calls, medians, the machine's description, peak memory.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

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

/**
 * This process's peak resident memory in bytes. On Linux, from `VmHWM` in /proc/self/status:
 * `maxRSS` (getrusage) keeps the parent's peak across fork and exec, so that a child started
 * by a parent holding a large prepared body reports the parent's figure instead of its own.
 */
export function peakRss(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // Not Linux: getrusage's figure, which is the process's own where the parent's is not carried over.
  }
  return process.resourceUsage().maxRSS * 1024;
}
