import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { frame, textFrame } from '../../src/testing/streaming/frames.js';

/** A WebSocket the server accepted, to write frames on. */
export interface AcceptedSocket {
  readonly socket: Duplex;
  /** The text of the first frame the client sent (its `subscribe`), once it came. */
  readonly subscribed: Promise<string>;
  send(text: string): void;
}

/** How the hostile server answers: an HTTP handler, and optionally WebSocket upgrades. */
export interface HostileHandlers {
  http(req: IncomingMessage, res: ServerResponse): void;
  /** Called with each accepted socket; without it, upgrades are refused with a bare 503. */
  upgrade?(accepted: AcceptedSocket, req: IncomingMessage): void;
  /** Answers the upgrade itself (refusal cases); return true when it did. */
  refuseUpgrade?(req: IncomingMessage, socket: Duplex): boolean;
}

/** A loopback server that plays a broken or hostile streaming server, counting its sockets. */
export interface HostileServer {
  readonly url: string;
  /** Streaming sockets open now: those that asked for `/api/v1/streaming…` (REST keep-alive ones are not counted). */
  openSockets(): number;
  /** Sockets accepted since the start. */
  readonly accepted: () => number;
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function acceptUpgrade(req: IncomingMessage, socket: Duplex): AcceptedSocket {
  const key = String(req.headers['sec-websocket-key']);
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const subscribed = new Promise<string>((resolve) => {
    socket.once('data', (chunk: Buffer) => {
      // One small masked text frame: the client's subscribe.
      const length = chunk[1]! & 0x7f;
      const mask = chunk.subarray(2, 6);
      const payload = Buffer.from(chunk.subarray(6, 6 + length));
      for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      resolve(payload.toString('utf8'));
    });
  });
  socket.on('error', () => socket.destroy());
  return { socket, subscribed, send: (text) => { if (!socket.destroyed) socket.write(textFrame(text)); } };
}

/**
 * Starts a hostile streaming server on 127.0.0.1. It counts every socket, upgraded ones
 * included, so a case can tell that the client closed all of them.
 *
 * ## Example
 * ```ts
 * const server = await startHostileServer({ http: (req, res) => res.writeHead(200, SSE).write('data: ') });
 * ```
 */
export function startHostileServer(handlers: HostileHandlers): Promise<HostileServer> {
  const sockets = new Set<Socket | Duplex>();
  const streaming = new Set<Socket | Duplex>();
  let accepted = 0;
  const trackStreaming = (socket: Socket | Duplex): void => {
    if (streaming.has(socket)) return;
    streaming.add(socket);
    socket.once('close', () => streaming.delete(socket));
  };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/streaming')) trackStreaming(req.socket);
    handlers.http(req, res);
  });
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    trackStreaming(socket);
    // It answers no closing handshake, but a client that hangs up (FIN) is let go.
    socket.once('end', () => socket.end());
    if (handlers.refuseUpgrade?.(req, socket)) return;
    if (!handlers.upgrade) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    handlers.upgrade(acceptUpgrade(req, socket), req);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      openSockets: () => streaming.size,
      accepted: () => accepted,
      close: () => new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of [...sockets, ...streaming]) socket.destroy();
      }),
    }));
  });
}

/** The response head of an SSE stream. */
export const SSE_HEAD = { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } as const;

/** A close frame with `code`. */
export function closeFrame(code: number): Buffer {
  return frame(0x8, Buffer.from([code >> 8, code & 0xff]));
}

/** JSON nested `depth` levels deep: `{"a":{"a":…}}`. */
export function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Resolves after `ms` of real time: cases wait for a hostile server to do its worst. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `condition` holds, checking every few ms; rejects after `ms`. */
export async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await pause(5);
  }
}

/** A short description of an error, to report from a case. */
export function describeError(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.constructor.name, message: error.message } : { name: typeof error, message: String(error) };
}

/** Samples the process's resident memory until stopped; gives the peak in MiB. */
export function watchMemory(everyMs = 20): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

/** Answers the REST reads a stream makes: no instance (the API host streams), empty timelines. */
export function answerRest(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '').split('?')[0]!;
  if (path.startsWith('/api/v1/timelines/') || path === '/api/v1/notifications') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  } else {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
  }
}
