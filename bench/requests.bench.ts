// Request overhead: 5,000 `GET /api/v1/timelines/home` (a 40-status page of about 137 KB)
// per client, one after the other and 50 in flight, through the floor (bare undici `request`
// + `JSON.parse`), this library, masto.js and megalodon. Every client lives in a child process
// of its own against one loopback server that sends all of them the same bytes. The work goes
// out in chunks of 500 requests, client after client, round after round; each chunk is
// compared with the floor's chunk of the same round, and the table gives the median of those
// ratios (time per request relative to the floor; lower is better).
//
//   npx tsx bench/requests.bench.ts          # BENCH_RUNS=10 rounds of 500 requests by default,
//                                            # over BENCH_PROCESSES=3 sets of processes
import { fileURLToPath } from 'node:url';
import { loadClient, type ClientName } from './clients/types.js';
import { drive, mb, median, round, runCount } from './support/measure.js';
import { saveSection } from './support/results.js';
import { BENCH_TOKEN, startBenchServer } from './support/server.js';
import { PROCESS_SETS, runRounds, serveWorker, startWorker, type RoundsMeasured } from './support/workers.js';

const ALL_CLIENTS: readonly ClientName[] = ['floor', 'mastodon-rx', 'masto', 'megalodon'];
/** `BENCH_CLIENTS=mastodon-rx,masto` narrows the run (the floor always runs: it is the baseline). */
const CLIENTS = ALL_CLIENTS.filter((name) => name === 'floor' || !process.env['BENCH_CLIENTS'] || process.env['BENCH_CLIENTS'].split(',').includes(name));
const MODES = { sequential: 1, concurrent: 50 } as const;
type Mode = keyof typeof MODES;
const CHUNK = Number(process.env['BENCH_CHUNK']) || 500;
const WARM_UP = 300;
const PAGE = 40;

async function child(name: ClientName, mode: Mode, url: string): Promise<void> {
  const client = await loadClient(name, url, BENCH_TOKEN);
  const concurrency = MODES[mode];
  await serveWorker(() => drive(() => client.home(), WARM_UP, concurrency), (chunk) => drive(() => client.home(), chunk.size, concurrency));
}

function measureMode(mode: Mode, url: string, rounds: number): Promise<Map<ClientName, RoundsMeasured>> {
  return runRounds({
    names: CLIENTS, rounds, sets: PROCESS_SETS, chunk: { size: CHUNK },
    start: (name) => startWorker(fileURLToPath(import.meta.url), ['child', name, mode, url]),
    check: (name, report) => {
      if (report.units !== CHUNK * PAGE) throw new Error(`${name} ${mode}: received ${report.units} statuses, expected ${CHUNK * PAGE}`);
    },
    progress: (done, latest) => process.stderr.write(`  ${mode} round ${done}/${rounds}: ${CLIENTS.map((n) => `${n} ${(CHUNK / latest.get(n)!.seconds).toFixed(0)}`).join(', ')} req/s\n`),
  });
}

async function main(): Promise<void> {
  const rounds = runCount(10);
  const server = await startBenchServer({ pageSize: PAGE });
  const rows: (string | number)[][] = [];
  const raw: Record<string, unknown> = {};
  try {
    for (const mode of Object.keys(MODES) as Mode[]) {
      const measured = await measureMode(mode, server.url, rounds);
      const floor = measured.get('floor')!.reports;
      for (const name of CLIENTS) {
        const { reports: chunks, peakRss } = measured.get(name)!;
        const seconds = chunks.reduce((sum, c) => sum + c.seconds, 0);
        const ratio = median(chunks.map((c, i) => c.seconds / floor[i]!.seconds));
        const cpuRatio = median(chunks.map((c, i) => c.cpuSeconds / floor[i]!.cpuSeconds));
        const cpuPerRequest = chunks.reduce((sum, c) => sum + c.cpuSeconds, 0) / (CHUNK * rounds);
        rows.push([`${mode} (${MODES[mode]} in flight)`, name, Math.round((CHUNK * rounds) / seconds), round(ratio), round(cpuPerRequest * 1000, 2), round(cpuRatio), mb(peakRss)]);
        raw[`${mode} ${name}`] = { chunkSeconds: chunks.map((c) => round(c.seconds, 4)), chunkCpuSeconds: chunks.map((c) => round(c.cpuSeconds, 4)), peakRss };
      }
    }
  } finally {
    await server.close();
  }
  saveSection('requests', {
    title: 'Request overhead',
    description: `${(CHUNK * rounds).toLocaleString('en')} \`GET /api/v1/timelines/home\` per client (40 statuses, 137 KB a page) from a loopback server, `
      + `one at a time and 50 in flight, in ${rounds} rounds of ${CHUNK}: each round runs every client in turn, each client in a process of its own, `
      + `the rounds spread over ${Math.min(PROCESS_SETS, rounds)} fresh sets of processes. `
      + '"× floor" is the median over the rounds of the time per request relative to bare `undici.request` + `JSON.parse` in the same round (lower is better); '
      + 'requests/s is over all rounds. "CPU ms/request" is the client process\'s own CPU time (user + system), which other processes on the machine disturb less; '
      + '"CPU × floor" is its median ratio per round.',
    columns: ['mode', 'client', 'requests/s', '× floor', 'CPU ms/request', 'CPU × floor', 'peak RSS (MB)'],
    rows,
    raw,
  });
  console.log(`request overhead, ${rounds} rounds of ${CHUNK} requests`);
  for (const row of rows) console.log(row.map(String).join('\t'));
}

const [role, name, mode, url] = process.argv.slice(2);
if (role === 'child') await child(name as ClientName, mode as Mode, url!);
else await main();
