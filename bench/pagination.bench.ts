// Paginates the fake server's home timeline through `paginateItems`, and through a bare undici
// loop over the same pages (the baseline), at 2,000 and 20,000 items. Reports items/s and peak
// heap as ratios to the baseline measured in the same run, and how the peak grows with the
// item count (it should stay flat: pages are handed on, not kept).
//
// Each measurement runs in a child process of its own, against one fake server in this
// process (serving pages serialised in advance), so that neither the server's store nor its
// work is counted as the client's.
//
//   npx tsx bench/pagination.bench.ts
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, count, take } from 'rxjs';
import { request, type Dispatcher } from 'undici';
import { Mastodon, paginateItems } from '../src/index.js';
import { FakeMastodon } from '../src/testing/index.js';

type Variant = 'baseline' | 'paginate';

interface Measurement {
  readonly items: number;
  readonly seconds: number;
  /** Peak heap used above the heap before the run, in bytes. */
  readonly peakHeap: number;
  readonly peakRss: number;
}

const COUNTS = [2_000, 20_000];
const PAGE = 40;
const WARM_UP = 400;

/** The bare loop: GET, JSON.parse, follow the `rel="next"` URL. */
async function baseline(url: string, token: string, wanted: number): Promise<number> {
  let next: string | undefined = `${url}/api/v1/timelines/home?limit=${PAGE}`;
  let seen = 0;
  while (next && seen < wanted) {
    const response: Dispatcher.ResponseData = await request(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const items = JSON.parse(await response.body.text()) as unknown[];
    seen += Math.min(items.length, wanted - seen);
    const link: string = String(response.headers['link'] ?? '');
    next = items.length > 0 ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
  }
  return seen;
}

function viaPaginate(url: string, token: string, wanted: number): Promise<number> {
  const api = new Mastodon({ api_base_url: url, access_token: token, version_check_mode: 'none' });
  return lastValueFrom(paginateItems(api, api.timelineHome({ limit: PAGE })).pipe(take(wanted), count()));
}

async function measure(variant: Variant, url: string, token: string, wanted: number): Promise<Measurement> {
  const run = variant === 'baseline' ? baseline : viaPaginate;
  await run(url, token, WARM_UP);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 2);
  const started = process.hrtime.bigint();
  const items = await run(url, token, wanted);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return { items, seconds, peakHeap: peakHeap - heapBefore, peakRss };
}

function inChild(variant: Variant, url: string, token: string, wanted: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), variant, url, token, String(wanted)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${variant} ${wanted}: exit code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Measurement);
    });
  });
}

/**
 * Answers the home timeline from pages serialised once, found by their `max_id`, so that the
 * server's own work (the same for both variants) does not hide the client's.
 */
function servePrebuiltPages(server: FakeMastodon): void {
  const newestFirst = [...server.store.statuses].reverse();
  const pages = new Map<string, { body: string; link: string }>();
  for (let start = 0; start < newestFirst.length; start += PAGE) {
    const items = newestFirst.slice(start, start + PAGE);
    const cursor = start === 0 ? '' : newestFirst[start - 1]!.id;
    const base = `${server.url}/api/v1/timelines/home?limit=${PAGE}`;
    const link = `<${base}&max_id=${items.at(-1)!.id}>; rel="next", <${base}&min_id=${items[0]!.id}>; rel="prev"`;
    pages.set(cursor, { body: JSON.stringify(items), link });
  }
  server.intercept((req) => {
    if (req.route !== 'GET /api/v1/timelines/home') return undefined;
    const page = pages.get(req.url.searchParams.get('max_id') ?? '') ?? { body: '[]', link: '' };
    return {
      raw: (res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(page.body), ...(page.link ? { link: page.link } : {}) });
        res.end(page.body);
      },
    };
  });
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  const [variant, url, token, wanted] = process.argv.slice(2);
  if (variant === 'baseline' || variant === 'paginate') {
    const result = await measure(variant, url!, token!, Number(wanted));
    console.log(JSON.stringify(result));
    return;
  }

  const server = await FakeMastodon.start({ rateLimit: 1_000_000_000 });
  try {
    const user = server.createUser('bench');
    for (let i = 0; i < Math.max(...COUNTS) + WARM_UP; i++) server.store.addStatus(user.account, `status ${i}`);
    servePrebuiltPages(server);
    const results = new Map<string, Measurement>();
    for (const n of COUNTS) {
      for (const v of ['baseline', 'paginate'] as const) {
        const m = await inChild(v, server.url, user.token, n);
        if (m.items !== n) throw new Error(`${v} ${n}: got ${m.items} items`);
        results.set(`${v} ${n}`, m);
      }
    }
    console.log(`pagination: ${PAGE} items per page from the fake server; each row one child process`);
    console.log('variant    items   items/s   peak heap (above start)   peak rss');
    for (const [key, m] of results) {
      const [v, n] = key.split(' ');
      console.log(`${v!.padEnd(9)} ${n!.padStart(6)} ${Math.round(m.items / m.seconds).toString().padStart(9)}   ${mb(m.peakHeap).padStart(10)}                ${mb(m.peakRss)}`);
    }
    console.log('\nratios (paginate / baseline, same run):');
    for (const n of COUNTS) {
      const b = results.get(`baseline ${n}`)!;
      const p = results.get(`paginate ${n}`)!;
      console.log(`  ${n} items: throughput ${ratio(p.items / p.seconds, b.items / b.seconds)}, peak heap ${ratio(p.peakHeap, b.peakHeap)}, peak rss ${ratio(p.peakRss, b.peakRss)}`);
    }
    const [small, large] = COUNTS;
    console.log(`growth of peak heap from ${small} to ${large} items: `
      + `paginate ${ratio(results.get(`paginate ${large}`)!.peakHeap, results.get(`paginate ${small}`)!.peakHeap)}, `
      + `baseline ${ratio(results.get(`baseline ${large}`)!.peakHeap, results.get(`baseline ${small}`)!.peakHeap)}`);
  } finally {
    await server.close();
  }
}

await main();
