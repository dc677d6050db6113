// Events per second through the SSE and WebSocket stream paths, for ~3 KB status payloads, as
// ratios to the floor of the same transport measured in the same process, with the same
// loopback I/O: for SSE a bare `undici.request` whose Node body goes through a `TextDecoder`
// into the bare SSE parser (`eventsource-parser`, the one `eventsource` uses) + `JSON.parse` of
// each payload; for WebSocket a bare undici `WebSocket` + `JSON.parse` of each frame and its
// payload. Every path is also given as a ratio to the bare parser + `JSON.parse` on the same
// bytes without I/O (the "parser" reference); the in-memory paths have only that one.
//
// One loopback server in this process serves the prepared bytes; each path runs in a child
// process of its own (so that the server's work is not counted as the client's, and each
// child's peak RSS is its own), where its rounds alternate with rounds of the floor. Figures
// are medians of the rounds.
//
//   npx tsx bench/streaming.bench.ts
//   BENCH_PATHS=sse,websocket BENCH_ROUNDS=15 npx tsx bench/streaming.bench.ts   # some paths, more rounds
//   BENCH_EVENTS=20000 npx tsx bench/streaming.bench.ts                           # longer streams
//
// To profile one path: `npx tsx bench/streaming.bench.ts --serve` prints the server's URL, then
// `BENCH_NO_FLOOR=1 node --cpu-prof --import tsx bench/streaming.bench.ts --child sse <url>`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { asyncScheduler, firstValueFrom, type Observable } from 'rxjs';
import { count, filter, take } from 'rxjs/operators';
import { createParser } from 'eventsource-parser';
import { EventSource } from 'eventsource';
import { request, WebSocket } from 'undici';
import { Mastodon, MastodonStream, decodeEvent, useWebSocket, type WebSocketConstructor, type WebSocketLike } from '../src/index.js';
import { sseConnector, type FetchLike } from '../src/streaming/sse-connection.js';
import { nodeStreamFetch } from '../src/streaming/node-stream-fetch.js';
import { textFrame } from '../src/testing/streaming/frames.js';
import { peakRss } from './support/measure.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 5000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);

function statusJson(i: number): string {
  const status = {
    id: String(109000000000000000n + BigInt(i)), created_at: '2022-11-06T21:17:06.000Z', in_reply_to_id: null,
    in_reply_to_account_id: null, sensitive: false, spoiler_text: '', visibility: 'public', language: 'en',
    uri: `https://mastodon.example/users/alice/statuses/${i}`, url: `https://mastodon.example/@alice/${i}`,
    replies_count: 0, reblogs_count: 0, favourites_count: 0, edited_at: null,
    content: `<p>${'A realistic status body with some words in it. '.repeat(38)}</p>`,
    reblog: null, application: { name: 'Web', website: null },
    account: {
      id: '1', username: 'alice', acct: 'alice', display_name: 'Alice', locked: false, bot: false, discoverable: true,
      group: false, created_at: '2022-01-01T00:00:00.000Z', note: '<p>hi</p>', url: 'https://mastodon.example/@alice',
      avatar: 'https://mastodon.example/avatars/original/missing.png', avatar_static: 'https://mastodon.example/avatars/original/missing.png',
      header: 'https://mastodon.example/headers/original/missing.png', header_static: 'https://mastodon.example/headers/original/missing.png',
      followers_count: 10, following_count: 10, statuses_count: 100, last_status_at: '2022-11-06', emojis: [], fields: [],
    },
    media_attachments: [], mentions: [], tags: [], emojis: [], card: null, poll: null, filtered: [],
  };
  return JSON.stringify(status);
}

const CHUNK = 64 * 1024;
const payloads = Array.from({ length: EVENTS }, (_, i) => statusJson(i));
const sseBytes = Buffer.from(payloads.map((p) => `event: update\ndata: ${p}\n\n`).join(''));


// --- the floor and its references: no I/O ---------------------------------------------------

function parse(onEvent: (name: string, data: string) => void): number {
  let count = 0;
  const parser = createParser({ onEvent: (e) => { onEvent(e.event ?? 'message', e.data); count += 1; } });
  const decoder = new TextDecoder();
  for (let i = 0; i < sseBytes.length; i += 64 * 1024) parser.feed(decoder.decode(sseBytes.subarray(i, i + 64 * 1024), { stream: true }));
  if (count !== EVENTS) throw new Error(`parser saw ${count} events`);
  return count;
}

