// A streaming server whose events cannot be read: updates without ids (or with null or object
// ids), payloads nested 10,000 deep, frames with odd parts; and, through REST, catch-up items
// without ids. With catch-up on (the default), each must come out as a `malformed` event, the
// stream must go on, and no socket may outlive the stream, even when the server drops it.
import { Mastodon, type StreamEvent } from '../../../src/index.js';
import { reportFromCase } from '../../support/isolated.js';
import {
  SSE_HEAD, deepJson, describeError, startHostileServer, until, type AcceptedSocket,
} from '../../support/hostile-stream-server.js';

const transport = process.env['VARIANT'] === 'ws' ? 'websocket' : 'sse';
const status = (id: string): string => JSON.stringify({ id, created_at: '2024-01-01T00:00:00.000Z', content: 'ok', account: { id: '1', acct: 'a' } });
const hostile = ['{"content":"no id"}', '{"id":null}', '{"id":{"toString":1}}', deepJson(10_000)];
let connections = 0;
/** Resolves once the first catch-up read was answered: the first connection is dropped after it, so that it caught up. */
let caughtUp: () => void = () => undefined;
const firstCatchUp = new Promise<void>((resolve) => { caughtUp = resolve; });

const server = await startHostileServer({
  http: (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (path === '/api/v1/timelines/public') {
      // The starting cursor (limit=1) has a good id; what was missed holds one item without an id.
      const missed = (req.url ?? '').includes('min_id=');
      res.writeHead(200, { 'content-type': 'application/json' }).end(missed ? `[${status('101')},{"content":"no id"}]` : `[${status('100')}]`);
      if (missed) caughtUp();
      return;
    }
    if (!path.startsWith('/api/v1/streaming/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
      return;
    }
    connections += 1;
    res.writeHead(200, SSE_HEAD);
    res.write(':)\n');
    for (const data of hostile) res.write(`event: update\ndata: ${data}\n\n`);
    res.write(`event: update\ndata: ${status('102')}\n\n`);
    // The first connection is dropped after its events: its successor must be the only socket left.
    if (connections === 1) void firstCatchUp.then(() => setTimeout(() => res.destroy(), 50));
  },
  upgrade: (accepted: AcceptedSocket) => {
    connections += 1;
    const first = connections === 1;
    void accepted.subscribed.then(() => {
      for (const data of hostile) accepted.send(JSON.stringify({ stream: ['public'], event: 'update', payload: data }));
      accepted.send(`{"stream":["public"],"event":"update","payload":${deepJson(10_000)}}`);
      accepted.send('{"stream":[{"toString":1}],"event":"update","payload":"{}"}');
      accepted.send('{"error":{"toString":1}}');
      accepted.send(JSON.stringify({ stream: ['public'], event: 'update', payload: status('102') }));
      if (first) void firstCatchUp.then(() => setTimeout(() => accepted.socket.destroy(), 50));
    });
  },
});

const uncaught: string[] = [];
process.on('uncaughtException', (error) => { uncaught.push(String(error)); });
const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
const stream = api.streamPublic({ transport, initial_delay: 0.05, jitter: 0 });
const events: StreamEvent[] = [];
let ended: unknown;
const subscription = stream.subscribe({ next: (e) => events.push(e), error: (error: unknown) => { ended = error; } });
// Per connection: the unreadable events (4 over SSE, 6 over WebSocket) and one item without id from catch-up.
const expectedMalformed = 2 * (transport === 'sse' ? 5 : 7);
await until(() => events.filter((e) => e.type === 'malformed').length >= expectedMalformed && events.some((e) => e.type === 'update' && e.payload.id === '102'), 10_000)
  .catch(() => undefined);
await until(() => server.openSockets() === 1, 2000).catch(() => undefined);
const socketsWhileLive = server.openSockets();
subscription.unsubscribe();
await until(() => server.openSockets() === 0, 3000).catch(() => undefined);
reportFromCase({
  types: events.map((e) => e.type),
  updates: events.flatMap((e) => (e.type === 'update' ? [e.payload.id] : [])),
  malformedErrors: [...new Set(events.flatMap((e) => (e.type === 'malformed' ? [e.error.constructor.name] : [])))],
  ended: ended === undefined ? undefined : describeError(ended),
  connections,
  socketsWhileLive,
  openSockets: server.openSockets(),
  uncaught,
});
await server.close();
