import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FakeStore } from '../store.js';
import { eventsFor, type FakeChannel } from './channels.js';
import { listState } from '../routes/lists.js';
import { afterEvent, streamingState, takeRefusal, type FakeStreamConnection } from './control.js';
import { frame, FrameReader } from './frames.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const STREAM_NAMES = new Set([
  'user', 'user:notification', 'public', 'public:media', 'public:local', 'public:local:media',
  'public:remote', 'public:remote:media', 'hashtag', 'hashtag:local', 'list', 'direct',
]);

function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nX-Error-Message: ${message}\r\n\r\n`);
}

function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const protocol = req.headers['sec-websocket-protocol'];
  return bearer ?? url.searchParams.get('access_token') ?? (typeof protocol === 'string' ? protocol.split(',')[0]!.trim() : undefined);
}

/**
 * Answers a WebSocket upgrade to `/api/v1/streaming` as Mastodon's streaming server does:
 * token from the `Authorization` header, `Sec-WebSocket-Protocol` or `access_token`; refused
 * upgrades as a bare status with `X-Error-Message`; `subscribe`/`unsubscribe` messages; events
 * as `{stream, event, payload}` with the payload JSON-encoded again; pings as heartbeats; the
 * faults of `fakeStreaming`.
 */
export function handleStreamingUpgrade(store: FakeStore, req: IncomingMessage, socket: Duplex): void {
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  if (url.pathname.replace(/\/+$/, '') !== '/api/v1/streaming') return refuseUpgrade(socket, 404, 'Not Found', 'Not found');
  const token = store.tokens.get(tokenOf(req, url) ?? '');
  if (!token?.accountId) return refuseUpgrade(socket, 401, 'Unauthorized', token ? 'Invalid access token' : 'Missing access token');
  const state = streamingState(store);
  const refused = takeRefusal(state);
  if (refused !== undefined) return refuseUpgrade(socket, refused, refused === 401 ? 'Unauthorized' : 'Service Unavailable', 'Refused');
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string') return refuseUpgrade(socket, 400, 'Bad Request', 'Missing Sec-WebSocket-Key');

  const accept = createHash('sha1').update(key + GUID).digest('base64');
  const protocol = req.headers['sec-websocket-protocol'];
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`,
    ...(typeof protocol === 'string' ? [`Sec-WebSocket-Protocol: ${protocol.split(',')[0]!.trim()}`] : []), '', ''].join('\r\n'));

  const accountId = token.accountId;
  const channels = new Map<string, FakeChannel>();
  let stalled = false;
  const send = (text: string): void => { if (!stalled && !socket.destroyed) socket.write(frame(0x1, Buffer.from(text))); };
  const connection: FakeStreamConnection = {
    transport: 'websocket',
    streams: () => [...channels.values()].map((c) => c.name),
    eventsSent: 0,
    stall: () => { stalled = true; },
    sendRaw: (text) => { if (!socket.destroyed) socket.write(frame(0x1, Buffer.from(text))); },
    drop: () => socket.destroy(),
  };

  const subscribe = (message: { stream?: unknown; tag?: unknown; list?: unknown }): void => {
    const name = String(message.stream);
    if (!STREAM_NAMES.has(name)) return send(JSON.stringify({ error: 'Unknown stream type', status: 400 }));
    const tag = typeof message.tag === 'string' && message.tag !== '' ? message.tag : undefined;
    const list = message.list === undefined ? undefined : String(message.list);
    if (name.startsWith('hashtag') && !tag) return send(JSON.stringify({ error: 'Missing tag name parameter', status: 400 }));
    if (name === 'list' && (!list || listState(store).get(list)?.ownerId !== accountId)) {
      return send(JSON.stringify({ error: 'Not authorized to stream this list', status: 401 }));
    }
    const channel: FakeChannel = { name, tag, list, accountId };
    channels.set([name, tag ?? list ?? ''].join('\0').toLowerCase(), channel);
  };
  const unsubscribe = (message: { stream?: unknown; tag?: unknown; list?: unknown }): void => {
    const extra = typeof message.tag === 'string' ? message.tag : message.list === undefined ? '' : String(message.list);
    channels.delete([String(message.stream), extra].join('\0').toLowerCase());
  };

  const initial = url.searchParams.get('stream');
  if (initial) subscribe({ stream: initial, tag: url.searchParams.get('tag') ?? undefined, list: url.searchParams.get('list') ?? undefined });

  const reader = new FrameReader((opcode, payload) => {
    if (opcode === 0x8) {
      socket.end(frame(0x8, payload.subarray(0, 2)));
    } else if (opcode === 0x9) {
      socket.write(frame(0xa, payload));
    } else if (opcode === 0x1) {
      let message: { type?: unknown; stream?: unknown; tag?: unknown; list?: unknown };
      try {
        message = JSON.parse(payload.toString('utf8')) as typeof message;
      } catch {
        return;
      }
      if (message.type === 'subscribe') subscribe(message);
      else if (message.type === 'unsubscribe') unsubscribe(message);
    } else if (opcode === 0x2) {
      socket.end(frame(0x8, Buffer.from([0x03, 0xeb])));
    }
  });
  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('error', () => socket.destroy());

  const ping = setInterval(() => { if (!stalled && !socket.destroyed) socket.write(frame(0x9)); }, state.heartbeatMs);
  const unlisten = store.listen((change) => {
    for (const channel of channels.values()) {
      for (const { event, data } of eventsFor(store, channel, change)) {
        if (stalled || socket.destroyed) return;
        const stream = channel.tag !== undefined ? [channel.name, channel.tag] : channel.list !== undefined ? [channel.name, channel.list] : [channel.name];
        send(JSON.stringify({ stream, event, payload: data }));
        afterEvent(state, connection);
      }
    }
  });
  state.connections.add(connection);
  state.opened += 1;
  socket.on('close', () => {
    clearInterval(ping);
    unlisten();
    state.connections.delete(connection);
  });
}