/** Where results go, so that the work that made them cannot be skipped. */
export let sink: unknown;
const parserFloor = (): number => parse((_name, data) => { sink = JSON.parse(data); });
const bareParser = (): number => parse(() => undefined);
const parserAndDecode = (): number => parse((name, data) => { sink = decodeEvent(name, data, ['public']); });

// --- the paths: over loopback, from a child process ------------------------------------------

/**
 * A `fetch` that answers with the prepared SSE bytes, in 64 KiB chunks, from memory: the SSE
 * path of browsers (through `EventSource`) without sockets, so that what this library adds to
 * `eventsource` shows apart from I/O.
 */
const memoryFetch: FetchLike = () => {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(new TextEncoder().encode(':)\n')),
    pull: (controller) => {
      if (offset < sseBytes.length) controller.enqueue(new Uint8Array(sseBytes.subarray(offset, offset += CHUNK)));
    },
  });
  return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
};

const memoryTarget = { name: 'public', path: '/api/v1/streaming/public', query: {} };

function countUpdates(stream: Observable<{ type: string }>): Promise<number> {
  return firstValueFrom(stream.pipe(filter((e) => e.type === 'update'), take(EVENTS), count()));
}

function sseFromMemory(): Promise<number> {
  const api = new Mastodon({ api_base_url: 'http://memory.invalid', access_token: 'bench', version_check_mode: 'none' });
  return countUpdates(new MastodonStream({
    api, target: memoryTarget, scheduler: asyncScheduler, catchUpSources: [], options: {},
    connect: sseConnector({ baseUrl: 'http://memory.invalid', token: () => 'bench', fetch: memoryFetch }),
  }));
}

function eventSourceFromMemory(): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    const source = new EventSource('http://memory.invalid/api/v1/streaming/public', { fetch: memoryFetch });
    source.addEventListener('update', (event) => {
      sink = JSON.parse(event.data);
      if (++count === EVENTS) {
        source.close();
        resolve(count);
      }
    });
  });
}

let wsTexts: string[] | undefined;

/** A socket that answers a subscribe with the prepared frames, ~22 a turn (one 64 KiB read's worth). */
class MemorySocket implements WebSocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  constructor() {
    setImmediate(() => { this.readyState = 1; this.onopen?.(new Event('open')); });
  }
  send(data: string): void {
    if (!data.includes('"subscribe"')) return;
    wsTexts ??= payloads.map((p) => JSON.stringify({ stream: ['public'], event: 'update', payload: p }));
    const texts = wsTexts;
    const perTurn = Math.ceil(CHUNK / texts[0]!.length);
    const turn = (from: number): void => {
      for (let i = from; i < Math.min(from + perTurn, texts.length) && this.readyState === 1; i++) this.onmessage?.({ data: texts[i] } as MessageEvent);
      if (from + perTurn < texts.length && this.readyState === 1) setImmediate(turn, from + perTurn);
    };
    setImmediate(turn, 0);
  }
  close(): void {
    this.readyState = 3;
  }
}

/** The socket's URL comes from the loopback server (its instance answers 404: the API host streams); its frames from memory. */
function socketFromMemory(url: string): Promise<number> {
  const api = new Mastodon({ api_base_url: url, access_token: 'bench', version_check_mode: 'none' });
  useWebSocket(api, MemorySocket as unknown as WebSocketConstructor);
  return countUpdates(api.streamPublic({ transport: 'websocket', catch_up: false }));
}

async function throughStream(url: string, transport: 'sse' | 'websocket', catchUp: boolean): Promise<number> {
  const api = new Mastodon({ api_base_url: url, access_token: 'bench', version_check_mode: 'none' });
  return firstValueFrom(api.streamPublic({ transport, catch_up: catchUp }).pipe(
    filter((e) => e.type === 'update'), take(EVENTS), count()));
}

/**
 * `eventsource` alone, with `JSON.parse` of each payload: the SSE transport without this
 * library, on the global `fetch` or on another (this library's Node fetch).
 */
function bareEventSource(url: string, fetch?: FetchLike): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const source = new EventSource(`${url}/api/v1/streaming/public`, fetch ? { fetch } : {});
    source.addEventListener('update', (event) => {
      sink = JSON.parse(event.data);
      if (++count === EVENTS) {
        source.close();
        resolve(count);
      }
    });
    source.onerror = (error) => { source.close(); reject(new Error(`eventsource: ${error.message}`)); };
  });
}

