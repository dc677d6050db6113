// Pagination against the peers: 20,000 statuses, 40 a page, walked through `paginate`, through
// masto.js's paginator (its async iterator), and through the floor (a bare undici loop that
// follows `rel="next"`). megalodon has no paginator and is left out. Each walk runs in a
// child process of its own against one loopback server; medians of several rounds; items/s
// relative to the floor measured in the same run (higher is better), and peak RSS.
//
//   npx tsx bench/pagination-peers.bench.ts
import { fileURLToPath } from 'node:url';
import { loadClient, type ClientName } from './clients/types.js';
import { inChild, mb, median, reportFromChild, round, runCount, type ChildReport } from './support/measure.js';
import { saveSection } from './support/results.js';
import { BENCH_TOKEN, startBenchServer } from './support/server.js';

const CLIENTS: readonly ClientName[] = ['floor', 'mastodon-rx', 'masto'];
const ITEMS = Number(process.env['BENCH_ITEMS']) || 20_000;
const WARM_UP = 800;

async function child(name: ClientName, url: string): Promise<void> {
  const client = await loadClient(name, url, BENCH_TOKEN);
  if (!client.paginate) throw new Error(`${name} has no paginator`);
  await client.paginate(WARM_UP);
  await reportFromChild(() => client.paginate!(ITEMS));
}

async function main(): Promise<void> {
  const runs = runCount(3);
  const server = await startBenchServer({ timelineLength: ITEMS });
  const reports = new Map<ClientName, ChildReport[]>();
  try {
    for (let r = 0; r < runs; r++) {
      for (const name of CLIENTS) {
        const report = await inChild(fileURLToPath(import.meta.url), ['child', name, server.url]);
        if (report.units !== ITEMS) throw new Error(`${name}: walked ${report.units} items, expected ${ITEMS}`);
        reports.set(name, [...(reports.get(name) ?? []), report]);
        process.stderr.write(`  round ${r + 1}/${runs} ${name}: ${(ITEMS / report.seconds).toFixed(0)} items/s\n`);
      }
    }
  } finally {
    await server.close();
  }
  const floor = median(reports.get('floor')!.map((r) => r.seconds));
  const rows = CLIENTS.map((name) => {
    const seconds = median(reports.get(name)!.map((r) => r.seconds));
    return [name, Math.round(ITEMS / seconds), round(floor / seconds), mb(median(reports.get(name)!.map((r) => r.peakRss)))];
  });
  saveSection('pagination', {
    title: 'Pagination',
    description: `${ITEMS.toLocaleString('en')} statuses, 40 a page, following \`Link: rel="next"\`: \`paginate\` here, the async iterator of masto.js, `
      + `and the floor (a bare undici loop + \`JSON.parse\`); medians of ${runs} runs. "× floor" is throughput relative to the floor (higher is better).`,
    columns: ['client', 'items/s', '× floor', 'peak RSS (MB)'],
    rows,
    raw: Object.fromEntries([...reports].map(([name, list]) => [name, list])),
  });
  console.log(`pagination, ${ITEMS} items, median of ${runs} runs`);
  for (const row of rows) console.log(row.map(String).join('\t'));
}

const [role, name, url] = process.argv.slice(2);
if (role === 'child') await child(name as ClientName, url!);
else await main();
