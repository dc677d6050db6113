// Uploads a 10 MB and a 200 MB file to the fake server with `mediaPostWithProgress` (the body
// streamed from disk), and with the usual buffered way as the baseline (the file read whole
// into a Blob in a FormData, sent with undici). Reports the peak RSS growth of the uploading
// process as a ratio to the file size, and the streamed upload's peak growth and throughput
// as ratios to the baseline measured in the same run.
//
// Each measurement runs in a child process of its own, against one fake server in this
// process, so that the server (which keeps what it receives) is not counted as the client.
//
//   npx tsx bench/upload.bench.ts
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, tap } from 'rxjs';
import { FormData, request } from 'undici';
import { Mastodon } from '../src/index.js';
import { FakeMastodon } from '../src/testing/index.js';

type Variant = 'buffered' | 'streamed';

interface Measurement {
  readonly bytes: number;
  readonly seconds: number;
  /** Peak RSS above the RSS before the upload, in bytes. */
  readonly rssGrowth: number;
  readonly progressEvents: number;
}

const SIZES = [10 * 2 ** 20, 200 * 2 ** 20];
const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** The baseline: the file read whole, wrapped in a Blob in a FormData, posted with undici. */
async function buffered(url: string, token: string, path: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(path)], { type: 'image/png' }), 'upload.png');
  const response = await request(`${url}/api/v2/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  await response.body.text();
  if (response.statusCode >= 300) throw new Error(`baseline upload: HTTP ${response.statusCode}`);
  return 0;
}

async function streamed(url: string, token: string, path: string): Promise<number> {
  const api = new Mastodon({ api_base_url: url, access_token: token, mastodon_version: '4.0.2' });
  let events = 0;
  await lastValueFrom(api.mediaPostWithProgress(path).pipe(tap((event) => { if (event.type === 'progress') events += 1; })));
  return events;
}

async function measure(variant: Variant, url: string, token: string, path: string, bytes: number): Promise<Measurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
  const started = process.hrtime.bigint();
  const progressEvents = await (variant === 'buffered' ? buffered : streamed)(url, token, path);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { bytes, seconds, rssGrowth: peak - before, progressEvents };
}

function inChild(variant: Variant, url: string, token: string, path: string, bytes: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), variant, url, token, path, String(bytes)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${variant} ${bytes}: exit code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Measurement);
    });
  });
}

/** Writes a PNG-headed file of `bytes` in 1 MB steps, never holding it whole. */
function writeFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(2 ** 20, 0x5a);
  PNG_HEAD.copy(block);
  for (let written = 0; written < bytes; written += block.length) {
    writeSync(fd, block, 0, Math.min(block.length, bytes - written));
    if (written === 0) block.fill(0x5a, 0, PNG_HEAD.length);
  }
  closeSync(fd);
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function main(): Promise<void> {
  const [variant, url, token, path, bytes] = process.argv.slice(2);
  if (variant === 'buffered' || variant === 'streamed') {
    console.log(JSON.stringify(await measure(variant, url!, token!, path!, Number(bytes))));
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-upload-bench-'));
  const server = await FakeMastodon.start({ rateLimit: 1_000_000_000 });
  try {
    const user = server.createUser('bench');
    const results = new Map<string, Measurement>();
    for (const size of SIZES) {
      const file = join(dir, `upload-${size}.png`);
      writeFile(file, size);
      for (const v of ['buffered', 'streamed'] as const) {
        results.set(`${v} ${size}`, await inChild(v, server.url, user.token, file, size));
        const received = server.uploads.at(-1)?.data.length;
        if (received !== size) throw new Error(`${v} ${size}: the server received ${received} bytes`);
        server.uploads.length = 0;
        server.requests.length = 0;
      }
      rmSync(file);
    }
    console.log('upload: one file to the fake server (POST /api/v2/media); each row one child process');
    console.log('variant    file       seconds   MB/s    peak RSS growth   growth / file size   progress events');
    for (const [key, m] of results) {
      const v = key.split(' ')[0]!;
      console.log(`${v.padEnd(9)} ${mb(m.bytes).padStart(9)} ${m.seconds.toFixed(2).padStart(9)} ${(m.bytes / 2 ** 20 / m.seconds).toFixed(0).padStart(6)}`
        + `   ${mb(m.rssGrowth).padStart(15)}   ${(m.rssGrowth / m.bytes).toFixed(3).padStart(18)}   ${String(m.progressEvents).padStart(15)}`);
    }
    console.log('\nratios (streamed / buffered baseline, same run):');
    for (const size of SIZES) {
      const b = results.get(`buffered ${size}`)!;
      const s = results.get(`streamed ${size}`)!;
      console.log(`  ${mb(size)}: peak RSS growth ${(s.rssGrowth / b.rssGrowth).toFixed(3)}×, throughput ${((s.bytes / s.seconds) / (b.bytes / b.seconds)).toFixed(2)}×`);
    }
    const [small, large] = SIZES as [number, number];
    console.log(`growth of the streamed upload's peak RSS from ${mb(small)} to ${mb(large)} (a 20× larger file): `
      + `${(results.get(`streamed ${large}`)!.rssGrowth / results.get(`streamed ${small}`)!.rssGrowth).toFixed(2)}×`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
