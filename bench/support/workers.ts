// Long-lived measuring children. The parent keeps one child per client and hands out the
// work in short chunks, client after client, round after round, so that a change in the
// machine's load (other processes, thermal limits) falls on every client alike; each chunk
// of a client is compared with the baseline's chunk of the same round (paired ratios).
import { spawn, type ChildProcess } from 'node:child_process';

/** One chunk of work, as the parent asks for it. */
export interface Chunk {
  /** Units of work (requests, items, events) to do. */
  readonly size: number;
}

/** A chunk's measurement. */
export interface ChunkReport {
  readonly seconds: number;
  /** CPU time (user + system) the child spent on the chunk, in seconds: less sensitive to other processes than `seconds`. */
  readonly cpuSeconds: number;
  /** Units of work done, checked by the parent. */
  readonly units: number;
}

type Message = { readonly kind: 'ready' } | { readonly kind: 'chunk'; readonly report: ChunkReport } | { readonly kind: 'done'; readonly peakRss: number };

/** The parent's handle on one child. */
export interface Worker {
  run(chunk: Chunk): Promise<ChunkReport>;
  /** Ends the child; resolves with its peak RSS in bytes (from the OS). */
  finish(): Promise<number>;
}

/** Starts `script args…` (with tsx and `--expose-gc`) as a worker and waits until it is ready. */
export async function startWorker(script: string, args: readonly string[]): Promise<Worker> {
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (): Promise<Message> => new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`${args.join(' ')}: exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as Message);
    });
  });
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error(`${args.join(' ')}: did not start`);
  return {
    run: async (chunk) => {
      const reply = next();
      child.send({ kind: 'chunk', chunk });
      const message = await reply;
      if (message.kind !== 'chunk') throw new Error(`${args.join(' ')}: unexpected ${message.kind}`);
      return message.report;
    },
    finish: async () => {
      const reply = next();
      child.send({ kind: 'done' });
      const message = await reply;
      if (message.kind !== 'done') throw new Error(`${args.join(' ')}: unexpected ${message.kind}`);
      return message.peakRss;
    },
  };
}

/**
 * The child's side: `warmUp` once, then `work(chunk)` (resolving with the units done) for
 * every chunk the parent sends, each timed after a GC.
 */
export async function serveWorker(warmUp: () => Promise<unknown>, work: (chunk: Chunk) => Promise<number>): Promise<void> {
  await warmUp();
  process.on('message', (message: { kind: 'chunk'; chunk: Chunk } | { kind: 'done' }) => {
    if (message.kind === 'done') {
      process.send!({ kind: 'done', peakRss: process.resourceUsage().maxRSS * 1024 }, () => process.exit(0));
      return;
    }
    (globalThis as { gc?: () => void }).gc?.();
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    work(message.chunk).then((units) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      const report: ChunkReport = { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, units };
      process.send!({ kind: 'chunk', report });
    }, (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  process.send!({ kind: 'ready' });
}
