// Pagination against the peers: 20,000 statuses, 40 a page, walked through `paginate`, through
// masto.js's paginator (its async iterator), and through the floor (a bare undici loop that
// follows `rel="next"`). megalodon has no paginator and is left out. Each client lives in a
// child process of its own against one loopback server; each round walks the timeline once
// per client, in turn. Throughput is the median over the rounds of items/s relative to the
// floor's walk in the same round (higher is better); peak RSS is the child's.
//
//   npx tsx bench/pagination-peers.bench.ts     # BENCH_RUNS=5 rounds by default
import { fileURLToPath } from 'node:url';
import { loadClient, type ClientName } from './clients/types.js';
import { mb, median, round, runCount } from './support/measure.js';
import { saveSection } from './support/results.js';
import { BENCH_TOKEN, startBenchServer } from './support/server.js';
import { runRounds, serveWorker, startWorker, type RoundsMeasured } from './support/workers.js';

const CLIENTS: readonly ClientName[] = ['floor', 'mastodon-rx', 'masto'];
const ITEMS = Number(process.env['BENCH_ITEMS']) || 20_000;
const WARM_UP = 800;

async function child(name: ClientName, url: string): Promise<void> {
  const client = await loadClient(name, url, BENCH_TOKEN);
  const walk = client.paginate?.bind(client);
  if (!walk) throw new Error(`${name} has no paginator`);
  await serveWorker(() => walk(WARM_UP), (chunk) => walk(chunk.size));
}

async function main(): Promise<void> {
  const rounds = runCount(5);
  const server = await startBenchServer({ timelineLength: ITEMS });
  let measured: Map<ClientName, RoundsMeasured>;
  try {
    // One process per client for all rounds (sets: 1), as these figures have always been taken.
    measured = await runRounds({
      names: CLIENTS, rounds, sets: 1, chunk: { size: ITEMS },
      start: (name) => startWorker(fileURLToPath(import.meta.url), ['child', name, server.url]),
      check: (name, report) => {
        if (report.units !== ITEMS) throw new Error(`${name}: walked ${report.units} items, expected ${ITEMS}`);
      },
      progress: (done, latest) => process.stderr.write(`  round ${done}/${rounds}: ${CLIENTS.map((n) => `${n} ${(ITEMS / latest.get(n)!.seconds).toFixed(0)}`).join(', ')} items/s\n`),
    });
  } finally {
    await server.close();
  }
  const walks = new Map(CLIENTS.map((name) => [name, measured.get(name)!.reports]));
  const peakRss = new Map(CLIENTS.map((name) => [name, measured.get(name)!.peakRss]));
  const floor = walks.get('floor')!;
  const rows = CLIENTS.map((name) => {
    const list = walks.get(name)!;
    const seconds = list.reduce((sum, w) => sum + w.seconds, 0);
    return [name, Math.round((ITEMS * rounds) / seconds), round(median(list.map((w, i) => floor[i]!.seconds / w.seconds))), mb(peakRss.get(name)!)];
  });
  saveSection('pagination', {
    title: 'Pagination',
    description: `${ITEMS.toLocaleString('en')} statuses, 40 a page, following \`Link: rel="next"\`: \`paginate\` here, the async iterator of masto.js, `
      + `and the floor (a bare undici loop + \`JSON.parse\`), in ${rounds} rounds, each client in a process of its own. `
      + '"× floor" is the median over the rounds of throughput relative to the floor in the same round (higher is better); items/s is over all rounds.',
    columns: ['client', 'items/s', '× floor', 'peak RSS (MB)'],
    rows,
    raw: Object.fromEntries([...walks].map(([name, list]) => [name, { walkSeconds: list.map((w) => round(w.seconds, 4)), peakRss: peakRss.get(name) }])),
  });
  console.log(`pagination, ${ITEMS} items, ${rounds} rounds`);
  for (const row of rows) console.log(row.map(String).join('\t'));
}

const [role, name, url] = process.argv.slice(2);
if (role === 'child') await child(name as ClientName, url!);
else await main();
