// A streaming server that sends more than any event can be: a line that never ends, an event
// of endless data lines, or one WebSocket message of 64 MiB. The stream must drop each such
// connection before holding it, reconnect with backoff, and leave no socket behind.
import { Mastodon, type StreamStatus } from '../../../src/index.js';
import { reportFromCase } from '../../support/isolated.js';
import {
  SSE_HEAD, answerRest, describeError, startHostileServer, until, watchMemory, type AcceptedSocket,
} from '../../support/hostile-stream-server.js';

const variant = process.env['VARIANT'] ?? 'sse-line';
const MiB = 2 ** 20;
const chunk = Buffer.alloc(64 * 1024, 'x');
const dataLine = Buffer.from(`data: ${'y'.repeat(64 * 1024 - 7)}\n`);

/** Writes `piece` until `total` bytes went out or the connection closed, minding backpressure. */
function flood(write: (piece: Buffer) => boolean, onDrain: (go: () => void) => void, closed: () => boolean, piece: Buffer, total: number): void {
  let sent = 0;
  const go = (): void => {
    while (sent < total && !closed()) {
      sent += piece.length;
      if (!write(piece)) return onDrain(go);
    }
  };
  go();
}

function floodSocket(accepted: AcceptedSocket): void {
  void accepted.subscribed.then(() => {
    // One text frame announcing 64 MiB, then its bytes.
    const length = 64 * MiB;
    const header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
    accepted.socket.write(header);
    flood((p) => accepted.socket.write(p), (go) => accepted.socket.once('drain', go), () => accepted.socket.destroyed, chunk, length);
  });
}

const server = await startHostileServer({
  http: (req, res) => {
    if (!req.url?.startsWith('/api/v1/streaming/')) return answerRest(req, res);
    res.writeHead(200, SSE_HEAD);
    res.write(':)\n');
    if (variant === 'sse-line') res.write('event: update\ndata: ');
    else res.write('event: update\n');
    flood((p) => res.write(p), (go) => res.once('drain', go), () => res.destroyed, variant === 'sse-line' ? chunk : dataLine, 256 * MiB);
  },
  upgrade: floodSocket,
});

const baselineMb = Math.round(process.memoryUsage().rss / MiB);
const peakMb = watchMemory();
const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
const stream = api.streamPublic({
  transport: variant === 'ws' ? 'websocket' : 'sse', catch_up: false, initial_delay: 0.05, max_delay: 0.2, jitter: 0,
  ...(process.env['MAX_EVENT_SIZE'] ? { max_event_size: Number(process.env['MAX_EVENT_SIZE']) } : {}),
});
const reconnects: { name: string; message: string }[] = [];
stream.status$.subscribe((s: StreamStatus) => { if (s.state === 'reconnecting') reconnects.push(describeError(s.error)); });
let ended: unknown;
const subscription = stream.subscribe({ error: (error: unknown) => { ended = error; } });
await until(() => reconnects.length >= 2 || ended !== undefined, 20_000).catch(() => undefined);
subscription.unsubscribe();
await until(() => server.openSockets() === 0, 3000).catch(() => undefined);
reportFromCase({ reconnects, ended: ended === undefined ? undefined : describeError(ended), openSockets: server.openSockets(), growthMb: peakMb() - baselineMb });
await server.close();
