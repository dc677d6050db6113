// Events per second through the SSE and WebSocket stream paths, for ~3 KB status payloads,
// against a baseline measured in the same run: the bare SSE parser (the one `eventsource`
// uses) on the same bytes. Run alone: `npx tsx bench/streaming.bench.ts`.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { filter, take, toArray } from 'rxjs/operators';
import { createParser } from 'eventsource-parser';
import { Mastodon, decodeEvent } from '../src/index.js';

const EVENTS = 5000;

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

const payloads = Array.from({ length: EVENTS }, (_, i) => statusJson(i));
const sseBytes = Buffer.from(payloads.map((p) => `event: update\ndata: ${p}\n\n`).join(''));
const wsFrames = Buffer.concat(payloads.map((p) => textFrame(JSON.stringify({ stream: ['public'], event: 'update', payload: p }))));

function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const n = payload.length;
  const header = n < 126 ? Buffer.from([0x81, n]) : n < 65536 ? Buffer.from([0x81, 126, n >> 8, n & 0xff]) : (() => {
    const b = Buffer.alloc(10); b[0] = 0x81; b[1] = 127; b.writeBigUInt64BE(BigInt(n), 2); return b;
  })();
  return Buffer.concat([header, payload]);
}

/** Serves the prepared bytes: SSE on the public stream path, frames on the WebSocket path. */
function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/streaming/public')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(':)\n');
      for (let i = 0; i < sseBytes.length; i += 64 * 1024) res.write(sseBytes.subarray(i, i + 64 * 1024));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
  });
  server.on('upgrade', (req, socket) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.once('data', () => socket.write(wsFrames));  // after the client's subscribe message
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  }));
}

function bareParser(decode = false): number {
  let count = 0;
  const parser = createParser({ onEvent: (e) => { if (decode) decodeEvent(e.event ?? 'message', e.data, ['public']); count += 1; } });
  const decoder = new TextDecoder();
  for (let i = 0; i < sseBytes.length; i += 64 * 1024) parser.feed(decoder.decode(sseBytes.subarray(i, i + 64 * 1024), { stream: true }));
  if (count !== EVENTS) throw new Error(`parser saw ${count} events`);
  return count;
}

async function throughStream(url: string, transport: 'sse' | 'websocket'): Promise<number> {
  const api = new Mastodon({ api_base_url: url, access_token: 'bench', version_check_mode: 'none' });
  const events = await firstValueFrom(api.streamPublic({ transport, catch_up: false }).pipe(
    filter((e) => e.type === 'update'), take(EVENTS), toArray()));
  return events.length;
}

async function measure(run: () => number | Promise<number>, rounds = 5): Promise<number> {
  await run();  // warm-up
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    const n = await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, n / seconds);
  }
  return best;
}

const { server, url } = await startServer();
try {
  const avg = Math.round(payloads.reduce((sum, p) => sum + p.length, 0) / payloads.length);
  const baseline = await measure(() => bareParser());
  const decoded = await measure(() => bareParser(true));
  const sse = await measure(() => throughStream(url, 'sse'));
  const ws = await measure(() => throughStream(url, 'websocket'));
  const row = (name: string, rate: number): string => `${name.padEnd(44)} ${Math.round(rate).toString().padStart(9)} events/s  ${(rate / baseline).toFixed(3)}× baseline`;
  console.log(`streaming: ${EVENTS} update events of ~${avg} bytes, best of 5 rounds`);
  console.log(row('baseline: bare SSE parser (eventsource-parser)', baseline));
  console.log(row('bare parser + decodeEvent (JSON, dates), no I/O', decoded));
  console.log(row('SSE stream (eventsource, decode, revive, share)', sse));
  console.log(row('WebSocket stream (undici, decode, revive)', ws));
} finally {
  server.closeAllConnections();
  server.close();
}