/** The SSE floor: bytes off a bare `undici.request`'s Node body into the bare parser + `JSON.parse`. */
async function bareRequest(url: string): Promise<number> {
  const { body } = await request(`${url}/api/v1/streaming/public`, { headers: { accept: 'text/event-stream' } });
  let count = 0;
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: (e) => { sink = JSON.parse(e.data); count += 1; } });
  for await (const chunk of body as AsyncIterable<Buffer>) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (count >= EVENTS) break;
  }
  return count;
}

/** Bytes off a plain `node:http` response into the bare parser + `JSON.parse`: the floor with loopback I/O. */
function bareHttp(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const decoder = new TextDecoder();
    const parser = createParser({ onEvent: (e) => { sink = JSON.parse(e.data); count += 1; } });
    get(`${url}/api/v1/streaming/public`, (response) => {
      response.on('data', (chunk: Buffer) => {
        parser.feed(decoder.decode(chunk, { stream: true }));
        if (count >= EVENTS) {
          response.destroy();
          resolve(count);
        }
      });
    }).on('error', reject);
  });
}

/** undici's `WebSocket` alone, with `JSON.parse` of each frame and of its payload. */
function bareWebSocket(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/streaming`);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', stream: 'public' }));
    socket.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as { payload: string };
      sink = JSON.parse(frame.payload);
      if (++count === EVENTS) {
        socket.close(1000);
        resolve(count);
      }
    };
    socket.onerror = () => reject(new Error('websocket failed'));
  });
}

type Transport = 'sse' | 'websocket';

/** The floor of each transport: the bare pieces with the same loopback I/O. */
const floors: Record<Transport, (url: string) => Promise<number>> = { sse: bareRequest, websocket: bareWebSocket };

const paths = {
  'parser': { label: 'reference: bare SSE parser + JSON.parse, no I/O', run: () => parserFloor() },
  'bare-parser': { label: 'reference: bare SSE parser alone, no I/O', run: () => bareParser() },
  'decode': { label: 'bare parser + decodeEvent (JSON, dates), no I/O', run: () => parserAndDecode() },
  'undici-request': { label: 'SSE floor: undici.request + parser + JSON.parse', transport: 'sse', run: (url: string) => bareRequest(url) },
  'node-http': { label: 'node:http + bare parser + JSON.parse, loopback', transport: 'sse', run: (url: string) => bareHttp(url) },
  'eventsource': { label: 'eventsource alone (global fetch) + JSON.parse', transport: 'sse', run: (url: string) => bareEventSource(url) },
  'eventsource-request': { label: 'eventsource alone (our Node fetch) + JSON.parse', transport: 'sse', run: (url: string) => bareEventSource(url, nodeStreamFetch) },
  'undici-ws': { label: 'WebSocket floor: undici WebSocket + JSON.parse', transport: 'websocket', run: (url: string) => bareWebSocket(url) },
  'eventsource-memory': { label: 'eventsource alone + JSON.parse, in-memory fetch', run: () => eventSourceFromMemory() },
  'sse-memory': { label: 'SSE stream (EventSource), in-memory fetch', run: () => sseFromMemory() },
  'websocket-memory': { label: 'WebSocket stream, in-memory socket', run: (url: string) => socketFromMemory(url) },
  'sse': { label: 'SSE stream, catch_up: false', transport: 'sse', run: (url: string) => throughStream(url, 'sse', false) },
  'sse-catch-up': { label: 'SSE stream, defaults (catch-up on)', transport: 'sse', run: (url: string) => throughStream(url, 'sse', true) },
  'websocket': { label: 'WebSocket stream, catch_up: false', transport: 'websocket', run: (url: string) => throughStream(url, 'websocket', false) },
  'websocket-catch-up': { label: 'WebSocket stream, defaults (catch-up on)', transport: 'websocket', run: (url: string) => throughStream(url, 'websocket', true) },
} satisfies Record<string, { label: string; transport?: Transport; run: (url: string) => number | Promise<number> }>;
type PathName = keyof typeof paths;

interface Rates {
  /** Events per second of wall-clock time. */
  readonly wall: number;
  /** Events per second of this process's CPU time (user + system): the client's own cost. */
  readonly cpu: number;
}

interface ChildReport {
  /** Each round of the path. */
  readonly rates: Rates[];
  /** Each round of the transport's floor (none for the paths without I/O), run between the path's rounds. */
  readonly floorRates: Rates[];
  /** Each round of the parser reference, run between the path's rounds. */
  readonly parserRates: Rates[];
  readonly peakRss: number;
}

async function timed(run: () => number | Promise<number>): Promise<Rates> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const n = await run();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall: n / wall, cpu: n / ((used.user + used.system) / 1e6) };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function child(name: PathName, url: string): Promise<void> {
  const path: { transport?: Transport; run: (url: string) => number | Promise<number> } = paths[name];
  const run = (): number | Promise<number> => path.run(url);
  const withFloor = process.env['BENCH_NO_FLOOR'] === undefined;  // unset it to profile the path alone
  const floor = path.transport ? floors[path.transport] : undefined;
  await run();  // warm-up
  if (withFloor) {
    parserFloor();
    await floor?.(url);
  }
  const rates: Rates[] = [];
  const floorRates: Rates[] = [];
  const parserRates: Rates[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (withFloor) {
      parserRates.push(await timed(parserFloor));
      if (floor) floorRates.push(await timed(() => floor(url)));
    }
    rates.push(await timed(run));
  }
  const report: ChildReport = { rates, floorRates, parserRates, peakRss: peakRss() };
  console.log(JSON.stringify(report));
  process.exit(0);
}

function inChild(name: PathName, url: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    proc.on('exit', (code) => code === 0
      ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport)
      : reject(new Error(`${name}: exit code ${code}`)));
  });
}

// --- the server: SSE on the public stream path, frames on the WebSocket path -------------------

function startServer(): Promise<{ server: Server; url: string; sockets: Set<Socket> }> {
  const wsFrames = Buffer.concat(payloads.map((p) => textFrame(JSON.stringify({ stream: ['public'], event: 'update', payload: p }))));
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/streaming/public')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(':)\n');
      for (let i = 0; i < sseBytes.length; i += 64 * 1024) res.write(sseBytes.subarray(i, i + 64 * 1024));
      return;
    }
    if (req.url?.startsWith('/api/v1/timelines/public')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');  // catch-up: nothing missed
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
  });
  server.on('upgrade', (req, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.once('data', () => socket.write(wsFrames));  // after the client's subscribe message
    socket.on('data', (chunk: Buffer) => { if ((chunk[0]! & 0x0f) === 0x8) socket.destroy(); });  // a close frame
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets });
  }));
}

async function main(): Promise<void> {
  const { server, url, sockets } = await startServer();
  const avg = Math.round(payloads.reduce((sum, p) => sum + p.length, 0) / payloads.length);
  console.log(`streaming: ${EVENTS} update events of ~${avg} bytes; medians of ${ROUNDS} rounds, each path in its own process`);
  console.log('× floor: paired ratio to the same transport\'s floor (loopback I/O) in the same child; × parser: to the parser reference (no I/O)');
  console.log('cpu: the same for events per second of the client process\'s CPU time (the server runs elsewhere)');
  console.log(`${'path'.padEnd(50)} ${'events/s'.padStart(8)} ${'× floor'.padStart(7)} ${'× parser'.padStart(8)}  ${'cpu ev/s'.padStart(8)} ${'× floor'.padStart(7)} ${'× parser'.padStart(8)}  peak RSS`);
  const ratio = (rates: Rates[], base: Rates[], key: keyof Rates): string =>
    (base.length === 0 ? '-' : median(rates.map((r, i) => r[key] / base[i]![key])).toFixed(3)).padStart(7);
  const cells = (report: ChildReport, key: keyof Rates): string =>
    `${Math.round(median(report.rates.map((r) => r[key]))).toString().padStart(8)} ${ratio(report.rates, report.floorRates, key)} ${ratio(report.rates, report.parserRates, key).padStart(8)}`;
  try {
    const only = process.env['BENCH_PATHS']?.split(',');  // e.g. BENCH_PATHS=sse,websocket
    for (const name of (Object.keys(paths) as PathName[]).filter((name) => !only || only.includes(name))) {
      const report = await inChild(name, url);
      console.log(`${paths[name].label.padEnd(50)} ${cells(report, 'wall')}  ${cells(report, 'cpu')}  ${(report.peakRss / 2 ** 20).toFixed(0).padStart(5)} MB`);
    }
  } finally {
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
    server.close();
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] as PathName, process.argv[4]!);
else if (process.argv[2] === '--serve') console.log((await startServer()).url);
else await main();
