import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { filter, map, take, toArray } from 'rxjs/operators';
import { MastodonNetworkError, MastodonUnauthorizedError } from '../../src/index.js';
import type { ConnectionSignal, Connector } from '../../src/streaming/connection.js';
import { nodeSseConnector } from '../../src/streaming/node-sse-connection.js';
import { sseConnector, type SseConnectorConfig } from '../../src/streaming/sse-connection.js';
import { eventually } from './support.js';

const SSE = { 'content-type': 'text/event-stream' };

/** What the server answers on each path; every stream it opens stays open unless the path says otherwise. */
const answers: Record<string, (res: ServerResponse) => void> = {
  '/events': (res) => {
    res.writeHead(200, SSE);
    res.write(':)\nevent: update\ndata: {"id":"1","created_at":"2022-11-06T21:17:06.000Z"}\n\n');
    res.write(':thump\r\nevent: delete\r\ndata: 109\r\n\r\nevent: announcement.reaction\ndata: {"name":"🐘",');
    res.write('"count":2}\n\nevent: something.new\ndata: a\ndata: b\n\nevent: update\ndata: not json\n\ndata: plain\n\n');
  },
  '/refused': (res) => { res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}'); },
  '/not-sse': (res) => { res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'); },
  '/ends': (res) => { res.writeHead(200, SSE).end('event: delete\ndata: 1\n\n'); },
  '/endless-line': (res) => {
    res.writeHead(200, SSE);
    res.write('event: update\ndata: ');
    res.write('x'.repeat(3000));
  },
};

let server: Server;
let base = '';
const seenHeaders: IncomingHttpHeaders[] = [];
let open = 0;

before(async () => {
  server = createServer((req, res) => {
    seenHeaders.push(req.headers);
    open += 1;
    res.on('close', () => { open -= 1; });
    (answers[req.url ?? ''] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const connectors: [string, (config: SseConnectorConfig) => Connector][] = [
  ['EventSource (browsers)', sseConnector],
  ['undici.request (Node)', nodeSseConnector],
];

/** The signals of a connection to `path`, bytes left out (how many depends on how the socket cut the body). */
function signals(connector: (config: SseConnectorConfig) => Connector, path: string, maxEventSize = 2048) {
  return connector({ baseUrl: base, token: () => 'secret', userAgent: 'tests' })({ name: 'public', path, query: {} }, { maxEventSize }).pipe(
    filter((signal) => signal.kind !== 'bytes'),
    map((signal: ConnectionSignal) => (signal.kind === 'event'
      ? { kind: 'event', type: signal.event.type, event: signal.event.event, payload: 'payload' in signal.event ? signal.event.payload : undefined }
      : { kind: signal.kind })),
  );
}

describe('both SSE transports read a stream alike', () => {
  for (const [name, connector] of connectors) {
    it(`${name}: events known, unknown and malformed, heartbeats, CRLF lines and text cut between writes, with the token and user agent`, async () => {
      const seen = await firstValueFrom(signals(connector, '/events').pipe(take(9), toArray()));
      assert.deepEqual(seen, [
        { kind: 'open' },
        { kind: 'heartbeat' },
        { kind: 'event', type: 'update', event: 'update', payload: { id: '1', created_at: new Date('2022-11-06T21:17:06.000Z') } },
        { kind: 'heartbeat' },
        { kind: 'event', type: 'delete', event: 'delete', payload: '109' },
        { kind: 'event', type: 'announcement.reaction', event: 'announcement.reaction', payload: { name: '🐘', count: 2 } },
        { kind: 'event', type: 'unknown', event: 'something.new', payload: 'a\nb' },
        { kind: 'event', type: 'malformed', event: 'update', payload: undefined },
        { kind: 'event', type: 'unknown', event: 'message', payload: 'plain' },
      ]);
      const headers = seenHeaders.at(-1)!;
      assert.equal(headers['authorization'], 'Bearer secret');
      assert.equal(headers['user-agent'], 'tests');
      assert.equal(headers['accept'], 'text/event-stream');
      await eventually(() => open === 0);  // unsubscribing closed the connection
    });

    it(`${name}: a refusal is the status's error with the server's message`, async () => {
      const error = await lastValueFrom(signals(connector, '/refused')).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonUnauthorizedError, String(error));
      assert.match(error.message, /401 Unauthorized: The access token is invalid/);
    });

    it(`${name}: a body that is no event stream, and the end of the body, are network errors`, async () => {
      const notSse = await lastValueFrom(signals(connector, '/not-sse')).catch((e: unknown) => e);
      assert.ok(notSse instanceof MastodonNetworkError, String(notSse));
      assert.match(notSse.message, /Invalid content type/);
      const ended = await lastValueFrom(signals(connector, '/ends').pipe(toArray())).catch((e: unknown) => e);
      assert.ok(ended instanceof MastodonNetworkError, String(ended));
      assert.equal(ended.message, 'Server ceased communication.');
    });

    it(`${name}: a line longer than max_event_size drops the connection before it is parsed`, async () => {
      const error = await lastValueFrom(signals(connector, '/endless-line')).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonNetworkError, String(error));
      assert.match(error.message, /exceeded 2048 bytes \(max_event_size\)/);
      await eventually(() => open === 0);
    });
  }
});
