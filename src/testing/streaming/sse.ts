import type { ServerResponse } from 'node:http';
import { FakeHttpError, bool, str, userOf, type FakeReply, type FakeRequest, type FakeRoute, type FakeRoutes } from '../routes/types.js';
import type { FakeStore } from '../store.js';
import { eventsFor, type FakeChannel } from './channels.js';
import { listState } from '../routes/lists.js';
import { afterEvent, streamingState, takeRefusal, type FakeStreamConnection } from './control.js';

/** Opens an SSE stream of `channel` on `res`, as Mastodon's streaming server writes it. */
function openSse(store: FakeStore, channel: FakeChannel, res: ServerResponse): void {
  const state = streamingState(store);
  res.writeHead(200, {
    'content-type': 'text/event-stream', 'cache-control': 'private, no-store', 'access-control-allow-origin': '*',
  });
  // The real server sends the preamble without a blank line, and each event's two lines in two writes.
  res.write(':)\n');
  let stalled = false;
  const connection: FakeStreamConnection = {
    transport: 'sse',
    streams: () => [channel.name],
    eventsSent: 0,
    stall: () => { stalled = true; },
    sendRaw: (text) => { if (!res.destroyed) res.write(text); },
    drop: () => res.destroy(),
  };
  const heartbeat = setInterval(() => { if (!stalled) res.write(':thump\n\n'); }, state.heartbeatMs);
  const unlisten = store.listen((change) => {
    for (const { event, data } of eventsFor(store, channel, change)) {
      if (stalled || res.destroyed) return;
      res.write(`event: ${event}\n`);
      res.write(`data: ${data}\n\n`);
      afterEvent(state, connection);
    }
  });
  state.connections.add(connection);
  state.opened += 1;
  res.on('close', () => {
    clearInterval(heartbeat);
    unlisten();
    state.connections.delete(connection);
  });
}

function sseRoute(channelOf: (req: FakeRequest, store: FakeStore) => Omit<FakeChannel, 'accountId'>): FakeRoute {
  return {
    auth: 'user',
    handle: (req, { store }): FakeReply => {
      const accountId = userOf(req).account.id;
      const refused = takeRefusal(streamingState(store));
      if (refused !== undefined) throw new FakeHttpError(refused, refused === 401 ? 'Invalid access token' : 'Service unavailable');
      const channel = { ...channelOf(req, store), accountId };
      return { raw: (res) => openSse(store, channel, res) };
    },
  };
}

function media(req: FakeRequest, name: string): string {
  return bool(req.params, 'only_media') ? `${name}:media` : name;
}

function requiredTag(req: FakeRequest): string {
  const tag = str(req.params, 'tag');
  if (!tag) throw new FakeHttpError(400, 'Missing tag name parameter');
  return tag;
}

/** A list the streaming user owns, else Mastodon's 401. */
export function ownedList(req: FakeRequest, store: FakeStore): string {
  const id = str(req.params, 'list');
  if (!id) throw new FakeHttpError(400, 'Missing list name parameter');
  if (listState(store).get(id)?.ownerId !== userOf(req).account.id) throw new FakeHttpError(401, 'Not authorized to stream this list');
  return id;
}

/** The SSE endpoints of the streaming API, with heartbeats and the faults of `fakeStreaming`. */
export const sseRoutes: FakeRoutes = {
  'GET /api/v1/streaming/health': {
    auth: 'none',
    handle: () => ({ text: 'OK' }),
  },
  'GET /api/v1/streaming/user': sseRoute(() => ({ name: 'user' })),
  'GET /api/v1/streaming/user/notification': sseRoute(() => ({ name: 'user:notification' })),
  'GET /api/v1/streaming/public': sseRoute((req) => ({ name: media(req, 'public') })),
  'GET /api/v1/streaming/public/local': sseRoute((req) => ({ name: media(req, 'public:local') })),
  'GET /api/v1/streaming/public/remote': sseRoute((req) => ({ name: media(req, 'public:remote') })),
  'GET /api/v1/streaming/hashtag': sseRoute((req) => ({ name: 'hashtag', tag: requiredTag(req) })),
  'GET /api/v1/streaming/hashtag/local': sseRoute((req) => ({ name: 'hashtag:local', tag: requiredTag(req) })),
  'GET /api/v1/streaming/list': sseRoute((req, store) => ({ name: 'list', list: ownedList(req, store) })),
  'GET /api/v1/streaming/direct': sseRoute(() => ({ name: 'direct' })),
  // The channels above match first; any other path is no channel, as the streaming server says.
  'GET /api/v1/streaming/{channel*}': {
    auth: 'user',
    handle: () => {
      throw new FakeHttpError(400, 'Unknown channel requested');
    },
  },
};
