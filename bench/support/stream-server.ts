// The loopback streaming server of the streaming comparison: every connection receives the
// same `count` `update` events (bench statuses, about 3 KB of JSON each), serialised once,
// over whichever transport the client speaks:
// - SSE at `/api/v1/streaming/public` (and `/user`),
// - WebSocket at `/api/v1/streaming`: frames `{"stream":["public"],"event":"update","payload":"<json>"}`,
//   sent after the client's first message (its `subscribe`), or at once when the stream is
//   named in the query (`?stream=public`, as megalodon asks for it),
// - `GET /api/v1/instance` naming the server's own `ws://` URL as `urls.streaming_api`,
//   `GET /api/v1/streaming/health`, and the public timeline (`GET /api/v1/timelines/public`)
//   empty, as a server where nothing was published while a stream was subscribing: what a
//   client with catch-up on (this library's default) reads when it connects.
// The WebSocket side is a minimal hand-written server: handshake, unmasked text frames out;
// what the client sends after its first message is ignored.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { benchStatus } from './statuses.js';
import { FrameReader, textFrame } from '../../src/testing/streaming/frames.js';

/** The JSON of the `count` statuses the stream carries. */
export function streamPayloads(count: number): string[] {
  return Array.from({ length: count }, (_, i) => JSON.stringify(benchStatus(i)));
}

/** The payloads as an SSE body, one `update` event each. */
export function sseBody(payloads: readonly string[]): Buffer {
  return Buffer.from(payloads.map((p) => `event: update\ndata: ${p}\n\n`).join(''));
}

/** The payloads as WebSocket frames, the payload JSON encoded again inside the message, as Mastodon sends it. */
export function webSocketBody(payloads: readonly string[]): Buffer {
  return Buffer.concat(payloads.map((p) => textFrame(JSON.stringify({ stream: ['public'], event: 'update', payload: p }))));
}

/** Calls `onFrame` with each (masked, unfragmented) frame a client sends: its opcode and its payload as text. */
function readClientFrames(socket: Duplex, onFrame: (opcode: number, text: string) => void): void {
  const reader = new FrameReader((opcode, payload) => onFrame(opcode, payload.toString('utf8')));
  socket.on('data', (data: Buffer) => reader.push(data));
}

export interface StreamServer {
  readonly url: string;
  /** Connections served, by transport. */
  readonly served: () => { sse: number; websocket: number };
  close(): Promise<void>;
}

const instance = (wsUrl: string): string => JSON.stringify({
  uri: '127.0.0.1', title: 'bench', short_description: '', description: '', email: 'admin@mastodon.example', version: '4.0.2',
  urls: { streaming_api: wsUrl }, stats: { user_count: 1, status_count: 1, domain_count: 1 }, thumbnail: null,
  languages: ['en'], registrations: false, approval_required: false, invites_enabled: false,
  configuration: { statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 } },
  contact_account: null, rules: [],
});

/** Starts the server on 127.0.0.1 (a free port), sending `count` events per connection. */
export async function startStreamServer(count: number, token: string): Promise<StreamServer> {
  const payloads = streamPayloads(count);
  const sse = sseBody(payloads);
  const frames = webSocketBody(payloads);
  const sockets = new Set<Socket | Duplex>();
  const served = { sse: 0, websocket: 0 };
  let base = '';

  const authorised = (req: IncomingMessage, url: URL): boolean =>
    req.headers['authorization'] === `Bearer ${token}` || url.searchParams.get('access_token') === token
      || String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).includes(token);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname.replace(/\/$/, '');
    if (path === '/api/v1/instance') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(instance(base.replace(/^http/, 'ws')));
      return;
    }
    if (path === '/api/v1/timelines/public') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('[]');
      return;
    }
    if (path === '/api/v1/streaming/health') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return;
    }
    if (path === '/api/v1/streaming/public' || path === '/api/v1/streaming/user') {
      if (!authorised(req, url)) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}');
        return;
      }
      served.sse += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(':)\n');
      res.write(sse);  // and the stream stays open, as a real one does
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket) => {
    const url = new URL(req.url ?? '/', base);
    socket.on('error', () => socket.destroy());
    if (url.pathname.replace(/\/$/, '') !== '/api/v1/streaming' || !authorised(req, url)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${String(req.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    const protocol = String(req.headers['sec-websocket-protocol'] ?? '').split(',')[0]?.trim();
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
      + `Sec-WebSocket-Accept: ${accept}\r\n${protocol ? `Sec-WebSocket-Protocol: ${protocol}\r\n` : ''}\r\n`);
    served.websocket += 1;
    if (url.searchParams.has('stream')) socket.write(frames);
    // Every `subscribe` message gets the events, so that a client keeping its socket for
    // several streams (masto.js) receives them on each.
    readClientFrames(socket, (opcode, text) => {
      if (opcode === 0x1 && text.includes('"subscribe"')) socket.write(frames);
      if (opcode === 0x8) socket.destroy();
    });
    socket.on('end', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    served: () => ({ ...served }),
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
