// Request overhead: 5,000 `GET /api/v1/timelines/home` (a 40-status page of about 137 KB),
// one after the other and 50 in flight, through the floor (bare undici `request` +
// `JSON.parse`), this library, masto.js and megalodon. Every client runs in a child process
// of its own against one loopback server that sends all of them the same bytes; the figures
// are medians of several rounds, each round running every client once, in turn. Reported as
// time per request relative to the floor measured in the same run (lower is better).
//
//   npx tsx bench/requests.bench.ts          # BENCH_RUNS=5 rounds by default
import { fileURLToPath } from 'node:url';
import { loadClient, type ClientName } from './clients/types.js';
import { drive, inChild, mb, median, reportFromChild, round, runCount, type ChildReport } from './support/measure.js';
import { saveSection } from './support/results.js';
import { BENCH_TOKEN, startBenchServer } from './support/server.js';

const CLIENTS: readonly ClientName[] = ['floor', 'mastodon-rx', 'masto', 'megalodon'];
const MODES = { sequential: 1, concurrent: 50 } as const;
type Mode = keyof typeof MODES;
const REQUESTS = Number(process.env['BENCH_REQUESTS']) || 5_000;
const WARM_UP = 500;
const PAGE = 40;

async function child(name: ClientName, mode: Mode, url: string): Promise<void> {
  const client = await loadClient(name, url, BENCH_TOKEN);
  await drive(() => client.home(), WARM_UP, MODES[mode]);
  await reportFromChild(() => drive(() => client.home(), REQUESTS, MODES[mode]));
}

async function main(): Promise<void> {
  const runs = runCount(5);
  const server = await startBenchServer({ pageSize: PAGE });
  const reports = new Map<string, ChildReport[]>();
  try {
    for (let round = 0; round < runs; round++) {
      for (const mode of Object.keys(MODES) as Mode[]) {
        for (const name of CLIENTS) {
          const report = await inChild(fileURLToPath(import.meta.url), ['child', name, mode, server.url]);
          if (report.units !== REQUESTS * PAGE) throw new Error(`${name} ${mode}: received ${report.units} statuses, expected ${REQUESTS * PAGE}`);
          const key = `${mode} ${name}`;
          reports.set(key, [...(reports.get(key) ?? []), report]);
          process.stderr.write(`  round ${round + 1}/${runs} ${key}: ${(REQUESTS / report.seconds).toFixed(0)} req/s\n`);
        }
      }
    }
  } finally {
    await server.close();
  }

  const rows: (string | number)[][] = [];
  const raw: Record<string, unknown> = {};
  for (const mode of Object.keys(MODES) as Mode[]) {
    const floor = median(reports.get(`${mode} floor`)!.map((r) => r.seconds));
    for (const name of CLIENTS) {
      const runsOf = reports.get(`${mode} ${name}`)!;
      const seconds = median(runsOf.map((r) => r.seconds));
      const rss = median(runsOf.map((r) => r.peakRss));
      rows.push([`${mode} (${MODES[mode]} in flight)`, name, Math.round(REQUESTS / seconds), round(seconds / floor), mb(rss)]);
      raw[`${mode} ${name}`] = { medianSeconds: seconds, seconds: runsOf.map((r) => r.seconds), peakRss: runsOf.map((r) => r.peakRss) };
    }
  }
  const section = {
    title: 'Request overhead',
    description: `${REQUESTS.toLocaleString('en')} \`GET /api/v1/timelines/home\` (40 statuses, ${Math.round(137_000 / 1000)} KB a page) from a loopback server, `
      + `one at a time and 50 in flight; medians of ${runs} runs, each client in its own process. `
      + '"× floor" is the time per request relative to bare `undici.request` + `JSON.parse` in the same run (lower is better).',
    columns: ['mode', 'client', 'requests/s', '× floor', 'peak RSS (MB)'],
    rows,
    raw,
  };
  saveSection('requests', section);
  console.log(`request overhead, ${REQUESTS} requests, median of ${runs} runs`);
  for (const row of rows) console.log(row.map(String).join('\t'));
}

const [role, name, mode, url] = process.argv.slice(2);
if (role === 'child') await child(name as ClientName, mode as Mode, url!);
else await main();
