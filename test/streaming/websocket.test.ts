import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { filter, take, toArray } from 'rxjs/operators';
import { WebSocket as UndiciWebSocket } from 'undici';
import { Mastodon, MastodonUnauthorizedError, useWebSocket, type WebSocketConstructor } from '../../src/index.js';
import { fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually, firstOf } from './support.js';

const ws = { transport: 'websocket', timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;

describe('WebSocket streams against the fake server', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('carries several streams over one socket, routed by their stream array', async () => {
    const { server } = fake;
    const control = fakeStreaming(server.store);
    const api = clientFor(server, 'ws_multi');
    const me = server.store.userByLogin('ws_multi')!.account;
    const opened = control.connectionsOpened;
    const user = firstOf(api.streamUser(ws), 'update', 2);
    const cats = firstOf(api.streamHashtag('cats', ws), 'update', 1);
    await eventually(() => control.connections.some((c) => c.transport === 'websocket' && c.streams().length === 2));
    assert.equal(control.connectionsOpened, opened + 1, 'one socket');
    server.store.addStatus(me, 'plain');
    const tagged = server.store.addStatus(me, 'about #cats');
    const [catEvent] = await cats;
    assert.equal(catEvent!.payload.id, tagged.id);
    assert.deepEqual(catEvent!.stream, ['hashtag', 'cats']);
    const userEvents = await user;
    assert.deepEqual(userEvents.map((e) => e.stream), [['user'], ['user']]);
    assert.ok(userEvents[0]!.payload.created_at instanceof Date);
  });

  it('unsubscribes a stream that leaves and closes the socket with the last one', async () => {
    const { server } = fake;
    const control = fakeStreaming(server.store);
    const api = clientFor(server, 'ws_leave');
    const a = api.streamLocal(ws).subscribe();
    const b = api.streamDirect(ws).subscribe();
    await eventually(() => control.connections.some((c) => c.transport === 'websocket' && c.streams().join() === 'public:local,direct'));
    const socket = control.connections.find((c) => c.streams().join() === 'public:local,direct')!;
    a.unsubscribe();
    await eventually(() => socket.streams().join() === 'direct');
    b.unsubscribe();
    await eventually(() => !control.connections.includes(socket));
  });

  it('ends a list stream the server refuses with MastodonUnauthorizedError', async () => {
    const { server } = fake;
    const api = clientFor(server, 'ws_list');
    const error = await firstValueFrom(api.streamList('999', ws)).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonUnauthorizedError, String(error));
    assert.match((error as MastodonUnauthorizedError).message, /^Mastodon API returned error: 401 Unauthorized: Not authorized to stream this list$/);
  });

  it('streams a list the user owns', async () => {
    const { server } = fake;
    const api = clientFor(server, 'ws_lister');
    const friend = server.createUser('ws_listed');
    await firstValueFrom(api.accountFollow(friend.account.id));
    const list = await firstValueFrom(api.listCreate('friends'));
    await firstValueFrom(api.listAccountsAdd(list, [friend.account.id]));
    const got = firstOf(api.streamList(list.id, ws), 'update', 1);
    await eventually(() => fakeStreaming(server.store).connections.some((c) => c.streams().includes('list')));
    const status = server.store.addStatus(friend.account, 'from a listed friend');
    assert.equal((await got)[0]!.payload.id, status.id);
  });

  it('tells a refused handshake (bad token) from a network failure: MastodonUnauthorizedError, no retry loop', async () => {
    const { server } = fake;
    const api = new Mastodon({ api_base_url: server.url, access_token: 'revoked', version_check_mode: 'none' });
    const error = await firstValueFrom(api.streamUser(ws)).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonUnauthorizedError, String(error));
    assert.match(error.message, /^Mastodon API returned error: 401 Unauthorized: /);
  });

  it('reconnects a dropped socket and goes on receiving', async () => {
    const { server } = fake;
    const control = fakeStreaming(server.store);
    const api = clientFor(server, 'ws_drop');
    const me = server.store.userByLogin('ws_drop')!.account;
    const stream = api.streamUser(ws);
    const got = firstOf(stream, 'update', 1);
    await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'open')));
    await eventually(() => control.connections.some((c) => c.transport === 'websocket' && c.streams().includes('user')));
    const opened = control.connectionsOpened;
    control.connections.filter((c) => c.transport === 'websocket').forEach((c) => c.drop());
    await eventually(() => control.connectionsOpened > opened && control.connections.some((c) => c.streams().includes('user')));
    const status = server.store.addStatus(me, 'after the drop');
    assert.equal((await got)[0]!.payload.id, status.id);
  });

  it('counts server pings as heartbeats (undici reports them), so a quiet socket is not a stalled one', async () => {
    const { server } = fake;
    fakeStreaming(server.store).heartbeatEvery(10);
    try {
      const api = clientFor(server, 'ws_ping');
      const stream = api.streamPublic(ws);
      const sub = stream.subscribe();
      const beats = await firstValueFrom(stream.heartbeat$.pipe(take(3), toArray()));
      assert.equal(beats.length, 3);
      sub.unsubscribe();
    } finally {
      fakeStreaming(server.store).heartbeatEvery(15000);
    }
  });

  it('sends the token as a subprotocol with a browser-style WebSocket', async () => {
    const { server } = fake;
    const api = clientFor(server, 'ws_browser');
    const protocols: unknown[] = [];
    // A browser WebSocket takes only subprotocols; this one records them and delegates to undici.
    const BrowserLike = function (this: unknown, url: string, protocol?: unknown) {
      protocols.push(protocol);
      return new UndiciWebSocket(url, protocol as string);
    } as unknown as WebSocketConstructor;
    useWebSocket(api, BrowserLike);
    const me = server.store.userByLogin('ws_browser')!.account;
    const got = firstOf(api.streamUser(ws), 'update', 1);
    await eventually(() => protocols.length === 1 && fakeStreaming(server.store).connections.some((c) => c.streams().includes('user') && c.transport === 'websocket'));
    server.store.addStatus(me, 'hi browser');
    await got;
    assert.deepEqual(protocols, [api.access_token]);
  });

});
