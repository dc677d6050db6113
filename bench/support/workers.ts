// Long-lived measuring children. The parent keeps one child per client and hands out the
// work in short chunks, client after client, round after round, so that a change in the
// machine's load (other processes, thermal limits) falls on every client alike; each chunk
// of a client is compared with the baseline's chunk of the same round (paired ratios).
import { spawn, type ChildProcess } from 'node:child_process';
import { peakRss } from './measure.js';

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
      process.send!({ kind: 'done', peakRss: peakRss() }, () => process.exit(0));
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

/** Fresh sets of processes {@link runRounds} spreads its rounds over: `BENCH_PROCESSES`, 3 by default. */
export const PROCESS_SETS = Number(process.env['BENCH_PROCESSES']) || 3;

/** What {@link runRounds} measured for one worker kind: a report per round, and its peak RSS over all its processes. */
export interface RoundsMeasured {
  readonly reports: ChunkReport[];
  readonly peakRss: number;
}

/**
 * Runs `rounds` rounds in which every one of `names`, in turn, does one `chunk` of work in its
 * own process; the rounds are spread over `sets` fresh sets of processes, so that a process's
 * own luck (where its heap and code landed, which core it got) weighs on a few rounds only.
 * `check` sees every report (to reject a short count); `progress` hears of each round.
 */
export async function runRounds<N extends string>(options: {
  readonly names: readonly N[];
  readonly rounds: number;
  readonly sets: number;
  readonly chunk: Chunk;
  readonly start: (name: N) => Promise<Worker>;
  readonly check: (name: N, report: ChunkReport) => void;
  readonly progress: (round: number, latest: ReadonlyMap<N, ChunkReport>) => void;
}): Promise<Map<N, RoundsMeasured>> {
  const { names, rounds, chunk } = options;
  const reports = new Map<N, ChunkReport[]>(names.map((name) => [name, []]));
  const peakRss = new Map<N, number>(names.map((name) => [name, 0]));
  const sets = Math.max(1, Math.min(options.sets, rounds));
  let done = 0;
  for (let set = 0; set < sets; set++) {
    const workers = new Map(await Promise.all(names.map(async (name) => [name, await options.start(name)] as const)));
    const roundsHere = Math.floor(rounds / sets) + (set < rounds % sets ? 1 : 0);
    for (let r = 0; r < roundsHere; r++) {
      const latest = new Map<N, ChunkReport>();
      for (const name of names) {
        const report = await workers.get(name)!.run(chunk);
        options.check(name, report);
        reports.get(name)!.push(report);
        latest.set(name, report);
      }
      options.progress(++done, latest);
    }
    for (const name of names) peakRss.set(name, Math.max(peakRss.get(name)!, await workers.get(name)!.finish()));
  }
  return new Map(names.map((name) => [name, { reports: reports.get(name)!, peakRss: peakRss.get(name)! }]));
}
